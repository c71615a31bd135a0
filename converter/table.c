/*
 * table.c — read the table of a statement region (table.h; legacy guide §1.4, §3.6, §4.6).
 *
 * Pass 1 finds, per page segment, the value columns: right-aligned amounts share the display
 * column of their last digit, so a histogram of those columns gives the anchors. Pass 2 walks
 * the lines: the header zone above the first amounts gives each column its header text; rule
 * lines mark subtotals; a line with amounts at anchors is a row whose label is the text left of
 * them; a text-only line is a group header or the first part of a wrapped label.
 */
#include "table.h"
#include "util.h"
#include "dates.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_COLS 16
#define ANCHOR_TOL 2

/* ---------------------------------------------------------------- tokens */

typedef struct tok {
    int c0, c1;     /* display columns [c0, c1) */
    t2x_num num;    /* parsed when is_num */
    int is_num;
} tok;

/* Working copy of a line with dot leaders blanked ("Net sales.......$ 412" → spaces). */
static void blank_leaders(const char *in, char *out, int n)
{
    memcpy(out, in, (size_t)n);
    out[n] = '\0';
    for (int i = 0; i + 1 < n; i++) {
        if (out[i] == '.' && (out[i + 1] == '.' || (out[i + 1] == ' ' && i + 2 < n && out[i + 2] == '.'))) {
            int j = i;
            while (j < n && (out[j] == '.' || (out[j] == ' ' && j + 1 < n && out[j + 1] == '.'))) j++;
            if (j - i >= 3)
                for (int k = i; k < j; k++) out[k] = ' ';
            i = j;
        }
    }
    /* "___" underscores used as leaders or blanks, and '=' / '-' runs inside text, stay */
}

/* A day of the month printed after a month name ("December 31") is part of a date. */
static int after_month_name(const char *w, int s, const t2x_num *num)
{
    if (num->dash || num->frac || num->negative || num->dollar || num->mant > 31) return 0;
    int e = s;
    while (e > 0 && w[e - 1] == ' ') e--;
    int b = e;
    while (b > 0 && isalpha((unsigned char)w[b - 1])) b--;
    if (b == e) return 0;
    int ml;
    return t2x_month_from_name(w + b, &ml) != 0;
}

/* A footnote mark printed beside an amount: "(a)", "(1)", "{1}", "[2]", "<F1>", "*", "**".
 * Returns 2 for a digit mark ("(1)", "{1}"), which could also be an amount, 1 for other marks,
 * 0 when the token is not a mark. */
static int footnote_mark(const char *t, int n)
{
    int stars = 0;
    while (stars < n && t[stars] == '*') stars++;
    if (stars == n && n <= 3) return 1;
    if (n == 3 && ((t[0] == '(' && t[2] == ')') || (t[0] == '{' && t[2] == '}') || (t[0] == '[' && t[2] == ']')))
        return isdigit((unsigned char)t[1]) ? (t[0] == '(' ? 2 : 1) : isalpha((unsigned char)t[1]) ? 1 : 0;
    if (n == 4 && t[0] == '<' && toupper((unsigned char)t[1]) == 'F' && isdigit((unsigned char)t[2]) && t[3] == '>')
        return 1;
    if (n == 4 && (t[0] == '{' || t[0] == '[') && isdigit((unsigned char)t[1]) && isdigit((unsigned char)t[2]) &&
        t[3] == (t[0] == '{' ? '}' : ']'))
        return 1;
    return 0;
}

/* A cell that holds no amount but keeps its column: "*" (less than half a unit), "N/A", "NM". */
static int placeholder_cell(const char *t, int n)
{
    static const char *const words[] = {"*", "**", "n/a", "na", "nm", "n.m.", "n.a.", "n/m"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if ((int)strlen(words[i]) == n && strncasecmp(t, words[i], (size_t)n) == 0) return 1;
    return 0;
}

/* Split from the right into amount tokens; stops at the first token that is not an amount.
 * A lone "$" or "(" joins the amount to its right. Returns the count; toks[0] is rightmost.
 * *label_end receives the display column after the last label character. */
static int right_amounts(const char *w, int n, tok *toks, int max, int *label_end)
{
    int count = 0, pos = n;
    *label_end = 0;
    while (pos > 0 && count < max) {
        int e = pos;
        while (e > 0 && w[e - 1] == ' ') e--;
        if (e == 0) break;
        int s = e;
        while (s > 0 && w[s - 1] != ' ') s--;
        {
            /* the token to the left and the blanks between */
            int le = s;
            while (le > 0 && w[le - 1] == ' ') le--;
            int ls = le;
            while (ls > 0 && w[ls - 1] != ' ') ls--;
            t2x_num left;
            int left_amount = le > 0 && t2x_num_parse(w + ls, le - ls, &left) && !t2x_is_year_token(w + ls, le - ls);
            int mark = footnote_mark(w + s, e - s);
            /* a footnote mark beside an amount is neither an amount nor label text */
            if (mark && left_amount && s - le <= (mark == 2 ? 1 : 2)) {
                pos = le;
                continue;
            }
            /* a placeholder standing alone in a column keeps the columns to its left amounts */
            if (placeholder_cell(w + s, e - s) && s - le >= 2) {
                memset(&toks[count], 0, sizeof toks[count]);
                toks[count].c0 = s;
                toks[count].c1 = e;
                toks[count].num.num_len = e - s;
                toks[count].is_num = 0;
                count++;
                pos = s;
                continue;
            }
        }
        /* join "$" / "(" / "$(" tokens standing alone to the left */
        int s2 = s;
        for (;;) {
            int e2 = s2;
            while (e2 > 0 && w[e2 - 1] == ' ') e2--;
            if (e2 == 0 || s2 - e2 > 12) break;
            int b = e2;
            while (b > 0 && w[b - 1] != ' ') b--;
            int L = e2 - b;
            if ((L == 1 && (w[b] == '$' || w[b] == '(')) || (L == 2 && w[b] == '$' && w[b + 1] == '(')) {
                s2 = b;
                continue;
            }
            break;
        }
        t2x_num num;
        /* an amount glued to the label by a closing parenthesis: "…($87 in 1995)1,496" */
        if (!t2x_num_parse(w + s2, e - s2, &num)) {
            int k = e - 1;
            while (k > s && w[k] != ')') k--;
            if (k > s && k + 1 < e && isdigit((unsigned char)w[k + 1]) && t2x_num_parse(w + k + 1, e - k - 1, &num)) {
                s = s2 = k + 1;
            }
        }
        int joined_dash = 0;
        if (t2x_num_parse(w + s2, e - s2, &num) && num.dash) {
            /* "…earnings per share -" continues on the next line: a dash right after a word
             * (one blank) is a hyphen, not a zero */
            int gap = 0;
            for (int k = s2 - 1; k >= 0 && w[k] == ' '; k--) gap++;
            joined_dash = s2 - gap > 0 && gap < 2;
            /* "none" / "nil" stand for zero only in a column: apart from the label words */
            if (num.word && s2 - gap > 0 && count == 0 && gap < 4) joined_dash = 1;
        }
        if (!joined_dash && t2x_num_parse(w + s2, e - s2, &num) && !t2x_is_year_token(w + s, e - s) &&
            !after_month_name(w, s2, &num)) {
            toks[count].c0 = s2;
            toks[count].c1 = e;
            toks[count].num = num;
            toks[count].is_num = 1;
            count++;
            pos = s2;
        } else {
            break;
        }
    }
    int k = pos;
    while (k > 0 && w[k - 1] == ' ') k--;
    *label_end = k;
    return count;
}

/* Display column of the last character of the printed number of a token. */
static int digit_end(const tok *t) { return t->c0 + t->num.num_start + t->num.num_len - 1; }

/* ---------------------------------------------------------------- line classes */

static int is_rule_line(const char *t, int *kind)
{
    int dashes = 0, eq = 0, other = 0;
    for (const char *p = t; *p; p++) {
        if (*p == '-' || *p == '_') dashes++;
        else if (*p == '=') eq++;
        else if (*p != ' ') other++;
    }
    if (other || dashes + eq < 3) return 0;
    *kind = eq > dashes ? 2 : 1;
    return 1;
}

static int is_page_marker(const t2x_line *ln)
{
    const char *t = ln->text;
    while (*t == ' ') t++;
    if (t2x_starts_with_ci(t, "<PAGE>")) return 1;
    if (memchr(ln->text, '\f', (size_t)ln->ncols)) return 1;
    return 0;
}

/* EDGAR table markup alone on a line: <TABLE>, <CAPTION>, <S> <C>…, <FN>, </TABLE>. */
static int is_markup(const char *text)
{
    while (*text == ' ') text++;
    static const char *const tags[] = {"<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<S>", "<C>",
                                       "<FN>", "</FN>", "<PAGE>"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++)
        if (t2x_starts_with_ci(text, tags[i])) return 1;
    return 0;
}

/* Header text printed after a markup tag on the same line ("<TABLE>     Accu-"): a copy of the
 * line with the tags blanked, or NULL when nothing but tags remains. */
static const t2x_line *without_markup(const t2x_line *ln, t2x_line *tmp, char *buf)
{
    memcpy(buf, ln->text, (size_t)ln->ncols + 1);
    static const char *const tags[] = {"<TABLE>", "</TABLE>", "<CAPTION>", "</CAPTION>", "<S>", "<C>", "<FN>", "</FN>"};
    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        size_t n = strlen(tags[i]);
        for (char *p = buf; (p = strcasestr(p, tags[i])) != NULL; p += n) memset(p, ' ', n);
    }
    *tmp = *ln;
    tmp->text = buf;
    return t2x_line_blank(tmp) ? NULL : tmp;
}

/* A heading line that also holds the scale caption, with the caption blanked and the rest kept:
 * the years or the period phrase are often printed on the caption's line ("(Dollar amounts in
 * millions)   1993   1992", "For the years ended December 31 (In millions)   1993   1992").
 * A caption in parentheses is blanked alone, otherwise its whole chunk (a run of words
 * separated by single blanks). NULL when nothing is left. */
static const t2x_line *without_caption(const t2x_line *ln, t2x_line *tmp, char *buf)
{
    int n = ln->ncols;
    memcpy(buf, ln->text, (size_t)n + 1);
    char c[T2X_LINE_MAX_COLS + 1];
    int sc, ex;
    for (int i = 0; i < n;) {
        while (i < n && buf[i] == ' ') i++;
        int s = i;
        while (i < n && !(buf[i] == ' ' && (i + 1 >= n || buf[i + 1] == ' '))) i++;
        if (i == s) break;
        memcpy(c, buf + s, (size_t)(i - s));
        c[i - s] = '\0';
        if (!t2x_scale_caption(c, &sc, &ex)) continue;
        int blanked = 0;
        for (int p = s; p < i; p++) {
            if (buf[p] != '(') continue;
            int q = p + 1;
            while (q < i && buf[q] != ')') q++;
            if (q >= i) break;
            memcpy(c, buf + p, (size_t)(q + 1 - p));
            c[q + 1 - p] = '\0';
            if (t2x_scale_caption(c, &sc, &ex)) {
                memset(buf + p, ' ', (size_t)(q + 1 - p));
                blanked = 1;
            }
            p = q;
        }
        if (!blanked) memset(buf + s, ' ', (size_t)(i - s));
    }
    *tmp = *ln;
    tmp->text = buf;
    return t2x_line_blank(tmp) ? NULL : tmp;
}

/* A page footer or header: "2", "- 23 -", "-3-", "F-3", "Page 4", "(continued)", "(Unaudited)". */
static int is_page_noise(const char *text)
{
    char t[64];
    size_t n = 0;
    for (const char *p = text; *p && n < sizeof t - 1; p++)
        if (*p != ' ') t[n++] = (char)tolower((unsigned char)*p);
    t[n] = '\0';
    if (strlen(text) > 200) return 0;
    if (n == 0) return 0;
    if (strcmp(t, "(continued)") == 0 || strcmp(t, "continued") == 0 ||
        strcmp(t, "(unaudited)") == 0 || strcmp(t, "unaudited") == 0 ||
        strcmp(t, "<page>") == 0 || strstr(t, "(continued)"))
        return 1;
    const char *p = t;
    if (strncmp(p, "page", 4) == 0) p += 4;
    while (*p == '-') p++;
    if (isalpha((unsigned char)p[0]) && p[1] == '-' && isupper((unsigned char)text[strspn(text, " ")])) p += 2;
    int digits = 0;
    while (isdigit((unsigned char)*p)) {
        p++;
        digits++;
    }
    while (*p == '-') p++;
    return digits > 0 && digits <= 3 && *p == '\0';
}

/* ---------------------------------------------------------------- scale captions */

/* Does the line end with amounts (a table row), years aside? */
static int line_has_amounts(const t2x_line *ln)
{
    char w[T2X_LINE_MAX_COLS + 1];
    tok toks[MAX_COLS * 2];
    int le;
    blank_leaders(ln->text, w, ln->ncols);
    int nt = right_amounts(w, ln->ncols, toks, MAX_COLS * 2, &le);
    for (int k = 0; k < nt; k++)
        if (toks[k].is_num && !toks[k].num.dash) return 1;
    return 0;
}

/* Where what is printed above a statement's title stops belonging to it: a page break, the
 * previous statement's "accompanying notes" line, a row with amounts. */
static int caption_barrier(const t2x_line *ln)
{
    if (is_page_marker(ln) || line_has_amounts(ln)) return 1;
    char u[256];
    size_t n = 0;
    for (const char *p = ln->text; *p && n < sizeof u - 1; p++) u[n++] = (char)tolower((unsigned char)*p);
    u[n] = '\0';
    return strstr(u, "accompanying notes") || strstr(u, "integral part") || strstr(u, "see notes");
}

int t2x_scale_caption(const char *text, int *scale, int *except_per_share)
{
    char u[512];
    size_t n = 0;
    for (const char *p = text; *p && n < sizeof u - 1; p++) u[n++] = (char)tolower((unsigned char)*p);
    u[n] = '\0';
    int s = -1;
    if (strstr(u, "in thousands") || strstr(u, "000's omitted") || strstr(u, "000s omitted") ||
        strstr(u, "000 omitted") || strstr(u, "(000)") || strstr(u, "($000)") ||
        strstr(u, "thousands of dollars") || strstr(u, "amounts in thousands") ||
        strstr(u, "dollars in thousands") || strstr(u, "(thousands)") ||
        strstr(u, "in thousands of") || strstr(u, "(000's)") || strstr(u, "$000's") ||
        strstr(u, "(000s)") || strstr(u, "$000s") || strstr(u, "in 000's") || strstr(u, "in $000's"))
        s = 3;
    if (strstr(u, "in millions") || strstr(u, "millions of dollars") || strstr(u, "(millions)") ||
        strstr(u, "dollars in millions") || strstr(u, "amounts in millions") || strstr(u, "$ millions"))
        s = 6;
    if (s < 0) return 0;
    /* a sentence that mentions thousands is not a caption */
    if (n > 160) return 0;
    *scale = s;
    *except_per_share = strstr(u, "except") != NULL;
    return 1;
}

/* ---------------------------------------------------------------- anchors */

typedef struct segment {
    size_t first, end;       /* line indexes */
    int anchors[MAX_COLS];   /* ascending display columns: the most common last-digit column */
    int lo[MAX_COLS], hi[MAX_COLS]; /* the range of last-digit columns seen for each */
    int nanchors;
} segment;

static void find_anchors(const t2x_lines *L, segment *sg)
{
    int hist[T2X_LINE_MAX_COLS + 4];
    memset(hist, 0, sizeof hist);
    char w[T2X_LINE_MAX_COLS + 1];
    tok toks[MAX_COLS * 2];
    for (size_t i = sg->first; i < sg->end; i++) {
        const t2x_line *ln = &L->v[i];
        int rk;
        if (ln->ncols == 0 || is_rule_line(ln->text, &rk) || is_page_noise(ln->text) || is_markup(ln->text))
            continue;
        blank_leaders(ln->text, w, ln->ncols);
        int le;
        int nt = right_amounts(w, ln->ncols, toks, MAX_COLS * 2, &le);
        /* one number ending a line of words, one blank after them, is a word of a wrapped label
         * ("  outstanding 25,798 in 1993, 28,517"), not a column's amount */
        if (nt == 1 && le > 0 && toks[0].c0 == le + 1 && w[le - 1] != '$' && w[le - 1] != '(') continue;
        for (int k = 0; k < nt; k++) {
            if (!toks[k].is_num) continue;
            int d = digit_end(&toks[k]);
            if (d >= 0 && d < T2X_LINE_MAX_COLS) hist[d]++;
        }
    }
    /* clusters: runs of columns with amounts, gaps of up to 3 columns inside a run (money,
     * share counts and cents of one column often end a column or two apart) */
    typedef struct { int pos, lo, hi, count; } cl;
    cl cls[64];
    int ncl = 0, best = 0;
    for (int c = 0; c < T2X_LINE_MAX_COLS && ncl < 64; c++) {
        if (!hist[c]) continue;
        if (ncl && c - cls[ncl - 1].hi <= 3) {
            cl *x = &cls[ncl - 1];
            x->hi = c;
            x->count += hist[c];
            if (hist[c] > hist[x->pos]) x->pos = c;
        } else {
            cls[ncl].pos = cls[ncl].lo = cls[ncl].hi = c;
            cls[ncl].count = hist[c];
            ncl++;
        }
    }
    for (int k = 0; k < ncl; k++)
        if (cls[k].count > best) best = cls[k].count;
    sg->nanchors = 0;
    int min = best / 4;
    if (min < 2) min = 2;
    for (int k = 0; k < ncl && sg->nanchors < MAX_COLS; k++) {
        if (cls[k].count < min) continue;
        sg->anchors[sg->nanchors] = cls[k].pos;
        sg->lo[sg->nanchors] = cls[k].lo;
        sg->hi[sg->nanchors] = cls[k].hi;
        sg->nanchors++;
    }
}

/* Index of the anchor a number ending at display column d belongs to, or -1: within `tol`
 * columns of the range of last digits seen for that column. */
static int anchor_of(const segment *sg, int d, int tol)
{
    int best = -1, bd = tol + 1;
    for (int a = 0; a < sg->nanchors; a++) {
        int dist = d < sg->lo[a] ? sg->lo[a] - d : d > sg->hi[a] ? d - sg->hi[a] : 0;
        if (dist < bd) {
            bd = dist;
            best = a;
        }
    }
    return best;
}

/* Split a line into label and cells by the segment's anchors. Returns the number of cells;
 * cells[a] is filled for anchor a. *label_end: display column after the label. */
static int split_row(const t2x_line *ln, const segment *sg, tok *cells, int *present, int *label_end)
{
    char w[T2X_LINE_MAX_COLS + 1];
    tok toks[MAX_COLS * 2];
    blank_leaders(ln->text, w, ln->ncols);
    int le;
    int nt = right_amounts(w, ln->ncols, toks, MAX_COLS * 2, &le);
    for (int a = 0; a < sg->nanchors; a++) present[a] = 0;
    int used = 0, last_anchor = sg->nanchors;
    int k;
    for (int tol = ANCHOR_TOL;; tol = ANCHOR_TOL * 3) {
        used = 0;
        last_anchor = sg->nanchors;
        for (int a = 0; a < sg->nanchors; a++) present[a] = 0;
        for (k = 0; k < nt; k++) {
            int a = anchor_of(sg, digit_end(&toks[k]), tol);
            if (a < 0 || a >= last_anchor) break;
            last_anchor = a;
            if (!toks[k].is_num) continue; /* a placeholder: the column holds no amount */
            cells[a] = toks[k];
            present[a] = 1;
            used++;
        }
        /* an amount left over inside the number area: the typist was off by a few columns */
        if (tol > ANCHOR_TOL || k >= nt || sg->nanchors == 0 || digit_end(&toks[k]) < sg->anchors[0] - 3)
            break;
    }
    /* the label ends where the first unused token ends */
    if (k < nt) {
        *label_end = toks[k].c1;
    } else {
        *label_end = le;
    }
    return used;
}

/* ---------------------------------------------------------------- rows */

static void cell_from_tok(t2x_cell *c, const t2x_line *ln, size_t line_idx, const tok *t)
{
    c->present = 1;
    c->line = line_idx;
    c->num = t->num;
    c->col0 = t->c0 + t->num.num_start;
    c->col1 = c->col0 + t->num.num_len;
    c->offset = t2x_line_offset(ln, c->col0);
    c->length = t2x_line_end_offset(ln, c->col1) - c->offset;
    c->text = t2x_xstrndup(ln->text + c->col0, (size_t)(c->col1 - c->col0));
}

static char *label_text(const t2x_line *ln, int end)
{
    char *s = t2x_xstrndup(ln->text, (size_t)(end > 0 ? end : 0));
    /* drop dot leaders and trailing filler */
    char w[T2X_LINE_MAX_COLS + 1];
    blank_leaders(s, w, (int)strlen(s));
    free(s);
    s = t2x_xstrdup(w);
    return t2x_trim(s);
}

static void append_label(char **dst, const char *add)
{
    if (!*add) return;
    if (!**dst) {
        free(*dst);
        *dst = t2x_xstrdup(add);
        return;
    }
    size_t n = strlen(*dst);
    /* "Compre-" + "hensive" → "Comprehensive" */
    char *r;
    if (n > 1 && (*dst)[n - 1] == '-' && isalpha((unsigned char)(*dst)[n - 2]) && islower((unsigned char)add[0]))
        r = t2x_xasprintf("%.*s%s", (int)(n - 1), *dst, add);
    else
        r = t2x_xasprintf("%s %s", *dst, add);
    free(*dst);
    *dst = r;
}

static int ends_with_connector(const char *s)
{
    size_t n = strlen(s);
    if (n == 0) return 0;
    char c = s[n - 1];
    if (c == ',' || c == '-' || c == '&' || c == '(') return 1;
    static const char *const words[] = {" and", " of", " for", " to", " in", " on", " from", " less",
                                        " net", " the", " by", " or", " at", " with", " under"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t w = strlen(words[i]);
        if (n >= w && strcasecmp(s + n - w, words[i]) == 0) return 1;
    }
    return 0;
}

/* Does `next` (a label fragment) continue `prev`? */
static int continues(const char *prev, int prev_indent, const char *next, int next_indent)
{
    size_t n = strlen(prev);
    if (n && prev[n - 1] == ':') return 0;
    unsigned char c = (unsigned char)next[0];
    if (!c) return 1; /* values under a label line with no label of their own */
    if (islower(c) || c == '(' || c == '$' || c == '&' || isdigit(c)) return 1;
    if (ends_with_connector(prev)) return 1;
    (void)prev_indent;
    (void)next_indent;
    return 0;
}

/* A stock caption that its description lines continue: "Common stock, $1 par value:" followed by
 * "Authorized shares - 4,000,000 / Issued …" (a group heading such as "Cash Flows From
 * Investing Activities:" is not one). */
static int stock_caption(const char *label)
{
    char u[256];
    size_t n = 0;
    for (const char *q = label; *q && n < sizeof u - 1; q++) u[n++] = (char)tolower((unsigned char)*q);
    u[n] = '\0';
    /* the equity section's own heading ("Stockholders' equity:") opens a group */
    if (strstr(u, "equity") || strstr(u, "stockholders") || strstr(u, "shareholders") || strstr(u, "shareowners"))
        return 0;
    return strstr(u, "stock") || strstr(u, "shares") || strstr(u, "par value") || strstr(u, "preferred") ||
           strstr(u, "common");
}

/* Are the amounts of line i words of a wrapped label? They follow the label's last word after
 * a single blank ("…; issued 4,000,000"), and the label goes on in the next lines to a line
 * with amounts of its own ("shares (3,900,000 in 1997)      4,000     3,900"). */
static int numbers_in_wrapped_label(const t2x_lines *L, const segment *sg, size_t i, const tok *cells,
                                    const int *present, int label_end)
{
    const t2x_line *ln = &L->v[i];
    int c0 = -1;
    for (int a = 0; a < sg->nanchors; a++)
        if (present[a] && (c0 < 0 || cells[a].c0 < c0)) c0 = cells[a].c0;
    if (c0 < 2 || label_end <= 0 || ln->text[c0 - 1] != ' ' || ln->text[c0 - 2] == ' ' || ln->text[c0 - 2] == '.')
        return 0;
    char *prev = label_text(ln, ln->ncols);
    int result = 0;
    for (size_t j = i + 1; j < sg->end && j < i + 4; j++) {
        const t2x_line *nx = &L->v[j];
        int rk;
        if (t2x_line_blank(nx) || is_rule_line(nx->text, &rk) || is_page_noise(nx->text) || is_markup(nx->text))
            break;
        tok cl[MAX_COLS];
        int pr[MAX_COLS], le;
        int n = split_row(nx, sg, cl, pr, &le);
        char *lab = label_text(nx, n > 0 ? le : nx->ncols);
        unsigned char c = (unsigned char)lab[0];
        int cont = c && (islower(c) || c == '(' || ends_with_connector(prev));
        free(prev);
        prev = lab;
        if (!cont) break;
        if (n > 0) {
            result = 1;
            break;
        }
    }
    free(prev);
    return result;
}

typedef struct pending {
    char *label;       /* text-only lines waiting for their values */
    size_t first_line;
    int indent;
    int colon_block;   /* started by a line ending in ':' followed by text lines */
} pending;

static int all_capitals(const char *s)
{
    int upper = 0;
    for (; *s; s++) {
        if (islower((unsigned char)*s)) return 0;
        upper += isupper((unsigned char)*s) != 0;
    }
    return upper > 0;
}

/* Indent of the next line of the segment after i that holds text, or -1 (also at a rule line,
 * unless skip_rules: a rule printed under a section heading, above the section's rows). */
static int next_text_indent(const t2x_lines *L, const segment *sg, size_t i, int skip_rules)
{
    for (size_t j = i + 1; j < sg->end && j < i + 4; j++) {
        int rk;
        if (t2x_line_blank(&L->v[j]) || is_markup(L->v[j].text)) continue;
        if (is_rule_line(L->v[j].text, &rk)) {
            if (skip_rules) continue;
            return -1;
        }
        return t2x_line_indent(&L->v[j]);
    }
    return -1;
}

/* A heading wrapped over two text lines: the second indented under the first, and the lines
 * after it not indented under the second (so it heads nothing of its own) — a heading in
 * capitals ("CASH FLOWS FROM FINANCING" / "  ACTIVITIES") or one word carried over ("Average
 * Common Shares" / "  Outstanding" / "  Basic   1,940"). */
static int wrapped_heading(const t2x_lines *L, const segment *sg, size_t i, const pending *p, const char *lab,
                           int indent)
{
    size_t pl = strlen(p->label);
    if (!pl || p->label[pl - 1] == ':' || !*lab) return 0;
    int next = next_text_indent(L, sg, i, 1);
    int one_word = !strchr(lab, ' ') && isalpha((unsigned char)lab[0]) && p->label[pl - 1] != '.';
    if (indent == p->indent && one_word && next > indent) {
        /* the word carried over at the heading's own indent, over indented rows with amounts
         * ("Average Common Shares" / "Outstanding" / "  Basic   1,976") */
        for (size_t j = i + 1; j < sg->end && j < i + 4; j++) {
            if (t2x_line_blank(&L->v[j]) || is_markup(L->v[j].text)) continue;
            tok cl[MAX_COLS];
            int pr[MAX_COLS], le;
            return split_row(&L->v[j], sg, cl, pr, &le) > 0;
        }
        return 0;
    }
    if (indent <= p->indent || next < 0 || next > indent) return 0;
    return (all_capitals(p->label) && all_capitals(lab)) || one_word;
}

/* A long label line wrapped before its last words, which are printed indented on the line of
 * the amounts ("Net (expense)/revenue from transactions with Financial" / "  Services   (24)")
 * and followed by a line less indented (not a sibling under a heading). */
static int wrapped_long_label(const t2x_lines *L, const segment *sg, size_t i, const pending *p, const char *lab,
                              int indent, int col_area_left)
{
    const t2x_line *prev = &L->v[i - 1];
    size_t pl = strlen(p->label);
    /* an item under a heading has siblings at its indent ("Basic" / "Diluted") */
    int next = next_text_indent(L, sg, i, 0);
    if (next >= indent - 1) return 0;
    int prev_ncols = prev->ncols;
    while (prev_ncols > 0 && prev->text[prev_ncols - 1] == ' ') prev_ncols--;
    if (!pl || !*lab || indent <= p->indent || all_capitals(p->label) || prev_ncols < col_area_left - 20) return 0;
    int words = 1;
    for (const char *q = p->label; *q; q++) words += *q == ' ' && q[1] && q[1] != ' ';
    return words >= 6 && p->label[pl - 1] != '.';
}

static t2x_row *new_row(t2x_table *t, size_t *cap, int kind, const char *label, size_t first,
                        size_t line, int indent)
{
    t->rows = t2x_grow(t->rows, cap, t->nrows + 1, sizeof *t->rows);
    t2x_row *r = &t->rows[t->nrows++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->label = t2x_xstrdup(label);
    r->first_line = first;
    r->line = line;
    r->indent = indent;
    r->cells = t2x_xcalloc((size_t)(t->ncols > 0 ? t->ncols : 1), sizeof(t2x_cell));
    r->parent = -1;
    r->weight_sign = 1;
    r->dir = 1;
    return r;
}

static void flush_pending_as_headers(t2x_table *t, size_t *cap, pending *p)
{
    if (p->label) {
        new_row(t, cap, T2X_ROW_HEADER, p->label, p->first_line, p->first_line, p->indent);
        free(p->label);
        p->label = NULL;
    }
    p->colon_block = 0;
}

/* ---------------------------------------------------------------- header text */

/* Does the text name a period ("Year ended", "Three Months Ended", "December 31,")? */
static int is_period_phrase(const char *s, int n)
{
    char u[256];
    int m = n < 255 ? n : 255;
    for (int i = 0; i < m; i++) u[i] = (char)tolower((unsigned char)s[i]);
    u[m] = '\0';
    static const char *const words[] = {"ended", "ending", "month", "week", "year", "quarter",
                                        "fiscal", "period", "as of", "at "};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strstr(u, words[i])) return 1;
    for (int i = 0; i < m; i++) {
        int ml;
        if ((i == 0 || !isalpha((unsigned char)u[i - 1])) && isalpha((unsigned char)u[i]) &&
            t2x_month_from_name(u + i, &ml))
            return 1;
    }
    return 0;
}

/* Does the text hold a year 1900-2099 as a word of its own? */
static int chunk_has_year(const char *s, int n)
{
    for (int i = 0; i + 4 <= n; i++)
        if ((i == 0 || !isalnum((unsigned char)s[i - 1])) && (i + 4 == n || !isalnum((unsigned char)s[i + 4])) &&
            t2x_is_year_token(s + i, 4))
            return 1;
    return 0;
}

static void add_header_chunks(t2x_table *t, const segment *sg, const t2x_line *ln, int col_area_left)
{
    /* chunks: runs separated by two or more blanks */
    typedef struct { int s, e; int alpha, year; } chunk;
    chunk ch[32];
    int nch = 0;
    const char *x = ln->text;
    int i = 0, n = ln->ncols;
    while (i < n && nch < 32) {
        while (i < n && x[i] == ' ') i++;
        if (i >= n) break;
        int s = i, e = i;
        while (i < n && !(x[i] == ' ' && (i + 1 >= n || x[i + 1] == ' '))) {
            i++;
            e = i;
        }
        int alpha = 0;
        for (int k = s; k < e; k++)
            if (isalpha((unsigned char)x[k])) alpha = 1;
        if (e > col_area_left) {
            ch[nch].s = s;
            ch[nch].e = e;
            ch[nch].alpha = alpha;
            nch++;
        }
    }
    int nalpha = 0, nyear = 0;
    for (int k = 0; k < nch; k++) {
        nalpha += ch[k].alpha;
        ch[k].year = chunk_has_year(x + ch[k].s, ch[k].e - ch[k].s);
        nyear += ch[k].year;
    }
    for (int k = 0; k < nch; k++) {
        for (int a = 0; a < sg->nanchors && a < t->ncols; a++) {
            int L0 = a == 0 ? col_area_left : sg->anchors[a - 1] + 2;
            int R0 = sg->anchors[a] + 2;
            int overlap = ch[k].s < R0 && ch[k].e > L0;
            int apply = overlap;
            /* one period phrase over all columns — not a dated phrase beside other columns'
             * years ("2007   2006   to December 31, 2007": the last column's own heading) */
            if (ch[k].alpha && nalpha == 1 && is_period_phrase(x + ch[k].s, ch[k].e - ch[k].s) &&
                !(ch[k].year && nyear > 1))
                apply = 1;
            if (!apply && !overlap) {
                /* nearest chunk of this line wins a column no chunk overlaps */
                int best = -1, bd = 1 << 30;
                for (int m = 0; m < nch; m++) {
                    int mid = (ch[m].s + ch[m].e) / 2;
                    int d = abs(mid - (L0 + R0) / 2);
                    int ov = ch[m].s < R0 && ch[m].e > L0;
                    if (ov) {
                        best = -2;
                        break;
                    }
                    if (d < bd) {
                        bd = d;
                        best = m;
                    }
                }
                apply = best == k && ch[k].alpha && is_period_phrase(x + ch[k].s, ch[k].e - ch[k].s);
            }
            if (!apply) continue;
            char *piece = t2x_xstrndup(x + ch[k].s, (size_t)(ch[k].e - ch[k].s));
            if (!t->cols[a].header) t->cols[a].header = t2x_xstrdup("");
            append_label(&t->cols[a].header, piece);
            free(piece);
        }
    }
}

/* ---------------------------------------------------------------- the reader */

static int segment_break(const t2x_lines *L, size_t i, t2x_stmt_kind kind)
{
    const t2x_line *ln = &L->v[i];
    /* a page break: the marker, or a page-number footer ("(Unaudited)" under the column
     * dates is not one) */
    if (is_page_marker(ln)) return 1;
    if (is_page_noise(ln->text)) {
        const char *p = ln->text + strspn(ln->text, " ");
        return *p != '(' && !isalpha((unsigned char)p[0]) ? 1 : (toupper((unsigned char)p[0]) == 'F' || t2x_starts_with_ci(p, "page"));
    }
    return t2x_title_kind(ln->text) == kind ? 2 : 0;
}

/* Does any line of [from, to) hold amounts (years are not)? */
static int region_has_amounts(const t2x_lines *L, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (line_has_amounts(&L->v[i])) return 1;
    return 0;
}

/* Printed numbers of a line (runs of digits), counted up to `max` + 1. */
static int count_numbers(const char *s, int max)
{
    int n = 0;
    for (int i = 0; s[i] && n <= max; i++)
        if (isdigit((unsigned char)s[i]) && !(i > 0 && isdigit((unsigned char)s[i - 1])) &&
            !(i > 1 && (s[i - 1] == ',' || s[i - 1] == '.') && isdigit((unsigned char)s[i - 2])))
            n++; /* "1,234.5" is one */
    return n;
}

/* Cut the region before the first line no statement prints (too many numbers) or at the
 * most lines a table is read over. */
static void bound_region(const t2x_lines *L, t2x_table *t)
{
    for (size_t i = t->first; i < t->end; i++)
        if (i >= t->first + T2X_MAX_TABLE_LINES || count_numbers(L->v[i].text, T2X_MAX_LINE_AMOUNTS) > T2X_MAX_LINE_AMOUNTS) {
            t->end = i;
            t->cut_line = i;
            break;
        }
}

static int read_region(const t2x_lines *L, t2x_table *t);

int t2x_table_read(const t2x_lines *L, t2x_table *t)
{
    bound_region(L, t);
    /* a notes column is neither amounts nor label words: read the lines without it */
    t2x_lines blanked;
    if (!t2x_notes_blank(L, t->first, t->end, &blanked)) return read_region(L, t);
    int ok = read_region(&blanked, t);
    t2x_notes_blank_free(L, &blanked);
    return ok;
}

/* Read the statement region of t from the lines L. */
static int read_region(const t2x_lines *L, t2x_table *t)
{
    /* scale: caption lines in the region or just above the title — not past the end of what
     * is printed above (a page break, "The accompanying notes…", a row with amounts), and never
     * a row's own caption ("…per share (in thousands)   123,734   123,047") */
    t->scale = 0;
    size_t from = t->title_line;
    while (from > 0 && from + 6 > t->title_line && !caption_barrier(&L->v[from - 1])) from--;
    t->caption_first = from;
    for (size_t i = from; i < t->end; i++) {
        int s, ex;
        if (i >= t->first + 40 && i > t->title_line + 40) break;
        if (t2x_scale_caption(L->v[i].text, &s, &ex) && !line_has_amounts(&L->v[i])) {
            t->scale = s;
            t->scale_found = 1;
            t->except_per_share = ex;
            break;
        }
    }
    /* segments */
    segment segs[64];
    int nseg = 0;
    size_t s0 = t->first;
    for (size_t i = t->first; i <= t->end && nseg < 64; i++) {
        /* a line worded like the title starts a new segment (a continued page) only after rows
         * with amounts: right under the column headings it is a section heading ("Cash Flows -
         * Operating Activities"), and the headings stay with the rows */
        int brk = i < t->end && i > s0 + 2 ? segment_break(L, i, t->kind) : 0;
        if (brk == 2 && !region_has_amounts(L, s0, i)) brk = 0;
        if (i == t->end || brk) {
            segs[nseg].first = s0;
            segs[nseg].end = i;
            find_anchors(L, &segs[nseg]);
            if (segs[nseg].nanchors) nseg++;
            s0 = i;
        }
    }
    if (nseg == 0) return 0;
    /* the statement's columns: the widest segment */
    int ncols = 0;
    for (int k = 0; k < nseg; k++)
        if (segs[k].nanchors > ncols) ncols = segs[k].nanchors;
    t->ncols = ncols;
    t->cols = t2x_xcalloc((size_t)ncols, sizeof *t->cols);
    for (int k = 0; k < nseg; k++)
        if (segs[k].nanchors == ncols) {
            for (int a = 0; a < ncols; a++) t->cols[a].anchor = segs[k].anchors[a];
            break;
        }
    size_t cap = 0;
    int data_rows = 0;
    /* text between a </TABLE> and the next <TABLE> (a footnote, "1997 - 983,286,361; 1996 - …",
     * page furniture) is not a row of the table */
    char *outside = t2x_xcalloc(t->end - t->first + 1, 1);
    for (size_t j = t->first, out = 0; j < t->end; j++) {
        const char *tx = L->v[j].text + strspn(L->v[j].text, " ");
        if (t2x_starts_with_ci(tx, "<TABLE>")) out = 0;
        outside[j - t->first] = (char)out;
        if (t2x_starts_with_ci(tx, "</TABLE>")) out = 1;
    }
    for (int k = 0; k < nseg; k++) {
        segment *sg = &segs[k];
        /* map this segment's anchors to statement columns: right-aligned */
        int shift = ncols - sg->nanchors;
        /* header zone: up to the first line with amounts */
        size_t i = sg->first;
        /* the number area starts where the first column's amounts start */
        int col_area_left = sg->anchors[0];
        for (size_t j = sg->first; j < sg->end; j++) {
            tok cl[MAX_COLS];
            int pr[MAX_COLS], le2;
            if (split_row(&L->v[j], sg, cl, pr, &le2) > 0 && pr[0] && cl[0].c0 < col_area_left)
                col_area_left = cl[0].c0;
        }
        col_area_left -= 1;
        tok cells[MAX_COLS];
        int present[MAX_COLS];
        int label_end;
        size_t zone_end = sg->end;
        for (size_t j = sg->first; j < sg->end; j++) {
            int rk;
            if (is_rule_line(L->v[j].text, &rk)) continue;
            if (split_row(&L->v[j], sg, cells, present, &label_end) > 0) {
                zone_end = j;
                break;
            }
        }
        /* header zone lines: column headers overlap the column area; label lines lie left */
        size_t last_header = sg->first;
        for (size_t j = sg->first; j < zone_end; j++) {
            const t2x_line *ln = &L->v[j];
            int rk;
            t2x_line stripped;
            char sbuf[T2X_LINE_MAX_COLS + 1];
            if (is_markup(ln->text) && !(ln = without_markup(ln, &stripped, sbuf))) continue;
            if (t2x_line_blank(ln) || is_rule_line(ln->text, &rk) || is_page_noise(ln->text) ||
                is_page_marker(ln) || t2x_title_kind(ln->text) != T2X_STMT_ANY)
                continue;
            int sc, ex;
            t2x_line uncaptioned;
            char cbuf[T2X_LINE_MAX_COLS + 1];
            if (t2x_scale_caption(ln->text, &sc, &ex) && !(ln = without_caption(ln, &uncaptioned, cbuf))) continue;
            int last = ln->ncols - 1;
            while (last >= 0 && ln->text[last] == ' ') last--;
            if (last >= col_area_left) {
                if (shift == 0 && k == 0) add_header_chunks(t, sg, ln, col_area_left);
                else if (shift == 0 && !t->cols[0].header) add_header_chunks(t, sg, ln, col_area_left);
                last_header = j + 1;
            }
        }
        /* label lines after the column headers belong to the rows */
        i = last_header > sg->first ? last_header : zone_end;
        if (k == 0 && last_header == sg->first) i = sg->first;
        pending p = {0};
        int rule_above = 0, in_fn = 0;
        for (; i < sg->end; i++) {
            const t2x_line *ln = &L->v[i];
            int rk;
            const char *tx = ln->text + strspn(ln->text, " ");
            if (t2x_starts_with_ci(tx, "<FN>")) in_fn = 1;
            if (in_fn) {
                if (t2x_starts_with_ci(tx, "</FN>") || t2x_starts_with_ci(tx, "</TABLE>")) in_fn = 0;
                continue;
            }
            if (outside[i - t->first]) { /* between a </TABLE> and the next <TABLE> */
                flush_pending_as_headers(t, &cap, &p);
                continue;
            }
            if (is_markup(ln->text)) continue;
            if (t2x_line_blank(ln)) {
                if (p.label && !p.colon_block) flush_pending_as_headers(t, &cap, &p);
                continue;
            }
            if (is_rule_line(ln->text, &rk)) {
                rule_above = rk > rule_above ? rk : rule_above;
                continue;
            }
            if (is_page_noise(ln->text) || is_page_marker(ln) ||
                (i < zone_end && t2x_title_kind(ln->text) != T2X_STMT_ANY))
                continue;
            int sc, ex;
            if (i < zone_end && t2x_scale_caption(ln->text, &sc, &ex)) continue;
            int n = split_row(ln, sg, cells, present, &label_end);
            if (n > 0 && numbers_in_wrapped_label(L, sg, i, cells, present, label_end)) {
                n = 0; /* "…authorized 10,000,000 shares; issued 4,000,000" / "shares (…)  4,000" */
                label_end = ln->ncols;
            }
            char *lab = label_text(ln, label_end);
            int indent = t2x_line_indent(ln);
            if (n == 0) {
                /* a text line: header, or part of a wrapped label */
                if (i < zone_end && indent >= col_area_left) {
                    free(lab);
                    continue; /* a column heading */
                }
                if (p.label) {
                    size_t pl = strlen(p.label);
                    int colon = pl && p.label[pl - 1] == ':';
                    if (colon && lab[strlen(lab) - 1] != ':' && indent > p.indent && stock_caption(p.label)) {
                        /* "Common stock, $1 par value:" followed by its caption lines */
                        append_label(&p.label, lab);
                        p.colon_block = 1;
                        free(lab);
                        continue;
                    }
                    if (p.colon_block || continues(p.label, p.indent, lab, indent) ||
                        wrapped_heading(L, sg, i, &p, lab, indent)) {
                        if (!(p.colon_block && lab[strlen(lab) - 1] == ':')) {
                            append_label(&p.label, lab);
                            free(lab);
                            continue;
                        }
                    }
                    flush_pending_as_headers(t, &cap, &p);
                }
                p.label = lab;
                p.first_line = i;
                p.indent = indent;
                p.colon_block = 0;
                continue;
            }
            /* a row with amounts */
            size_t first_line = i;
            int row_indent = indent < label_end ? indent : -1;
            if (p.label) {
                size_t pl = strlen(p.label);
                int colon = pl && p.label[pl - 1] == ':';
                if (p.colon_block || (!colon && (continues(p.label, p.indent, lab, indent) ||
                                                 wrapped_long_label(L, sg, i, &p, lab, indent,
                                                                    col_area_left)))) {
                    append_label(&p.label, lab);
                    free(lab);
                    lab = p.label;
                    first_line = p.first_line;
                    row_indent = p.indent;
                    p.label = NULL;
                    p.colon_block = 0;
                } else {
                    flush_pending_as_headers(t, &cap, &p);
                }
            }
            t2x_row *r = new_row(t, &cap, T2X_ROW_ITEM, lab, first_line, i, row_indent);
            free(lab);
            r->rule_above = rule_above;
            rule_above = 0;
            for (int a = 0; a < sg->nanchors; a++)
                if (present[a] && a + shift < ncols) cell_from_tok(&r->cells[a + shift], ln, i, &cells[a]);
            data_rows++;
        }
        flush_pending_as_headers(t, &cap, &p);
    }
    free(outside);
    /* presentation depth from the distinct label indents */
    int levels[16], nlev = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        int ind = t->rows[r].indent;
        if (ind < 0) continue;
        int found = 0;
        for (int k = 0; k < nlev; k++)
            if (abs(levels[k] - ind) <= 1) found = 1;
        if (!found && nlev < 16) levels[nlev++] = ind;
    }
    for (size_t r = 0; r < t->nrows; r++) {
        int ind = t->rows[r].indent, d = 0;
        if (ind >= 0)
            for (int k = 0; k < nlev; k++)
                if (levels[k] < ind - 1) d++;
        t->rows[r].depth = d > 4 ? 4 : d;
    }
    return data_rows >= 2;
}

void t2x_table_free(t2x_table *t)
{
    free(t->title);
    for (int c = 0; c < t->ncols; c++) {
        free(t->cols[c].header);
        free(t->cols[c].member);
    }
    free(t->cols);
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        free(row->label);
        free(row->concept);
        for (int c = 0; c < t->ncols; c++) free(row->cells[c].text);
        free(row->cells);
    }
    free(t->rows);
    memset(t, 0, sizeof *t);
}
