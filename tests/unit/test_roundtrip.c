/*
 * test_roundtrip.c — issue 12 item 7: convert's output always verifies. A fuzz-like corpus is
 * generated deterministically (fixed seed): excerpts of real filings (samples/, tests/data/ and,
 * when present, the text filings of ../shared/corpus) around statement titles and tables, each
 * mutated one to four times the way hostile or damaged input differs from a filing (digits,
 * digit groups, years, dates, tabs, joined, doubled, dropped and swapped lines, stray
 * punctuation, cut lines). Every input goes through convert → outputs → the independent
 * verifier; asserted: no conversion that convert accepts is rejected by verify, and no input
 * makes convert report a data/internal error (exit 4) — bad input is exit 3.
 * T2X_ROUNDTRIP_N sets the number of inputs (default 300), T2X_ROUNDTRIP_SEED the seed,
 * T2X_ROUNDTRIP_DUMP a directory to write every input into (to replay them on another build).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "filing.h"
#include "testutil.h"

/* ---------------------------------------------------------------- deterministic randomness */

static uint64_t rng_state;

static uint32_t rnd(void)
{
    rng_state ^= rng_state << 13; /* xorshift64 */
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return (uint32_t)(rng_state >> 16);
}

static size_t pick(size_t n) { return n ? rnd() % n : 0; }

/* ---------------------------------------------------------------- source texts as lines */

typedef struct text {
    char *data;
    size_t len;
    size_t *line; /* start offsets of its lines */
    size_t nlines;
    size_t *anchor; /* lines that start a statement: titles and <TABLE> */
    size_t nanchors;
} text;

static int is_anchor(const char *s, size_t n)
{
    static const char *const words[] = {"BALANCE SHEET", "Balance Sheet", "STATEMENTS OF", "Statements of",
                                        "STATEMENT OF", "Statement of", "FINANCIAL POSITION"};
    char buf[200];
    size_t k = n < sizeof buf - 1 ? n : sizeof buf - 1;
    memcpy(buf, s, k);
    buf[k] = '\0';
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(buf, words[i])) return 1;
    return 0;
}

static void text_load(text *t, const char *path)
{
    memset(t, 0, sizeof *t);
    t->data = slurp(path, &t->len);
    if (!t->data) return;
    size_t cap = 0, acap = 0;
    for (size_t i = 0; i < t->len;) {
        size_t e = i;
        while (e < t->len && t->data[e] != '\n') e++;
        if (t->nlines == cap) t->line = realloc(t->line, (cap = cap * 2 + 64) * sizeof *t->line);
        t->line[t->nlines] = i;
        if (is_anchor(t->data + i, e - i)) {
            if (t->nanchors == acap) t->anchor = realloc(t->anchor, (acap = acap * 2 + 16) * sizeof *t->anchor);
            t->anchor[t->nanchors++] = t->nlines;
        }
        t->nlines++;
        i = e + 1;
    }
}

static void text_free(text *t)
{
    free(t->data);
    free(t->line);
    free(t->anchor);
}

/* Line k of t as [*s, *s + *n) (without '\n'). */
static void line_of(const text *t, size_t k, const char **s, size_t *n)
{
    size_t b = t->line[k], e = k + 1 < t->nlines ? t->line[k + 1] : t->len;
    if (e > b && t->data[e - 1] == '\n') e--;
    *s = t->data + b;
    *n = e - b;
}

/* ---------------------------------------------------------------- the generated input */

typedef struct lines {
    char **v;
    size_t n, cap;
} lines;

static void lines_push(lines *L, const char *s, size_t n)
{
    if (L->n == L->cap) L->v = realloc(L->v, (L->cap = L->cap * 2 + 64) * sizeof *L->v);
    L->v[L->n] = malloc(n + 1);
    memcpy(L->v[L->n], s, n);
    L->v[L->n][n] = '\0';
    L->n++;
}

static void lines_free(lines *L)
{
    for (size_t i = 0; i < L->n; i++) free(L->v[i]);
    free(L->v);
    memset(L, 0, sizeof *L);
}

/* Replace line k by s (taken). */
static void set_line(lines *L, size_t k, char *s)
{
    free(L->v[k]);
    L->v[k] = s;
}

/* Position of a random digit in line s, -1 if none. */
static long random_digit(const char *s)
{
    size_t n = strlen(s), count = 0;
    for (size_t i = 0; i < n; i++) count += s[i] >= '0' && s[i] <= '9';
    if (!count) return -1;
    size_t want = pick(count);
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9' && want-- == 0) return (long)i;
    return -1;
}

/* s with `ins` inserted at position at (new string). */
static char *insert_at(const char *s, size_t at, const char *ins)
{
    size_t n = strlen(s), k = strlen(ins);
    if (at > n) at = n;
    char *r = malloc(n + k + 1);
    memcpy(r, s, at);
    memcpy(r + at, ins, k);
    memcpy(r + at + k, s + at, n - at + 1);
    return r;
}

/* One mutation of the input. */
static void mutate(lines *L)
{
    if (L->n < 2) return;
    size_t k = pick(L->n);
    char *s = L->v[k];
    long d;
    switch (pick(12)) {
    case 0: /* a digit changed */
        if ((d = random_digit(s)) >= 0) s[d] = (char)('0' + pick(10));
        break;
    case 1: /* a digit-group separator inserted or removed */
        if ((d = random_digit(s)) >= 0) {
            if (s[d + 1] == ',') memmove(s + d + 1, s + d + 2, strlen(s + d + 2) + 1);
            else set_line(L, k, insert_at(s, (size_t)d + 1, pick(2) ? "," : "."));
        }
        break;
    case 2: { /* a year changed: another year, or one no calendar has */
        char *y = strstr(s, "19");
        if (!y) y = strstr(s, "20");
        if (y && strlen(y) >= 4) {
            static const char *const years[] = {"0000", "1899", "2099", "1995", "9999", "1996"};
            memcpy(y, years[pick(6)], 4);
        }
        break;
    }
    case 3: { /* a line doubled */
        lines_push(L, s, strlen(s));
        char *copy = L->v[L->n - 1];
        memmove(L->v + k + 1, L->v + k, (L->n - k - 1) * sizeof *L->v);
        L->v[k] = copy;
        break;
    }
    case 4: /* a line dropped */
        free(L->v[k]);
        memmove(L->v + k, L->v + k + 1, (L->n - k - 1) * sizeof *L->v);
        L->n--;
        break;
    case 5: /* two lines joined */
        if (k + 1 < L->n) {
            size_t a = strlen(L->v[k]), b = strlen(L->v[k + 1]);
            char *j = malloc(a + b + 2);
            memcpy(j, L->v[k], a);
            j[a] = pick(2) ? ' ' : '\t';
            memcpy(j + a + 1, L->v[k + 1], b + 1);
            set_line(L, k, j);
            free(L->v[k + 1]);
            memmove(L->v + k + 1, L->v + k + 2, (L->n - k - 2) * sizeof *L->v);
            L->n--;
        }
        break;
    case 6: /* blanks turned into a tab */
        for (size_t i = pick(strlen(s) + 1); s[i]; i++)
            if (s[i] == ' ' && s[i + 1] == ' ') {
                s[i] = '\t';
                memmove(s + i + 1, s + i + 2, strlen(s + i + 2) + 1);
                break;
            }
        break;
    case 7: { /* two lines swapped */
        size_t j = pick(L->n);
        char *t = L->v[k];
        L->v[k] = L->v[j];
        L->v[j] = t;
        break;
    }
    case 8: { /* stray punctuation */
        static const char *const bits[] = {"$", "(", ")", "-", ".", ",", "--", "%", "*", "(a)", " 1,234 ", "\t"};
        set_line(L, k, insert_at(s, pick(strlen(s) + 1), bits[pick(12)]));
        break;
    }
    case 9: { /* a number of another line copied in */
        size_t j = pick(L->n);
        long e = random_digit(L->v[j]);
        if (e >= 0) {
            const char *b = L->v[j] + e;
            while (b > L->v[j] && (b[-1] == ',' || (b[-1] >= '0' && b[-1] <= '9'))) b--;
            size_t m = strspn(b, "0123456789,.");
            char num[64];
            snprintf(num, sizeof num, " %.*s ", (int)(m < 40 ? m : 40), b);
            set_line(L, k, insert_at(s, pick(strlen(s) + 1), num));
        }
        break;
    }
    case 10: /* a line cut short */
        s[pick(strlen(s) + 1)] = '\0';
        break;
    default: { /* a column heading of dates on one line */
        static const char *const heads[] = {"September 27, 1996, and September 29, 1995",
                                            "     1997        1996        1995",
                                            "December 31, 0000      December 31, 1995", "THREE MONTHS ENDED",
                                            "  June 30,     Dec. 31,", "(In thousands)"};
        const char *h0 = heads[pick(6)];
        lines_push(L, h0, strlen(h0));
        char *h = L->v[L->n - 1];
        memmove(L->v + k + 1, L->v + k, (L->n - k - 1) * sizeof *L->v);
        L->v[k] = h;
        break;
    }
    }
}

/* The k-th input: an excerpt of a source text, maybe with the file's first lines (header and
 * cover), mutated. Returns the bytes (caller frees), *len their length. */
static char *generate(const text *src, size_t nsrc, size_t *len)
{
    const text *t = &src[pick(nsrc)];
    lines L = {0};
    if (pick(2) == 0) {
        size_t head = 20 + pick(60);
        for (size_t i = 0; i < head && i < t->nlines; i++) {
            const char *s;
            size_t n;
            line_of(t, i, &s, &n);
            lines_push(&L, s, n);
        }
    }
    size_t at = t->nanchors ? t->anchor[pick(t->nanchors)] : pick(t->nlines);
    size_t back = pick(8), first = at > back ? at - back : 0, count = 30 + pick(150);
    for (size_t i = first; i < first + count && i < t->nlines; i++) {
        const char *s;
        size_t n;
        line_of(t, i, &s, &n);
        lines_push(&L, s, n);
    }
    size_t muts = 1 + pick(4);
    for (size_t m = 0; m < muts; m++) mutate(&L);
    size_t total = 0;
    for (size_t i = 0; i < L.n; i++) total += strlen(L.v[i]) + 1;
    char *out = malloc(total + 1), *p = out;
    for (size_t i = 0; i < L.n; i++) {
        size_t n = strlen(L.v[i]);
        memcpy(p, L.v[i], n);
        p += n;
        *p++ = '\n';
    }
    *p = '\0';
    *len = total;
    lines_free(&L);
    return out;
}

/* ---------------------------------------------------------------- the test */

static void add_dir(text **src, size_t *n, const char *dir, const char *suffix, size_t max)
{
    DIR *d = opendir(dir);
    if (!d) return;
    char **names = NULL;
    size_t nn = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t l = strlen(e->d_name), s = strlen(suffix);
        if (l > s && strcmp(e->d_name + l - s, suffix) == 0) {
            names = realloc(names, (nn + 1) * sizeof *names);
            names[nn++] = strdup(e->d_name);
        }
    }
    closedir(d);
    /* readdir order is not stable: sort for a deterministic corpus */
    for (size_t i = 1; i < nn; i++)
        for (size_t j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
            char *x = names[j];
            names[j] = names[j - 1];
            names[j - 1] = x;
        }
    for (size_t i = 0; i < nn; i++) {
        if (i < max) {
            char path[4200];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            *src = realloc(*src, (*n + 1) * sizeof **src);
            text_load(&(*src)[*n], path);
            const text *t = &(*src)[*n];
            /* plain-text filings with statements (HTML ones are refused before any reading) */
            if (t->data && t->nanchors && !strstr(t->data, "<TD") && !strstr(t->data, "<td")) (*n)++;
            else text_free(&(*src)[*n]);
        }
        free(names[i]);
    }
    free(names);
}

static void test_convert_then_verify(void **state)
{
    (void)state;
    text *src = NULL;
    size_t nsrc = 0;
    char dir[4200];
    add_dir(&src, &nsrc, srcpath("samples"), ".txt", 100);
    add_dir(&src, &nsrc, srcpath("tests/data"), ".txt", 100);
    snprintf(dir, sizeof dir, "%s", srcpath("../shared/corpus"));
    add_dir(&src, &nsrc, dir, ".txt", 100);
    assert_true(nsrc >= 2);
    const char *e = getenv("T2X_ROUNDTRIP_N");
    size_t n = e ? (size_t)strtoul(e, NULL, 10) : 300;
    e = getenv("T2X_ROUNDTRIP_SEED");
    rng_state = e ? strtoull(e, NULL, 10) : 20261202;
    if (!rng_state) rng_state = 1;
    const char *dump = getenv("T2X_ROUNDTRIP_DUMP");
    /* outputs are written and synced: on tmpfs when there is one */
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%s/t2x-roundtrip.XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    assert_non_null(mkdtemp(tmp));
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    t2x_verify_options vo;
    memset(&vo, 0, sizeof vo);
    vo.data_dir = opt.data_dir;
    size_t converted = 0, refused = 0, internal = 0, mismatch = 0;
    for (size_t k = 0; k < n; k++) {
        size_t len;
        char *in = generate(src, nsrc, &len);
        char path[4300], out[4300];
        snprintf(path, sizeof path, "%s/%04zu.txt", dump ? dump : tmp, k);
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        assert_int_equal(fwrite(in, 1, len, fp), len);
        fclose(fp);
        snprintf(out, sizeof out, "%s/out%04zu", tmp, k);
        t2x_diag d = {0};
        t2x_filing *f = NULL;
        t2x_status st = t2x_convert_bytes((const unsigned char *)in, len, path, &opt, &d, &f);
        if (st == T2X_OK) st = t2x_filing_write(f, out, &opt, &d);
        if (st == T2X_OK) {
            converted++;
            t2x_diag vd = {0};
            t2x_verify_report *r = NULL;
            t2x_status vs = t2x_verify(path, out, &vo, &vd, &r);
            if (vs != T2X_OK) {
                mismatch++;
                fprintf(stderr, "input %zu (%s): convert ok, verify %d: %s\n", k, path, vs,
                        vd.count ? vd.items[0].message : "");
            }
            t2x_verify_report_free(r);
            t2x_diag_free(&vd);
        } else if (st == T2X_ERR_INPUT || st == T2X_ERR_NOT_FILING || st == T2X_ERR_HTML ||
                   st == T2X_ERR_NO_STATEMENTS) {
            refused++;
        } else {
            internal++;
            fprintf(stderr, "input %zu (%s): convert status %d: %s\n", k, path, st,
                    d.count ? d.items[d.count - 1].message : "");
        }
        t2x_filing_free(f);
        t2x_diag_free(&d);
        free(in);
        char cmd[4400];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", out);
        assert_int_equal(system(cmd), 0);
        if (!dump) unlink(path);
    }
    rmdir(tmp);
    printf("roundtrip: %zu inputs from %zu texts: %zu converted, %zu refused (exit 3), %zu exit 4, "
           "%zu convert ok but verify rejects\n", n, nsrc, converted, refused, internal, mismatch);
    for (size_t i = 0; i < nsrc; i++) text_free(&src[i]);
    free(src);
    assert_true(converted > n / 10); /* the corpus exercises conversions, not only refusals */
    assert_int_equal(internal, 0);
    assert_int_equal(mismatch, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_convert_then_verify),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
