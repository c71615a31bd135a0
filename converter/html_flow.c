/*
 * html_flow.c — block flow of an HTML document as display lines (html.h): paragraphs with
 * white space collapsed and wrapped, line breaks, <PRE> text kept line for line with its
 * spacing (the layout the text reader knows), tables handed to html_tables.c.
 */
#include "html.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

typedef struct flow {
    t2x_hctx *c;
    t2x_hlines *out;
    t2x_hline cur;  /* the paragraph being built */
    int width;      /* wrap column, 0: none */
    int indent;     /* columns before the paragraph's first character */
    int pre;        /* inside <PRE>: spacing and line ends kept */
    t2x_hline tmp;  /* the characters of the current text node (reused) */
} flow;

static int is_space(char ch) { return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r' || ch == '\f'; }

/* End the paragraph: push it, wrapped at the flow's width. */
static void flush(flow *f)
{
    t2x_hline *l = &f->cur;
    t2x_hline_trim(l);
    if (l->n == 0) return;
    if (f->width <= 0 || (int)l->n <= f->width) {
        t2x_hlines_push(f->out, l);
        return;
    }
    size_t lead = 0;
    while (lead < l->n && l->v[lead].c == ' ') lead++;
    size_t start = 0;
    while (start < l->n) {
        size_t lim = start + (size_t)f->width, cut = l->n;
        if (lim < l->n) {
            cut = lim;
            while (cut > start + lead + 1 && l->v[cut].c != ' ') cut--;
            if (cut <= start + lead + 1) cut = lim; /* one long word */
        }
        t2x_hline piece = {0};
        if (start > 0)
            for (size_t i = 0; i < lead; i++) t2x_hline_add(&piece, ' ', 1, 0, 0);
        t2x_hline_cat(&piece, l, start, cut);
        t2x_hline_trim(&piece);
        t2x_hlines_push(f->out, &piece);
        start = cut;
        while (start < l->n && l->v[start].c == ' ') start++;
    }
    l->n = 0;
}

static void add_text(flow *f, xmlNodePtr t)
{
    f->tmp.n = 0;
    t2x_html_text(f->c, t->content, &f->tmp);
    for (size_t i = 0; i < f->tmp.n; i++) {
        t2x_hch h = f->tmp.v[i];
        if (f->pre) {
            if (h.c == '\n') {
                t2x_hline_trim(&f->cur);
                t2x_hlines_push(f->out, &f->cur);
                continue;
            }
            if (h.c == '\t') {
                size_t next = (f->cur.n / 8 + 1) * 8;
                t2x_hline_add(&f->cur, ' ', 0, h.off, h.end);
                while (f->cur.n < next) t2x_hline_add(&f->cur, ' ', 1, 0, 0);
                continue;
            }
            if (h.c == '\x01' || is_space(h.c)) h.c = ' ';
            t2x_hline_add(&f->cur, h.c, h.synth, h.off, h.end);
            continue;
        }
        if (is_space(h.c)) {
            if (f->cur.n == 0 || f->cur.v[f->cur.n - 1].c == ' ') continue;
            h.c = ' ';
        } else if (h.c == '\x01') {
            h.c = ' '; /* a no-break space: kept, not collapsed */
        }
        if (f->cur.n == 0)
            for (int k = 0; k < f->indent; k++) t2x_hline_add(&f->cur, ' ', 1, 0, 0);
        t2x_hline_add(&f->cur, h.c, h.synth, h.off, h.end);
    }
}

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0) return 1;
    return 0;
}

static void walk(flow *f, xmlNodePtr node);

static void walk_children(flow *f, xmlNodePtr node)
{
    for (xmlNodePtr ch = node->children; ch; ch = ch->next) walk(f, ch);
}

static void walk(flow *f, xmlNodePtr n)
{
    static const char *const skip[] = {"head", "script", "style", "title", "noscript", "object", NULL};
    static const char *const pre[] = {"pre", "xmp", "listing", "plaintext", NULL};
    static const char *const para[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "hr", NULL};
    static const char *const block[] = {"div", "li", "dt", "dd", "center", "blockquote", "address", "form",
                                        "tr", "td", "th", "caption", "thead", "tbody", "tfoot", "section",
                                        "html", "body", "page", NULL};
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) add_text(f, n);
        return;
    }
    if (n->type != XML_ELEMENT_NODE || !n->name) return;
    const char *name = (const char *)n->name;
    if (in_list(name, skip)) return;
    if (strcasecmp(name, "br") == 0) {
        if (f->pre) return;
        if (f->cur.n == 0 && f->width > 0) {
            t2x_hline e = {0};
            t2x_hlines_push(f->out, &e);
        }
        flush(f);
        return;
    }
    if (in_list(name, pre)) {
        flush(f);
        int was = f->pre;
        f->pre = 1;
        walk_children(f, n);
        t2x_hline_trim(&f->cur);
        if (f->cur.n) t2x_hlines_push(f->out, &f->cur);
        f->pre = was;
        if (f->width > 0) t2x_hlines_blank(f->out);
        return;
    }
    if (f->pre) { /* inline markup inside <PRE> */
        walk_children(f, n);
        return;
    }
    if (strcasecmp(name, "table") == 0) {
        flush(f);
        t2x_html_table(f->c, n, f->out);
        if (f->width > 0) t2x_hlines_blank(f->out);
        return;
    }
    int is_para = in_list(name, para), is_block = is_para || in_list(name, block);
    if (!is_block) {
        walk_children(f, n);
        return;
    }
    flush(f);
    int was = f->indent;
    f->indent += t2x_html_indent(n, 1);
    walk_children(f, n);
    flush(f);
    f->indent = was;
    if (is_para && f->width > 0) t2x_hlines_blank(f->out);
}

void t2x_html_flow(t2x_hctx *c, xmlNodePtr node, t2x_hlines *out, int width)
{
    flow f = {c, out, {0}, width, 0, 0, {0}};
    walk_children(&f, node);
    flush(&f);
    free(f.cur.v);
    free(f.tmp.v);
}
