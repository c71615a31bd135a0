/*
 * html_read.c — read the HTML documents of a submission (html.h): check that a document can be
 * read safely, parse it with libxml2's HTML parser (no network, no entity loading, the bytes as
 * Windows-1252/Latin-1 so every code point is one source byte or one character reference), tie
 * the parser's text back to the source bytes, lay the document out as display lines
 * (html_flow.c, html_tables.c; characters in html_text.c, lines in html_lines.c), and put those lines in place of the document's raw lines.
 */
#include "html.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <limits.h>

/* htmlReadMemory takes an int: every document fits, the source being at most T2X_SOURCE_MAX */
_Static_assert(T2X_SOURCE_MAX < INT_MAX, "an HTML document's size must fit htmlReadMemory's int");

/* ---------------------------------------------------------------- checks */

static long line_of(const t2x_lines *L, size_t off)
{
    size_t lo = 0, hi = L->n;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (L->v[mid].off <= off) lo = mid;
        else hi = mid;
    }
    return L->n ? L->v[lo].no : 1;
}

/* Refuse what cannot be read safely: binary bytes, a tag never closed, tables nested too deep,
 * a table never closed. Returns 0 or -1 with the error in diag. */
static int check_bytes(const t2x_source *src, const t2x_lines *L, size_t from, size_t to, const char *type,
                       t2x_diag *diag)
{
    const unsigned char *s = src->data;
    /* binary: a NUL, or a stretch of 1 KB with more than 64 control bytes (as source.c counts
     * them) — text has none, a uuencoded or raw binary file has many */
    size_t ctl = 0, block = 0;
    for (size_t p = from; p < to; p++) {
        if ((p - from) % 1024 == 0) block = 0;
        unsigned char c = s[p];
        int bad = c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A && c != 0x08 &&
                             c != 0x0B);
        ctl += bad;
        block += bad;
        if (c == 0 || block > 64) {
            t2x_diag_add(diag, T2X_ERROR, src->name, line_of(L, p), "html",
                         "the %s document holds binary data, not HTML (byte 0x%02X)", type, c);
            return -1;
        }
    }
    int depth = 0, maxdepth = 0;
    size_t deep_at = 0, open_at[T2X_HTML_MAX_TABLE_NESTING + 1];
    for (size_t p = from; p < to; p++) {
        if (s[p] != '<') continue;
        size_t q = t2x_html_markup_end(s, p, to);
        if (!q) continue;
        if (q == to && s[q - 1] != '>') {
            t2x_diag_add(diag, T2X_ERROR, src->name, line_of(L, p), "html",
                         "a tag of the %s document is never closed (no '>' before its end)", type);
            return -1;
        }
        int close = s[p + 1] == '/';
        size_t n0 = p + 1 + (size_t)close;
        if (to - n0 >= 5 && strncasecmp((const char *)s + n0, "table", 5) == 0 &&
            (n0 + 5 == to || !isalnum(s[n0 + 5]))) {
            if (close) {
                if (depth > 0) depth--;
            } else {
                if (depth < T2X_HTML_MAX_TABLE_NESTING) open_at[depth] = p;
                if (++depth > maxdepth) {
                    maxdepth = depth;
                    deep_at = p;
                }
            }
        }
        p = q - 1;
    }
    if (maxdepth > T2X_HTML_MAX_TABLE_NESTING) {
        t2x_diag_add(diag, T2X_ERROR, src->name, line_of(L, deep_at), "html",
                     "tables of the %s document are nested %d deep; the reader takes at most %d", type, maxdepth,
                     T2X_HTML_MAX_TABLE_NESTING);
        return -1;
    }
    if (depth > 0) {
        t2x_diag_add(diag, T2X_ERROR, src->name, line_of(L, open_at[depth - 1]), "html",
                     "a <table> of the %s document is never closed", type);
        return -1;
    }
    return 0;
}

static int tree_depth(xmlNodePtr n, int d)
{
    int max = d;
    for (xmlNodePtr ch = n->children; ch && max <= T2X_HTML_MAX_DEPTH; ch = ch->next)
        if (ch->type == XML_ELEMENT_NODE) {
            int k = tree_depth(ch, d + 1);
            if (k > max) max = k;
        }
    return max;
}

/* ---------------------------------------------------------------- lines */

/* A number printed across markup or with character references ("1,<b>234</b>", "&#49;") has no
 * one source span: its digits become '?', so it is never read as an amount. */
static void guard_numbers(t2x_hline *h)
{
    size_t i = 0;
    while (i < h->n) {
        if (!isdigit((unsigned char)h->v[i].c)) {
            i++;
            continue;
        }
        size_t a = i;
        while (a > 0 && (h->v[a - 1].c == ',' || h->v[a - 1].c == '.')) a--;
        size_t e = i;
        while (e < h->n && (isdigit((unsigned char)h->v[e].c) || h->v[e].c == ',' || h->v[e].c == '.')) e++;
        int ok = 1;
        for (size_t k = a; k < e && ok; k++) {
            const t2x_hch *c = &h->v[k];
            ok = !c->synth && c->off != T2X_HNONE && c->end == c->off + 1 && (k == a || h->v[k - 1].end == c->off);
        }
        if (!ok)
            for (size_t k = a; k < e; k++)
                if (isdigit((unsigned char)h->v[k].c)) h->v[k].c = '?';
        i = e;
    }
}

/* A display line as a t2x_line: each column's source span; added characters take the end of
 * the character before them (or the start of the one after). */
static void to_line(t2x_hline *h, const t2x_lines *L, size_t fallback, t2x_line *ln)
{
    guard_numbers(h);
    size_t n = h->n > T2X_LINE_MAX_COLS ? T2X_LINE_MAX_COLS : h->n;
    size_t lo = (size_t)-1, hi = 0, prev = (size_t)-1;
    for (size_t i = 0; i < n; i++)
        if (!h->v[i].synth && h->v[i].off != T2X_HNONE) {
            if (h->v[i].off < lo) lo = h->v[i].off;
            if (h->v[i].end > hi) hi = h->v[i].end;
        }
    if (lo == (size_t)-1) lo = hi = fallback;
    for (size_t i = 0; i < n; i++) {
        t2x_hch *c = &h->v[i];
        if (!c->synth && c->off != T2X_HNONE) {
            prev = c->end;
            continue;
        }
        size_t at = prev;
        if (at == (size_t)-1) {
            at = lo;
            for (size_t k = i + 1; k < n; k++)
                if (!h->v[k].synth && h->v[k].off != T2X_HNONE) {
                    at = h->v[k].off;
                    break;
                }
        }
        c->off = c->end = (uint32_t)at;
    }
    ln->off = lo;
    ln->len = hi - lo;
    ln->no = line_of(L, lo);
    ln->text = t2x_xmalloc(n + 1);
    ln->col_off = t2x_xmalloc(sizeof(int) * (n + 1));
    ln->col_end = t2x_xmalloc(sizeof(int) * (n + 1));
    for (size_t i = 0; i < n; i++) {
        ln->text[i] = h->v[i].c;
        ln->col_off[i] = (int)(h->v[i].off - lo);
        ln->col_end[i] = (int)(h->v[i].end - lo);
    }
    ln->text[n] = '\0';
    ln->ncols = (int)n;
    ln->col_off[n] = ln->col_end[n] = n ? ln->col_end[n - 1] : 0;
}

/* Lay out one document's bytes [from, to). Returns 0, or -1 with the error in diag. */
static int read_doc(const t2x_source *src, const t2x_lines *L, size_t from, size_t to, const char *type,
                    t2x_hlines *out, t2x_xskel **xhtml, t2x_diag *diag)
{
    if (check_bytes(src, L, from, to, type, diag) != 0) return -1;
    htmlDocPtr doc = htmlReadMemory((const char *)src->data + from, (int)(to - from), NULL, "ISO-8859-1",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    if (!doc) {
        t2x_diag_add(diag, T2X_ERROR, src->name, line_of(L, from), "html", "the %s document cannot be parsed as HTML",
                     type);
        return -1;
    }
    int depth = tree_depth((xmlNodePtr)doc, 0);
    if (depth > T2X_HTML_MAX_DEPTH) {
        t2x_diag_add(diag, T2X_ERROR, src->name, line_of(L, from), "html",
                     "the elements of the %s document are nested deeper than %d", type, T2X_HTML_MAX_DEPTH);
        xmlFreeDoc(doc);
        return -1;
    }
    t2x_hctx c = {src->data, from, to, 0};
    t2x_html_flow(&c, (xmlNodePtr)doc, out, 100);
    if (xhtml) *xhtml = t2x_html_skeleton(doc); /* for the inline document: one parse */
    xmlFreeDoc(doc);
    return 0;
}

t2x_status t2x_html_read(const t2x_source *src, t2x_lines *L, t2x_submission *sub, int *html, int xhtml,
                         t2x_diag *diag)
{
    *html = 0;
    int any = 0;
    for (size_t k = 0; k < sub->ndocs; k++) any |= sub->docs[k].is_html && !sub->docs[k].is_binary;
    if (!any) return T2X_OK;
    t2x_lines nl = {0};
    size_t cap = 0, i = 0;
    t2x_status st = T2X_OK;
    size_t *first = t2x_xcalloc(sub->ndocs, sizeof *first), *end = t2x_xcalloc(sub->ndocs, sizeof *end);
    for (size_t k = 0; k <= sub->ndocs && st == T2X_OK; k++) {
        t2x_document *d = k < sub->ndocs ? &sub->docs[k] : NULL;
        size_t upto = d ? d->first : L->n;
        for (; i < upto && i < L->n; i++) { /* raw lines up to the document: moved over */
            nl.v = t2x_grow(nl.v, &cap, nl.n + 1, sizeof *nl.v);
            nl.v[nl.n++] = L->v[i];
            memset(&L->v[i], 0, sizeof L->v[i]);
        }
        if (!d) break;
        first[k] = nl.n;
        if (d->is_html && !d->is_binary && d->first < d->end) {
            size_t from = L->v[d->first].off, to = d->end < L->n ? L->v[d->end].off : src->len;
            t2x_hlines out = {0};
            if (read_doc(src, L, from, to, d->type[0] ? d->type : "main", &out, xhtml ? &d->xhtml : NULL, diag) != 0) {
                st = T2X_ERR_HTML;
            } else {
                size_t at = from; /* a blank line takes the place of the line before it */
                for (size_t q = 0; q < out.n; q++) {
                    nl.v = t2x_grow(nl.v, &cap, nl.n + 1, sizeof *nl.v);
                    memset(&nl.v[nl.n], 0, sizeof nl.v[nl.n]);
                    to_line(&out.v[q], L, at, &nl.v[nl.n]);
                    at = nl.v[nl.n].off + nl.v[nl.n].len;
                    nl.n++;
                }
                for (; i < d->end; i++) {
                    free(L->v[i].text);
                    free(L->v[i].col_off);
                    free(L->v[i].col_end);
                    memset(&L->v[i], 0, sizeof L->v[i]);
                }
                *html = 1;
                d->html_from = from; /* the inline document rebuilds these bytes as XHTML */
                d->html_to = to;
            }
            t2x_hlines_free(&out);
        } else {
            for (; i < d->end && i < L->n; i++) {
                nl.v = t2x_grow(nl.v, &cap, nl.n + 1, sizeof *nl.v);
                nl.v[nl.n++] = L->v[i];
                memset(&L->v[i], 0, sizeof L->v[i]);
            }
        }
        end[k] = nl.n;
    }
    if (st != T2X_OK) { /* give the raw lines back untouched is not needed: the filing is dropped */
        t2x_lines_free(&nl);
        free(first);
        free(end);
        return st;
    }
    t2x_lines_free(L);
    *L = nl;
    if (getenv("T2X_HTML_DUMP")) /* debugging aid: the display lines */
        for (size_t q = 0; q < L->n; q++) fprintf(stderr, "%6ld|%s\n", L->v[q].no, L->v[q].text);
    for (size_t k = 0; k < sub->ndocs; k++) {
        sub->docs[k].first = first[k];
        sub->docs[k].end = end[k];
        if (sub->docs[k].is_html && !sub->docs[k].is_binary) sub->docs[k].is_html = 0; /* now lines */
    }
    free(first);
    free(end);
    return T2X_OK;
}
