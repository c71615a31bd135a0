/*
 * retypeset.c — print the primary statements of a converted filing again in another legacy
 * style (retypeset.h; issue 9 item 7). Every line is laid out on a blank canvas in display
 * columns: labels at their depth, an optional notes column, then the amount columns, each
 * number's last digit on its column's anchor with `)`, a trailing minus or `%` after it.
 * TABs, when the style asks for them, replace blank runs without moving anything on screen.
 */
#include "retypeset.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RT_W 640          /* canvas width (display columns) */
#define RT_MAXC 16        /* amount columns printed per statement */
#define RT_MAXHL 8        /* heading lines per column */

/* clang-format off */
const rt_style rt_styles[] = {
    /* Each style but the last changes one or two things of "plain", so a loss is attributable. */
    /* name               gap ind lw tabs leaders          dollar              negative         caption              heading               page           wrap               notes ul abbr swap scale shift */
    {"plain",              4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"dots-detached",      3, 2,  0, 0, RT_LEADERS_DOTS,   RT_DOLLAR_DETACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 0, 0, 0, 0, 0},
    {"title-phrase",       4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_IN_TITLE,     RT_HEAD_TITLE_PHRASE, RT_PAGE_NONE,   RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"leading-minus",      5, 3,  0, 0, RT_LEADERS_SPACED, RT_DOLLAR_NONE,     RT_NEG_LEADING,  RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"trailing-minus",     4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_DETACHED, RT_NEG_TRAILING, RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 0, 0, 0, 0, 0},
    {"caption-heading",    4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_HEADING,      RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"caption-first-row",  4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_FIRST_ROW,    RT_HEAD_SPAN_BELOW,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 0, 0, 0, 0, 0},
    {"years-on-caption",   4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_YEARS_LINE,   RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 0, 0, 0, 0, 0},
    {"tabs",               3, 4,  0, 1, RT_LEADERS_DOTS,   RT_DOLLAR_DETACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"narrow-wrap",        2, 2, 34, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_WORDS,     0, 1, 0, 0, 0, 0},
    {"wrap-at-number",     3, 2, 40, 0, RT_LEADERS_DOTS,   RT_DOLLAR_DETACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_AT_NUMBER, 0, 0, 0, 0, 0, 0},
    {"notes-column",       4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_NONE,   RT_WRAP_NONE,      1, 1, 0, 0, 0, 0},
    {"page-repeat",        4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_REPEAT, RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"page-bare",          4, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_ABOVE,   RT_PAGE_BARE,   RT_WRAP_NONE,      0, 1, 0, 0, 0, 0},
    {"stacked-abbrev",     3, 2,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_ATTACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_STACKED,      RT_PAGE_NONE,   RT_WRAP_NONE,      0, 1, 1, 0, 0, 0},
    {"narrow-columns",     2, 1,  0, 0, RT_LEADERS_NONE,   RT_DOLLAR_DETACHED, RT_NEG_PARENS,   RT_CAP_UNDER_TITLE,  RT_HEAD_SPAN_BELOW,   RT_PAGE_NONE,   RT_WRAP_NONE,      0, 0, 0, 0, 0, 0},
    {"everything",         3, 3, 38, 1, RT_LEADERS_SPACED, RT_DOLLAR_DETACHED, RT_NEG_TRAILING, RT_CAP_YEARS_LINE,   RT_HEAD_SPAN_ABOVE,   RT_PAGE_REPEAT, RT_WRAP_AT_NUMBER, 1, 1, 1, 0, 0, 0},
};
/* clang-format on */
const size_t rt_nstyles = sizeof rt_styles / sizeof rt_styles[0];

int rt_primary(t2x_stmt_kind kind)
{
    return kind == T2X_STMT_BALANCE || kind == T2X_STMT_INCOME || kind == T2X_STMT_CASHFLOW ||
           kind == T2X_STMT_EQUITY || kind == T2X_STMT_COMPREHENSIVE;
}

/* ---------------------------------------------------------------- canvas lines */

typedef struct canvas {
    char s[RT_W + 1];
} canvas;

static void cv_clear(canvas *c)
{
    memset(c->s, ' ', RT_W);
    c->s[RT_W] = '\0';
}

static void cv_put(canvas *c, int x, const char *s)
{
    for (; *s; s++, x++)
        if (x >= 0 && x < RT_W) c->s[x] = *s;
}

/* Text right-aligned so that its last character is at column `last`. */
static void cv_put_right(canvas *c, int last, const char *s) { cv_put(c, last - (int)strlen(s) + 1, s); }

/* Append the line (trailing blanks cut; blank runs as TABs when asked) and a newline. */
static void cv_emit(t2x_buf *b, const canvas *c, int tabs)
{
    int n = RT_W;
    while (n > 0 && c->s[n - 1] == ' ') n--;
    if (!tabs) {
        t2x_buf_add(b, c->s, (size_t)n);
        t2x_buf_putc(b, '\n');
        return;
    }
    int x = 0;
    while (x < n) {
        if (c->s[x] != ' ') {
            t2x_buf_putc(b, c->s[x++]);
            continue;
        }
        int e = x;
        while (e < n && c->s[e] == ' ') e++;
        if (e - x >= 2) /* as `unexpand -a`: a TAB for every stop the run reaches */
            for (int stop = (x / 8 + 1) * 8; stop <= e; stop += 8) {
                t2x_buf_putc(b, '\t');
                x = stop;
            }
        for (; x < e; x++) t2x_buf_putc(b, ' ');
    }
    t2x_buf_putc(b, '\n');
}

static void emit_text(t2x_buf *b, int x, const char *s, int tabs)
{
    canvas c;
    cv_clear(&c);
    cv_put(&c, x, s);
    cv_emit(b, &c, tabs);
}

/* ---------------------------------------------------------------- words */

/* Split `s` into lines of at most `width` characters at blanks (a longer word is cut).
 * With at_number, a break right after a number ("authorized 10,000,000") is preferred when
 * it fills at least half the line. Returns the count; lines[] are the caller's to free. */
static int wrap_text(const char *s, int width, int at_number, char **lines, int max)
{
    int n = 0;
    if (width < 8) width = 8;
    while (*s == ' ') s++;
    while (*s && n < max) {
        int len = (int)strlen(s);
        if (len <= width || n == max - 1) {
            lines[n++] = t2x_xstrdup(s);
            break;
        }
        int cut = -1, numcut = -1;
        for (int i = 1; i <= width && i < len; i++)
            if (s[i] == ' ' && s[i - 1] != ' ') {
                cut = i;
                if (isdigit((unsigned char)s[i - 1]) && i * 2 >= width) numcut = i;
            }
        if (at_number && numcut > 0) cut = numcut;
        if (cut <= 0) cut = width;
        lines[n++] = t2x_xstrndup(s, (size_t)cut);
        s += cut;
        while (*s == ' ') s++;
    }
    return n;
}

static const char *const month_full[] = {"", "January", "February", "March", "April", "May", "June",
                                         "July", "August", "September", "October", "November", "December"};
static const char *const month_abbr[] = {"", "Jan.", "Feb.", "Mar.", "Apr.", "May", "June",
                                         "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."};
static const char *const number_word[] = {"", "One", "Two", "Three", "Four", "Five", "Six",
                                          "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"};

/* The period phrase of a duration column ("Year Ended", "Three Months Ended", "13 Weeks Ended");
 * "" for an instant. `plural` for a phrase over several columns. */
static void period_phrase(const t2x_column *c, int plural, char *out, size_t cap)
{
    if (c->instant) snprintf(out, cap, "%s", "");
    else if (c->weeks) snprintf(out, cap, "%d Weeks Ended", c->weeks);
    else if (c->months == 12) snprintf(out, cap, "%s Ended", plural ? "Years" : "Year");
    else if (c->months > 0 && c->months < 12) snprintf(out, cap, "%s Months Ended", number_word[c->months]);
    else snprintf(out, cap, "%d Months Ended", c->months);
}

static void month_day(const t2x_column *c, int abbreviate, char *out, size_t cap)
{
    snprintf(out, cap, "%s %d,", (abbreviate ? month_abbr : month_full)[c->end.m], c->end.d);
}

/* ---------------------------------------------------------------- one statement */

typedef struct layout {
    const t2x_table *t;
    int share_scale[RT_MAXC];  /* equity: the scale of a share column, stated under its heading */
    const rt_style *st;
    int col[RT_MAXC];          /* table column of each printed column */
    int n;                     /* printed columns */
    int label_w;               /* label area width: leaders end before it */
    int notes_x;               /* first column of the notes column (label_w), or -1 */
    int x0;                    /* first column of the first amount field */
    int w;                     /* width of an amount field (gap included) */
    char *head[RT_MAXC][RT_MAXHL]; /* per-column heading lines, top to bottom (NULL-padded) */
    int nhead[RT_MAXC];
    char *span[RT_MAXC][4];    /* spanning heading lines of the group starting at a column */
    int nspan[RT_MAXC], span_len[RT_MAXC];
    int span_below;            /* spanning lines go under the column headings */
    char title_phrase[128];    /* RT_HEAD_TITLE_PHRASE: the line under the title */
    char caption[200];         /* the scale caption ("" none) */
} layout;

static int digit_end(const layout *ly, int k) { return ly->x0 + k * ly->w + ly->w - 3; }

/* The scale caption as printed around the statement's title, or one stating t->scale. */
static void find_caption(const t2x_filing *f, const t2x_table *t, const rt_style *st, char *out, size_t cap)
{
    out[0] = '\0';
    size_t first_row = t->nrows ? t->rows[0].first_line : t->end;
    for (size_t i = t->title_line > 6 ? t->title_line - 6 : 0; i < first_row && i < f->lines.n && !out[0]; i++) {
        const char *x = f->lines.v[i].text;
        int s, ex;
        if (!t2x_scale_caption(x, &s, &ex)) continue;
        /* the chunk (runs of two blanks apart) that states it */
        int p = 0, n = (int)strlen(x);
        while (p < n && !out[0]) {
            while (p < n && x[p] == ' ') p++;
            int q = p;
            while (q < n && !(x[q] == ' ' && (q + 1 >= n || x[q + 1] == ' '))) q++;
            char chunk[200];
            snprintf(chunk, sizeof chunk, "%.*s", q - p, x + p);
            if (t2x_scale_caption(chunk, &s, &ex)) snprintf(out, cap, "%s", chunk);
            p = q;
        }
    }
    if (!out[0] && t->scale)
        snprintf(out, cap, "(In %s%s)", t->scale == 6 ? "millions" : "thousands",
                 t->except_per_share ? ", except per share amounts" : "");
    if (st->wrong_scale)
        snprintf(out, cap, "(In %s)", t->scale == 3 ? "millions" : "thousands");
}

/* The scale the original reading gave the share counts of an equity column (its cells' `scale`
 * in the model), so the rendering can state it under the column heading: 0 when none. */
static int share_column_scale(const t2x_filing *f, size_t ti, int c)
{
    char col[48];
    snprintf(col, sizeof col, "s%zuc%d", ti + 1, c + 1);
    xmlNodePtr root = xmlDocGetRootElement(f->model);
    for (xmlNodePtr st = root ? root->children : NULL; st; st = st->next)
        for (xmlNodePtr row = st->type == XML_ELEMENT_NODE ? st->children : NULL; row; row = row->next)
            for (xmlNodePtr cell = row->type == XML_ELEMENT_NODE ? row->children : NULL; cell; cell = cell->next) {
                if (cell->type != XML_ELEMENT_NODE || strcmp((const char *)cell->name, "cell") != 0) continue;
                xmlChar *cc = xmlGetProp(cell, BAD_CAST "column"), *unit = xmlGetProp(cell, BAD_CAST "unit");
                xmlChar *scale = xmlGetProp(cell, BAD_CAST "scale");
                int hit = cc && unit && scale && strcmp((const char *)cc, col) == 0 &&
                          strcmp((const char *)unit, "shares") == 0;
                int v = hit ? atoi((const char *)scale) : 0;
                xmlFree(cc);
                xmlFree(unit);
                xmlFree(scale);
                if (hit) return v;
            }
    return 0;
}

/* The printed form of a cell: core (`$`, opening sign, digits) and suffix (`)`, minus, `%`). */
static void cell_text(const t2x_cell *c, const rt_style *st, char *core, char *suffix)
{
    int neg = c->num.negative && !c->num.dash;
    const char *dollar = c->num.dollar && st->dollar == RT_DOLLAR_ATTACHED ? "$" : "";
    const char *open = !neg ? "" : st->negative == RT_NEG_PARENS ? "(" : st->negative == RT_NEG_LEADING ? "-" : "";
    const char *close = !neg ? "" : st->negative == RT_NEG_PARENS ? ")" : st->negative == RT_NEG_TRAILING ? "-" : "";
    sprintf(core, "%s%s%.60s", dollar, open, c->text);
    sprintf(suffix, "%s%s", close, c->num.percent ? "%" : "");
}

static int printed_row(const t2x_row *r)
{
    if (r->absorbed) return 0;
    if (r->kind == T2X_ROW_HEADER) {
        /* page furniture the reader kept as a heading row ("See accompanying notes", "The
         * accompanying notes are an integral part…", a repeated title): not statement content */
        char u[80];
        snprintf(u, sizeof u, "%s", r->label);
        for (char *p = u; *p; p++) *p = (char)toupper((unsigned char)*p);
        return !(strncmp(u, "SEE ", 4) == 0 || strncmp(u, "THE ACCOMPANYING", 16) == 0 ||
                 strncmp(u, "THE NOTES", 9) == 0 || strncmp(u, "NOTES TO", 8) == 0 || strstr(u, "INTEGRAL PART") ||
                 t2x_title_kind(r->label) != T2X_STMT_ANY);
    }
    return 1;
}

static void layout_headings(layout *ly, const t2x_filing *f)
{
    const t2x_table *t = ly->t;
    const rt_style *st = ly->st;
    (void)f;
    int hw = ly->w - 3; /* heading text width over one column */
    if (t->kind == T2X_STMT_EQUITY) {
        for (int k = 0; k < ly->n; k++) {
            int src = ly->col[k];
            if (st->swap_headings && ly->n >= 2 && k < 2) src = ly->col[1 - k];
            const char *h = t->cols[src].header ? t->cols[src].header : "";
            int sc, ex;
            char *text = ly->share_scale[src == ly->col[k] ? k : 1 - k] && !t2x_scale_caption(h, &sc, &ex)
                             ? t2x_xasprintf("%s (in %s)", h, ly->share_scale[src == ly->col[k] ? k : 1 - k] == 6 ? "millions" : "thousands")
                             : t2x_xstrdup(h);
            ly->nhead[k] = wrap_text(text, hw, 0, ly->head[k], RT_MAXHL);
            free(text);
        }
        return;
    }
    /* groups of adjacent columns with one period phrase */
    int k = 0;
    int single_group = 1, all_md_same = 1;
    while (k < ly->n) {
        const t2x_column *c0 = &t->cols[ly->col[k]];
        char p0[64], pk[64];
        period_phrase(c0, 0, p0, sizeof p0);
        int e = k + 1;
        for (; e < ly->n; e++) {
            period_phrase(&t->cols[ly->col[e]], 0, pk, sizeof pk);
            if (strcmp(p0, pk) != 0) break;
        }
        int md_same = 1;
        for (int j = k + 1; j < e; j++) {
            const t2x_column *cj = &t->cols[ly->col[j]];
            if (cj->end.m != c0->end.m || cj->end.d != c0->end.d) md_same = 0;
        }
        if (k > 0 || e < ly->n) single_group = 0;
        if (!md_same) all_md_same = 0;
        char phrase[64], md[32], text[128];
        period_phrase(c0, e - k > 1, phrase, sizeof phrase);
        month_day(c0, st->abbreviate, md, sizeof md);
        if (md_same) snprintf(text, sizeof text, "%s%s%s", phrase, phrase[0] ? " " : "", md);
        else snprintf(text, sizeof text, "%s", phrase);
        int stacked = st->heading == RT_HEAD_STACKED;
        if (!stacked && text[0]) {
            int width = (e - k) * ly->w - 3;
            if ((int)strlen(text) <= width || !md_same || !phrase[0]) {
                ly->nspan[k] = wrap_text(text, width, 0, ly->span[k], 4);
            } else {
                /* as typists break it: the phrase, then the month and day on a line of their own */
                ly->nspan[k] = wrap_text(phrase, width, 0, ly->span[k], 3);
                ly->span[k][ly->nspan[k]++] = t2x_xstrdup(md);
            }
            ly->span_len[k] = e - k;
        }
        for (int j = k; j < e; j++) {
            int src = st->swap_headings && ly->n >= 2 && j < 2 ? ly->col[1 - j] : ly->col[j];
            const t2x_column *c = &t->cols[src];
            char *lines[RT_MAXHL];
            int nl = 0;
            if (stacked) {
                char ph[64], mdj[32];
                period_phrase(c, 0, ph, sizeof ph);
                if (ph[0]) nl += wrap_text(ph, hw, 0, lines + nl, RT_MAXHL - 3);
                month_day(c, st->abbreviate, mdj, sizeof mdj);
                lines[nl++] = t2x_xstrdup(mdj);
            } else if (!md_same) {
                char mdj[32];
                month_day(c, st->abbreviate, mdj, sizeof mdj);
                lines[nl++] = t2x_xstrdup(mdj);
            }
            lines[nl++] = t2x_xasprintf("%d", c->end.y + (st->shift_years ? 1 : 0));
            for (int q = 0; q < nl; q++) ly->head[j][q] = lines[q];
            ly->nhead[j] = nl;
        }
        k = e;
    }
    ly->span_below = st->heading == RT_HEAD_SPAN_BELOW;
    if (st->heading == RT_HEAD_TITLE_PHRASE && single_group && all_md_same && ly->nspan[0] == 1) {
        /* the phrase moves under the title; the columns keep their years */
        snprintf(ly->title_phrase, sizeof ly->title_phrase, "%s", ly->span[0][0]);
        free(ly->span[0][0]);
        ly->span[0][0] = NULL;
        ly->nspan[0] = 0;
    }
}

static int layout_build(layout *ly, const t2x_filing *f, size_t ti, const rt_style *st)
{
    const t2x_table *t = &f->tables[ti];
    memset(ly, 0, sizeof *ly);
    ly->t = t;
    ly->st = st;
    for (int c = 0; c < t->ncols && ly->n < RT_MAXC; c++)
        if (!t->cols[c].skip && (t->kind == T2X_STMT_EQUITY || t->cols[c].dated)) ly->col[ly->n++] = c;
    if (ly->n == 0) return 0;
    find_caption(f, t, st, ly->caption, sizeof ly->caption);
    if (t->kind == T2X_STMT_EQUITY)
        for (int k = 0; k < ly->n; k++)
            if (t->cols[ly->col[k]].share_column) ly->share_scale[k] = share_column_scale(f, ti, ly->col[k]);
    /* field width: the widest printed amount, its suffix, a detached `$` */
    int need = 6;
    for (size_t r = 0; r < t->nrows; r++)
        for (int k = 0; k < ly->n; k++) {
            const t2x_cell *c = &t->rows[r].cells[ly->col[k]];
            if (!c->present) continue;
            char core[80], suffix[8];
            cell_text(c, st, core, suffix);
            int w = (int)strlen(core) + (st->dollar == RT_DOLLAR_DETACHED ? 2 : 0);
            if (w > need) need = w;
        }
    int hneed = 0;
    if (t->kind == T2X_STMT_EQUITY) {
        /* the longest word of a component heading */
        for (int k = 0; k < ly->n; k++) {
            const char *h = t->cols[ly->col[k]].header ? t->cols[ly->col[k]].header : "";
            for (const char *p = h; *p;) {
                while (*p == ' ') p++;
                int l = (int)strcspn(p, " ");
                if (l > hneed) hneed = l;
                p += l;
            }
        }
        if (hneed < 10) hneed = 10;
    } else {
        /* years; a month and day over each column when the stacked style or the columns of one
         * period length end on different days ask for it */
        hneed = 4;
        for (int k = 0; k < ly->n; k++) {
            const t2x_column *c = &t->cols[ly->col[k]], *p = k ? &t->cols[ly->col[k - 1]] : NULL;
            int differ = p && p->instant == c->instant && p->months == c->months && p->weeks == c->weeks &&
                         (p->end.m != c->end.m || p->end.d != c->end.d);
            if (st->heading == RT_HEAD_STACKED || differ) {
                char md[32];
                month_day(c, st->abbreviate, md, sizeof md);
                if ((int)strlen(md) > hneed) hneed = (int)strlen(md);
                if (p) {
                    month_day(p, st->abbreviate, md, sizeof md);
                    if ((int)strlen(md) > hneed) hneed = (int)strlen(md);
                }
            }
        }
        if (st->heading == RT_HEAD_STACKED && hneed < 10) hneed = 10;
    }
    if (hneed > need) need = hneed;
    ly->w = need + 2 + st->gap;
    /* label area */
    int lw = 0;
    if (st->wrap != RT_WRAP_NONE && st->label_width) {
        lw = st->label_width;
    } else {
        for (size_t r = 0; r < t->nrows; r++) {
            const t2x_row *row = &t->rows[r];
            if (!printed_row(row)) continue;
            int l = row->depth * st->indent_step + (int)strlen(row->label);
            if (l > lw) lw = l;
        }
        lw += 4;
        if (lw < 30) lw = 30;
        if (lw > 64) lw = 64; /* longer labels wrap, as they do in print */
    }
    if ((st->caption == RT_CAP_YEARS_LINE || st->caption == RT_CAP_HEADING || st->caption == RT_CAP_FIRST_ROW) &&
        (int)strlen(ly->caption) + 3 > lw)
        lw = (int)strlen(ly->caption) + 3;
    ly->label_w = lw;
    ly->notes_x = st->notes ? lw : -1;
    ly->x0 = lw + (st->notes ? 6 : 0);
    if (ly->x0 + ly->n * ly->w >= RT_W - 4) return 0;
    layout_headings(ly, f);
    return 1;
}

static void layout_free(layout *ly)
{
    for (int k = 0; k < RT_MAXC; k++) {
        for (int q = 0; q < RT_MAXHL; q++) free(ly->head[k][q]);
        for (int q = 0; q < 4; q++) free(ly->span[k][q]);
    }
}

/* The title line as printed when it names the statement, else a plain one of its kind. */
static const char *title_of(const t2x_table *t)
{
    if (t->title && t2x_title_kind(t->title) == t->kind) return t->title;
    switch (t->kind) {
    case T2X_STMT_BALANCE: return "CONSOLIDATED BALANCE SHEETS";
    case T2X_STMT_INCOME: return "CONSOLIDATED STATEMENTS OF INCOME";
    case T2X_STMT_CASHFLOW: return "CONSOLIDATED STATEMENTS OF CASH FLOWS";
    case T2X_STMT_EQUITY: return "CONSOLIDATED STATEMENTS OF SHAREHOLDERS' EQUITY";
    default: return "CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME";
    }
}

static void emit_centered(t2x_buf *b, const layout *ly, const char *s)
{
    int width = ly->x0 + ly->n * ly->w;
    int x = (width - (int)strlen(s)) / 2;
    emit_text(b, x > 0 ? x : 0, s, ly->st->tabs);
}

/* Title block and column headings (again after a repeated page break). */
static void emit_top(t2x_buf *b, const layout *ly, int continued)
{
    const rt_style *st = ly->st;
    emit_centered(b, ly, "LAYOUT TEST CORPORATION AND SUBSIDIARIES");
    /* whose figures: printed around the title as the original prints it (scope.c reads it) */
    if (ly->t->scope == T2X_SCOPE_PARENT) emit_centered(b, ly, "(PARENT COMPANY ONLY)");
    char title[400];
    snprintf(title, sizeof title, "%s%s%s%s", title_of(ly->t), continued ? " (Continued)" : "",
             st->caption == RT_CAP_IN_TITLE && ly->caption[0] ? " " : "",
             st->caption == RT_CAP_IN_TITLE ? ly->caption : "");
    emit_centered(b, ly, title);
    if (st->caption == RT_CAP_UNDER_TITLE && ly->caption[0]) emit_centered(b, ly, ly->caption);
    if (ly->title_phrase[0]) emit_centered(b, ly, ly->title_phrase);
    t2x_buf_putc(b, '\n');
    /* column headings, bottom-aligned; spanning lines above or below them */
    int depth = 0;
    for (int k = 0; k < ly->n; k++)
        if (ly->nhead[k] > depth) depth = ly->nhead[k];
    int nspan = 0;
    for (int k = 0; k < ly->n; k++)
        if (ly->nspan[k] > nspan) nspan = ly->nspan[k];
    int line_no = 0;
    canvas c;
    for (int part = 0; part < 2; part++) {
        int spans = (part == 0) != ly->span_below;
        if (spans && nspan) {
            for (int q = 0; q < nspan; q++, line_no++) {
                cv_clear(&c);
                for (int k = 0; k < ly->n; k++) {
                    int idx = q - (nspan - ly->nspan[k]);
                    if (!ly->nspan[k] || idx < 0) continue;
                    int left = ly->x0 + k * ly->w, width = ly->span_len[k] * ly->w - 1;
                    const char *s = ly->span[k][idx];
                    cv_put(&c, left + (width - (int)strlen(s)) / 2, s);
                }
                if (line_no == 0 && st->caption == RT_CAP_HEADING && ly->caption[0]) cv_put(&c, 0, ly->caption);
                cv_emit(b, &c, st->tabs);
            }
            if (!ly->span_below) {
                cv_clear(&c);
                for (int k = 0; k < ly->n; k++)
                    if (ly->nspan[k]) {
                        int left = ly->x0 + k * ly->w + 1, width = ly->span_len[k] * ly->w - 2;
                        for (int x = 0; x < width; x++) c.s[left + x] = '-';
                    }
                cv_emit(b, &c, st->tabs);
                line_no++;
            }
        } else if (!spans) {
            for (int q = 0; q < depth; q++, line_no++) {
                cv_clear(&c);
                for (int k = 0; k < ly->n; k++) {
                    int idx = q - (depth - ly->nhead[k]);
                    if (idx >= 0) cv_put_right(&c, digit_end(ly, k), ly->head[k][idx]);
                }
                if (line_no == 0 && st->caption == RT_CAP_HEADING && ly->caption[0]) cv_put(&c, 0, ly->caption);
                if (q == depth - 1 && st->caption == RT_CAP_YEARS_LINE && ly->caption[0]) cv_put(&c, 0, ly->caption);
                if (q == depth - 1 && ly->notes_x >= 0) cv_put(&c, ly->notes_x, "Note");
                cv_emit(b, &c, st->tabs);
            }
            if (st->underline) {
                cv_clear(&c);
                for (int k = 0; k < ly->n; k++)
                    for (int x = ly->x0 + k * ly->w + 2; x <= digit_end(ly, k); x++) c.s[x] = '-';
                cv_emit(b, &c, st->tabs);
            }
        }
    }
    if (st->caption == RT_CAP_FIRST_ROW && ly->caption[0]) emit_text(b, 0, ly->caption, st->tabs);
    t2x_buf_putc(b, '\n');
}

static void emit_statement(t2x_buf *b, const layout *ly)
{
    const t2x_table *t = ly->t;
    const rt_style *st = ly->st;
    emit_top(b, ly, 0);
    /* rows printed, to find the middle for the page break */
    size_t nprint = 0, seen = 0;
    for (size_t r = 0; r < t->nrows; r++) nprint += printed_row(&t->rows[r]);
    int items = 0;
    canvas c;
    for (size_t r = 0; r < t->nrows; r++) {
        const t2x_row *row = &t->rows[r];
        if (!printed_row(row)) continue;
        int has = 0;
        for (int k = 0; k < ly->n; k++) has |= row->cells[ly->col[k]].present;
        if (row->kind == T2X_ROW_ITEM && !has) continue; /* its amounts were in columns not printed */
        if (st->page != RT_PAGE_NONE && nprint > 6 && seen == nprint / 2) {
            t2x_buf_putc(b, '\n');
            emit_centered(b, ly, "- 12 -");
            t2x_buf_puts(b, "<PAGE>\n");
            if (st->page == RT_PAGE_REPEAT) emit_top(b, ly, 1);
        }
        seen++;
        int indent = row->depth * st->indent_step;
        if (row->rule_above && has) {
            cv_clear(&c);
            for (int k = 0; k < ly->n; k++) {
                if (!row->cells[ly->col[k]].present) continue;
                for (int x = ly->x0 + k * ly->w + 2; x <= digit_end(ly, k); x++)
                    c.s[x] = row->rule_above == 2 ? '=' : '-';
            }
            cv_emit(b, &c, st->tabs);
        }
        /* the label, wrapped when the style narrows it */
        char *lines[12];
        int nl;
        int room = ly->label_w - indent - 3;
        if ((int)strlen(row->label) > room)
            nl = wrap_text(row->label, room, st->wrap == RT_WRAP_AT_NUMBER, lines, 12);
        else {
            lines[0] = t2x_xstrdup(row->label);
            nl = 1;
        }
        for (int q = 0; q < nl; q++) {
            cv_clear(&c);
            cv_put(&c, indent + (q ? 2 : 0), lines[q]);
            if (q == nl - 1 && row->kind == T2X_ROW_ITEM) {
                int from = indent + (q ? 2 : 0) + (int)strlen(lines[q]) + 1;
                if (st->leaders != RT_LEADERS_NONE && lines[q][0])
                    for (int x = from; x < ly->label_w - 1; x++)
                        if (st->leaders == RT_LEADERS_DOTS || x % 2 == 0) c.s[x] = '.';
                if (ly->notes_x >= 0 && items % 4 == 1 && row->label[0]) {
                    char note[8];
                    snprintf(note, sizeof note, "%d", (items / 4) % 14 + 1);
                    cv_put_right(&c, ly->notes_x + 3, note);
                }
                for (int k = 0; k < ly->n; k++) {
                    const t2x_cell *cell = &row->cells[ly->col[k]];
                    if (!cell->present) continue;
                    char core[80], suffix[8];
                    cell_text(cell, st, core, suffix);
                    int d = digit_end(ly, k);
                    /* a parenthesised negative keeps its digits on the anchor: `(` moves left */
                    cv_put_right(&c, d, core);
                    cv_put(&c, d + 1, suffix);
                    if (cell->num.dollar && st->dollar == RT_DOLLAR_DETACHED) c.s[ly->x0 + k * ly->w + 1] = '$';
                }
                items++;
            }
            cv_emit(b, &c, st->tabs);
            free(lines[q]);
        }
    }
    t2x_buf_putc(b, '\n');
    emit_text(b, 0, "The accompanying notes are an integral part of these financial statements.", 0);
    t2x_buf_puts(b, "\n<PAGE>\n");
}

/* ---------------------------------------------------------------- the filing */

/* The SEC header and the cover; `html` wraps the document body in <HTML> (its cover paragraphs
 * in <P>), as HTML submissions print it. */
static void emit_header(t2x_buf *b, const t2x_filing *f, int html)
{
    const char *form = f->form ? f->form : "10-K";
    t2x_buf_puts(b, "<SEC-DOCUMENT>0000999999-99-000001.txt : 19990101\n"
                    "<SEC-HEADER>0000999999-99-000001.hdr.sgml : 19990101\n"
                    "ACCESSION NUMBER:\t\t0000999999-99-000001\n");
    t2x_buf_printf(b, "CONFORMED SUBMISSION TYPE:\t%s\n", form);
    t2x_buf_puts(b, "PUBLIC DOCUMENT COUNT:\t\t1\n");
    if (f->cover.period_end.y)
        t2x_buf_printf(b, "CONFORMED PERIOD OF REPORT:\t%04d%02d%02d\n", f->cover.period_end.y,
                       f->cover.period_end.m, f->cover.period_end.d);
    t2x_buf_puts(b, "\nFILER:\n\n\tCOMPANY DATA:\t\n"
                    "\t\tCOMPANY CONFORMED NAME:\t\t\tLAYOUT TEST CORP\n"
                    "\t\tCENTRAL INDEX KEY:\t\t\t0000999999\n");
    if (f->sub.hdr.fye) t2x_buf_printf(b, "\t\tFISCAL YEAR END:\t\t\t%s\n", f->sub.hdr.fye);
    t2x_buf_printf(b, "</SEC-HEADER>\n<DOCUMENT>\n<TYPE>%s\n<SEQUENCE>1\n<TEXT>\n", form);
    if (html) {
        t2x_buf_printf(b, "<HTML><BODY>\n<P ALIGN=\"center\">SECURITIES AND EXCHANGE COMMISSION</P>\n"
                          "<P ALIGN=\"center\">FORM %s</P>\n", form);
        if (f->cover.period_end.y)
            t2x_buf_printf(b, "<P>For the %s ended %s %d, %d</P>\n",
                           strncmp(form, "10-K", 4) == 0 ? "fiscal year" : "quarterly period",
                           month_full[f->cover.period_end.m], f->cover.period_end.d, f->cover.period_end.y);
        t2x_buf_puts(b, "<P ALIGN=\"center\"><B>LAYOUT TEST CORPORATION</B></P>\n<P>(Exact name of registrant as "
                        "specified in its charter)</P>\n<HR>\n<P><B>Item 8.  Financial Statements and Supplementary "
                        "Data</B></P>\n");
        return;
    }
    t2x_buf_puts(b, "                    SECURITIES AND EXCHANGE COMMISSION\n"
                    "                          Washington, D.C. 20549\n\n");
    t2x_buf_printf(b, "                               FORM %s\n\n", form);
    if (f->cover.period_end.y) {
        int annual = strncmp(form, "10-K", 4) == 0;
        t2x_buf_printf(b, "          For the %s ended %s %d, %d\n\n", annual ? "fiscal year" : "quarterly period",
                       month_full[f->cover.period_end.m], f->cover.period_end.d, f->cover.period_end.y);
    }
    t2x_buf_puts(b, "                         LAYOUT TEST CORPORATION\n"
                    "          (Exact name of registrant as specified in its charter)\n\n"
                    "<PAGE>\n\nItem 8.  Financial Statements and Supplementary Data\n\n");
}

char *rt_render_filing(const t2x_filing *f, const rt_style *style, size_t *len, size_t *nstatements)
{
    t2x_buf b = {0};
    emit_header(&b, f, 0);
    *nstatements = 0;
    for (size_t i = 0; i < f->ntables; i++) {
        const t2x_table *t = &f->tables[i];
        if (!rt_primary(t->kind)) continue;
        layout ly;
        if (layout_build(&ly, f, i, style)) {
            emit_statement(&b, &ly);
            (*nstatements)++;
        }
        layout_free(&ly);
    }
    t2x_buf_puts(&b, "</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
    *len = b.len;
    return b.data;
}

/* ---------------------------------------------------------------- HTML */

/* clang-format off */
const rt_html rt_html_styles[] = {
    /* name                     base                 split spacers indent           markup th */
    {"html-donnelley",          "plain",             1,    1,      RT_HIND_STYLE,   1,     0},
    {"html-simple",             "plain",             0,    0,      RT_HIND_NBSP,    0,     0},
    {"html-indent-cells",       "dots-detached",     1,    0,      RT_HIND_CELLS,   0,     0},
    {"html-th-title-phrase",    "title-phrase",      0,    1,      RT_HIND_NBSP,    1,     1},
    {"html-caption-heading",    "caption-heading",   1,    1,      RT_HIND_STYLE,   1,     0},
    {"html-caption-first-row",  "caption-first-row", 1,    1,      RT_HIND_NBSP,    0,     0},
    {"html-years-on-caption",   "years-on-caption",  1,    1,      RT_HIND_NBSP,    1,     0},
    {"html-notes-column",       "notes-column",      1,    1,      RT_HIND_STYLE,   1,     0},
    {"html-page-repeat",        "page-repeat",       1,    1,      RT_HIND_STYLE,   1,     0},
    {"html-page-bare",          "page-bare",         1,    1,      RT_HIND_NBSP,    0,     0},
    {"html-stacked-abbrev",     "stacked-abbrev",    0,    1,      RT_HIND_NBSP,    1,     1},
    {"html-minus",              "leading-minus",     0,    0,      RT_HIND_CELLS,   0,     0},
    {"html-trailing-minus",     "trailing-minus",    1,    0,      RT_HIND_STYLE,   0,     0},
};
/* clang-format on */
const size_t rt_nhtml = sizeof rt_html_styles / sizeof rt_html_styles[0];

typedef struct hctx {
    t2x_buf *b;
    const layout *ly;
    const rt_html *hs;
    int per;   /* cells of one amount column, its spacer excluded */
    int lab;   /* cells of the label area (the notes column included) */
    int depth; /* deepest row depth (RT_HIND_CELLS) */
} hctx;

/* Text with `&`, `<`, `>` escaped; blanks as &nbsp; when `nbsp`. */
static void h_text(t2x_buf *b, const char *s, int nbsp)
{
    for (; *s; s++) {
        if (*s == '&') t2x_buf_puts(b, "&amp;");
        else if (*s == '<') t2x_buf_puts(b, "&lt;");
        else if (*s == '>') t2x_buf_puts(b, "&gt;");
        else if (*s == ' ' && nbsp) t2x_buf_puts(b, "&nbsp;");
        else t2x_buf_putc(b, *s);
    }
}

/* One cell: <TD attrs> (or <TH>) holding `html` (already escaped), in <FONT> when the style
 * marks text up. */
static void h_cell(hctx *h, int head, int colspan, const char *attrs, const char *html)
{
    const char *tag = head && h->hs->th ? "TH" : "TD";
    t2x_buf_printf(h->b, "<%s", tag);
    if (colspan > 1) t2x_buf_printf(h->b, " COLSPAN=\"%d\"", colspan);
    if (attrs && attrs[0]) t2x_buf_printf(h->b, " %s", attrs);
    t2x_buf_puts(h->b, ">");
    if (h->hs->markup && html[0]) t2x_buf_printf(h->b, "<FONT SIZE=\"2\">%s</FONT>", html);
    else t2x_buf_puts(h->b, html[0] ? html : (h->hs->markup ? "&nbsp;" : ""));
    t2x_buf_printf(h->b, "</%s>", tag);
}

/* Lines joined by <BR>, escaped. */
static char *h_lines(char *const *lines, int n)
{
    t2x_buf b = {0};
    for (int q = 0; q < n; q++) {
        if (q) t2x_buf_puts(&b, "<BR>");
        h_text(&b, lines[q] ? lines[q] : "", 0);
    }
    t2x_buf_putc(&b, '\0');
    return b.data;
}

/* The label area of a heading row: `text` (escaped) or nothing. */
static void h_label_area(hctx *h, const char *text)
{
    char *esc = h_lines((char *[]){(char *)text}, 1);
    int notes = h->ly->notes_x >= 0;
    h_cell(h, 0, h->lab - notes, "ALIGN=\"left\" VALIGN=\"bottom\"", esc);
    if (notes) h_cell(h, 1, 1, "ALIGN=\"center\" VALIGN=\"bottom\"", text == NULL ? "Note" : "");
    free(esc);
}

/* The heading rows of a statement: spanning period phrases above or below the column headings,
 * the scale caption where the base style prints it. */
static void h_headings(hctx *h)
{
    const layout *ly = h->ly;
    const rt_style *st = ly->st;
    int nspan = 0;
    for (int k = 0; k < ly->n; k++) nspan |= ly->nspan[k] > 0;
    int first = 1;
    for (int part = 0; part < 2; part++) {
        int spans = (part == 0) != ly->span_below;
        if (spans && !nspan) continue;
        t2x_buf_puts(h->b, "<TR VALIGN=\"bottom\">");
        const char *cap = first && st->caption == RT_CAP_HEADING ? ly->caption : "";
        if (!spans && st->caption == RT_CAP_YEARS_LINE) cap = ly->caption;
        h_label_area(h, spans ? cap : (cap[0] ? cap : NULL));
        for (int k = 0; k < ly->n;) {
            if (h->hs->spacers) h_cell(h, 0, 1, "WIDTH=\"1%\"", "");
            int w = spans && ly->nspan[k] ? ly->span_len[k] : 1;
            char *html = spans ? (ly->nspan[k] ? h_lines(ly->span[k], ly->nspan[k]) : t2x_xstrdup(""))
                               : h_lines(ly->head[k], ly->nhead[k]);
            const char *attrs = st->underline && !spans ? "ALIGN=\"center\" STYLE=\"border-bottom:1px solid #000000\""
                                                        : "ALIGN=\"center\"";
            h_cell(h, 1, w * h->per + (w - 1) * h->hs->spacers, attrs, html);
            free(html);
            k += w;
        }
        t2x_buf_puts(h->b, "</TR>\n");
        first = 0;
    }
    if (st->caption == RT_CAP_FIRST_ROW && ly->caption[0]) {
        t2x_buf_puts(h->b, "<TR>");
        h_label_area(h, ly->caption);
        t2x_buf_puts(h->b, "</TR>\n");
    }
}

/* Title block, the table's start and its headings (again, "(Continued)", after a page break). */
static void h_top(hctx *h, int continued)
{
    const layout *ly = h->ly;
    const rt_style *st = ly->st;
    if (ly->t->scope == T2X_SCOPE_PARENT) t2x_buf_puts(h->b, "<P ALIGN=\"center\">(PARENT COMPANY ONLY)</P>\n");
    t2x_buf_puts(h->b, "<P ALIGN=\"center\"><B>");
    h_text(h->b, title_of(ly->t), 0);
    if (continued) t2x_buf_puts(h->b, " (Continued)");
    if (st->caption == RT_CAP_IN_TITLE && ly->caption[0]) {
        t2x_buf_putc(h->b, ' ');
        h_text(h->b, ly->caption, 0);
    }
    t2x_buf_puts(h->b, "</B></P>\n");
    if (st->caption == RT_CAP_UNDER_TITLE && ly->caption[0]) {
        t2x_buf_puts(h->b, "<P ALIGN=\"center\">");
        h_text(h->b, ly->caption, 0);
        t2x_buf_puts(h->b, "</P>\n");
    }
    if (ly->title_phrase[0]) {
        t2x_buf_puts(h->b, "<P ALIGN=\"center\">");
        h_text(h->b, ly->title_phrase, 0);
        t2x_buf_puts(h->b, "</P>\n");
    }
    t2x_buf_puts(h->b, "<TABLE WIDTH=\"100%\" BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">\n");
    h_headings(h);
}

/* One amount column of an item row. */
static void h_amount(hctx *h, const t2x_cell *cell, int row_items)
{
    const rt_style *st = h->ly->st;
    const rt_html *hs = h->hs;
    if (hs->spacers) h_cell(h, 0, 1, "", "");
    if (!cell->present) {
        for (int q = 0; q < h->per; q++) h_cell(h, 0, 1, "", "");
        return;
    }
    rt_style det = *st;
    if (hs->split && det.dollar == RT_DOLLAR_ATTACHED) det.dollar = RT_DOLLAR_DETACHED;
    char core[80], suffix[8];
    cell_text(cell, &det, core, suffix);
    const char *dollar = cell->num.dollar && st->dollar != RT_DOLLAR_NONE ? (hs->markup ? "&#36;" : "$") : "";
    t2x_buf amt = {0};
    if (!hs->split && st->dollar == RT_DOLLAR_DETACHED && dollar[0]) t2x_buf_printf(&amt, "%s&nbsp;", dollar);
    if (cell->num.dash && hs->markup) {
        /* the dash as HTML filings print it: a character reference, the sign and `$` kept */
        const char *d = core + strcspn(core, "-");
        t2x_buf_printf(&amt, "%.*s&#151;", (int)(d - core), core);
    } else {
        h_text(&amt, core, 0);
    }
    /* a trailing minus stays with its digits (a `-` in a cell of its own is a dash: zero) */
    int minus = suffix[0] == '-';
    if (!hs->split || minus) h_text(&amt, suffix, 0);
    t2x_buf_putc(&amt, '\0');
    (void)row_items;
    if (hs->split) {
        h_cell(h, 0, 1, "ALIGN=\"left\"", dollar);
        h_cell(h, 0, 1, "ALIGN=\"right\"", amt.data);
        char *suf = h_lines((char *[]){minus ? suffix + 1 : suffix}, 1);
        h_cell(h, 0, 1, "ALIGN=\"left\"", suf);
        free(suf);
    } else {
        h_cell(h, 0, 1, "ALIGN=\"right\" NOWRAP", amt.data);
    }
    free(amt.data);
}

/* One statement row: the label at its depth, a note number on some rows, the amounts. */
static void h_row(hctx *h, const t2x_row *row, int *items)
{
    const layout *ly = h->ly;
    const rt_html *hs = h->hs;
    t2x_buf lab = {0};
    int depth = row->depth < h->depth ? row->depth : h->depth;
    char attrs[80] = "ALIGN=\"left\" VALIGN=\"bottom\"";
    if (hs->indent == RT_HIND_NBSP)
        for (int q = 0; q < depth * ly->st->indent_step; q++) t2x_buf_puts(&lab, "&nbsp;");
    if (hs->indent == RT_HIND_STYLE && depth)
        snprintf(attrs, sizeof attrs, "VALIGN=\"bottom\" STYLE=\"padding-left:%dem\"", depth);
    h_text(&lab, row->label, 0);
    t2x_buf_putc(&lab, '\0');
    t2x_buf_puts(h->b, "<TR VALIGN=\"bottom\">");
    int notes = ly->notes_x >= 0, area = h->lab - notes;
    if (hs->indent == RT_HIND_CELLS) {
        for (int q = 0; q < depth; q++) h_cell(h, 0, 1, "WIDTH=\"2%\"", "");
        area -= depth;
    }
    const char *html = lab.data;
    char *bold = NULL;
    if (hs->markup && row->kind == T2X_ROW_HEADER) html = bold = t2x_xasprintf("<B>%s</B>", lab.data);
    h_cell(h, 0, area, attrs, html);
    free(bold);
    free(lab.data);
    if (notes) {
        char note[8] = "";
        if (row->kind == T2X_ROW_ITEM && *items % 4 == 1 && row->label[0])
            snprintf(note, sizeof note, "%d", (*items / 4) % 14 + 1);
        h_cell(h, 0, 1, "ALIGN=\"center\"", note);
    }
    if (row->kind == T2X_ROW_ITEM) {
        for (int k = 0; k < ly->n; k++) h_amount(h, &row->cells[ly->col[k]], *items);
        (*items)++;
    }
    t2x_buf_puts(h->b, "</TR>\n");
}

static void h_statement(t2x_buf *b, const layout *ly, const rt_html *hs)
{
    const t2x_table *t = ly->t;
    hctx h = {b, ly, hs, hs->split ? 3 : 1, 1, 0};
    if (hs->indent == RT_HIND_CELLS)
        for (size_t r = 0; r < t->nrows; r++)
            if (printed_row(&t->rows[r]) && t->rows[r].depth > h.depth) h.depth = t->rows[r].depth;
    if (h.depth > 6) h.depth = 6;
    h.lab = 1 + (hs->indent == RT_HIND_CELLS ? h.depth : 0) + (ly->notes_x >= 0);
    h_top(&h, 0);
    size_t nprint = 0, seen = 0;
    for (size_t r = 0; r < t->nrows; r++) nprint += printed_row(&t->rows[r]);
    int items = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const t2x_row *row = &t->rows[r];
        if (!printed_row(row)) continue;
        int has = 0;
        for (int k = 0; k < ly->n; k++) has |= row->cells[ly->col[k]].present;
        if (row->kind == T2X_ROW_ITEM && !has) continue;
        if (ly->st->page != RT_PAGE_NONE && nprint > 6 && seen == nprint / 2) {
            /* a page break as HTML filings print it: the table ends, a page number, a rule */
            t2x_buf_puts(b, "</TABLE>\n<P ALIGN=\"center\">12</P>\n<HR SIZE=\"3\" NOSHADE>\n"
                            "<P><A HREF=\"#toc\">Table of Contents</A></P>\n");
            if (ly->st->page == RT_PAGE_REPEAT) h_top(&h, 1);
            else t2x_buf_puts(b, "<TABLE WIDTH=\"100%\" BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">\n");
        }
        seen++;
        h_row(&h, row, &items);
    }
    t2x_buf_puts(b, "</TABLE>\n<P>The accompanying notes are an integral part of these financial statements.</P>\n"
                    "<HR SIZE=\"3\" NOSHADE>\n");
}

char *rt_render_html(const t2x_filing *f, const rt_html *hs, size_t *len, size_t *nstatements)
{
    const rt_style *base = &rt_styles[0];
    for (size_t s = 0; s < rt_nstyles; s++)
        if (strcmp(rt_styles[s].name, hs->base) == 0) base = &rt_styles[s];
    t2x_buf b = {0};
    emit_header(&b, f, 1);
    *nstatements = 0;
    for (size_t i = 0; i < f->ntables; i++) {
        if (!rt_primary(f->tables[i].kind)) continue;
        layout ly;
        if (layout_build(&ly, f, i, base)) {
            h_statement(&b, &ly, hs);
            (*nstatements)++;
        }
        layout_free(&ly);
    }
    t2x_buf_puts(&b, "</BODY></HTML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
    *len = b.len;
    return b.data;
}
