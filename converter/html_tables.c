/*
 * html_tables.c — one HTML <table> as aligned display lines (html.h), read from its structure:
 * rows and cells placed on a grid (colspan, rowspan), the pieces of one amount printed in
 * separate cells ($ | 1,234 | ) or %) joined, empty spacer columns and rows dropped, each grid
 * column as wide as its widest cell, labels left-aligned, amounts and column headings
 * right-aligned under each other, headings spanning columns centred over them, cells bottom-
 * aligned (the amounts of a wrapped label on its last line). The rules printed under amounts
 * (an <hr> in a cell, a cell's solid or double top or bottom border) become a line of dashes
 * under those amounts, as a text filing prints them. A table whose cells hold tables is page
 * layout, not a table: its cells are read as blocks.
 */
#include "html.h"
#include "dates.h"
#include "numbers.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GRID_COLS 256
#define MAX_CELL_COLS 70   /* a wider cell is wrapped (labels) */
#define PAGE_COLS 100      /* width of a cell spanning the whole table */
#define GAP 2
#define LABEL_GAP 8

typedef struct hcell {
    int row, col, colspan;
    t2x_hlines lines;  /* content, one entry per line */
    int width;         /* widest line */
    int numeric;       /* the content is an amount */
    int full;          /* spans the whole table: a note or heading line of its own */
    int label;         /* lies in the label area (left of the amounts) */
    int top;           /* valign="top": its lines start at the row's first line */
    int rule_above;    /* a rule is printed over it (a top border) */
    int rule_below;    /* a rule is printed under it (a bottom border, an <hr>) */
} hcell;

static int line_text(const t2x_hline *l, char *out, int cap)
{
    int n = 0;
    for (size_t i = 0; i < l->n && n + 1 < cap; i++)
        if (l->v[i].c != ' ') out[n++] = l->v[i].c;
    out[n] = '\0';
    return n;
}

static void trim_lead(t2x_hline *l)
{
    size_t k = 0;
    while (k < l->n && l->v[k].c == ' ') k++;
    if (k) {
        memmove(l->v, l->v + k, (l->n - k) * sizeof *l->v);
        l->n -= k;
    }
}

static void cell_measure(hcell *c)
{
    /* drop empty lines at both ends */
    while (c->lines.n && c->lines.v[c->lines.n - 1].n == 0) free(c->lines.v[--c->lines.n].v);
    size_t lead = 0;
    while (lead < c->lines.n && c->lines.v[lead].n == 0) lead++;
    if (lead) {
        for (size_t i = 0; i < lead; i++) free(c->lines.v[i].v);
        memmove(c->lines.v, c->lines.v + lead, (c->lines.n - lead) * sizeof *c->lines.v);
        c->lines.n -= lead;
    }
    c->width = 0;
    for (size_t i = 0; i < c->lines.n; i++)
        if ((int)c->lines.v[i].n > c->width) c->width = (int)c->lines.v[i].n;
    c->numeric = 0;
    if (c->lines.n) {
        t2x_hline *l = &c->lines.v[c->lines.n - 1];
        char buf[128];
        int k = 0;
        size_t i = 0;
        while (i < l->n && l->v[i].c == ' ') i++;
        for (; i < l->n && k + 1 < (int)sizeof buf; i++) buf[k++] = l->v[i].c;
        buf[k] = '\0';
        t2x_num num;
        c->numeric = k > 0 && k < 40 && t2x_num_parse(buf, k, &num);
    }
}

static int empty(const hcell *c) { return c->lines.n == 0; }

/* Join the pieces of amounts printed in separate cells of one row. */
static void join_pieces(hcell *cells, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        hcell *c = &cells[i];
        if (c->lines.n != 1) continue;
        char t[16];
        if (line_text(&c->lines.v[0], t, sizeof t) > 3) continue;
        int prefix = strcmp(t, "$") == 0 || strcmp(t, "(") == 0 || strcmp(t, "$(") == 0 || strcmp(t, "($") == 0;
        int suffix = strcmp(t, ")") == 0 || strcmp(t, "%") == 0 || strcmp(t, ")%") == 0 || strcmp(t, "%)") == 0;
        if (prefix) {
            size_t j = i + 1;
            while (j < to && empty(&cells[j])) j++;
            if (j >= to) continue;
            t2x_hline *dst = &cells[j].lines.v[cells[j].lines.n - 1];
            trim_lead(dst);
            if (!dst->n || !(isdigit((unsigned char)dst->v[0].c) || dst->v[0].c == '(' || dst->v[0].c == '-' ||
                             dst->v[0].c == '.'))
                continue;
            t2x_hline joined = {0};
            t2x_hline *src = &c->lines.v[0];
            trim_lead(src);
            t2x_hline_trim(src);
            t2x_hline_cat(&joined, src, 0, src->n);
            t2x_hline_cat(&joined, dst, 0, dst->n);
            free(dst->v);
            *dst = joined;
        } else if (suffix) {
            size_t j = i;
            while (j > from && empty(&cells[j - 1])) j--;
            if (j == from) continue;
            hcell *p = &cells[j - 1];
            t2x_hline *dst = &p->lines.v[p->lines.n - 1];
            t2x_hline_trim(dst);
            if (!dst->n || !(isdigit((unsigned char)dst->v[dst->n - 1].c) || dst->v[dst->n - 1].c == '-')) continue;
            t2x_hline *src = &c->lines.v[0];
            trim_lead(src);
            t2x_hline_trim(src);
            t2x_hline_cat(dst, src, 0, src->n);
        } else {
            continue;
        }
        t2x_hlines_free(&c->lines);
        cell_measure(&cells[i]);
    }
}

/* Wrap the lines of a cell wider than `width` (greedy, at spaces); continuation lines are
 * indented one column more than the first. */
static void wrap_cell(hcell *c, int width)
{
    if (c->width <= width || width < 8) return;
    t2x_hlines out = {0};
    for (size_t i = 0; i < c->lines.n; i++) {
        t2x_hline *l = &c->lines.v[i];
        size_t lead = 0;
        while (lead < l->n && l->v[lead].c == ' ') lead++;
        size_t start = 0;
        while (start < l->n) {
            size_t pad = start ? lead + 1 : 0, lim = start + (size_t)width - pad, cut = l->n;
            if (lim < l->n) {
                cut = lim;
                while (cut > start + 1 && l->v[cut].c != ' ') cut--;
                if (cut <= start + 1) cut = lim;
            }
            t2x_hline piece = {0};
            for (size_t k = 0; k < pad; k++) t2x_hline_add(&piece, ' ', 1, 0, 0);
            t2x_hline_cat(&piece, l, start, cut);
            t2x_hline_trim(&piece);
            t2x_hlines_push(&out, &piece);
            start = cut;
            while (start < l->n && l->v[start].c == ' ') start++;
        }
    }
    t2x_hlines_free(&c->lines);
    c->lines = out;
    cell_measure(c);
}

static int has_inner_table(xmlNodePtr n, int depth)
{
    for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
        if (t2x_html_is(ch, "table")) return 1;
        if (ch->type == XML_ELEMENT_NODE && depth < 64 && has_inner_table(ch, depth + 1)) return 1;
    }
    return 0;
}

static int int_attr(xmlNodePtr n, const char *name, int max)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    int x = v ? atoi((const char *)v) : 1;
    if (v) xmlFree(v);
    if (x < 1) x = 1;
    return x > max ? max : x;
}

typedef struct grid {
    hcell *cells;
    size_t n, cap;
    int nrows, ncols;
    int busy[MAX_GRID_COLS]; /* a rowspan holds the column up to this row (exclusive) */
} grid;

/* Does the element hold an <hr> (within a few levels)? */
static int holds_hr(xmlNodePtr n, int depth)
{
    for (xmlNodePtr ch = n->children; ch && depth < 6; ch = ch->next) {
        if (ch->type != XML_ELEMENT_NODE) continue;
        if (t2x_html_is(ch, "hr") || holds_hr(ch, depth + 1)) return 1;
    }
    return 0;
}

/* Does the style draw a solid or double border on `side` ("top", "bottom")? */
static int style_border(const char *style, const char *side)
{
    char prop[24];
    snprintf(prop, sizeof prop, "border-%s", side);
    for (const char *p = style; (p = strstr(p, prop)) != NULL; p += strlen(prop)) {
        const char *v = strchr(p, ':');
        if (!v) return 0;
        const char *end = strchr(v, ';');
        size_t n = end ? (size_t)(end - v) : strlen(v);
        char val[96];
        snprintf(val, sizeof val, "%.*s", (int)(n < sizeof val ? n : sizeof val - 1), v);
        if (strstr(val, "none") || strstr(val, "hidden")) continue;
        if (strstr(val, "solid") || strstr(val, "double")) return 1;
    }
    return 0;
}

/* The rules a cell prints: its borders, and an <hr> in it (alone in the cell: a rule under the
 * row above; after an amount: under the amount). Call after cell_measure. */
static void cell_rules(xmlNodePtr td, hcell *cell)
{
    xmlChar *st = xmlGetProp(td, BAD_CAST "style");
    if (st) {
        char low[1024];
        size_t k = 0;
        for (const xmlChar *p = st; *p && k + 1 < sizeof low; p++) low[k++] = (char)tolower(*p);
        low[k] = '\0';
        cell->rule_above = style_border(low, "top");
        cell->rule_below = style_border(low, "bottom");
        xmlFree(st);
    }
    if (holds_hr(td, 0)) {
        if (empty(cell)) cell->rule_above = 1;
        else cell->rule_below = 1;
    }
}

/* Is the cell aligned to the top of its row (its valign, else its row's)? */
static int valign_top(xmlNodePtr td, xmlNodePtr tr)
{
    xmlChar *v = xmlGetProp(td, BAD_CAST "valign");
    if (!v && tr) v = xmlGetProp(tr, BAD_CAST "valign");
    int top = v && strcasecmp((const char *)v, "top") == 0;
    if (v) xmlFree(v);
    return top;
}

static void add_row(t2x_hctx *c, grid *g, xmlNodePtr tr, int is_row)
{
    int col = 0, row = g->nrows;
    size_t first = g->n;
    for (xmlNodePtr td = is_row ? tr->children : tr; td; td = is_row ? td->next : NULL) {
        if (!t2x_html_is(td, "td") && !t2x_html_is(td, "th")) continue;
        while (col < MAX_GRID_COLS && g->busy[col] > row) col++;
        if (col >= MAX_GRID_COLS) break;
        hcell cell = {0};
        cell.row = row;
        cell.col = col;
        cell.colspan = int_attr(td, "colspan", MAX_GRID_COLS - col);
        int rowspan = int_attr(td, "rowspan", 1000);
        c->table_depth++;
        t2x_html_flow(c, td, &cell.lines, 0);
        c->table_depth--;
        cell.top = valign_top(td, is_row ? tr : NULL);
        int ind = t2x_html_indent(td, 1);
        for (size_t i = 0; i < cell.lines.n && ind > 0; i++) {
            t2x_hline pad = {0};
            for (int k = 0; k < ind; k++) t2x_hline_add(&pad, ' ', 1, 0, 0);
            t2x_hline_cat(&pad, &cell.lines.v[i], 0, cell.lines.v[i].n);
            free(cell.lines.v[i].v);
            cell.lines.v[i] = pad;
        }
        cell_measure(&cell);
        cell_rules(td, &cell);
        for (int k = col; k < col + cell.colspan; k++) g->busy[k] = row + rowspan;
        col += cell.colspan;
        if (col > g->ncols) g->ncols = col;
        g->cells = t2x_grow(g->cells, &g->cap, g->n + 1, sizeof *g->cells);
        g->cells[g->n++] = cell;
    }
    join_pieces(g->cells, first, g->n);
    g->nrows++;
}

static void collect_rows(t2x_hctx *c, grid *g, xmlNodePtr n, t2x_hlines *out)
{
    for (xmlNodePtr ch = n->children; ch; ch = ch->next) {
        if (t2x_html_is(ch, "tr")) add_row(c, g, ch, 1);
        else if (t2x_html_is(ch, "td") || t2x_html_is(ch, "th")) add_row(c, g, ch, 0);
        else if (t2x_html_is(ch, "thead") || t2x_html_is(ch, "tbody") || t2x_html_is(ch, "tfoot") ||
                 t2x_html_is(ch, "form"))
            collect_rows(c, g, ch, out);
        else if (t2x_html_is(ch, "caption")) t2x_html_flow(c, ch, out, PAGE_COLS);
        else if (ch->type == XML_ELEMENT_NODE) {
            t2x_html_flow(c, ch, out, PAGE_COLS); /* stray markup between rows, in order */
        } else if (ch->type == XML_TEXT_NODE && ch->content) {
            t2x_hline l = {0};
            t2x_html_text(c, ch->content, &l);
            for (size_t k = 0; k < l.n; k++)
                if (l.v[k].c == '\n' || l.v[k].c == '\t' || l.v[k].c == '\r' || l.v[k].c == '\x01') l.v[k].c = ' ';
            t2x_hline_trim(&l);
            trim_lead(&l);
            if (l.n) t2x_hlines_push(out, &l);
            else free(l.v);
        }
    }
}

/* The rule printed between the row of cells [prev, a) and the next row [a, b) — the bottom
 * borders of the one, the top borders and lone <hr>s of the other — as a line of dashes under
 * the amount columns it covers (a rule across the whole row covers the columns that hold
 * amounts), so the table reader sees the rule a text filing prints over a total. */
static void rule_line(const grid *g, size_t prev, size_t a, size_t b, const int *x, const int *width,
                      const int *amounts, int label_end, int total, t2x_hch *buf, t2x_hlines *out)
{
    char ruled[MAX_GRID_COLS] = {0};
    int any = 0;
    for (size_t k = prev; k < b; k++) {
        const hcell *h = &g->cells[k];
        if (!(k < a ? h->rule_below : h->rule_above)) continue;
        if (h->label && !h->full && !empty(h)) continue; /* an underlined label or heading */
        for (int q = h->col; q < h->col + h->colspan && q < g->ncols; q++)
            if (q >= label_end && (amounts[q] || !(h->label || h->full))) ruled[q] = 1, any = 1;
    }
    if (!any) return;
    for (int k = 0; k < total; k++) buf[k] = (t2x_hch){' ', 1, 0, 0};
    for (int q = label_end; q < g->ncols; q++)
        for (int k = x[q]; ruled[q] && k < x[q] + width[q] && k < total; k++) buf[k] = (t2x_hch){'-', 1, 0, 0};
    t2x_hline l = {0};
    t2x_hline_cat(&l, &(t2x_hline){buf, (size_t)total, 0}, 0, (size_t)total);
    t2x_hline_trim(&l);
    if (l.n >= 3) t2x_hlines_push(out, &l);
    else free(l.v);
}

/* Does a heading cell's line name a period: a year 1900-2099 or a month? */
static int names_period(const t2x_hline *l)
{
    char t[256];
    size_t n = 0;
    for (size_t i = 0; i < l->n && n + 1 < sizeof t; i++) t[n++] = l->v[i].c;
    t[n] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && isalnum((unsigned char)t[i - 1])) continue;
        if (isdigit((unsigned char)t[i]) && i + 4 <= n && isdigit((unsigned char)t[i + 1]) &&
            isdigit((unsigned char)t[i + 2]) && isdigit((unsigned char)t[i + 3]) &&
            (i + 4 == n || !isalnum((unsigned char)t[i + 4])) && t2x_is_year_token(t + i, 4))
            return 1;
        int ml;
        if (isalpha((unsigned char)t[i]) && t2x_month_from_name(t + i, &ml)) return 1;
    }
    return 0;
}

/* The blank columns after grid column k: none inside the label area, a wide gap after it (a
 * number inside a label is then never near an amount column), a narrow one between values. */
static int gap_after(int k, int width, int label_end)
{
    if (k < label_end - 1) return 0;
    if (k == label_end - 1) return LABEL_GAP;
    return width ? GAP : 0;
}

/* The last of columns [col, col+span) with room: empty `)` or spacer columns after it take
 * none and leave no gap. */
static int span_last(const int *width, int col, int span)
{
    int last = col + span - 1;
    while (last > col && width[last] == 0) last--;
    return last;
}

/* The display columns a cell over [col, col+span) has: its columns and the gaps between them,
 * up to its last column with room. */
static int span_room(const int *width, int col, int span, int label_end)
{
    int last = span_last(width, col, span), room = 0;
    for (int k = col; k <= last; k++) room += width[k] + (k < last ? gap_after(k, width[k], label_end) : 0);
    return room;
}

/* Place a cell's line into the display line buffer at [x, x+w) with its alignment. */
static void place(t2x_hch *buf, int x, int w, const t2x_hline *l, int align)
{
    int n = (int)l->n;
    int at = align == 0 ? x : align == 1 ? x + w - n : x + (w - n) / 2;
    if (at < x) at = x;
    for (int i = 0; i < n && at + i < x + w; i++) buf[at + i] = l->v[i];
}

void t2x_html_table(t2x_hctx *c, xmlNodePtr table, t2x_hlines *out)
{
    if (has_inner_table(table, 0) || c->table_depth >= T2X_HTML_MAX_TABLE_NESTING) {
        t2x_html_flow(c, table, out, PAGE_COLS); /* page layout: cells as blocks */
        return;
    }
    grid g;
    memset(&g, 0, sizeof g);
    collect_rows(c, &g, table, out);
    /* cells spanning every column are lines of their own */
    for (size_t i = 0; i < g.n; i++) {
        hcell *h = &g.cells[i];
        h->full = g.ncols > 1 && h->col == 0 && h->col + h->colspan >= g.ncols;
        if (h->full) wrap_cell(h, PAGE_COLS);
    }
    /* the label area: the columns left of the first column where an amount starts */
    int label_end = MAX_GRID_COLS, first_col = MAX_GRID_COLS;
    for (size_t i = 0; i < g.n; i++) {
        const hcell *h = &g.cells[i];
        if (empty(h) || h->full) continue;
        if (h->numeric && h->col < label_end) label_end = h->col;
        if (h->col < first_col) first_col = h->col;
    }
    if (label_end == MAX_GRID_COLS || label_end <= first_col) label_end = first_col + 1;
    if (label_end > g.ncols) label_end = g.ncols;
    for (size_t i = 0; i < g.n; i++)
        g.cells[i].label = g.cells[i].col + g.cells[i].colspan <= label_end;
    /* amounts and headings of the value columns end in a blank column, so a closing
     * parenthesis hangs beside the digits as in print */
    for (size_t i = 0; i < g.n; i++) {
        hcell *h = &g.cells[i];
        if (empty(h) || h->full || h->label) continue;
        wrap_cell(h, MAX_CELL_COLS);
        for (size_t k = 0; k < h->lines.n; k++) {
            t2x_hline *l = &h->lines.v[k];
            trim_lead(l);
            t2x_hline_trim(l);
            if (l->n && l->v[l->n - 1].c != ')' && l->v[l->n - 1].c != '%') t2x_hline_add(l, ' ', 1, 0, 0);
        }
        cell_measure(h);
    }
    /* column widths: each cell fits its columns; an empty column of the label area before a
     * label is an indentation step */
    int width[MAX_GRID_COLS] = {0};
    for (size_t i = 0; i < g.n; i++) {
        const hcell *h = &g.cells[i];
        if (h->label && !empty(h) && !h->full)
            for (int k = 0; k < h->col; k++)
                if (width[k] < 2) width[k] = 2;
    }
    /* amounts per grid column: a cell spanning `$ | 1,234 | )` widens the amounts' column, so
     * its text stays over the digits (not over the empty `)` column after them) */
    int amounts[MAX_GRID_COLS] = {0};
    for (size_t i = 0; i < g.n; i++)
        if (g.cells[i].numeric && !g.cells[i].label && g.cells[i].colspan == 1) amounts[g.cells[i].col]++;
    for (int span = 1; span <= g.ncols; span++)
        for (size_t i = 0; i < g.n; i++) {
            hcell *h = &g.cells[i];
            if (h->colspan != span || empty(h) || h->full) continue;
            if (h->label && h->width > MAX_CELL_COLS) wrap_cell(h, MAX_CELL_COLS);
            int wide = h->col + span - 1;
            for (int k = h->col; k < h->col + span; k++)
                if (amounts[k] > amounts[wide]) wide = k;
            for (int pass = 0; pass < 3; pass++) {
                int have = span_room(width, h->col, span, label_end);
                if (have >= h->width) break;
                width[wide] += h->width - have;
            }
        }
    int x[MAX_GRID_COLS + 1];
    x[0] = 0;
    for (int k = 0; k < g.ncols; k++) x[k + 1] = x[k] + width[k] + gap_after(k, width[k], label_end);
    int total = x[g.ncols];
    if (total > T2X_LINE_MAX_COLS - 8) total = T2X_LINE_MAX_COLS - 8;
    /* heading rows (before the first row with an amount that is not a year): their label-area
     * text stands on lines of its own above the column headings */
    int first_data = g.nrows;
    for (size_t i = 0; i < g.n && first_data == g.nrows; i++) {
        const hcell *h = &g.cells[i];
        if (h->label || h->full || !h->numeric || !h->lines.n) continue;
        char t[64];
        int n = line_text(&h->lines.v[h->lines.n - 1], t, sizeof t);
        if (!t2x_is_year_token(t, n)) first_data = h->row;
    }
    /* a heading row names periods: a year or a month in its value columns */
    int *dated = t2x_xcalloc((size_t)g.nrows + 1, sizeof *dated);
    for (size_t i = 0; i < g.n; i++) {
        const hcell *h = &g.cells[i];
        for (size_t q = 0; q < h->lines.n && !h->label && !h->full && !dated[h->row]; q++)
            dated[h->row] = names_period(&h->lines.v[q]);
    }
    t2x_hch *buf = t2x_xmalloc(sizeof *buf * (size_t)(total + 1));
    size_t i = 0, prev = 0;
    for (int r = 0; r < g.nrows; r++) {
        size_t a = i;
        while (i < g.n && g.cells[i].row == r) i++;
        rule_line(&g, prev, a, i, x, width, amounts, label_end, total, buf, out);
        prev = a;
        int hl = 0, hv = 0, stacked = r < first_data && first_data < g.nrows && dated[r];
        for (size_t k = a; k < i; k++) {
            hcell *h = &g.cells[k];
            if (h->full) {
                for (size_t q = 0; q < h->lines.n; q++) t2x_hlines_push(out, &h->lines.v[q]);
                h->lines.n = 0;
                continue;
            }
            int *hh = stacked && h->label ? &hl : &hv;
            if ((int)h->lines.n > *hh) *hh = (int)h->lines.n;
        }
        int height = stacked ? hl + hv : (hl > hv ? hl : hv);
        for (int ln = 0; ln < height; ln++) {
            for (int k = 0; k < total; k++) buf[k] = (t2x_hch){' ', 1, 0, 0};
            for (size_t k = a; k < i; k++) {
                hcell *h = &g.cells[k];
                int bottom = stacked && h->label ? hl : height; /* bottom-aligned in its band */
                int j = h->top && !stacked ? ln : ln - (bottom - (int)h->lines.n);
                if (h->full || j < 0 || j >= (int)h->lines.n) continue;
                int last = span_last(width, h->col, h->colspan);
                int x0 = x[h->col], x1 = x[last + 1] - gap_after(last, width[last], label_end);
                if (x0 >= total) continue;
                if (x1 > total) x1 = total;
                if (x1 < x0) x1 = x0;
                int align = h->label ? 0 : (h->numeric || h->colspan == 1) ? 1 : 2;
                place(buf, x0, x1 - x0, &h->lines.v[j], align);
            }
            t2x_hline l = {0};
            t2x_hline_cat(&l, &(t2x_hline){buf, (size_t)total, 0}, 0, (size_t)total);
            t2x_hline_trim(&l);
            if (l.n) t2x_hlines_push(out, &l);
            else free(l.v);
        }
    }
    free(buf);
    free(dated);
    for (size_t k = 0; k < g.n; k++) t2x_hlines_free(&g.cells[k].lines);
    free(g.cells);
}
