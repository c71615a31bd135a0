/*
 * labels.c — the label map (taxonomy.h): taxonomy/labels.tsv, printed legacy labels → concepts
 * (legacy-edgar-guide.md §3.2–3.4, §5.2), and the label normaliser the patterns are written
 * against.
 *
 * labels.tsv format — UTF-8, one rule per line, six TAB-separated columns; blank lines and lines
 * starting with '#' are ignored:
 *
 *   kind  section  pattern  concept  polarity  flags
 *
 *   kind      statement kind, as t2x_stmt_kind_parse: bs, is, ci, cf, se, note, cover, or * (any)
 *   section   "" or "-": any section; else a section name the parser emits (balance sheet:
 *             current-assets, assets, current-liabilities, liabilities, equity; cash flow:
 *             operating, investing, financing, supplemental). A rule section matches a row
 *             section that is equal or ends with "-" + it ("assets" matches "current-assets"),
 *             see t2x_section_matches; "!investing" matches every row outside that section
 *             (a borrowing or repayment printed among investing activities is a loan the
 *             company holds, not its own debt).
 *   pattern   POSIX extended regular expression with REG_EXTENDED|REG_ICASE|REG_NOSUB meaning,
 *             compiled by converter/ere.c (regcomp(3) for syntax it refuses) and matched against the label as normalised by t2x_label_normalize (lower case, single
 *             spaces, no dot leaders, footnote marks, "(Note 3)", "$" or trailing ":").
 *   concept   prefixed name in the concept table: us-gaap:Revenues
 *   polarity  "0" or "auto": the sign follows the concept's balance (docs/model.md); "+" or "-":
 *             forced (+ for income measures that add to cash in a cash-flow statement)
 *   flags     "-" or a comma list of: total (the row totals the rows above it), start (a
 *             beginning-of-period balance), end (an end-of-period balance)
 *
 * Rules are tried in file order; the first whose kind, section and pattern match wins, so
 * specific rules come before generic ones.
 *
 * Loading checks every rule against the concept table and rejects the file (errors in diag,
 * NULL) when a concept is unknown, abstract or not numeric, or when its period type contradicts
 * the rule: balance-sheet rules must be instants; income, comprehensive income and cash-flow
 * rules durations unless flagged start/end; equity rules instants when flagged start/end and
 * durations otherwise; a start/end flag always needs an instant.
 */
#include "taxonomy.h"
#include "ere.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct t2x_labelmap {
    t2x_label_rule *rules;                 /* in file order */
    size_t count;
    size_t *by_kind[T2X_STMT_KIND_COUNT];  /* per kind: indexes of the rules of that kind or of
                                              kind ANY, in file order */
    size_t by_kind_n[T2X_STMT_KIND_COUNT];
};

/* ------------------------------------------------------------------ normalisation */

static int is_blank(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static int is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int is_digit(int c) { return c >= '0' && c <= '9'; }
static int is_alnum(int c) { return is_alpha(c) || is_digit(c); }

/* Length of a valid UTF-8 sequence at s (2..4), or 0. */
static size_t utf8_len(const unsigned char *s, unsigned *cp)
{
    unsigned c = s[0];
    size_t n;
    unsigned v;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; v = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; v = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; v = c & 0x07; }
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && v < 0x800) || (n == 4 && (v < 0x10000 || v > 0x10FFFF))) return 0;
    *cp = v;
    return n;
}

/* ASCII replacement of a typographic character (Windows-1252 byte or Unicode code point), or
 * NULL to keep it. */
static const char *ascii_for(unsigned cp)
{
    switch (cp) {
    case 0x91: case 0x92: case 0x2018: case 0x2019: case 0x201B: case 0x2032: return "'";
    case 0x93: case 0x94: case 0x201C: case 0x201D: case 0x201F: return "\"";
    case 0x96: case 0x97: case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: return "-";
    case 0x85: case 0x2026: return "...";
    case 0xA0: case 0x2007: case 0x2009: case 0x202F: return " ";
    case 0xAD: return ""; /* soft hyphen */
    default: return NULL;
    }
}

/* Pass 1: bytes → ASCII-ish lower-case text; typographic characters to ASCII, blanks to ' '.
 * Other non-ASCII characters are kept as they are. */
static void pass_chars(const char *in, t2x_buf *out)
{
    const unsigned char *s = (const unsigned char *)in;
    while (*s) {
        unsigned cp = 0;
        size_t n = (*s >= 0x80) ? utf8_len(s, &cp) : 0;
        if (n) {
            const char *rep = ascii_for(cp);
            if (rep) t2x_buf_puts(out, rep);
            else t2x_buf_add(out, (const char *)s, n);
            s += n;
            continue;
        }
        unsigned c = *s++;
        if (c >= 0x80) { /* not UTF-8: a Windows-1252 byte */
            const char *rep = ascii_for(c);
            if (rep) t2x_buf_puts(out, rep);
            else t2x_buf_putc(out, (char)c);
            continue;
        }
        if (is_blank((int)c) || c < 0x20 || c == 0x7F) t2x_buf_putc(out, ' ');
        else if (c >= 'A' && c <= 'Z') t2x_buf_putc(out, (char)(c + 32));
        else t2x_buf_putc(out, (char)c);
    }
}

/* Is s[i..] a footnote or note reference in parentheses? Returns its length, or 0.
 * "(1)", "(12)", "(a)", "(tm)", "(note 3)", "(notes 3 and 4)", "(see note 3)", "(note 3a)". */
static size_t paren_marker(const char *s)
{
    if (s[0] != '(') return 0;
    const char *close = strchr(s, ')');
    if (!close) return 0;
    size_t len = (size_t)(close - s) + 1;
    const char *in = s + 1;
    size_t n = len - 2;
    while (n && *in == ' ') { in++; n--; }
    while (n && in[n - 1] == ' ') n--;
    if (n == 0) return 0;
    /* 1-2 digits, or one letter, or "tm" */
    if (n <= 2 && is_digit(in[0]) && (n == 1 || is_digit(in[1]))) return len;
    if (n == 1 && is_alpha(in[0])) return len;
    if (n == 2 && strncmp(in, "tm", 2) == 0) return len;
    /* (see) note(s) <references> */
    const char *p = in, *end = in + n;
    if (end - p >= 4 && strncmp(p, "see ", 4) == 0) p += 4;
    if (end - p >= 4 && strncmp(p, "note", 4) == 0) {
        p += 4;
        if (p < end && *p == 's') p++;
        if (p == end || *p != ' ') return 0;
        int digits = 0;
        for (; p < end; p++) {
            if (is_digit(*p)) digits++;
            else if (!(*p == ' ' || *p == ',' || *p == '&' || *p == '-' || is_alpha(*p)))
                return 0;
        }
        return digits ? len : 0;
    }
    return 0;
}

/* Is s a "<F1>"-style EDGAR footnote tag? Returns its length, or 0 (input is lower case). */
static size_t tag_marker(const char *s)
{
    if (s[0] != '<' || s[1] != 'f' || !is_digit(s[2])) return 0;
    size_t i = 3;
    while (is_digit(s[i])) i++;
    return s[i] == '>' ? i + 1 : 0;
}

/* Does s start with the word w (followed by a non-alphanumeric character or the end)? */
static int starts_word(const char *s, const char *w)
{
    size_t n = strlen(w);
    return strncmp(s, w, n) == 0 && !is_alnum(s[n]);
}

/* Pass 2: remove markers, leaders and "$"; fix wrap hyphens; collapse blanks. */
static void pass_tokens(const char *s, t2x_buf *out)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        char c = s[i];
        size_t m;
        if (c == '(' && (m = paren_marker(s + i)) > 0) {
            t2x_buf_putc(out, ' ');
            i += m;
            continue;
        }
        if (c == '<' && (m = tag_marker(s + i)) > 0) {
            t2x_buf_putc(out, ' ');
            i += m;
            continue;
        }
        if (c == ',' && i + 1 < n && is_alpha(s[i + 1])) { /* "Marketing,selling" */
            t2x_buf_puts(out, ", ");
            i++;
            continue;
        }
        if (c == '$' || c == '*') {
            t2x_buf_putc(out, ' ');
            i++;
            continue;
        }
        if (c == '.') {
            /* dot leaders: two or more dots, possibly spaced (". . . .") */
            size_t j = i, dots = 0;
            while (j < n && (s[j] == '.' || s[j] == ' ')) {
                if (s[j] == '.') dots++;
                j++;
            }
            if (dots >= 2) {
                t2x_buf_putc(out, ' ');
                i = j;
                continue;
            }
        }
        if (c == '_' || c == '=' || c == '-') {
            size_t j = i;
            while (j < n && s[j] == c) j++;
            if (c != '-' && j - i >= 2) { /* rule or leader of underscores / equal signs */
                t2x_buf_putc(out, ' ');
                i = j;
                continue;
            }
            if (c == '-' && j - i >= 2) { /* "income--net", "Sales -------" */
                t2x_buf_puts(out, " - ");
                i = j;
                continue;
            }
            if (c == '-' && i > 0 && is_alpha(s[i - 1]) && i + 1 < n && s[i + 1] == ' ') {
                /* a word broken at a line end: "out- standing", "compre- hensive" */
                size_t k = i + 1;
                while (k < n && s[k] == ' ') k++;
                if (k < n && s[k] >= 'a' && s[k] <= 'z' && !starts_word(s + k, "and") &&
                    !starts_word(s + k, "or") && !starts_word(s + k, "to")) {
                    i = k;
                    continue;
                }
            }
        }
        t2x_buf_putc(out, c);
        i++;
    }
}

/* Pass 3: blanks to one space, none after "(" or before ")" and ","; trim; drop trailing
 * ":" "-" "," ";" "." and blanks. */
static char *pass_space(const char *s)
{
    size_t n = strlen(s);
    char *out = t2x_xmalloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ') {
            while (i + 1 < n && s[i + 1] == ' ') i++;
            if (o == 0 || out[o - 1] == '(') continue;
            if (i + 1 < n && (s[i + 1] == ')' || s[i + 1] == ',')) continue;
            if (i + 1 == n) continue;
            out[o++] = ' ';
            continue;
        }
        out[o++] = c;
    }
    while (o && (out[o - 1] == ' ' || out[o - 1] == ':' || out[o - 1] == '-' ||
                 out[o - 1] == ',' || out[o - 1] == ';' || out[o - 1] == '.'))
        o--;
    out[o] = '\0';
    return out;
}

char *t2x_label_normalize(const char *label)
{
    if (!label) return t2x_xstrdup("");
    t2x_buf a = {0}, b = {0};
    pass_chars(label, &a);
    pass_tokens(a.data ? a.data : "", &b);
    char *out = pass_space(b.data ? b.data : "");
    free(a.data);
    free(b.data);
    return out;
}

/* ------------------------------------------------------------------ sections */

int t2x_section_matches(const char *rule_section, const char *row_section)
{
    if (!rule_section || !*rule_section) return 1;
    if (rule_section[0] == '!') return !t2x_section_matches(rule_section + 1, row_section);
    if (!row_section || !*row_section) return 0;
    if (strcmp(rule_section, row_section) == 0) return 1;
    size_t rl = strlen(rule_section), sl = strlen(row_section);
    return sl > rl && row_section[sl - rl - 1] == '-' &&
           strcmp(row_section + sl - rl, rule_section) == 0;
}

/* ------------------------------------------------------------------ loading */

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    t2x_buf b = {0};
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) t2x_buf_add(&b, chunk, n);
    int err = ferror(f);
    fclose(f);
    if (err) {
        free(b.data);
        errno = EIO;
        return NULL;
    }
    return b.data ? b.data : t2x_xstrdup("");
}

/* Parse the flags column; -1 on an unknown flag. */
static int parse_flags(const char *s, unsigned *out)
{
    *out = 0;
    if (strcmp(s, "-") == 0 || *s == '\0') return 0;
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n == 5 && strncmp(p, "total", 5) == 0) *out |= T2X_RULE_TOTAL;
        else if (n == 5 && strncmp(p, "start", 5) == 0) *out |= T2X_RULE_BALANCE_START;
        else if (n == 3 && strncmp(p, "end", 3) == 0) *out |= T2X_RULE_BALANCE_END;
        else return -1;
        p = e ? e + 1 : p + n;
    }
    return 0;
}

/* The period type a rule of this kind and flags requires; -1 when any is fine. */
static int required_period(t2x_stmt_kind kind, unsigned flags)
{
    if (flags & (T2X_RULE_BALANCE_START | T2X_RULE_BALANCE_END)) return T2X_PERIOD_INSTANT;
    switch (kind) {
    case T2X_STMT_BALANCE: return T2X_PERIOD_INSTANT;
    case T2X_STMT_INCOME:
    case T2X_STMT_COMPREHENSIVE:
    case T2X_STMT_CASHFLOW:
    case T2X_STMT_EQUITY: return T2X_PERIOD_DURATION;
    default: return -1;
    }
}

static void free_rule(t2x_label_rule *r)
{
    free(r->section);
    free(r->pattern);
    free(r->concept);
}

t2x_labelmap *t2x_labelmap_load(const char *path, const t2x_concepts *concepts, t2x_diag *diag)
{
    char *text = read_text(path);
    if (!text) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "taxonomy-data", "cannot read label map: %s",
                     strerror(errno));
        return NULL;
    }
    if (!concepts) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "taxonomy-data",
                     "label map needs a concept table");
        free(text);
        return NULL;
    }
    t2x_labelmap *m = t2x_xcalloc(1, sizeof *m);
    size_t cap = 0;
    int errors = 0;
    int lineno = 0;
    char *line = text;
    while (line && *line) {
        char *nl = strchr(line, '\n');
        if (nl) *nl = '\0';
        lineno++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r') line[--ll] = '\0';
        const char *q = line;
        while (*q == ' ') q++;
        if (*q == '\0' || *q == '#') goto next;

        char *f[6];
        int nf = 0;
        for (char *p = line;;) {
            if (nf == 6) { nf = 7; break; }
            f[nf++] = p;
            char *t = strchr(p, '\t');
            if (!t) break;
            *t = '\0';
            p = t + 1;
        }
        if (nf != 6) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule",
                         "expected 6 TAB-separated columns (kind section pattern concept polarity flags), found %s",
                         nf > 6 ? "more" : (nf == 5 ? "5" : "fewer"));
            errors++;
            goto next;
        }
        for (int k = 0; k < 6; k++) {
            if (k == 2) continue; /* patterns keep their blanks */
            t2x_trim(f[k]);
        }

        int kind = t2x_stmt_kind_parse(f[0]);
        if (kind < 0) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule", "unknown statement kind '%s'",
                         f[0]);
            errors++;
            goto next;
        }
        int polarity;
        if (strcmp(f[4], "0") == 0 || strcmp(f[4], "auto") == 0 || f[4][0] == '\0') polarity = 0;
        else if (strcmp(f[4], "+") == 0 || strcmp(f[4], "+1") == 0) polarity = 1;
        else if (strcmp(f[4], "-") == 0 || strcmp(f[4], "-1") == 0) polarity = -1;
        else {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule", "bad polarity '%s'", f[4]);
            errors++;
            goto next;
        }
        unsigned flags;
        if (parse_flags(f[5], &flags) < 0) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule", "bad flags '%s'", f[5]);
            errors++;
            goto next;
        }
        if (f[2][0] == '\0') {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule", "empty pattern");
            errors++;
            goto next;
        }
        const t2x_concept *c = t2x_concepts_find(concepts, f[3]);
        if (!c) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule",
                         "concept %s is not in the concept table", f[3]);
            errors++;
            goto next;
        }
        if (c->abstract) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule", "concept %s is abstract",
                         f[3]);
            errors++;
            goto next;
        }
        if (!t2x_concept_is_numeric(c)) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule",
                         "concept %s is not numeric (%s)", f[3], c->type);
            errors++;
            goto next;
        }
        int need = required_period((t2x_stmt_kind)kind, flags);
        if (need >= 0 && (int)c->period != need) {
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule",
                         "concept %s is %s but a %s rule%s needs %s", f[3],
                         c->period == T2X_PERIOD_INSTANT ? "instant" : "duration", f[0],
                         (flags & (T2X_RULE_BALANCE_START | T2X_RULE_BALANCE_END))
                             ? " flagged start/end"
                             : "",
                         need == T2X_PERIOD_INSTANT ? "an instant" : "a duration");
            errors++;
            goto next;
        }

        m->rules = t2x_grow(m->rules, &cap, m->count + 1, sizeof *m->rules);
        t2x_label_rule *r = &m->rules[m->count];
        *r = (t2x_label_rule){0};
        r->ere = t2x_ere_compile(f[2]);
        int rc = r->ere ? 0 : regcomp(&r->re, f[2], REG_EXTENDED | REG_ICASE | REG_NOSUB);
        if (rc != 0) {
            char msg[256];
            regerror(rc, &r->re, msg, sizeof msg);
            t2x_diag_add(diag, T2X_ERROR, path, lineno, "label-rule", "bad pattern '%s': %s",
                         f[2], msg);
            errors++;
            goto next;
        }
        r->kind = (t2x_stmt_kind)kind;
        r->section = t2x_xstrdup(strcmp(f[1], "-") == 0 ? "" : f[1]);
        r->pattern = t2x_xstrdup(f[2]);
        r->concept = t2x_xstrdup(f[3]);
        r->polarity = polarity;
        r->flags = flags;
        r->line = lineno;
        m->count++;
    next:
        line = nl ? nl + 1 : NULL;
    }
    free(text);

    if (errors) {
        t2x_labelmap_free(m);
        return NULL;
    }

    for (int k = 0; k < T2X_STMT_KIND_COUNT; k++) {
        m->by_kind[k] = t2x_xmalloc((m->count ? m->count : 1) * sizeof(size_t));
        for (size_t i = 0; i < m->count; i++)
            if (m->rules[i].kind == T2X_STMT_ANY || (int)m->rules[i].kind == k)
                m->by_kind[k][m->by_kind_n[k]++] = i;
    }
    return m;
}

int t2x_label_rule_matches(const t2x_label_rule *r, const char *label)
{
    if (r->ere) {
        int m = t2x_ere_match(r->ere, label);
        if (m >= 0) return m;
        /* the matcher gave up (a huge label): ask glibc, with a pattern compiled for once */
        regex_t re;
        if (regcomp(&re, r->pattern, REG_EXTENDED | REG_ICASE | REG_NOSUB) != 0) return 0;
        m = regexec(&re, label, 0, NULL, 0) == 0;
        regfree(&re);
        return m;
    }
    return regexec(&r->re, label, 0, NULL, 0) == 0;
}

const t2x_label_rule *t2x_labelmap_match(const t2x_labelmap *m, t2x_stmt_kind kind,
                                         const char *section, const char *label)
{
    if (!m || !label || (int)kind < 0 || kind >= T2X_STMT_KIND_COUNT) return NULL;
    const size_t *idx = m->by_kind[kind];
    for (size_t i = 0; i < m->by_kind_n[kind]; i++) {
        const t2x_label_rule *r = &m->rules[idx[i]];
        if (!t2x_section_matches(r->section, section)) continue;
        if (t2x_label_rule_matches(r, label)) return r;
    }
    return NULL;
}

size_t t2x_labelmap_count(const t2x_labelmap *m) { return m ? m->count : 0; }

void t2x_labelmap_free(t2x_labelmap *m)
{
    if (!m) return;
    for (size_t i = 0; i < m->count; i++) {
        if (m->rules[i].ere) t2x_ere_free(m->rules[i].ere);
        else regfree(&m->rules[i].re);
        free_rule(&m->rules[i]);
    }
    free(m->rules);
    for (int k = 0; k < T2X_STMT_KIND_COUNT; k++) free(m->by_kind[k]);
    free(m);
}
