/*
 * lines.c — split the decoded source into lines with display forms (lines.h).
 */
#include "lines.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static char display_char(unsigned char c)
{
    if (c == 0x92 || c == 0x91) return '\'';
    if (c == 0x93 || c == 0x94) return '"';
    if (c == 0x96 || c == 0x97) return '-';
    if (c < 0x20 || c == 0x7F || c == 0xA0) return ' ';
    if (c >= 0x80) return '?';
    return (char)c;
}

static void make_display(t2x_line *ln, const unsigned char *p)
{
    int has_tab = memchr(p, '\t', ln->len) != NULL;
    /* the display width, to allocate no more than the line needs */
    size_t max = 0;
    for (size_t i = 0; i < ln->len && max < T2X_LINE_MAX_COLS; i++) max = p[i] == '\t' ? (max / 8 + 1) * 8 : max + 1;
    if (max > T2X_LINE_MAX_COLS) max = T2X_LINE_MAX_COLS;
    char *t = t2x_xmalloc(max + 1);
    int *map = has_tab ? t2x_xmalloc(sizeof(int) * (max + 1)) : NULL;
    size_t col = 0;
    for (size_t i = 0; i < ln->len && col < max; i++) {
        if (p[i] == '\t') {
            size_t next = (col / 8 + 1) * 8;
            while (col < next && col < max) {
                t[col] = ' ';
                map[col] = (int)i;
                col++;
            }
        } else {
            t[col] = display_char(p[i]);
            if (map) map[col] = (int)i;
            col++;
        }
    }
    t[col] = '\0';
    if (map) map[col] = (int)(col < max ? ln->len : (size_t)map[col - 1] + 1);
    ln->text = t;
    ln->ncols = (int)col;
    ln->col_off = map;
}

void t2x_lines_split(const t2x_source *src, t2x_lines *out)
{
    size_t cap = 0;
    out->v = NULL;
    out->n = 0;
    const unsigned char *d = src->data;
    size_t i = 0, len = src->len;
    long no = 1;
    while (i < len) {
        size_t start = i;
        while (i < len && d[i] != '\n' && d[i] != '\r') i++;
        out->v = t2x_grow(out->v, &cap, out->n + 1, sizeof *out->v);
        t2x_line *ln = &out->v[out->n++];
        ln->off = start;
        ln->len = i - start;
        ln->no = no++;
        ln->col_end = NULL;
        make_display(ln, d + start);
        if (i < len && d[i] == '\r') i++;
        if (i < len && d[i] == '\n') i++; /* LF, or the LF of CR LF */
    }
}

void t2x_lines_free(t2x_lines *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].text);
        free(l->v[i].col_off);
        free(l->v[i].col_end);
    }
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

size_t t2x_line_offset(const t2x_line *ln, int col)
{
    if (col < 0) col = 0;
    if (col > ln->ncols) col = ln->ncols;
    return ln->off + (size_t)(ln->col_off ? ln->col_off[col] : col);
}

size_t t2x_line_end_offset(const t2x_line *ln, int col)
{
    if (!ln->col_end || col <= 0) return t2x_line_offset(ln, col);
    if (col > ln->ncols) col = ln->ncols;
    return ln->off + (size_t)ln->col_end[col - 1];
}

int t2x_line_blank(const t2x_line *ln)
{
    return t2x_line_indent(ln) < 0;
}

int t2x_line_indent(const t2x_line *ln)
{
    for (int i = 0; i < ln->ncols; i++)
        if (ln->text[i] != ' ') return i;
    return -1;
}
