/*
 * textmodel.c — the model copy with its `source` section for templates/inline.xsl
 * (textmodel.h; the representation is docs/inline.md):
 *
 *   <source length="…" sha256="…" encoding="windows-1252">
 *     <block first-line="1" last-line="1248">            text before the first statement
 *       <t>…</t>                                          plain text (Windows-1252 → Unicode)
 *       <c byte="0C"/>                                    a byte XML cannot hold
 *       <n offset="4711" length="9">1,534,146</n>         a printed number that is a fact
 *     </block>
 *     <block first-line="1249" last-line="1344" statement="s1">
 *       … <u offset="…" length="4" reason="…">2003</u> …  a number listed as untagged (any
 *                                                      issue of the model with a span)
 *     </block>
 *   </source>
 *
 * Blocks start at line starts. A statement block holds exactly the statement's lines (first-line
 * to last-line); statements whose lines overlap share one block (statement="s3 s7"). The text
 * between statements is cut into blocks of about 1 MB.
 */
#include "textmodel.h"
#include "html.h"
#include "model.h"
#include "util.h"
#include "xmlnode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest block of text between statements (bytes, cut at the next line start). */
#ifndef T2X_BLOCK_MAX
#define T2X_BLOCK_MAX ((size_t)1 << 20)
#endif

/* ---------------------------------------------------------------- spans */

typedef t2x_hseg seg; /* [s, e), fact, reason (html.h) */

static int cmp_seg(const void *a, const void *b)
{
    const seg *x = a, *y = b;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    if (x->fact != y->fact) return y->fact - x->fact; /* facts first */
    return x->e < y->e ? -1 : x->e > y->e ? 1 : 0;
}

typedef struct segs {
    seg *v;
    size_t n, cap;
} segs;

static void add_span(segs *sg, xmlNodePtr n, int fact, size_t srclen)
{
    size_t off, len;
    if (!t2x_xml_attr_size(n, "offset", &off) || !t2x_xml_attr_size(n, "length", &len) || len == 0)
        return;
    if (off > srclen || len > srclen - off) return; /* checked by the caller's count */
    sg->v = t2x_grow(sg->v, &sg->cap, sg->n + 1, sizeof *sg->v);
    seg *s = &sg->v[sg->n++];
    s->s = off;
    s->e = off + len;
    s->fact = fact;
    s->reason = NULL;
    if (!fact) { /* why: its reason attribute, else the message */
        for (xmlAttrPtr a = n->properties; a; a = a->next)
            if (xmlStrEqual(a->name, BAD_CAST "reason") && a->children && a->children->content)
                s->reason = (const char *)a->children->content;
        if (!s->reason && n->children && n->children->type == XML_TEXT_NODE && n->children->content &&
            n->children->content[0])
            s->reason = (const char *)n->children->content;
    }
}

/* Every fact of the model (cover facts, cells — wherever a row keeps them) and every issue
 * with a span (untagged-amount, note-disagrees, …: a printed number listed as not a fact). */
static void collect(xmlNodePtr n, segs *sg, size_t srclen)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (t2x_xml_is_el(c, T2X_MODEL_NS, "cell") ||
            (t2x_xml_is_el(c, T2X_MODEL_NS, "fact") && t2x_xml_is_el(c->parent, T2X_MODEL_NS, "cover"))) {
            add_span(sg, c, 1, srclen);
        } else if (t2x_xml_is_el(c, T2X_MODEL_NS, "issue")) {
            add_span(sg, c, 0, srclen); /* any issue with a span lists a number that is not a fact */
        } else {
            collect(c, sg, srclen);
        }
    }
}

/* ---------------------------------------------------------------- blocks */

typedef struct block {
    long first, last; /* line numbers */
    char *statements; /* "s1" or "s3 s7"; NULL between statements */
} block;

static int cmp_block(const void *a, const void *b)
{
    const block *x = a, *y = b;
    return x->first < y->first ? -1 : x->first > y->first ? 1 : 0;
}

static long attr_long(xmlNodePtr n, const char *name)
{
    size_t v = 0;
    return t2x_xml_attr_size(n, name, &v) ? (long)v : 0;
}

/* ---------------------------------------------------------------- text */

/* The Unicode character of a source byte, or 0 when XML cannot hold it or Windows-1252 does
 * not define it (docs/inline.md). */
static unsigned byte_char(unsigned char c)
{
    if (c == '\t' || c == '\n' || c == '\r') return c;
    if (c < 0x20 || c == 0x7F) return 0;
    return t2x_cp1252_char(c);
}

/* Text [s, e) as <t> and <c> children of `parent`. */
static void add_text(xmlNodePtr parent, xmlNsPtr ns, const unsigned char *src, size_t s, size_t e, t2x_buf *tmp)
{
    size_t i = s;
    while (i < e) {
        tmp->len = 0;
        while (i < e && byte_char(src[i])) t2x_buf_put_utf8(tmp, byte_char(src[i++]));
        if (tmp->len) {
            t2x_buf_putc(tmp, '\0');
            xmlNewTextChild(parent, ns, BAD_CAST "t", BAD_CAST tmp->data);
        }
        if (i < e) {
            char hex[3];
            snprintf(hex, sizeof hex, "%02X", src[i]);
            xmlNodePtr c = xmlNewChild(parent, ns, BAD_CAST "c", NULL);
            xmlNewProp(c, BAD_CAST "byte", BAD_CAST hex);
            i++;
        }
    }
}

/* A printed number cut out of the text: <n offset length>text</n>, or <u … reason> when untagged. */
static void add_seg(xmlNodePtr b, xmlNsPtr ns, const seg *s, const char *text)
{
    char num[64];
    xmlNodePtr n = xmlNewTextChild(b, ns, BAD_CAST(s->fact ? "n" : "u"), BAD_CAST text);
    snprintf(num, sizeof num, "%zu", s->s);
    xmlNewProp(n, BAD_CAST "offset", BAD_CAST num);
    snprintf(num, sizeof num, "%zu", s->e - s->s);
    xmlNewProp(n, BAD_CAST "length", BAD_CAST num);
    if (!s->fact) xmlNewProp(n, BAD_CAST "reason", BAD_CAST(s->reason ? s->reason : "not a fact"));
}

/* The text [pos, end) into block b: plain text, bytes XML cannot hold, and the segments
 * (from sg->v[*si] on) that lie in it. Returns end. */
static size_t fill_block(xmlNodePtr b, xmlNsPtr ns, const unsigned char *src, size_t pos, size_t end, const segs *sg,
                         size_t *sip, t2x_buf *tmp)
{
    size_t si = *sip;
    while (pos < end) {
        while (si < sg->n && sg->v[si].s < pos) si++; /* a span across a block start: not wrapped */
        size_t stop = si < sg->n && sg->v[si].s < end ? sg->v[si].s : end;
        if (stop > pos) add_text(b, ns, src, pos, stop, tmp);
        pos = stop;
        if (pos < end && si < sg->n && sg->v[si].s == pos && sg->v[si].e <= end) {
            const seg *s = &sg->v[si++];
            tmp->len = 0;
            for (size_t k = s->s; k < s->e; k++) t2x_buf_put_utf8(tmp, byte_char(src[k]) ? byte_char(src[k]) : 0xFFFD);
            t2x_buf_putc(tmp, '\0');
            add_seg(b, ns, s, tmp->data);
            pos = s->e;
        } else if (pos < end && si < sg->n && sg->v[si].s == pos) {
            si++; /* runs past the block's end: leave it as text */
        }
    }
    *sip = si;
    return pos;
}

/* Text blocks of at most about T2X_BLOCK_MAX bytes for [pos, end), cut after line ends. */
static void text_blocks(xmlNodePtr source, xmlNsPtr ns, const unsigned char *src, size_t pos, size_t end,
                        const segs *sg, size_t *si, t2x_buf *tmp, long *line)
{
    char num[64];
    while (pos < end) {
        size_t stop = end - pos > T2X_BLOCK_MAX ? pos + T2X_BLOCK_MAX : end;
        while (stop < end && src[stop - 1] != '\n') stop++;
        long first = *line;
        for (size_t k = pos; k < stop; k++) *line += src[k] == '\n';
        xmlNodePtr b = xmlNewChild(source, ns, BAD_CAST "block", NULL);
        snprintf(num, sizeof num, "%ld", first);
        xmlNewProp(b, BAD_CAST "first-line", BAD_CAST num);
        snprintf(num, sizeof num, "%ld", src[stop - 1] == '\n' && *line > first ? *line - 1 : *line);
        xmlNewProp(b, BAD_CAST "last-line", BAD_CAST num);
        pos = fill_block(b, ns, src, pos, stop, sg, si, tmp);
    }
}

/* The source of a filing read by the HTML reader: each document it read is one block standing
 * for its bytes, holding the printed numbers placed in its XHTML (html_xhtml.c), which goes to
 * xhtml[] (one buffer per such block, in order); the rest text blocks. A fact that cannot be
 * placed in the XHTML is named in diag (the verifier then rejects the conversion). */
static void html_source(const t2x_filing *f, xmlNodePtr source, xmlNsPtr ns, const segs *sg, t2x_buf *tmp,
                        t2x_xhtml *xhtml, t2x_diag *diag)
{
    const unsigned char *src = f->src.data;
    size_t pos = 0, si = 0;
    long line = 1;
    char num[64];
    /* each statement's lines (title to the region's end) as source bytes */
    t2x_hrange *st = t2x_xcalloc(f->ntables + 1, sizeof *st);
    size_t nst = 0;
    for (size_t t = 0; t < f->ntables; t++) {
        const t2x_table *tb = &f->tables[t];
        size_t lo = (size_t)-1, hi = 0;
        for (size_t li = tb->title_line < tb->first ? tb->title_line : tb->first; li < tb->end && li < f->lines.n; li++) {
            const t2x_line *ln = &f->lines.v[li];
            if (!ln->len) continue;
            if (ln->off < lo) lo = ln->off;
            if (ln->off + ln->len > hi) hi = ln->off + ln->len;
        }
        if (lo < hi) st[nst++] = (t2x_hrange){lo, hi};
    }
    for (size_t k = 0; k < f->sub.ndocs; k++) {
        const t2x_document *d = &f->sub.docs[k];
        if (d->html_to <= d->html_from || d->html_from < pos) continue;
        text_blocks(source, ns, src, pos, d->html_from, sg, &si, tmp, &line);
        long first = line;
        for (size_t q = d->html_from; q < d->html_to; q++) line += src[q] == '\n';
        xmlNodePtr b = xmlNewChild(source, ns, BAD_CAST "block", NULL);
        snprintf(num, sizeof num, "%ld", first);
        xmlNewProp(b, BAD_CAST "first-line", BAD_CAST num);
        snprintf(num, sizeof num, "%ld", line);
        xmlNewProp(b, BAD_CAST "last-line", BAD_CAST num);
        snprintf(num, sizeof num, "%zu", d->html_from);
        xmlNewProp(b, BAD_CAST "offset", BAD_CAST num);
        snprintf(num, sizeof num, "%zu", d->html_to - d->html_from);
        xmlNewProp(b, BAD_CAST "length", BAD_CAST num);
        xmlNewProp(b, BAD_CAST "html", BAD_CAST "true");
        while (si < sg->n && sg->v[si].s < d->html_from) si++;
        size_t first_seg = si, facts = 0;
        while (si < sg->n && sg->v[si].s < d->html_to) facts += sg->v[si++].fact;
        char **text = t2x_xcalloc(si - first_seg + 1, sizeof *text);
        t2x_buf x = {0};
        size_t placed = d->xhtml ? t2x_html_xhtml_finish(d->xhtml, src, d->html_from, d->html_to, sg->v + first_seg,
                                                         si - first_seg, st, nst, &x, text)
                                 : t2x_html_xhtml(src, d->html_from, d->html_to, sg->v + first_seg, si - first_seg, st,
                                                  nst, &x, text);
        for (size_t q = first_seg; q < si; q++) {
            if (text[q - first_seg]) add_seg(b, ns, &sg->v[q], text[q - first_seg]);
            free(text[q - first_seg]);
        }
        free(text);
        xhtml->v = t2x_grow(xhtml->v, &xhtml->cap, xhtml->n + 1, sizeof *xhtml->v);
        xhtml->v[xhtml->n++] = x;
        if (placed < facts)
            t2x_diag_add(diag, T2X_WARNING, f->src.name, first, "html-inline",
                         "%zu of the %zu printed numbers tagged in the %s document could not be placed in its XHTML",
                         facts - placed, facts, d->type && d->type[0] ? d->type : "main");
        pos = d->html_to;
    }
    text_blocks(source, ns, src, pos, f->src.len, sg, &si, tmp, &line);
    free(st);
}

void t2x_xhtml_free(t2x_xhtml *x)
{
    for (size_t i = 0; i < x->n; i++) free(x->v[i].data);
    free(x->v);
    memset(x, 0, sizeof *x);
}

/* ---------------------------------------------------------------- the section */

t2x_status t2x_model_with_source(const t2x_filing *f, xmlDocPtr *out, t2x_xhtml *xhtml, t2x_diag *diag)
{
    *out = NULL;
    t2x_xhtml none = {0};
    xmlNodePtr mroot = xmlDocGetRootElement(f->model);
    const unsigned char *src = f->src.data;
    size_t srclen = f->src.len;
    const t2x_lines *L = &f->lines;

    segs sg = {0};
    collect(mroot, &sg, srclen);
    if (sg.n) qsort(sg.v, sg.n, sizeof *sg.v, cmp_seg);
    /* one segment per span: equal spans merge (a fact wins over an untagged mark), an
     * untagged mark inside a fact's span goes; any other overlap is a bug of the model */
    size_t keep = 0;
    for (size_t i = 0; i < sg.n; i++) {
        if (keep) {
            seg *p = &sg.v[keep - 1];
            if (sg.v[i].s < p->e) {
                if (sg.v[i].s == p->s && sg.v[i].e == p->e) continue;
                if (!sg.v[i].fact && sg.v[i].e <= p->e) continue;
                if (!p->fact && p->s <= sg.v[i].s && sg.v[i].e <= p->e) { /* cannot happen after sorting */
                    *p = sg.v[i];
                    continue;
                }
                long line = 0;
                for (size_t k = 0; k < L->n && L->v[k].off <= sg.v[i].s; k++) line = L->v[k].no;
                t2x_diag_add(diag, T2X_ERROR, f->src.name, line, "internal",
                             "the model has overlapping source spans [%zu, %zu) and [%zu, %zu)", p->s, p->e,
                             sg.v[i].s, sg.v[i].e);
                free(sg.v);
                return T2X_ERR_INTERNAL;
            }
        }
        sg.v[keep++] = sg.v[i];
    }
    sg.n = keep;

    /* statement blocks, in line order, overlapping ones merged */
    block *bl = NULL;
    size_t nb = 0, capb = 0;
    for (xmlNodePtr c = mroot->children; c; c = c->next) {
        if (!t2x_xml_is_el(c, T2X_MODEL_NS, "statement")) continue;
        long first = attr_long(c, "first-line"), last = attr_long(c, "last-line");
        if (first < 1 || last < first || (size_t)last > L->n) continue;
        bl = t2x_grow(bl, &capb, nb + 1, sizeof *bl);
        xmlChar *id = xmlGetProp(c, BAD_CAST "id");
        bl[nb].first = first;
        bl[nb].last = last;
        bl[nb].statements = t2x_xstrdup(id ? (const char *)id : "");
        xmlFree(id);
        nb++;
    }
    if (nb) qsort(bl, nb, sizeof *bl, cmp_block);
    size_t kb = 0;
    for (size_t i = 0; i < nb; i++) {
        if (kb && bl[i].first <= bl[kb - 1].last) {
            block *p = &bl[kb - 1];
            if (bl[i].last > p->last) p->last = bl[i].last;
            char *m = t2x_xasprintf("%s %s", p->statements, bl[i].statements);
            free(p->statements);
            free(bl[i].statements);
            p->statements = m;
            continue;
        }
        bl[kb++] = bl[i];
    }
    nb = kb;

    xmlDocPtr doc = xmlCopyDoc(f->model, 1);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNsPtr ns = xmlSearchNsByHref(doc, root, BAD_CAST T2X_MODEL_NS);
    xmlNodePtr source = xmlNewChild(root, ns, BAD_CAST "source", NULL);
    char num[64];
    snprintf(num, sizeof num, "%zu", srclen);
    xmlNewProp(source, BAD_CAST "length", BAD_CAST num);
    xmlNewProp(source, BAD_CAST "sha256", BAD_CAST f->src.sha256);
    xmlNewProp(source, BAD_CAST "encoding", BAD_CAST "windows-1252");

    t2x_buf tmp = {0};
    size_t si = 0;    /* next segment */
    size_t pos = 0;   /* next source byte */
    size_t bi = 0;    /* next statement block */
    long line = 1;
    if (f->html) { /* HTML documents as XHTML, the rest as text (statement blocks: not marked) */
        html_source(f, source, ns, &sg, &tmp, xhtml ? xhtml : &none, diag);
        t2x_xhtml_free(&none);
        pos = srclen;
    }
    while (pos < srclen) {
        /* the block starting at `line`: a statement's, or the text up to the next one */
        long first = line, last;
        const char *stmts = NULL;
        if (bi < nb && bl[bi].first == line) {
            last = bl[bi].last;
            stmts = bl[bi].statements;
            bi++;
        } else {
            last = bi < nb ? bl[bi].first - 1 : (long)L->n;
            /* long stretches of text: blocks of about T2X_BLOCK_MAX bytes, cut at line starts
             * (XML parsers refuse text nodes over 10 MB) */
            size_t start_off = L->v[line - 1].off;
            for (long k = line; k < last; k++)
                if (L->v[k].off - start_off >= T2X_BLOCK_MAX) {
                    last = k;
                    break;
                }
        }
        size_t end = (size_t)last < L->n ? L->v[last].off : srclen; /* start of line last+1 */
        if (last >= (long)L->n) end = srclen;
        xmlNodePtr b = xmlNewChild(source, ns, BAD_CAST "block", NULL);
        snprintf(num, sizeof num, "%ld", first);
        xmlNewProp(b, BAD_CAST "first-line", BAD_CAST num);
        snprintf(num, sizeof num, "%ld", last);
        xmlNewProp(b, BAD_CAST "last-line", BAD_CAST num);
        if (stmts) xmlNewProp(b, BAD_CAST "statement", BAD_CAST stmts);
        pos = fill_block(b, ns, src, pos, end, &sg, &si, &tmp);
        line = last + 1;
    }
    free(tmp.data);
    for (size_t i = 0; i < nb; i++) free(bl[i].statements);
    free(bl);
    free(sg.v);
    *out = doc;
    return T2X_OK;
}
