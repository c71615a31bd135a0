/*
 * html_xhtml.c — an HTML document of the filing as well-formed XHTML for the inline document
 * (html.h, docs/inline.md "HTML filings"). The bytes are parsed again exactly as the reader
 * parsed them, every text node is tied to its source bytes by the reader's own cursor
 * (t2x_html_text, the same nodes in the same order), and the tree is copied into the XHTML
 * namespace under the model's source block:
 *   - text stays text (Windows-1252 C1 code points as their characters, a form feed as a space,
 *     characters XML cannot hold as U+FFFD); a printed number the model lists is cut out of its
 *     text node as <n offset length> (a fact) or <u offset length reason> (untagged), the model
 *     namespace's segments that templates/inline.xsl wraps;
 *   - elements XHTML 1.1 lacks become ones it has with their look as CSS (<font> → span with
 *     font-family/size/color, <center> → div, <u> → span underlined, align/bgcolor/width → style);
 *     an inline element holding blocks becomes a div; tables are table > tbody > tr > td with
 *     stray content in a cell of its own; unknown elements are unwrapped, <img> and the elements
 *     the reader skips (head, script, style, title, noscript, object) are left out.
 * Nothing here decides a fact: the segments are the model's spans.
 */
#include "html.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XHTML_NS "http://www.w3.org/1999/xhtml"

typedef struct xb {
    t2x_hctx c;
    const t2x_hseg *sg;
    size_t nsg, si;
    xmlNsPtr xns, mns;
    size_t placed;
    const t2x_hrange *st; /* statement ranges */
    size_t nst;
    size_t lo, hi;        /* source bytes of the printed characters seen (rows: one row's) */
    int in_pre;
    t2x_hline tmp;
    t2x_buf buf;
} xb;

/* what an output element takes */
enum { A_FLOW, A_INLINE, A_TABLE, A_ROW };

static int is_el(xmlNodePtr n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static int in_list(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcasecmp(name, *list) == 0) return 1;
    return 0;
}

static const char *const skipped[] = {"head", "script", "style", "title", "noscript", "object", NULL};

/* ---------------------------------------------------------------- text */

static void put_cp(t2x_buf *b, unsigned cp)
{
    if (cp >= 0x80 && cp < 0xA0) {
        unsigned w = t2x_cp1252_char((unsigned char)cp);
        if (w) cp = w;
    }
    if (cp == '\f') cp = ' ';
    else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0xD800 && cp < 0xE000) || cp == 0xFFFE ||
             cp == 0xFFFF || cp > 0x10FFFF)
        cp = 0xFFFD;
    t2x_buf_put_utf8(b, cp);
}

static void flush_text(xb *b, xmlNodePtr out)
{
    if (!b->buf.len) return;
    t2x_buf_putc(&b->buf, '\0');
    xmlAddChild(out, xmlNewText(BAD_CAST b->buf.data));
    b->buf.len = 0;
}

/* A text node into `out`, the model's segments cut out of it. */
static void add_text(xb *b, xmlNodePtr text, xmlNodePtr out)
{
    b->tmp.n = 0;
    t2x_html_text(&b->c, text->content, &b->tmp);
    const xmlChar *p = text->content;
    size_t i = 0, seg_at = 0;
    const t2x_hseg *open = NULL;
    b->buf.len = 0;
    t2x_buf seg = {0};
    while (*p && i < b->tmp.n) {
        unsigned cp = t2x_html_utf8_next(&p);
        const t2x_hch *h = &b->tmp.v[i++];
        if (h->off != T2X_HNONE && cp > ' ' && cp != 0xA0) {
            if (h->off < b->lo) b->lo = h->off;
            if (h->end > b->hi) b->hi = h->end;
        }
        if (!open && h->off != T2X_HNONE) {
            while (b->si < b->nsg && b->sg[b->si].s < h->off) b->si++; /* passed: not in this text */
            if (b->si < b->nsg && b->sg[b->si].s == h->off) {
                open = &b->sg[b->si++];
                seg_at = 0;
                seg.len = 0;
            }
        }
        if (!open) {
            put_cp(&b->buf, cp);
            continue;
        }
        put_cp(&seg, cp);
        seg_at++;
        if (h->off == T2X_HNONE || h->end < open->e) continue;
        if (h->end != open->e) { /* does not end on a character: leave it as text */
            t2x_buf_add(&b->buf, seg.data, seg.len);
            open = NULL;
            continue;
        }
        flush_text(b, out);
        t2x_buf_putc(&seg, '\0');
        xmlNodePtr n = xmlNewTextChild(out, b->mns, BAD_CAST(open->fact ? "n" : "u"), BAD_CAST seg.data);
        char num[32];
        snprintf(num, sizeof num, "%zu", open->s);
        xmlNewProp(n, BAD_CAST "offset", BAD_CAST num);
        snprintf(num, sizeof num, "%zu", open->e - open->s);
        xmlNewProp(n, BAD_CAST "length", BAD_CAST num);
        if (!open->fact) xmlNewProp(n, BAD_CAST "reason", BAD_CAST(open->reason ? open->reason : "not a fact"));
        b->placed += open->fact;
        open = NULL;
    }
    if (open) t2x_buf_add(&b->buf, seg.data, seg.len); /* the text ended inside the number */
    for (; *p;) put_cp(&b->buf, t2x_html_utf8_next(&p));
    flush_text(b, out);
    free(seg.data);
}

/* ---------------------------------------------------------------- attributes */

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v) return NULL;
    char *s = t2x_xstrdup((const char *)v);
    xmlFree(v);
    return t2x_trim(s);
}

/* A value made only of the characters `ok` allows (and not empty). */
static int plain(const char *v, const char *ok)
{
    if (!v || !*v || strlen(v) > 64) return 0;
    for (const char *p = v; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr(ok, *p)) return 0;
    return 1;
}

static int digits(const char *v, int pct)
{
    if (!v || !*v || strlen(v) > 8) return 0;
    size_t n = strlen(v);
    if (pct && v[n - 1] == '%') n--;
    if (!n) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isdigit((unsigned char)v[i])) return 0;
    return 1;
}

static void css_len(t2x_buf *st, const char *prop_name, const char *v)
{
    if (digits(v, 1)) t2x_buf_printf(st, "%s:%s%s;", prop_name, v, v[strlen(v) - 1] == '%' ? "" : "px");
}

static const char *font_size(const char *v)
{
    static const char *const sizes[] = {"x-small", "x-small", "small", "medium", "large", "x-large", "xx-large", "48px"};
    if (!v || !*v) return NULL;
    int rel = v[0] == '+' || v[0] == '-';
    if (!isdigit((unsigned char)v[rel])) return NULL;
    int k = atoi(v + rel);
    if (rel) k = v[0] == '+' ? 3 + k : 3 - k;
    if (k < 1) k = 1;
    if (k > 7) k = 7;
    return sizes[k];
}

static int lower_in(const char *v, const char *const *list, char *out, size_t cap)
{
    if (!v || strlen(v) + 1 > cap) return 0;
    size_t i = 0;
    for (; v[i]; i++) out[i] = (char)tolower((unsigned char)v[i]);
    out[i] = '\0';
    return in_list(out, list);
}

/* The attributes of source element `n` on output element `o` (named `oname`), presentational
 * ones as CSS in style, with `extra` CSS first. */
static void copy_attrs(xmlNodePtr n, xmlNodePtr o, const char *name, const char *oname, const char *extra)
{
    static const char *const cell_align[] = {"left", "center", "right", "justify", NULL};
    static const char *const valigns[] = {"top", "middle", "bottom", "baseline", NULL};
    int cell = !strcmp(oname, "td") || !strcmp(oname, "th"), row = !strcmp(oname, "tr");
    int table = !strcmp(oname, "table");
    t2x_buf st = {0};
    t2x_buf_puts(&st, extra ? extra : "");
    char *v, low[16];
    if ((v = prop(n, "align"))) {
        if ((cell || row) && lower_in(v, cell_align, low, sizeof low)) xmlNewProp(o, BAD_CAST "align", BAD_CAST low);
        else if (table && lower_in(v, cell_align, low, sizeof low))
            t2x_buf_puts(&st, !strcmp(low, "center") ? "margin-left:auto;margin-right:auto;"
                              : !strcmp(low, "right") ? "margin-left:auto;" : "");
        else if (lower_in(v, cell_align, low, sizeof low)) t2x_buf_printf(&st, "text-align:%s;", low);
        free(v);
    }
    if ((v = prop(n, "valign"))) {
        if ((cell || row) && lower_in(v, valigns, low, sizeof low)) xmlNewProp(o, BAD_CAST "valign", BAD_CAST low);
        free(v);
    }
    if ((v = prop(n, "width"))) {
        if (table && digits(v, 1)) xmlNewProp(o, BAD_CAST "width", BAD_CAST v);
        else css_len(&st, "width", v);
        free(v);
    }
    if ((v = prop(n, "height"))) {
        css_len(&st, "height", v);
        free(v);
    }
    if ((v = prop(n, "bgcolor"))) {
        if (plain(v, "#")) t2x_buf_printf(&st, "background-color:%s;", v);
        free(v);
    }
    if (!strcmp(name, "font")) {
        if ((v = prop(n, "face"))) {
            if (plain(v, " ,-_")) t2x_buf_printf(&st, "font-family:%s;", v);
            free(v);
        }
        if ((v = prop(n, "size"))) {
            const char *fs = font_size(v);
            if (fs) t2x_buf_printf(&st, "font-size:%s;", fs);
            free(v);
        }
        if ((v = prop(n, "color"))) {
            if (plain(v, "#")) t2x_buf_printf(&st, "color:%s;", v);
            free(v);
        }
    }
    if (!strcmp(name, "hr") && (v = prop(n, "size"))) {
        css_len(&st, "height", v);
        free(v);
    }
    if ((v = prop(n, "nowrap"))) {
        t2x_buf_puts(&st, "white-space:nowrap;");
        free(v);
    }
    if (cell) {
        static const char *const spans[] = {"colspan", "rowspan"};
        for (int k = 0; k < 2; k++)
            if ((v = prop(n, spans[k]))) {
                if (digits(v, 0) && atoi(v) >= 1 && atoi(v) <= 1000) {
                    char num[16];
                    snprintf(num, sizeof num, "%d", atoi(v));
                    xmlNewProp(o, BAD_CAST spans[k], BAD_CAST num);
                }
                free(v);
            }
    }
    if (table) {
        static const char *const tattrs[] = {"border", "cellpadding", "cellspacing"};
        for (int k = 0; k < 3; k++)
            if ((v = prop(n, tattrs[k]))) {
                if (digits(v, k > 0)) xmlNewProp(o, BAD_CAST tattrs[k], BAD_CAST v);
                free(v);
            }
    }
    if ((v = prop(n, "style"))) {
        for (char *p = v; *p; p++)
            if ((unsigned char)*p < 0x20) *p = ' ';
        t2x_buf_puts(&st, v);
        free(v);
    }
    if (st.len) {
        t2x_buf_putc(&st, '\0');
        xmlNewProp(o, BAD_CAST "style", BAD_CAST st.data);
    }
    free(st.data);
}

/* ---------------------------------------------------------------- elements */

static int convert(xb *b, xmlNodePtr n, xmlNodePtr out, int accept);

static xmlNodePtr new_el(xb *b, xmlNodePtr out, const char *name)
{
    return xmlNewChild(out, b->xns, BAD_CAST name, NULL);
}

/* Does the subtree hold an element named `a` or `b` (not inside another table)? */
static int holds(xmlNodePtr n, const char *a, const char *b2, int depth)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_el(c, a) || is_el(c, b2)) return 1;
        if (is_el(c, "table") || depth > 64) continue;
        if (holds(c, a, b2, depth + 1)) return 1;
    }
    return 0;
}

static int ws_only(const xmlChar *s)
{
    for (; s && *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f') return 0;
    return 1;
}

/* Children of `n` into `out`, which takes `accept`. Returns 1 when a block element went into
 * out (an inline parent must then become a div). */
static int convert_children(xb *b, xmlNodePtr n, xmlNodePtr out, int accept)
{
    int block = 0;
    xmlNodePtr stray = NULL; /* the cell that takes stray content of a table or row */
    xmlNodePtr srow = NULL;  /* the row made for cells or content outside rows */
    for (xmlNodePtr c = n->children; c; c = c->next) {
        int text = c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE;
        if (!text && c->type != XML_ELEMENT_NODE) continue;
        if (!text && in_list((const char *)c->name, skipped)) continue;
        if (accept == A_TABLE || accept == A_ROW) {
            int cellish = !text && (is_el(c, "td") || is_el(c, "th"));
            int rowish = !text && (is_el(c, "tr") || is_el(c, "thead") || is_el(c, "tbody") || is_el(c, "tfoot"));
            if (text && ws_only(c->content)) {
                if (c->content) add_text(b, c, out);
                continue;
            }
            if (!text && is_el(c, "img")) continue;
            if (accept == A_TABLE && rowish) {
                stray = srow = NULL;
                if (is_el(c, "tr")) convert(b, c, out, accept);
                else convert_children(b, c, out, A_TABLE); /* sections: their rows */
                continue;
            }
            if (accept == A_ROW && cellish) {
                stray = srow = NULL;
                convert(b, c, out, accept);
                continue;
            }
            /* markup around rows or cells (<font><tr>…): its rows or cells, in order */
            if (!text && !is_el(c, "table") &&
                (accept == A_TABLE ? holds(c, "tr", "td", 0) || holds(c, "th", "tr", 0) : holds(c, "td", "th", 0))) {
                stray = srow = NULL;
                convert_children(b, c, out, accept);
                continue;
            }
            if (accept == A_TABLE && cellish) { /* cells without a row: a row of their own */
                if (!srow) srow = new_el(b, out, "tr");
                stray = NULL;
                convert(b, c, srow, A_ROW);
                continue;
            }
            if (!stray) {
                xmlNodePtr row = accept == A_ROW ? out : srow ? srow : new_el(b, out, "tr");
                srow = accept == A_TABLE ? row : NULL;
                stray = new_el(b, row, "td");
            }
            if (text) add_text(b, c, stray);
            else convert(b, c, stray, A_FLOW);
            continue;
        }
        if (text) {
            if (c->content) add_text(b, c, out);
            continue;
        }
        block |= convert(b, c, out, accept);
    }
    return block;
}

/* Rename an inline element that came to hold blocks to a div keeping its look. */
static void to_div(xmlNodePtr o, const char *css)
{
    const char *was = (const char *)o->name;
    const char *add = !strcmp(was, "b") || !strcmp(was, "strong") || (was[0] == 'h' && isdigit((unsigned char)was[1]))
                          ? "font-weight:bold;"
                      : !strcmp(was, "i") || !strcmp(was, "em") ? "font-style:italic;"
                      : !strcmp(was, "p") ? "margin:1em 0;"
                      : !strcmp(was, "pre") ? "white-space:pre;font-family:monospace;"
                                            : "";
    t2x_buf st = {0};
    t2x_buf_puts(&st, add);
    t2x_buf_puts(&st, css ? css : "");
    xmlChar *old = xmlGetProp(o, BAD_CAST "style");
    if (old) t2x_buf_puts(&st, (const char *)old);
    xmlFree(old);
    xmlNodeSetName(o, BAD_CAST "div");
    for (xmlAttrPtr a = o->properties; a;) { /* a div has none of the table attributes */
        xmlAttrPtr next = a->next;
        xmlRemoveProp(a);
        a = next;
    }
    if (st.len) {
        t2x_buf_putc(&st, '\0');
        xmlSetProp(o, BAD_CAST "style", BAD_CAST st.data);
    }
    free(st.data);
}

/* One element `n` into `out` (which takes `accept`). Returns 1 when what went in is a block. */
static int convert(xb *b, xmlNodePtr n, xmlNodePtr out, int accept)
{
    const char *name = (const char *)n->name;
    char lname[16] = "";
    if (strlen(name) < sizeof lname)
        for (size_t i = 0; i <= strlen(name); i++) lname[i] = (char)tolower((unsigned char)name[i]);
    static const struct { const char *from, *to, *css; } inl[] = {
        {"b", "b", NULL},          {"strong", "strong", NULL}, {"i", "i", NULL},
        {"em", "em", NULL},        {"sup", "sup", NULL},       {"sub", "sub", NULL},
        {"small", "small", NULL},  {"big", "big", NULL},       {"tt", "tt", NULL},
        {"code", "code", NULL},    {"cite", "cite", NULL},     {"span", "span", NULL},
        {"font", "span", NULL},    {"a", "span", NULL},        {"u", "span", "text-decoration:underline;"},
        {"ins", "span", "text-decoration:underline;"},         {"s", "span", "text-decoration:line-through;"},
        {"strike", "span", "text-decoration:line-through;"},   {"del", "span", "text-decoration:line-through;"},
        {"nobr", "span", "white-space:nowrap;"},               {"abbr", "abbr", NULL},
        {"acronym", "acronym", NULL}, {"kbd", "kbd", NULL},    {"samp", "samp", NULL},
        {"var", "var", NULL},      {"dfn", "dfn", NULL},       {"q", "q", NULL},
    };
    static const struct { const char *from, *to, *css; } blk[] = {
        {"div", "div", NULL},      {"center", "div", "text-align:center;"},
        {"blockquote", "div", "margin:1em 40px;"},             {"dir", "div", "margin-left:40px;"},
        {"menu", "div", "margin-left:40px;"},                  {"address", "div", "font-style:italic;"},
        {"form", "div", NULL},     {"section", "div", NULL},   {"li", "div", NULL},
        {"dd", "div", "margin-left:40px;"},                    {"dt", "div", NULL},
        {"caption", "div", "text-align:center;"},
    };
    if (!strcmp(lname, "br")) {
        if (accept == A_FLOW || accept == A_INLINE) new_el(b, out, "br");
        return 0;
    }
    if (!strcmp(lname, "img") || !strcmp(lname, "col") || !strcmp(lname, "colgroup")) return 0;
    if (!strcmp(lname, "hr")) {
        xmlNodePtr o = new_el(b, out, "hr");
        copy_attrs(n, o, lname, "hr", NULL);
        return 1;
    }
    if (!strcmp(lname, "html") || !strcmp(lname, "body")) return convert_children(b, n, out, accept);
    for (size_t k = 0; k < sizeof inl / sizeof inl[0]; k++)
        if (!strcmp(lname, inl[k].from)) {
            const char *to = inl[k].to;
            if (b->in_pre && (!strcmp(to, "sup") || !strcmp(to, "sub") || !strcmp(to, "small") || !strcmp(to, "big")))
                to = "span";
            xmlNodePtr o = new_el(b, out, to);
            copy_attrs(n, o, lname, to, inl[k].css);
            if (convert_children(b, n, o, A_INLINE)) {
                to_div(o, NULL);
                return 1;
            }
            return 0;
        }
    if (!strcmp(lname, "p") || (lname[0] == 'h' && lname[1] >= '1' && lname[1] <= '6' && !lname[2]) ||
        !strcmp(lname, "pre") || !strcmp(lname, "xmp") || !strcmp(lname, "listing") || !strcmp(lname, "plaintext")) {
        int pre = lname[0] != 'p' || !strcmp(lname, "pre") || !strcmp(lname, "plaintext");
        pre = pre && lname[0] != 'h';
        const char *to = pre ? "pre" : lname;
        xmlNodePtr o = new_el(b, out, to);
        copy_attrs(n, o, lname, to, NULL);
        int was = b->in_pre;
        b->in_pre |= pre;
        if (convert_children(b, n, o, A_INLINE)) to_div(o, NULL);
        b->in_pre = was;
        return 1;
    }
    if (!strcmp(lname, "ul") || !strcmp(lname, "ol") || !strcmp(lname, "dl")) {
        /* a list of list items only stays a list; anything else in it makes it indented blocks */
        int ok = !b->in_pre && strcmp(lname, "dl") != 0;
        for (xmlNodePtr c = n->children; c && ok; c = c->next)
            ok = c->type == XML_COMMENT_NODE || (c->type == XML_TEXT_NODE && ws_only(c->content)) || is_el(c, "li");
        int items = 0;
        for (xmlNodePtr c = n->children; c; c = c->next) items += is_el(c, "li");
        if (ok && items) {
            xmlNodePtr o = new_el(b, out, lname);
            copy_attrs(n, o, lname, lname, NULL);
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (c->type == XML_TEXT_NODE) {
                    add_text(b, c, o);
                } else if (is_el(c, "li")) {
                    xmlNodePtr li = new_el(b, o, "li");
                    copy_attrs(c, li, "li", "li", NULL);
                    convert_children(b, c, li, A_FLOW);
                }
            }
            return 1;
        }
        xmlNodePtr o = new_el(b, out, "div");
        copy_attrs(n, o, lname, "div", strcmp(lname, "dl") ? "margin-left:40px;" : NULL);
        convert_children(b, n, o, A_FLOW);
        return 1;
    }
    if (!strcmp(lname, "table")) {
        xmlNodePtr o = new_el(b, out, "table");
        copy_attrs(n, o, lname, "table", NULL);
        xmlNodePtr body = new_el(b, o, "tbody");
        convert_children(b, n, body, A_TABLE);
        int rows = 0;
        for (xmlNodePtr c = body->children; c; c = c->next) rows += c->type == XML_ELEMENT_NODE;
        if (!rows) { /* a table without rows: its white space in a div */
            to_div(o, NULL);
            for (xmlNodePtr c = body->children; c;) {
                xmlNodePtr next = c->next;
                xmlUnlinkNode(c);
                xmlAddChild(o, c);
                c = next;
            }
            xmlUnlinkNode(body);
            xmlFreeNode(body);
        }
        return 1;
    }
    if ((!strcmp(lname, "tr") && accept != A_TABLE) || ((!strcmp(lname, "td") || !strcmp(lname, "th")) && accept != A_ROW)) {
        xmlNodePtr o = new_el(b, out, "div"); /* a row or cell outside a table */
        int was = b->in_pre;
        b->in_pre = 0;
        convert_children(b, n, o, A_FLOW);
        b->in_pre = was;
        return 1;
    }
    if (!strcmp(lname, "tr")) {
        xmlNodePtr o = new_el(b, out, "tr");
        copy_attrs(n, o, lname, "tr", NULL);
        size_t lo = b->lo, hi = b->hi;
        b->lo = (size_t)-1;
        b->hi = 0;
        convert_children(b, n, o, A_ROW);
        for (size_t k = 0; k < b->nst && b->lo < b->hi; k++)
            if (b->st[k].s <= b->lo && b->hi <= b->st[k].e) {
                xmlNewProp(o, BAD_CAST "class", BAD_CAST "t2x-stmt");
                break;
            }
        if (lo < b->lo) b->lo = lo;
        if (hi > b->hi) b->hi = hi;
        int cells = 0;
        for (xmlNodePtr c = o->children; c; c = c->next) cells += c->type == XML_ELEMENT_NODE;
        if (!cells) new_el(b, o, "td");
        return 1;
    }
    if (!strcmp(lname, "td") || !strcmp(lname, "th")) {
        xmlNodePtr o = new_el(b, out, lname);
        copy_attrs(n, o, lname, lname, NULL);
        int was = b->in_pre;
        b->in_pre = 0;
        convert_children(b, n, o, A_FLOW);
        b->in_pre = was;
        return 1;
    }
    for (size_t k = 0; k < sizeof blk / sizeof blk[0]; k++)
        if (!strcmp(lname, blk[k].from)) {
            xmlNodePtr o = new_el(b, out, blk[k].to);
            copy_attrs(n, o, lname, blk[k].to, blk[k].css);
            int was = b->in_pre;
            b->in_pre = 0;
            convert_children(b, n, o, A_FLOW);
            b->in_pre = was;
            return 1;
        }
    /* an element XHTML does not know (<page>, <fn>, <o:p>…): its content in its place */
    return convert_children(b, n, out, accept);
}

size_t t2x_html_xhtml(const unsigned char *src, size_t from, size_t to, const t2x_hseg *sg, size_t nsg,
                      const t2x_hrange *st, size_t nst, xmlNodePtr parent, xmlNsPtr mns)
{
    htmlDocPtr doc = htmlReadMemory((const char *)src + from, (int)(to - from), NULL, "ISO-8859-1",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    if (!doc) return 0;
    xb b;
    memset(&b, 0, sizeof b);
    b.c = (t2x_hctx){src, from, to, 0};
    b.sg = sg;
    b.nsg = nsg;
    b.st = st;
    b.nst = nst;
    b.lo = (size_t)-1;
    b.mns = mns;
    b.xns = xmlNewNs(parent, BAD_CAST XHTML_NS, BAD_CAST "h");
    convert_children(&b, (xmlNodePtr)doc, parent, A_FLOW);
    xmlFreeDoc(doc);
    free(b.tmp.v);
    free(b.buf.data);
    return b.placed;
}
