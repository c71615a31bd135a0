/*
 * html_xhtml.c — an HTML document of the filing as well-formed XHTML for the inline document
 * (html.h, docs/inline.md "HTML filings"). The bytes are parsed again exactly as the reader
 * parsed them, every text node is tied to its source bytes by the reader's own cursor
 * (t2x_html_text, the same nodes in the same order), and the tree is written out as XHTML
 * markup (serialized as libxml2 serializes the inline document: US-ASCII, every other character
 * a decimal reference, an empty element other than br/hr with its end tag), in one pass:
 *   - text stays text (Windows-1252 C1 code points as their characters, a form feed as a space,
 *     characters XML cannot hold as U+FFFD); a printed number the model lists is cut out of its
 *     text node and replaced by one T2X_XHTML_MARK byte, where inline_doc.c puts the wrapper
 *     templates/inline.xsl renders for it;
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

/* A change to a start tag already written (an element that turned into a div once its content
 * was known, a statement row's class): out[at, at + len) becomes `with`. */
typedef struct xpatch {
    size_t at, len;
    char *with;
} xpatch;

/* An element being written: where its start tag is, its output name and style (for to_div). */
typedef struct xel {
    const char *name;
    size_t start, tag_end;
    char *style;
    size_t elems; /* element children written (rows of a tbody, cells of a row) */
} xel;

/* The skeleton of the XHTML (html.h): markup with items, and what the items refer to. */
struct t2x_xskel {
    t2x_buf mk;      /* markup; SK_TEXT or SK_ROW and a 4-byte index stand for the items */
    t2x_buf text;    /* the text nodes' contents, NUL-terminated, in document order */
    size_t *toff;    /* where each text node's content starts in text */
    size_t ntext, ctext;
    size_t (*row)[2]; /* per row: its text nodes [first, end) */
    size_t nrow, crow;
};

/* item bytes in the skeleton's markup (its text and attribute values hold no control bytes) */
#define SK_TEXT '\x02'
#define SK_ROW '\x03'

/* Writing the skeleton. */
typedef struct xb {
    t2x_xskel *k;
    int in_pre;
    t2x_buf *out;
    size_t *elems;        /* element children of the element being written */
    xpatch *pv;
    size_t np, pcap;
} xb;

static void put_index(t2x_buf *o, char item, size_t i)
{
    char v[5] = {item, (char)(i & 0xFF), (char)((i >> 8) & 0xFF), (char)((i >> 16) & 0xFF), (char)((i >> 24) & 0xFF)};
    t2x_buf_add(o, v, 5);
}

static size_t get_index(const char *p)
{
    const unsigned char *u = (const unsigned char *)p;
    return (size_t)u[0] | (size_t)u[1] << 8 | (size_t)u[2] << 16 | (size_t)u[3] << 24;
}

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

/* Room for n more bytes (and the NUL) in o. */
static inline char *room(t2x_buf *o, size_t n)
{
    if (o->len + n + 1 > o->cap) o->data = t2x_grow(o->data, &o->cap, o->len + n + 1, 1);
    return o->data + o->len;
}

/* A character reference &#N; (decimal, as libxml2's serializer writes one). */
static void char_ref(t2x_buf *o, unsigned cp)
{
    char d[12];
    int n = 0;
    do d[n++] = (char)('0' + cp % 10);
    while ((cp /= 10) && n < 11);
    char *w = room(o, (size_t)n + 3);
    *w++ = '&';
    *w++ = '#';
    while (n) *w++ = d[--n];
    *w++ = ';';
    o->len = (size_t)(w - o->data);
    *w = '\0';
}

/* Text as the serializer writes it: <, >, & and CR as references, every character beyond
 * US-ASCII as a decimal reference. */
static inline void esc_cp(t2x_buf *o, unsigned cp)
{
    if (cp < 0x80 && cp != '<' && cp != '>' && cp != '&' && cp != '\r') {
        char *w = room(o, 1);
        w[0] = (char)cp;
        w[1] = '\0';
        o->len++;
    } else if (cp == '<') t2x_buf_add(o, "&lt;", 4);
    else if (cp == '>') t2x_buf_add(o, "&gt;", 4);
    else if (cp == '&') t2x_buf_add(o, "&amp;", 5);
    else char_ref(o, cp);
}

/* UTF-8 text (or an attribute value: LF, TAB and '"' as references too) into `o`. */
static void esc_utf8(t2x_buf *o, const char *s, size_t n, int attr)
{
    const xmlChar *p = (const xmlChar *)s, *e = p + n;
    while (p < e && *p) {
        const xmlChar *q = p; /* a run written as it is */
        while (q < e && *q >= 0x20 && *q < 0x80 && *q != '<' && *q != '>' && *q != '&' && !(attr && *q == '"')) q++;
        if (q > p) {
            t2x_buf_add(o, (const char *)p, (size_t)(q - p));
            p = q;
            continue;
        }
        unsigned cp = t2x_html_utf8_next(&p);
        if (attr && cp == '\n') t2x_buf_add(o, "&#10;", 5);
        else if (attr && cp == '\t') t2x_buf_add(o, "&#9;", 4);
        else if (attr && cp == '"') t2x_buf_add(o, "&quot;", 6);
        else esc_cp(o, cp);
    }
}

/* The code point the XHTML holds for a character of the parser's text. */
static unsigned text_cp(unsigned cp)
{
    if (cp >= 0x80 && cp < 0xA0) {
        unsigned w = t2x_cp1252_char((unsigned char)cp);
        if (w) cp = w;
    }
    if (cp == '\f') cp = ' ';
    else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || (cp >= 0xD800 && cp < 0xE000) || cp == 0xFFFE ||
             cp == 0xFFFF || cp > 0x10FFFF)
        cp = 0xFFFD;
    return cp;
}

/* Finishing the skeleton: the source, the model's segments and the statement ranges. */
typedef struct fin {
    t2x_hctx c;
    const t2x_hseg *sg;
    size_t nsg, si;
    char **segtext; /* per segment: its printed text when placed */
    size_t placed;
    size_t lo, hi;  /* source bytes of the printed characters of the text node */
    t2x_hline tmp;
} fin;

/* A text node of the parser written out as XHTML text into `out`, the model's segments cut
 * out of it (a mark each); the span of its printed characters in f->lo, f->hi. */
static void map_text(fin *b, const xmlChar *content, t2x_buf *out)
{
    b->tmp.n = 0;
    b->lo = (size_t)-1;
    b->hi = 0;
    t2x_html_text(&b->c, content, &b->tmp);
    const xmlChar *p = content;
    size_t i = 0;
    const t2x_hseg *open = NULL;
    t2x_buf seg = {0};
    while (*p && i < b->tmp.n) {
        unsigned raw = t2x_html_utf8_next(&p), cp = text_cp(raw);
        const t2x_hch *h = &b->tmp.v[i++];
        if (h->off != T2X_HNONE && raw > ' ' && raw != 0xA0) {
            if (h->off < b->lo) b->lo = h->off;
            if (h->end > b->hi) b->hi = h->end;
        }
        if (!open && h->off != T2X_HNONE) {
            while (b->si < b->nsg && b->sg[b->si].s < h->off) b->si++; /* passed: not in this text */
            if (b->si < b->nsg && b->sg[b->si].s == h->off) {
                open = &b->sg[b->si++];
                seg.len = 0;
            }
        }
        if (!open) {
            esc_cp(out, cp);
            continue;
        }
        t2x_buf_put_utf8(&seg, cp);
        if (h->off == T2X_HNONE || h->end < open->e) continue;
        if (h->end != open->e) { /* does not end on a character: leave it as text */
            esc_utf8(out, seg.data, seg.len, 0);
            open = NULL;
            continue;
        }
        t2x_buf_putc(out, T2X_XHTML_MARK);
        b->segtext[open - b->sg] = t2x_xstrndup(seg.data, seg.len);
        b->placed += open->fact;
        open = NULL;
    }
    if (open) esc_utf8(out, seg.data, seg.len, 0); /* the text ended inside the number */
    for (; *p;) esc_cp(out, text_cp(t2x_html_utf8_next(&p)));
    free(seg.data);
}

/* A text node into the skeleton: an item, its content kept. */
static void add_text(xb *b, xmlNodePtr text)
{
    t2x_xskel *k = b->k;
    k->toff = t2x_grow(k->toff, &k->ctext, k->ntext + 1, sizeof *k->toff);
    k->toff[k->ntext] = k->text.len;
    t2x_buf_add(&k->text, (const char *)text->content, strlen((const char *)text->content) + 1);
    put_index(b->out, SK_TEXT, k->ntext++);
}

/* ---------------------------------------------------------------- attributes */

/* The attributes copy_attrs reads: the first of each name, found in one pass. */
enum { AT_ALIGN, AT_VALIGN, AT_WIDTH, AT_HEIGHT, AT_BGCOLOR, AT_FACE, AT_SIZE, AT_COLOR, AT_NOWRAP, AT_COLSPAN,
       AT_ROWSPAN, AT_BORDER, AT_CELLPADDING, AT_CELLSPACING, AT_STYLE, AT_N };
static const char *const at_names[AT_N] = {"align",   "valign",  "width",  "height",      "bgcolor",
                                          "face",    "size",    "color",  "nowrap",      "colspan",
                                          "rowspan", "border",  "cellpadding", "cellspacing", "style"};

static void gather(xmlNodePtr n, xmlAttrPtr at[AT_N])
{
    memset(at, 0, AT_N * sizeof *at);
    for (xmlAttrPtr a = n->properties; a; a = a->next) {
        if (a->ns || !a->name) continue;
        for (int k = 0; k < AT_N; k++)
            if (!at[k] && strcmp((const char *)a->name, at_names[k]) == 0) {
                at[k] = a;
                break;
            }
    }
}

/* An attribute's value as xmlGetProp gives it, trimmed (caller frees), or NULL when absent. */
static char *prop(xmlAttrPtr a)
{
    if (!a) return NULL;
    xmlNodePtr c = a->children;
    char *s;
    if (!c) {
        s = t2x_xstrdup("");
    } else if (!c->next && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)) {
        s = t2x_xstrdup(c->content ? (const char *)c->content : "");
    } else {
        xmlChar *v = xmlNodeListGetString(a->doc, c, 1);
        s = t2x_xstrdup(v ? (const char *)v : "");
        xmlFree(v);
    }
    return t2x_trim(s);
}

/* s1 s2 s3 appended to b. */
static void cat3(t2x_buf *b, const char *s1, const char *s2, const char *s3)
{
    t2x_buf_puts(b, s1);
    t2x_buf_puts(b, s2);
    t2x_buf_puts(b, s3);
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
    if (digits(v, 1)) {
        cat3(st, prop_name, ":", v);
        t2x_buf_puts(st, v[strlen(v) - 1] == '%' ? ";" : "px;");
    }
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

/* One attribute written into the start tag being written. */
static void put_attr(xb *b, const char *name, const char *value)
{
    t2x_buf_putc(b->out, ' ');
    t2x_buf_puts(b->out, name);
    t2x_buf_add(b->out, "=\"", 2);
    esc_utf8(b->out, value, strlen(value), 1);
    t2x_buf_putc(b->out, '"');
}

/* The attributes of source element `n` on the output element being written (named `oname`),
 * presentational ones as CSS in style, with `extra` CSS first. Returns the style (NULL: none;
 * the caller frees). */
static char *copy_attrs(xb *b, xmlNodePtr n, const char *name, const char *oname, const char *extra)
{
    static const char *const cell_align[] = {"left", "center", "right", "justify", NULL};
    static const char *const valigns[] = {"top", "middle", "bottom", "baseline", NULL};
    int cell = !strcmp(oname, "td") || !strcmp(oname, "th"), row = !strcmp(oname, "tr");
    int table = !strcmp(oname, "table");
    t2x_buf st = {0};
    t2x_buf_puts(&st, extra ? extra : "");
    char *v, low[16];
    xmlAttrPtr at[AT_N];
    gather(n, at);
    if ((v = prop(at[AT_ALIGN]))) {
        if ((cell || row) && lower_in(v, cell_align, low, sizeof low)) put_attr(b, "align", low);
        else if (table && lower_in(v, cell_align, low, sizeof low))
            t2x_buf_puts(&st, !strcmp(low, "center") ? "margin-left:auto;margin-right:auto;"
                              : !strcmp(low, "right") ? "margin-left:auto;" : "");
        else if (lower_in(v, cell_align, low, sizeof low)) cat3(&st, "text-align:", low, ";");
        free(v);
    }
    if ((v = prop(at[AT_VALIGN]))) {
        if ((cell || row) && lower_in(v, valigns, low, sizeof low)) put_attr(b, "valign", low);
        free(v);
    }
    if ((v = prop(at[AT_WIDTH]))) {
        if (table && digits(v, 1)) put_attr(b, "width", v);
        else css_len(&st, "width", v);
        free(v);
    }
    if ((v = prop(at[AT_HEIGHT]))) {
        css_len(&st, "height", v);
        free(v);
    }
    if ((v = prop(at[AT_BGCOLOR]))) {
        if (plain(v, "#")) cat3(&st, "background-color:", v, ";");
        free(v);
    }
    if (!strcmp(name, "font")) {
        if ((v = prop(at[AT_FACE]))) {
            if (plain(v, " ,-_")) cat3(&st, "font-family:", v, ";");
            free(v);
        }
        if ((v = prop(at[AT_SIZE]))) {
            const char *fs = font_size(v);
            if (fs) cat3(&st, "font-size:", fs, ";");
            free(v);
        }
        if ((v = prop(at[AT_COLOR]))) {
            if (plain(v, "#")) cat3(&st, "color:", v, ";");
            free(v);
        }
    }
    if (!strcmp(name, "hr") && (v = prop(at[AT_SIZE]))) {
        css_len(&st, "height", v);
        free(v);
    }
    if ((v = prop(at[AT_NOWRAP]))) {
        t2x_buf_puts(&st, "white-space:nowrap;");
        free(v);
    }
    if (cell) {
        static const char *const spans[] = {"colspan", "rowspan"};
        for (int k = 0; k < 2; k++)
            if ((v = prop(at[AT_COLSPAN + k]))) {
                if (digits(v, 0) && atoi(v) >= 1 && atoi(v) <= 1000) {
                    char num[16];
                    snprintf(num, sizeof num, "%d", atoi(v));
                    put_attr(b, spans[k], num);
                }
                free(v);
            }
    }
    if (table) {
        static const char *const tattrs[] = {"border", "cellpadding", "cellspacing"};
        for (int k = 0; k < 3; k++)
            if ((v = prop(at[AT_BORDER + k]))) {
                if (digits(v, k > 0)) put_attr(b, tattrs[k], v);
                free(v);
            }
    }
    if ((v = prop(at[AT_STYLE]))) {
        for (char *p = v; *p; p++)
            if ((unsigned char)*p < 0x20) *p = ' ';
        t2x_buf_puts(&st, v);
        free(v);
    }
    if (st.len) put_attr(b, "style", st.data);
    return st.data;
}

/* ---------------------------------------------------------------- elements */

static int convert(xb *b, xmlNodePtr n, int accept);

/* Start writing element `name`; with source element `src`, its attributes as copy_attrs makes
 * them (`sname` its lower-case name, `css` CSS put first). */
static xel open_el(xb *b, const char *name, xmlNodePtr src, const char *sname, const char *css)
{
    xel e = {name, b->out->len, 0, NULL, 0};
    t2x_buf_putc(b->out, '<');
    t2x_buf_puts(b->out, name);
    if (src) e.style = copy_attrs(b, src, sname, name, css);
    t2x_buf_putc(b->out, '>');
    e.tag_end = b->out->len;
    (*b->elems)++;
    return e;
}

/* Write the content of `e`: the element children written meanwhile are counted in e->elems. */
static size_t *enter(xb *b, xel *e)
{
    size_t *outer = b->elems;
    b->elems = &e->elems;
    return outer;
}

/* End element `e` (its name may have changed since it was opened). */
static void close_el(xb *b, xel *e, size_t *outer)
{
    b->elems = outer;
    t2x_buf_add(b->out, "</", 2);
    t2x_buf_puts(b->out, e->name);
    t2x_buf_putc(b->out, '>');
    free(e->style);
    e->style = NULL;
}

/* An element without content or attributes, written whole (<br/>; <td></td>). */
static void empty_el(xb *b, const char *name)
{
    int solo = !strcmp(name, "br") || !strcmp(name, "hr");
    if (solo) cat3(b->out, "<", name, "/>");
    else {
        cat3(b->out, "<", name, "></");
        cat3(b->out, name, ">", "");
    }
    (*b->elems)++;
}

static void patch(xb *b, size_t at, size_t len, char *with)
{
    b->pv = t2x_grow(b->pv, &b->pcap, b->np + 1, sizeof *b->pv);
    b->pv[b->np++] = (xpatch){at, len, with};
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

/* The row and cell that take stray content of a table or row while they are open (they stay
 * open over several siblings), and the white space of the table or row written meanwhile,
 * which follows them. */
typedef struct strays {
    xel row, cell;
    int in_row, in_cell;
    size_t *row_outer, *cell_outer;
    t2x_buf ws;
} strays;

static void strays_close(xb *b, strays *s)
{
    if (s->in_cell) close_el(b, &s->cell, s->cell_outer);
    if (s->in_row) close_el(b, &s->row, s->row_outer);
    s->in_cell = s->in_row = 0;
    if (s->ws.len) t2x_buf_add(b->out, s->ws.data, s->ws.len);
    s->ws.len = 0;
}

/* Children of `n` into the element being written, which takes `accept`. Returns 1 when a block
 * element went in (an inline parent must then become a div). */
static int convert_children(xb *b, xmlNodePtr n, int accept)
{
    int block = 0;
    strays s;
    memset(&s, 0, sizeof s);
    for (xmlNodePtr c = n->children; c; c = c->next) {
        int text = c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE;
        if (!text && c->type != XML_ELEMENT_NODE) continue;
        if (!text && in_list((const char *)c->name, skipped)) continue;
        if (accept == A_TABLE || accept == A_ROW) {
            int cellish = !text && (is_el(c, "td") || is_el(c, "th"));
            int rowish = !text && (is_el(c, "tr") || is_el(c, "thead") || is_el(c, "tbody") || is_el(c, "tfoot"));
            if (text && ws_only(c->content)) {
                if (c->content) {
                    if (s.in_row || s.in_cell) { /* after the open stray row or cell */
                        t2x_buf *out = b->out;
                        b->out = &s.ws;
                        add_text(b, c);
                        b->out = out;
                    } else {
                        add_text(b, c);
                    }
                }
                continue;
            }
            if (!text && is_el(c, "img")) continue;
            if (accept == A_TABLE && rowish) {
                strays_close(b, &s);
                if (is_el(c, "tr")) convert(b, c, accept);
                else convert_children(b, c, A_TABLE); /* sections: their rows */
                continue;
            }
            if (accept == A_ROW && cellish) {
                strays_close(b, &s);
                convert(b, c, accept);
                continue;
            }
            /* markup around rows or cells (<font><tr>…): its rows or cells, in order */
            if (!text && !is_el(c, "table") &&
                (accept == A_TABLE ? holds(c, "tr", "td", 0) || holds(c, "th", "tr", 0) : holds(c, "td", "th", 0))) {
                strays_close(b, &s);
                convert_children(b, c, accept);
                continue;
            }
            if (accept == A_TABLE && cellish) { /* cells without a row: a row of their own */
                if (s.in_cell) close_el(b, &s.cell, s.cell_outer);
                s.in_cell = 0;
                if (!s.in_row) {
                    s.row = open_el(b, "tr", NULL, NULL, NULL);
                    s.row_outer = enter(b, &s.row);
                    s.in_row = 1;
                }
                convert(b, c, A_ROW);
                continue;
            }
            if (!s.in_cell) {
                if (accept == A_TABLE && !s.in_row) {
                    s.row = open_el(b, "tr", NULL, NULL, NULL);
                    s.row_outer = enter(b, &s.row);
                    s.in_row = 1;
                }
                s.cell = open_el(b, "td", NULL, NULL, NULL);
                s.cell_outer = enter(b, &s.cell);
                s.in_cell = 1;
            }
            if (text) add_text(b, c);
            else convert(b, c, A_FLOW);
            continue;
        }
        if (text) {
            if (c->content) add_text(b, c);
            continue;
        }
        block |= convert(b, c, accept);
    }
    strays_close(b, &s);
    free(s.ws.data);
    return block;
}

/* An inline element that came to hold blocks becomes a div keeping its look (its start tag
 * rewritten, its other attributes dropped). */
static void to_div(xb *b, xel *e, const char *css)
{
    const char *was = e->name;
    const char *add = !strcmp(was, "b") || !strcmp(was, "strong") || (was[0] == 'h' && isdigit((unsigned char)was[1]))
                          ? "font-weight:bold;"
                      : !strcmp(was, "i") || !strcmp(was, "em") ? "font-style:italic;"
                      : !strcmp(was, "p") ? "margin:1em 0;"
                      : !strcmp(was, "pre") ? "white-space:pre;font-family:monospace;"
                                            : "";
    t2x_buf st = {0};
    t2x_buf_puts(&st, add);
    t2x_buf_puts(&st, css ? css : "");
    if (e->style) t2x_buf_puts(&st, e->style);
    t2x_buf tag = {0};
    t2x_buf_puts(&tag, "<div");
    if (st.len) {
        t2x_buf_add(&tag, " style=\"", 8);
        esc_utf8(&tag, st.data, st.len, 1);
        t2x_buf_putc(&tag, '"');
    }
    t2x_buf_putc(&tag, '>');
    patch(b, e->start, e->tag_end - e->start, tag.data);
    free(st.data);
    e->name = "div";
}

/* One element `n` into the element being written (which takes `accept`). Returns 1 when what
 * went in is a block. */
static int convert(xb *b, xmlNodePtr n, int accept)
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
        if (accept == A_FLOW || accept == A_INLINE) empty_el(b, "br");
        return 0;
    }
    if (!strcmp(lname, "img") || !strcmp(lname, "col") || !strcmp(lname, "colgroup")) return 0;
    if (!strcmp(lname, "hr")) {
        xel o = open_el(b, "hr", n, lname, NULL);
        b->out->data[--b->out->len] = '\0'; /* <hr …/> */
        t2x_buf_add(b->out, "/>", 2);
        free(o.style);
        return 1;
    }
    if (!strcmp(lname, "html") || !strcmp(lname, "body")) return convert_children(b, n, accept);
    for (size_t k = 0; k < sizeof inl / sizeof inl[0]; k++)
        if (!strcmp(lname, inl[k].from)) {
            const char *to = inl[k].to;
            if (b->in_pre && (!strcmp(to, "sup") || !strcmp(to, "sub") || !strcmp(to, "small") || !strcmp(to, "big")))
                to = "span";
            xel o = open_el(b, to, n, lname, inl[k].css);
            size_t *outer = enter(b, &o);
            int block = convert_children(b, n, A_INLINE);
            if (block) to_div(b, &o, NULL);
            close_el(b, &o, outer);
            return block;
        }
    if (!strcmp(lname, "p") || (lname[0] == 'h' && lname[1] >= '1' && lname[1] <= '6' && !lname[2]) ||
        !strcmp(lname, "pre") || !strcmp(lname, "xmp") || !strcmp(lname, "listing") || !strcmp(lname, "plaintext")) {
        int pre = lname[0] != 'p' || !strcmp(lname, "pre") || !strcmp(lname, "plaintext");
        pre = pre && lname[0] != 'h';
        const char *to = pre ? "pre" : lname;
        xel o = open_el(b, to, n, lname, NULL);
        size_t *outer = enter(b, &o);
        int was = b->in_pre;
        b->in_pre |= pre;
        if (convert_children(b, n, A_INLINE)) to_div(b, &o, NULL);
        b->in_pre = was;
        close_el(b, &o, outer);
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
            xel o = open_el(b, lname, n, lname, NULL);
            size_t *outer = enter(b, &o);
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (c->type == XML_TEXT_NODE) {
                    add_text(b, c);
                } else if (is_el(c, "li")) {
                    xel li = open_el(b, "li", c, "li", NULL);
                    size_t *lo = enter(b, &li);
                    convert_children(b, c, A_FLOW);
                    close_el(b, &li, lo);
                }
            }
            close_el(b, &o, outer);
            return 1;
        }
        xel o = open_el(b, "div", n, lname, strcmp(lname, "dl") ? "margin-left:40px;" : NULL);
        size_t *outer = enter(b, &o);
        convert_children(b, n, A_FLOW);
        close_el(b, &o, outer);
        return 1;
    }
    if (!strcmp(lname, "table")) {
        xel o = open_el(b, "table", n, lname, NULL);
        size_t *outer = enter(b, &o);
        xel body = open_el(b, "tbody", NULL, NULL, NULL);
        size_t *bouter = enter(b, &body);
        convert_children(b, n, A_TABLE);
        if (!body.elems) { /* a table without rows: its white space in a div */
            to_div(b, &o, NULL);
            patch(b, body.start, body.tag_end - body.start, t2x_xstrdup(""));
            b->elems = bouter;
            o.elems--;
        } else {
            close_el(b, &body, bouter);
        }
        close_el(b, &o, outer);
        return 1;
    }
    if ((!strcmp(lname, "tr") && accept != A_TABLE) || ((!strcmp(lname, "td") || !strcmp(lname, "th")) && accept != A_ROW)) {
        xel o = open_el(b, "div", NULL, NULL, NULL); /* a row or cell outside a table */
        size_t *outer = enter(b, &o);
        int was = b->in_pre;
        b->in_pre = 0;
        convert_children(b, n, A_FLOW);
        b->in_pre = was;
        close_el(b, &o, outer);
        return 1;
    }
    if (!strcmp(lname, "tr")) {
        xel o = open_el(b, "tr", n, lname, NULL);
        /* a row item before the '>': its class (t2x-stmt) is known once its text is tied to the
         * source (t2x_html_xhtml_finish) */
        t2x_xskel *k = b->k;
        k->row = t2x_grow(k->row, &k->crow, k->nrow + 1, sizeof *k->row);
        b->out->len--;
        put_index(b->out, SK_ROW, k->nrow);
        t2x_buf_putc(b->out, '>');
        o.tag_end = b->out->len;
        size_t row = k->nrow++, first = k->ntext;
        size_t *outer = enter(b, &o);
        convert_children(b, n, A_ROW);
        k->row[row][0] = first;
        k->row[row][1] = k->ntext;
        if (!o.elems) empty_el(b, "td");
        close_el(b, &o, outer);
        return 1;
    }
    if (!strcmp(lname, "td") || !strcmp(lname, "th")) {
        xel o = open_el(b, lname, n, lname, NULL);
        size_t *outer = enter(b, &o);
        int was = b->in_pre;
        b->in_pre = 0;
        convert_children(b, n, A_FLOW);
        b->in_pre = was;
        close_el(b, &o, outer);
        return 1;
    }
    for (size_t k = 0; k < sizeof blk / sizeof blk[0]; k++)
        if (!strcmp(lname, blk[k].from)) {
            xel o = open_el(b, blk[k].to, n, lname, blk[k].css);
            size_t *outer = enter(b, &o);
            int was = b->in_pre;
            b->in_pre = 0;
            convert_children(b, n, A_FLOW);
            b->in_pre = was;
            close_el(b, &o, outer);
            return 1;
        }
    /* an element XHTML does not know (<page>, <fn>, <o:p>…): its content in its place */
    return convert_children(b, n, accept);
}

static int cmp_patch(const void *x, const void *y)
{
    const xpatch *a = x, *b = y;
    return a->at < b->at ? -1 : a->at > b->at;
}

/* The markup written with its patches applied, appended to `out`. */
static void apply_patches(xb *b, const t2x_buf *w, t2x_buf *out)
{
    if (b->np) qsort(b->pv, b->np, sizeof *b->pv, cmp_patch);
    size_t pos = 0;
    for (size_t k = 0; k < b->np; k++) {
        t2x_buf_add(out, w->data + pos, b->pv[k].at - pos);
        t2x_buf_puts(out, b->pv[k].with);
        pos = b->pv[k].at + b->pv[k].len;
        free(b->pv[k].with);
    }
    if (w->len > pos) t2x_buf_add(out, w->data + pos, w->len - pos);
}

t2x_xskel *t2x_html_skeleton(xmlDocPtr doc)
{
    xb b;
    memset(&b, 0, sizeof b);
    t2x_xskel *k = t2x_xcalloc(1, sizeof *k);
    b.k = k;
    t2x_buf w = {0};
    t2x_buf_puts(&w, "");
    size_t top = 0;
    b.out = &w;
    b.elems = &top;
    convert_children(&b, (xmlNodePtr)doc, A_FLOW);
    apply_patches(&b, &w, &k->mk);
    free(w.data);
    free(b.pv);
    /* kept from reading to the outputs: no spare capacity */
    k->mk.data = t2x_xrealloc(k->mk.data, k->mk.cap = k->mk.len + 1);
    k->text.data = t2x_xrealloc(k->text.data, k->text.cap = k->text.len + 1);
    k->toff = t2x_xrealloc(k->toff, (k->ctext = k->ntext + 1) * sizeof *k->toff);
    k->row = t2x_xrealloc(k->row, (k->crow = k->nrow + 1) * sizeof *k->row);
    return k;
}

void t2x_html_skeleton_free(t2x_xskel *k)
{
    if (!k) return;
    free(k->mk.data);
    free(k->text.data);
    free(k->toff);
    free(k->row);
    free(k);
}

size_t t2x_html_xhtml_finish(const t2x_xskel *k, const unsigned char *src, size_t from, size_t to, const t2x_hseg *sg,
                             size_t nsg, const t2x_hrange *st, size_t nst, t2x_buf *out, char **segtext)
{
    fin f;
    memset(&f, 0, sizeof f);
    f.c = (t2x_hctx){src, from, to, 0};
    f.sg = sg;
    f.nsg = nsg;
    f.segtext = segtext;
    /* the text nodes in document order (the cursor's order): their XHTML and their spans */
    t2x_buf tx = {0};
    size_t *at = t2x_xmalloc((k->ntext + 1) * sizeof *at), (*span)[2] = t2x_xmalloc((k->ntext + 1) * sizeof *span);
    for (size_t i = 0; i < k->ntext; i++) {
        at[i] = tx.len;
        map_text(&f, (const xmlChar *)k->text.data + k->toff[i], &tx);
        span[i][0] = f.lo;
        span[i][1] = f.hi;
    }
    at[k->ntext] = tx.len;
    /* the markup, items replaced: text, and a row's class when its printed characters lie in a
     * statement's lines */
    const char *p = k->mk.data, *e = p + k->mk.len;
    while (p < e) {
        const char *q = p;
        while (q < e && *q != SK_TEXT && *q != SK_ROW) q++;
        t2x_buf_add(out, p, (size_t)(q - p));
        if (q >= e) break;
        size_t i = get_index(q + 1);
        if (*q == SK_TEXT) {
            t2x_buf_add(out, tx.data + at[i], at[i + 1] - at[i]);
        } else {
            size_t lo = (size_t)-1, hi = 0;
            for (size_t t = k->row[i][0]; t < k->row[i][1]; t++) {
                if (span[t][0] < lo) lo = span[t][0];
                if (span[t][1] > hi) hi = span[t][1];
            }
            for (size_t s = 0; s < nst && lo < hi; s++)
                if (st[s].s <= lo && hi <= st[s].e) {
                    t2x_buf_puts(out, " class=\"t2x-stmt\"");
                    break;
                }
        }
        p = q + 5;
    }
    free(tx.data);
    free(at);
    free(span);
    free(f.tmp.v);
    return f.placed;
}

size_t t2x_html_xhtml(const unsigned char *src, size_t from, size_t to, const t2x_hseg *sg, size_t nsg,
                      const t2x_hrange *st, size_t nst, t2x_buf *out, char **segtext)
{
    htmlDocPtr doc = htmlReadMemory((const char *)src + from, (int)(to - from), NULL, "ISO-8859-1",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    if (!doc) return 0;
    t2x_xskel *k = t2x_html_skeleton(doc);
    xmlFreeDoc(doc);
    size_t placed = t2x_html_xhtml_finish(k, src, from, to, sg, nsg, st, nst, out, segtext);
    t2x_html_skeleton_free(k);
    return placed;
}
