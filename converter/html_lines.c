/*
 * html_lines.c — the display lines an HTML document is laid out as (html.h): lines of characters
 * with their source spans, and the element helpers both layouts use (element names, indents).
 */
#include "html.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- line helpers */

void t2x_hline_add(t2x_hline *l, char ch, int synth, uint32_t off, uint32_t end)
{
    if (l->n == l->cap) l->v = t2x_grow(l->v, &l->cap, l->n < 120 ? 120 : l->n + 1, sizeof *l->v); /* a line's worth */
    l->v[l->n++] = (t2x_hch){ch, (unsigned char)(synth != 0), off, end};
}

void t2x_hline_cat(t2x_hline *l, const t2x_hline *src, size_t from, size_t to)
{
    for (size_t i = from; i < to && i < src->n; i++) {
        l->v = t2x_grow(l->v, &l->cap, l->n + 1, sizeof *l->v);
        l->v[l->n++] = src->v[i];
    }
}

void t2x_hline_trim(t2x_hline *l)
{
    while (l->n && l->v[l->n - 1].c == ' ') l->n--;
}

void t2x_hlines_push(t2x_hlines *ls, t2x_hline *l)
{
    ls->v = t2x_grow(ls->v, &ls->cap, ls->n + 1, sizeof *ls->v);
    ls->v[ls->n++] = *l;
    memset(l, 0, sizeof *l);
}

void t2x_hlines_blank(t2x_hlines *ls)
{
    if (ls->n == 0 || ls->v[ls->n - 1].n == 0) return;
    t2x_hline e = {0};
    t2x_hlines_push(ls, &e);
}

void t2x_hlines_free(t2x_hlines *ls)
{
    for (size_t i = 0; i < ls->n; i++) free(ls->v[i].v);
    free(ls->v);
    memset(ls, 0, sizeof *ls);
}

int t2x_html_is(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

/* A CSS length in display columns (one column ~ half an em). */
static int css_cols(const char *v)
{
    char *e;
    double x = strtod(v, &e);
    while (*e == ' ') e++;
    if (strncasecmp(e, "em", 2) == 0) return (int)(x * 2 + (x >= 0 ? 0.5 : -0.5));
    if (strncasecmp(e, "pt", 2) == 0) return (int)(x / 5);
    if (strncasecmp(e, "px", 2) == 0) return (int)(x / 7);
    if (strncasecmp(e, "in", 2) == 0) return (int)(x * 14);
    if (strncasecmp(e, "%", 1) == 0) return (int)(x / 2);
    return 0;
}

int t2x_html_indent(xmlNodePtr n, int first_line)
{
    xmlChar *st = xmlGetProp(n, BAD_CAST "style");
    if (!st) return 0;
    int cols = 0;
    char low[512];
    size_t k = 0;
    for (const xmlChar *p = st; *p && k + 1 < sizeof low; p++) low[k++] = (char)tolower(*p);
    low[k] = '\0';
    static const char *const props[] = {"margin-left", "padding-left", "text-indent"};
    for (size_t i = 0; i < 3; i++) {
        if (i == 2 && !first_line) break;
        const char *p = strstr(low, props[i]);
        if (!p) continue;
        p = strchr(p, ':');
        if (p) cols += css_cols(p + 1);
    }
    xmlFree(st);
    if (cols < 0) cols = 0;
    return cols > 40 ? 40 : cols;
}

/* ---------------------------------------------------------------- flow */
