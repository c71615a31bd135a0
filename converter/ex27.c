/*
 * ex27.c — reading EX-27 Financial Data Schedules (legacy guide §2.1) and the tag → concept
 * table taxonomy/ex27.tsv (ex27.h).
 *
 * A schedule is read line by line: `^\s*<([A-Z0-9&-]+)>\s*(.*)$`. Markup (<TABLE>, <S>, <C>,
 * <PAGE>…), the <LEGEND> block and the <FN> footnote block are skipped; footnote references
 * "<F1>" are dropped from values. Control tags (<ARTICLE>, <MULTIPLIER>, <PERIOD-TYPE>,
 * <FISCAL-YEAR-END>, <PERIOD-START>, <PERIOD-END>, <RESTATED>, <NAME>, <CURRENCY>…) describe
 * the schedule; every other tag is a data tag with one value per column. A new <ARTICLE> (or
 * period tags after data tags) starts a new schedule. The number of columns is the number of
 * dates on <PERIOD-END> (else <FISCAL-YEAR-END>); single control values apply to every column.
 */
#include "ex27.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ tags */

/* Markup and block tags that are not schedule content. */
static const char *const markup_tags[] = {
    "TABLE", "S", "C", "CAPTION", "PAGE", "TEXT", "DOCUMENT", "TYPE", "SEQUENCE", "DESCRIPTION",
    "FILENAME", "PRE", "R", NULL};
/* Control tags other than the ones handled one by one below. */
static const char *const other_control_tags[] = {"NUMBER", "SERIES", "EXCHANGE-RATE", "SUBSIDIARY", NULL};

static int in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0) return 1;
    return 0;
}

/* A tag at the start of the line (after blanks): "<TOTAL-ASSETS>" → "TOTAL-ASSETS" (upper case)
 * in tag[cap]. Returns the index just after '>', or -1. A closing tag keeps its '/'. */
static int line_tag(const char *s, char *tag, size_t cap)
{
    int i = 0;
    while (s[i] == ' ') i++;
    if (s[i] != '<') return -1;
    int k = i + 1;
    size_t n = 0;
    if (s[k] == '/') tag[n++] = s[k++];
    while (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '&' || s[k] == '_') {
        if (n + 1 >= cap) return -1;
        tag[n++] = (char)toupper((unsigned char)s[k]);
        k++;
    }
    if (s[k] != '>' || n == 0 || (n == 1 && tag[0] == '/')) return -1;
    tag[n] = '\0';
    return k + 1;
}

static int is_footnote_tag(const char *tag)
{
    if (tag[0] != 'F' || !tag[1]) return 0;
    for (const char *p = tag + 1; *p; p++)
        if (!isdigit((unsigned char)*p)) return 0;
    return 1;
}

/* ------------------------------------------------------------------ values */

/* One blank-separated token of a value field: [start, start+len) in display columns. */
typedef struct token {
    int start, len;
} token;

/* Split the value part of a line (display text from column `from`) into tokens, with inline
 * tags ("<F1>", "<C>") treated as blanks and a lone "$", "(" or ")" joined to its neighbour.
 * Returns the number of tokens (at most max). `clean` receives a copy of the line with the
 * inline tags blanked (same columns). */
static int split_values(const char *text, int from, char *clean, token *tok, int max)
{
    int n = (int)strlen(text);
    memcpy(clean, text, (size_t)n + 1);
    for (int i = from; i < n; i++) {
        if (clean[i] != '<') continue;
        int k = i + 1;
        while (k < n && k - i < 16 && (isalnum((unsigned char)clean[k]) || clean[k] == '/' || clean[k] == '-')) k++;
        if (k < n && clean[k] == '>' && k > i + 1) {
            for (int j = i; j <= k; j++) clean[j] = ' ';
            i = k;
        }
    }
    int nt = 0;
    int i = from;
    while (i < n && nt < max) {
        while (i < n && clean[i] == ' ') i++;
        if (i >= n) break;
        int s = i;
        while (i < n && clean[i] != ' ') i++;
        int len = i - s;
        int lone_open = (len == 1 && (clean[s] == '$' || clean[s] == '(')) || (len == 2 && clean[s] == '$' && clean[s + 1] == '(');
        if (nt > 0 && len == 1 && clean[s] == ')') {
            tok[nt - 1].len = i - tok[nt - 1].start; /* "(1,295 )" */
            continue;
        }
        if (lone_open) { /* "$ 1,234", "( 1,295)" */
            while (i < n && clean[i] == ' ') i++;
            while (i < n && clean[i] != ' ') i++;
        }
        tok[nt].start = s;
        tok[nt].len = i - s;
        nt++;
    }
    return nt;
}

static void read_value(const t2x_line *ln, const char *clean, token t, t2x_ex27_value *v)
{
    memset(v, 0, sizeof *v);
    v->present = 1;
    v->text = t2x_xstrndup(clean + t.start, (size_t)t.len);
    v->line = ln->no;
    v->offset = t2x_line_offset(ln, t.start);
    v->length = t2x_line_offset(ln, t.start + t.len) - v->offset;
    if (t2x_num_parse(clean + t.start, t.len, &v->num) && !v->num.percent) {
        v->numeric = 1;
        if (v->num.dash) { /* a dash is a zero, as in the statements */
            v->num.mant = 0;
            v->num.negative = 0;
        }
        v->offset = t2x_line_offset(ln, t.start + v->num.num_start);
        v->length = t2x_line_offset(ln, t.start + v->num.num_start + v->num.num_len) - v->offset;
    }
}

/* ------------------------------------------------------------------ building schedules */

#define MAX_COLS 16

/* Control values of a schedule before they are spread over the columns. */
typedef struct pending {
    char *text[4][MAX_COLS]; /* PERIOD-TYPE, FISCAL-YEAR-END, PERIOD-START, PERIOD-END tokens */
    int n[4];
} pending;

enum { P_TYPE, P_FYE, P_START, P_END };

/* The state of reading one document's schedules. */
typedef struct reader {
    const t2x_lines *lines;  /* the source's lines (borrowed) */
    t2x_ex27_set *out;       /* where schedules are appended (borrowed) */
    t2x_ex27_schedule *cur;  /* the schedule being read; NULL: none open */
    pending pend;            /* its period tags, spread over the columns when it closes */
    size_t doc;              /* index of the document in the submission */
    size_t items_cap;        /* capacity of cur->items */
} reader;

static void pending_clear(pending *p)
{
    for (int k = 0; k < 4; k++) {
        for (int c = 0; c < p->n[k]; c++) free(p->text[k][c]);
        p->n[k] = 0;
    }
}

static t2x_date parse_date(const char *s)
{
    t2x_date d = {0, 0, 0};
    int len;
    if (s && t2x_date_find(s, &d, &len) < 0) d.y = 0;
    return d;
}

/* Months or weeks of a PERIOD-TYPE: "YEAR", "12-MOS", "3-Mos", "9 MONTHS", "13-WKS". */
static void period_length(const char *pt, int *months, int *weeks)
{
    *months = *weeks = 0;
    if (!pt) return;
    if (t2x_starts_with_ci(pt, "YEAR") || t2x_starts_with_ci(pt, "ANNUAL") || t2x_starts_with_ci(pt, "FY")) {
        *months = 12;
        return;
    }
    if (t2x_starts_with_ci(pt, "QUARTER") || t2x_starts_with_ci(pt, "QTR")) {
        *months = 3;
        return;
    }
    char *end;
    long n = strtol(pt, &end, 10);
    if (end == pt || n <= 0 || n > 60) return;
    while (*end == '-' || *end == ' ') end++;
    if (t2x_starts_with_ci(end, "MO")) *months = (int)n;
    else if (t2x_starts_with_ci(end, "W")) *weeks = (int)n;
    else if (t2x_starts_with_ci(end, "Y")) *months = (int)(12 * n);
}

/* Spread the pending control values over the columns and finish the schedule. */
static void close_schedule(reader *r, long last_line)
{
    t2x_ex27_schedule *s = r->cur;
    if (!s) return;
    pending *p = &r->pend;
    s->last_line = last_line;
    if (s->cols == NULL) {
        int nc = p->n[P_END] ? p->n[P_END] : p->n[P_FYE] ? p->n[P_FYE] : 1;
        if (nc < 1) nc = 1;
        s->ncols = nc;
        s->cols = t2x_xcalloc((size_t)nc, sizeof *s->cols);
        for (int c = 0; c < nc; c++) {
            t2x_ex27_column *col = &s->cols[c];
            const char *v[4];
            for (int k = 0; k < 4; k++)
                v[k] = p->n[k] == 0 ? NULL : p->n[k] == nc ? p->text[k][c] : p->n[k] == 1 ? p->text[k][0] : NULL;
            /* a PERIOD-TYPE printed as two words ("12 MOS") on a one-column schedule */
            char joined[64] = "";
            if (!v[P_TYPE] && p->n[P_TYPE] > 0) {
                for (int k = 0; k < p->n[P_TYPE]; k++) {
                    if (k) strncat(joined, " ", sizeof joined - strlen(joined) - 1);
                    strncat(joined, p->text[P_TYPE][k], sizeof joined - strlen(joined) - 1);
                }
                v[P_TYPE] = joined;
            }
            col->period_type = v[P_TYPE] ? t2x_xstrdup(v[P_TYPE]) : NULL;
            period_length(col->period_type, &col->months, &col->weeks);
            col->fiscal_year_end = parse_date(v[P_FYE]);
            col->period_start = parse_date(v[P_START]);
            col->period_end = parse_date(v[P_END]);
            if (!col->period_end.y && col->fiscal_year_end.y && (col->months == 12 || !col->period_type))
                col->period_end = col->fiscal_year_end;
        }
        /* widen the value arrays of the items to ncols */
        for (size_t i = 0; i < s->nitems; i++) {
            t2x_ex27_value *nv = t2x_xcalloc((size_t)nc, sizeof *nv);
            for (int c = 0; c < nc && c < MAX_COLS; c++) nv[c] = s->items[i].values[c];
            for (int c = nc; c < MAX_COLS; c++) free(s->items[i].values[c].text);
            free(s->items[i].values);
            s->items[i].values = nv;
        }
    }
    if (!s->article[0] || s->article_inferred) {
        /* no <ARTICLE>: guess from the tags (a bank has DEPOSITS, an insurer PREMIUMS) */
        const char *a = "5";
        for (size_t i = 0; i < s->nitems; i++) {
            const char *t = s->items[i].tag;
            if (!strcmp(t, "DEPOSITS") || !strcmp(t, "INTEREST-LOAN") || !strcmp(t, "LOANS")) a = "9";
            else if (!strcmp(t, "PREMIUMS") || !strcmp(t, "BENEFITS") || !strcmp(t, "POLICY-LOSSES")) a = "7";
        }
        snprintf(s->article, sizeof s->article, "%s", a);
        s->article_inferred = 1;
    }
    pending_clear(p);
    r->cur = NULL;
}

static t2x_ex27_schedule *open_schedule(reader *r, long line)
{
    r->out->v = t2x_grow(r->out->v, &r->out->cap, r->out->n + 1, sizeof *r->out->v);
    t2x_ex27_schedule *s = &r->out->v[r->out->n++];
    memset(s, 0, sizeof *s);
    s->doc = r->doc;
    s->multiplier = 1;
    s->multiplier_pow = 0;
    s->first_line = s->last_line = line;
    s->duplicate_of = -1;
    r->cur = s;
    r->items_cap = 0;
    return s;
}

/* <MULTIPLIER> 1,000: the first number printed. More than 18 significant digits is not a
 * multiplier any schedule means, and is not clipped to one: multiplier_bad. */
static void set_multiplier(t2x_ex27_schedule *s, const char *text)
{
    long long m = 0;
    int digits = 0;
    for (const char *p = text; *p; p++) {
        if (isdigit((unsigned char)*p)) {
            if (m == 0 && *p == '0') continue; /* leading zeros */
            if (++digits > 18) {
                s->multiplier = 1;
                s->multiplier_pow = 0;
                s->multiplier_bad = 1;
                return;
            }
            m = m * 10 + (*p - '0');
        } else if (*p == ',' || *p == ' ') {
            if (digits && *p == ' ') break;
        } else if (*p == '.') {
            break;
        } else if (digits) {
            break;
        }
    }
    if (m <= 0) return;
    s->multiplier = m;
    int pw = 0;
    long long x = m;
    while (x % 10 == 0) {
        x /= 10;
        pw++;
    }
    s->multiplier_pow = x == 1 ? pw : -1;
}

void t2x_ex27_parse_range(const t2x_lines *lines, size_t first, size_t end, size_t doc, t2x_ex27_set *out)
{
    reader r;
    memset(&r, 0, sizeof r);
    r.lines = lines;
    r.out = out;
    r.doc = doc;
    int in_legend = 0, in_fn = 0;
    char tag[48];
    char *clean = t2x_xmalloc(T2X_LINE_MAX_COLS + 2);
    long last_content = 0;
    for (size_t i = first; i < end && i < lines->n; i++) {
        const t2x_line *ln = &lines->v[i];
        int after = line_tag(ln->text, tag, sizeof tag);
        if (in_legend) {
            if (strstr(ln->text, "</LEGEND>") || strstr(ln->text, "</legend>")) {
                in_legend = 0;
                continue;
            }
            /* a legend never closed ends at the next tag line */
            if (after < 0 || tag[0] == '/') continue;
            in_legend = 0;
        }
        if (after < 0) continue;
        if (tag[0] == '/') {
            if (strcmp(tag, "/FN") == 0) in_fn = 0;
            continue;
        }
        if (strcmp(tag, "ARTICLE") == 0) {
            close_schedule(&r, last_content);
            in_fn = 0;
            t2x_ex27_schedule *s = open_schedule(&r, ln->no);
            token t[2];
            int nt = split_values(ln->text, after, clean, t, 2);
            if (nt > 0) snprintf(s->article, sizeof s->article, "%.*s", t[0].len < 7 ? t[0].len : 7, clean + t[0].start);
            for (char *p = s->article; *p; p++) *p = (char)toupper((unsigned char)*p);
            last_content = ln->no;
            continue;
        }
        if (in_fn || is_footnote_tag(tag) || in_list(tag, markup_tags)) continue;
        if (strcmp(tag, "FN") == 0) {
            in_fn = 1;
            continue;
        }
        if (strcmp(tag, "LEGEND") == 0) {
            if (!strstr(ln->text + after, "</LEGEND>") && !strstr(ln->text + after, "</legend>")) in_legend = 1;
            continue;
        }
        int period_tag = !strcmp(tag, "PERIOD-TYPE") ? P_TYPE : !strcmp(tag, "FISCAL-YEAR-END") ? P_FYE
                         : !strcmp(tag, "PERIOD-START") ? P_START : !strcmp(tag, "PERIOD-END") ? P_END : -1;
        /* period tags after data tags begin the next schedule of the same article */
        if (period_tag >= 0 && r.cur && r.cur->nitems > 0) {
            char art[8];
            long long mult = r.cur->multiplier;
            int pw = r.cur->multiplier_pow, bad = r.cur->multiplier_bad;
            memcpy(art, r.cur->article, sizeof art);
            close_schedule(&r, last_content);
            t2x_ex27_schedule *s = open_schedule(&r, ln->no);
            memcpy(s->article, art, sizeof art);
            s->multiplier = mult;
            s->multiplier_pow = pw;
            s->multiplier_bad = bad;
        }
        if (!r.cur) open_schedule(&r, ln->no);
        t2x_ex27_schedule *s = r.cur;
        last_content = ln->no;
        token t[MAX_COLS];
        int nt = split_values(ln->text, after, clean, t, MAX_COLS);
        if (period_tag >= 0) {
            pending *p = &r.pend;
            for (int k = 0; k < p->n[period_tag]; k++) free(p->text[period_tag][k]);
            p->n[period_tag] = 0;
            for (int k = 0; k < nt; k++) p->text[period_tag][p->n[period_tag]++] = t2x_xstrndup(clean + t[k].start, (size_t)t[k].len);
            continue;
        }
        if (strcmp(tag, "MULTIPLIER") == 0) {
            set_multiplier(s, clean + after);
            continue;
        }
        if (strcmp(tag, "RESTATED") == 0) {
            s->restated = 1;
            continue;
        }
        if (strcmp(tag, "NAME") == 0 || strcmp(tag, "CURRENCY") == 0 || strcmp(tag, "CIK") == 0) {
            char **dst = tag[1] == 'A' ? &s->name : tag[1] == 'U' ? &s->currency : &s->cik;
            free(*dst);
            *dst = t2x_trim(t2x_xstrdup(clean + after));
            continue;
        }
        if (in_list(tag, other_control_tags)) continue;
        /* a data tag; a repeated tag (a second registrant's block without <ARTICLE>) is kept */
        s->items = t2x_grow(s->items, &r.items_cap, s->nitems + 1, sizeof *s->items);
        t2x_ex27_item *it = &s->items[s->nitems++];
        it->tag = t2x_xstrdup(tag);
        it->values = t2x_xcalloc(MAX_COLS, sizeof *it->values);
        for (int k = 0; k < nt; k++) read_value(ln, clean, t[k], &it->values[k]);
    }
    close_schedule(&r, last_content);
    free(clean);
}

static void schedule_free(t2x_ex27_schedule *s);

/* Two schedules with the same article, multiplier, periods and printed values. */
static int same_schedule(const t2x_ex27_schedule *a, const t2x_ex27_schedule *b)
{
    if (strcmp(a->article, b->article) != 0 || a->multiplier != b->multiplier || a->ncols != b->ncols ||
        a->nitems != b->nitems || a->restated != b->restated)
        return 0;
    for (int c = 0; c < a->ncols; c++)
        if (t2x_date_cmp(a->cols[c].period_end, b->cols[c].period_end) != 0 ||
            t2x_date_cmp(a->cols[c].period_start, b->cols[c].period_start) != 0 ||
            a->cols[c].months != b->cols[c].months)
            return 0;
    for (size_t i = 0; i < a->nitems; i++) {
        if (strcmp(a->items[i].tag, b->items[i].tag) != 0) return 0;
        for (int c = 0; c < a->ncols; c++) {
            const char *x = a->items[i].values[c].text, *y = b->items[i].values[c].text;
            if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0)) return 0;
        }
    }
    return 1;
}

void t2x_ex27_parse(const t2x_lines *lines, const t2x_submission *sub, t2x_ex27_set *out)
{
    memset(out, 0, sizeof *out);
    for (size_t k = 0; k < sub->ndocs; k++) {
        const t2x_document *d = &sub->docs[k];
        if (!t2x_document_is_ex27(d) || d->is_binary) continue;
        t2x_ex27_parse_range(lines, d->first, d->end, k, out);
    }
    /* drop schedules without a data tag (a stray <ARTICLE> line) */
    size_t keep = 0;
    for (size_t i = 0; i < out->n; i++) {
        if (out->v[i].nitems == 0) {
            schedule_free(&out->v[i]);
            continue;
        }
        out->v[keep++] = out->v[i];
    }
    out->n = keep;
    for (size_t i = 0; i < out->n; i++)
        for (size_t j = 0; j < i && out->v[i].duplicate_of < 0; j++)
            if (out->v[j].duplicate_of < 0 && same_schedule(&out->v[i], &out->v[j])) out->v[i].duplicate_of = (int)j;
}

static void schedule_free(t2x_ex27_schedule *s)
{
    for (size_t i = 0; i < s->nitems; i++) {
        for (int c = 0; c < s->ncols; c++) free(s->items[i].values[c].text);
        free(s->items[i].values);
        free(s->items[i].tag);
    }
    free(s->items);
    for (int c = 0; c < s->ncols; c++) free(s->cols[c].period_type);
    free(s->cols);
    free(s->name);
    free(s->currency);
    free(s->cik);
}

void t2x_ex27_set_free(t2x_ex27_set *s)
{
    if (!s) return;
    for (size_t i = 0; i < s->n; i++) schedule_free(&s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

const t2x_ex27_value *t2x_ex27_get(const t2x_ex27_schedule *s, const char *tag, int col)
{
    if (col < 0 || col >= s->ncols) return NULL;
    for (size_t i = 0; i < s->nitems; i++)
        if (strcmp(s->items[i].tag, tag) == 0 && s->items[i].values[col].present) return &s->items[i].values[col];
    return NULL;
}

/* ------------------------------------------------------------------ periods */

void t2x_ex27_resolve(t2x_ex27_set *set)
{
    for (size_t i = 0; i < set->n; i++) {
        t2x_ex27_schedule *s = &set->v[i];
        for (int c = 0; c < s->ncols; c++) {
            t2x_ex27_column *col = &s->cols[c];
            t2x_date end = col->period_end;
            col->start.y = 0;
            if (!end.y) continue;
            if (col->period_start.y && t2x_date_cmp(col->period_start, end) <= 0) col->start = col->period_start;
            else if (col->months) col->start = t2x_date_months_back(end, col->months);
            else if (col->weeks) col->start = t2x_date_add_days(end, -7 * col->weeks + 1);
            else if (col->fiscal_year_end.y) {
                /* year to date: the day after the last fiscal year end before PERIOD-END */
                t2x_date prev = col->fiscal_year_end;
                for (int guard = 0; guard < 200 && t2x_date_cmp(prev, end) >= 0; guard++) {
                    prev.y--;
                    int dim = t2x_days_in_month(prev.y, prev.m);
                    if (prev.d > dim || col->fiscal_year_end.d == t2x_days_in_month(col->fiscal_year_end.y, prev.m))
                        prev.d = dim;
                }
                col->start = t2x_date_add_days(prev, 1);
            }
        }
    }
}

/* ------------------------------------------------------------------ ex27.tsv */

/* Split `line` in place on TABs into at most max fields; returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    char *p = line;
    while (n < max) {
        f[n++] = p;
        char *t = strchr(p, '\t');
        if (!t) break;
        *t = '\0';
        p = t + 1;
    }
    for (int i = 0; i < n; i++) t2x_trim(f[i]);
    return n;
}

static int valid_tag(const char *t)
{
    if (!*t) return 0;
    for (const char *p = t; *p; p++)
        if (!(isupper((unsigned char)*p) || isdigit((unsigned char)*p) || *p == '-' || *p == '&')) return 0;
    return 1;
}

/* Adjustment terms separated by blanks: "-|ALLOWANCES|", "+COMMON +PREFERRED"; "-" = none.
 * 0 on a syntax error. */
static int parse_adjust(const char *s, t2x_ex27_rule *r)
{
    if (strcmp(s, "-") == 0) return 1;
    char *copy = t2x_xstrdup(s), *save = NULL;
    int ok = 1;
    for (char *t = strtok_r(copy, " ", &save); t && ok; t = strtok_r(NULL, " ", &save)) {
        int sign = t[0] == '+' ? 1 : t[0] == '-' ? -1 : 0;
        char *tag = t + 1;
        size_t n = strlen(tag);
        int absolute = n >= 2 && tag[0] == '|' && tag[n - 1] == '|';
        if (absolute) {
            tag[n - 1] = '\0';
            tag++;
        }
        if (!sign || !valid_tag(tag)) {
            ok = 0;
            break;
        }
        r->adjust = t2x_xrealloc(r->adjust, (r->nadjust + 1) * sizeof *r->adjust);
        r->adjust[r->nadjust].tag = t2x_xstrdup(tag);
        r->adjust[r->nadjust].sign = sign;
        r->adjust[r->nadjust].absolute = absolute;
        r->nadjust++;
    }
    free(copy);
    return ok && r->nadjust > 0;
}

static void rule_free(t2x_ex27_rule *r)
{
    free(r->article);
    free(r->tag);
    free(r->concept);
    for (size_t k = 0; k < r->nparts; k++) free(r->parts[k]);
    free(r->parts);
    for (size_t k = 0; k < r->nadjust; k++) free(r->adjust[k].tag);
    free(r->adjust);
    for (size_t k = 0; k < r->nwhen; k++) free(r->when_zero[k]);
    free(r->when_zero);
}

void t2x_ex27map_free(t2x_ex27map *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->count; i++) rule_free(&m->rules[i]);
    free(m->rules);
    free(m);
}

t2x_ex27map *t2x_ex27map_load(const char *path, const t2x_concepts *concepts, t2x_diag *diag)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "data", "cannot read the EX-27 tag table: %s", strerror(errno));
        return NULL;
    }
    t2x_ex27map *m = t2x_xcalloc(1, sizeof *m);
    size_t cap = 0;
    char buf[2048];
    int lineno = 0, errors = 0;
    while (fgets(buf, sizeof buf, fp)) {
        lineno++;
        size_t len = strlen(buf);
        while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r')) buf[--len] = '\0';
        char *s = buf;
        while (*s == ' ') s++;
        if (!*s || *s == '#') continue;
        char *f[7];
        int nf = split_tabs(buf, f, 7);
        if (nf != 6) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "data", "expected 6 TAB-separated columns, found %d", nf);
            errors++;
            continue;
        }
        t2x_ex27_rule r;
        memset(&r, 0, sizeof r);
        r.line = lineno;
        r.article = t2x_xstrdup(f[0]);
        r.tag = t2x_xstrdup(f[1]);
        r.concept = t2x_xstrdup(f[2]);
        const char *why = NULL;
        const t2x_concept *c = NULL;
        char *sum = t2x_xstrdup(f[2]), *save = NULL;
        for (char *t = strtok_r(sum, "+", &save); t && !why; t = strtok_r(NULL, "+", &save)) {
            const t2x_concept *ci = t2x_concepts_find(concepts, t);
            if (!ci) why = "unknown concept";
            else if (ci->abstract || !t2x_concept_is_numeric(ci)) why = "concept is abstract or not numeric";
            else if (c && (ci->period != c->period || strcmp(ci->type, c->type) != 0))
                why = "the concepts of a sum differ in period type or data type";
            if (why) break;
            if (!c) c = ci;
            r.parts = t2x_xrealloc(r.parts, (r.nparts + 1) * sizeof *r.parts);
            r.parts[r.nparts++] = t2x_xstrdup(t);
        }
        free(sum);
        if (!why && !valid_tag(r.tag)) why = "bad tag";
        else if (!why && !c) why = "no concept";
        if (!why) {
            r.period = c->period;
            const char *local = strchr(c->type, ':');
            local = local ? local + 1 : c->type;
            r.per_share = strcmp(local, "perShareItemType") == 0;
            r.monetary = strcmp(local, "monetaryItemType") == 0;
            if (strcmp(f[3], "-") != 0) {
                char *mode = t2x_xstrdup(f[3]), *msave = NULL;
                for (char *t = strtok_r(mode, ",", &msave); t && !why; t = strtok_r(NULL, ",", &msave)) {
                    if (strcmp(t, "abs") == 0) r.mode |= T2X_EX27_ABS;
                    else if (strcmp(t, "open") == 0) r.mode |= T2X_EX27_OPEN;
                    else if (strcmp(t, "fallback") == 0) r.mode |= T2X_EX27_FALLBACK;
                    else if (strcmp(t, "loose") == 0) r.mode |= T2X_EX27_LOOSE;
                    else why = "unknown mode (abs, open, fallback, loose)";
                }
                free(mode);
            }
            if (!why && (r.mode & T2X_EX27_OPEN) && r.period != T2X_PERIOD_INSTANT)
                why = "mode open needs an instant concept";
            if (!why && !parse_adjust(f[4], &r)) why = "bad adjustment (e.g. -|ALLOWANCES| or +COMMON +PREFERRED)";
            if (!why && strcmp(f[5], "-") != 0) {
                char *w = t2x_xstrdup(f[5]), *wsave = NULL;
                for (char *t = strtok_r(w, ",", &wsave); t && !why; t = strtok_r(NULL, ",", &wsave)) {
                    if (!valid_tag(t)) why = "bad tag in the when-zero column";
                    else {
                        r.when_zero = t2x_xrealloc(r.when_zero, (r.nwhen + 1) * sizeof *r.when_zero);
                        r.when_zero[r.nwhen++] = t2x_xstrdup(t);
                    }
                }
                free(w);
            }
        }
        if (why) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "data", "%s: %s %s %s", why, f[0], f[1], f[2]);
            rule_free(&r);
            errors++;
            continue;
        }
        m->rules = t2x_grow(m->rules, &cap, m->count + 1, sizeof *m->rules);
        m->rules[m->count++] = r;
    }
    fclose(fp);
    if (errors) {
        t2x_ex27map_free(m);
        return NULL;
    }
    return m;
}
