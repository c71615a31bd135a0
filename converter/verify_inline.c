/*
 * verify_inline.c — the inline document as the verifier reads it (docs/inline.md): the
 * ix:header (hidden facts, schemaRef, contexts and units), the source text restored from the
 * <pre class="t2x-src"> blocks (Windows-1252 characters back to bytes, span.t2x-ctl back to
 * the byte its t2x-xHH class names, the leading line feed of each block dropped), and, in
 * source offsets, every tagged fact, every number listed as untagged and every statement block.
 */
#include "verify_inline.h"
#include "verify_html.h"
#include "util.h"
#include "xmlnode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The source byte of a character, or -1 when no byte of the source gives it. */
static int char_byte(unsigned cp)
{
    if (cp == '\t' || cp == '\n' || cp == '\r') return (int)cp;
    if (cp < 0x20 || cp == 0x7F) return -1;
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return (int)cp;
    for (unsigned c = 0x80; c < 0xA0; c++)
        if (t2x_cp1252_char((unsigned char)c) == cp) return (int)c;
    return -1;
}

/* Does the class attribute hold the token `tok`? With a prefix match (`tok` ending in '*'),
 * returns the rest of the first matching token in *rest (caller frees). */
static int has_class(xmlNodePtr n, const char *tok, char **rest)
{
    xmlChar *cl = xmlGetProp(n, BAD_CAST "class");
    if (!cl) return 0;
    size_t tl = strlen(tok);
    int prefix = tl && tok[tl - 1] == '*';
    if (prefix) tl--;
    int found = 0;
    const char *p = (const char *)cl;
    while (*p && !found) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        const char *s = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
        size_t n2 = (size_t)(p - s);
        if (!n2) break;
        if (prefix ? (n2 >= tl && strncmp(s, tok, tl) == 0) : (n2 == tl && strncmp(s, tok, tl) == 0)) {
            found = 1;
            if (rest) *rest = t2x_xstrndup(s + tl, n2 - tl);
        }
    }
    xmlFree(cl);
    return found;
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? t2x_xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

/* ---------------------------------------------------------------- facts */

#define TR_PREFIX "http://www.xbrl.org/inlineXBRL/transformation/"

/* The value a transform gives a printed text: canonical decimal, or NULL (unsupported or
 * not in the format's lexical space; *why says). */
static char *transform(xmlNodePtr e, const char *format, const char *text, int scale, int neg, const char **why)
{
    *why = NULL;
    const char *local = NULL;
    if (format) {
        const char *colon = strchr(format, ':');
        char *pfx = colon ? t2x_xstrndup(format, (size_t)(colon - format)) : NULL;
        xmlNsPtr ns = xmlSearchNs(e->doc, e, BAD_CAST pfx);
        free(pfx);
        if (!ns || strncmp((const char *)ns->href, TR_PREFIX, strlen(TR_PREFIX)) != 0) {
            *why = "its format is not of a transformation registry";
            return NULL;
        }
        local = colon ? colon + 1 : format;
    }
    if (local && (strcmp(local, "fixed-zero") == 0 || strcmp(local, "zerodash") == 0)) return t2x_vf_decimal("0", 0, 0);
    t2x_buf d = {0};
    t2x_buf_puts(&d, "");
    if (!local) {
        t2x_buf_puts(&d, text);
    } else if (strcmp(local, "num-dot-decimal") == 0 || strcmp(local, "numdotdecimal") == 0) {
        /* TR4: [ \t\n\r]*[, \xA00-9]*(\.[ \xA00-9]+)?[ \t\n\r]* with the separators removed */
        const unsigned char *p = (const unsigned char *)text;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        int point = 0;
        for (; *p; p++) {
            if (*p >= '0' && *p <= '9') t2x_buf_putc(&d, (char)*p);
            else if (*p == ',' && !point) continue;
            else if (*p == ' ') continue;
            else if (*p == 0xC2 && p[1] == 0xA0) p++;
            else if (*p == '.' && !point) {
                point = 1;
                t2x_buf_putc(&d, '.');
            } else break;
        }
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (*p) {
            free(d.data);
            *why = "its text is not in the lexical space of num-dot-decimal";
            return NULL;
        }
    } else {
        free(d.data);
        *why = "its format is not one txt2xbrl writes (num-dot-decimal, fixed-zero)";
        return NULL;
    }
    char *v = t2x_vf_decimal(d.data, scale, neg);
    free(d.data);
    if (!v) *why = "its text is not a number";
    return v;
}

static t2x_vfact *read_fact(xmlNodePtr e, t2x_vinline *in, t2x_verify_report *r, const char *name)
{
    t2x_vfact *f = t2x_vf_facts_add(&in->facts);
    char *qn = attr(e, "name");
    f->qname = qn ? qn : t2x_xstrdup("?");
    f->xml_line = (long)xmlGetLineNo(e);
    const char *colon = strchr(f->qname, ':');
    char *pfx = colon ? t2x_xstrndup(f->qname, (size_t)(colon - f->qname)) : NULL;
    xmlNsPtr ns = xmlSearchNs(e->doc, e, BAD_CAST pfx);
    free(pfx);
    f->concept = ns ? t2x_xasprintf("{%s}%s", (const char *)ns->href, colon ? colon + 1 : f->qname)
                    : t2x_xasprintf("{?}%s", f->qname);
    if (!ns || !qn) t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, NULL, "%s line %ld: fact name %s does not resolve", name, f->xml_line, f->qname);
    char *cref = attr(e, "contextRef");
    f->context = cref ? cref : t2x_xstrdup("");
    xmlChar *nil = xmlGetNsProp(e, BAD_CAST "nil", BAD_CAST NS_XSI);
    int isnil = nil && (xmlStrEqual(nil, BAD_CAST "true") || xmlStrEqual(nil, BAD_CAST "1"));
    xmlFree(nil);
    xmlChar *content = xmlNodeGetContent(e);
    const char *text = content ? (const char *)content : "";
    if (t2x_xml_is_el(e, NS_IX, "nonFraction")) {
        f->numeric = 1;
        f->unit = attr(e, "unitRef");
        char *dec = attr(e, "decimals");
        if (dec) {
            char where[300];
            snprintf(where, sizeof where, "%s line %ld", name, f->xml_line);
            t2x_vf_fact_decimals(f, dec, r, VC_SCHEMA, where);
            free(dec);
        }
        char *format = attr(e, "format"), *scale_s = attr(e, "scale"), *sign = attr(e, "sign");
        int scale = 0, scale_ok = !scale_s || t2x_vf_int_attr(scale_s, T2X_V_SCALE_MIN, T2X_V_SCALE_MAX, &scale) == 0;
        if (!scale_ok)
            t2x_vf_add(r, V_ERROR, VC_FACTS, 0, f->qname, f->context,
                       "%s line %ld: fact %s in %s has scale=\"%.40s\", not an integer in [%d, %d]", name, f->xml_line,
                       f->qname, f->context, scale_s, T2X_V_SCALE_MIN, T2X_V_SCALE_MAX);
        if (!isnil) {
            const char *why = NULL;
            f->value = scale_ok ? transform(e, format, text, scale, sign && strcmp(sign, "-") == 0, &why) : NULL;
            if (!f->value) {
                if (why)
                    t2x_vf_add(r, V_ERROR, VC_FACTS, 0, f->qname, f->context, "%s line %ld: fact %s in %s: %s ('%.40s')", name,
                               f->xml_line, f->qname, f->context, why, text);
                f->value = t2x_xstrdup(text);
            }
        }
        if (sign && strcmp(sign, "-") != 0)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "%s line %ld: sign=\"%s\"", name, f->xml_line, sign);
        free(format);
        free(scale_s);
        free(sign);
    } else if (!isnil) {
        f->value = t2x_trim(t2x_xstrdup(text));
    }
    xmlFree(content);
    return f;
}

/* ---------------------------------------------------------------- text restoration */

typedef struct walker {
    const unsigned char *src; /* the source (HTML blocks are compared with its bytes) */
    size_t srclen;
    t2x_vinline *in;
    t2x_verify_report *r;
    const char *name;
    int skip_lf;      /* the block's leading line feed is still to come */
    long bad_line;    /* first unmappable character (0: none yet) */
} walker;

static void add_span(t2x_vspans *s, size_t a, size_t b, char *text)
{
    s->v = t2x_grow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    s->v[s->n].s = a;
    s->v[s->n].e = b;
    s->v[s->n].text = text;
    s->n++;
}

static void restore_text(walker *w, xmlNodePtr n)
{
    const unsigned char *p = n->content;
    if (!p) return;
    while (*p) {
        unsigned cp;
        int k;
        if (*p < 0x80) { cp = *p; k = 1; }
        else if ((*p & 0xE0) == 0xC0) { cp = *p & 0x1F; k = 2; }
        else if ((*p & 0xF0) == 0xE0) { cp = *p & 0x0F; k = 3; }
        else { cp = *p & 0x07; k = 4; }
        for (int i = 1; i < k; i++) {
            if (!p[i]) { k = i; break; }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        p += k;
        if (w->skip_lf) {
            w->skip_lf = 0;
            if (cp == '\n') continue;
            t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: a text block does not start with the line feed that HTML parsers drop",
                  w->name, (long)xmlGetLineNo(n->parent));
            w->in->text_ok = 0;
        }
        int b = char_byte(cp);
        if (b < 0) {
            if (!w->bad_line) {
                w->bad_line = (long)xmlGetLineNo(n->parent);
                t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL,
                      "%s line %ld: character U+%04X of the text cannot come from a Windows-1252 source byte "
                      "(bytes XML cannot hold must be span.t2x-ctl)", w->name, w->bad_line, cp);
            }
            w->in->text_ok = 0;
            b = '?';
        }
        t2x_buf_putc(&w->in->text, (char)b);
    }
}

static void walk_block(walker *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            restore_text(w, c);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue; /* comments, PIs: not text */
        char *rest = NULL;
        if (t2x_xml_is_el(c, NS_XHTML, "span") && has_class(c, "t2x-x*", &rest) && has_class(c, "t2x-ctl", NULL)) {
            unsigned v = 0;
            int ok = strlen(rest) == 2;
            for (int i = 0; ok && i < 2; i++) {
                char h = rest[i];
                ok = (h >= '0' && h <= '9') || (h >= 'A' && h <= 'F');
                v = v * 16 + (unsigned)(h <= '9' ? h - '0' : h - 'A' + 10);
            }
            if (!ok) {
                t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: span.t2x-ctl with a bad byte class t2x-x%s",
                      w->name, (long)xmlGetLineNo(c), rest);
                w->in->text_ok = 0;
            }
            if (w->skip_lf) {
                w->skip_lf = 0;
                t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: a text block does not start with the line feed that HTML parsers drop",
                      w->name, (long)xmlGetLineNo(c));
                w->in->text_ok = 0;
            }
            t2x_buf_putc(&w->in->text, (char)v);
            free(rest);
            continue;
        }
        free(rest);
        if (t2x_xml_is_el(c, NS_IX, "nonFraction") || t2x_xml_is_el(c, NS_IX, "nonNumeric")) {
            t2x_vfact *f = read_fact(c, w->in, w->r, w->name);
            size_t idx = (size_t)(f - w->in->facts.v);
            size_t start = w->in->text.len;
            walk_block(w, c);
            f = &w->in->facts.v[idx]; /* the array may have moved */
            f->offset = start;
            f->length = w->in->text.len - start;
            continue;
        }
        if (c->ns && xmlStrEqual(c->ns->href, BAD_CAST NS_IX)) {
            t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: ix:%s inside the text is not something txt2xbrl writes",
                  w->name, (long)xmlGetLineNo(c), c->name);
            continue;
        }
        if (t2x_xml_is_el(c, NS_XHTML, "span") && has_class(c, "t2x-untagged", NULL)) {
            size_t start = w->in->text.len;
            walk_block(w, c);
            char *title = attr(c, "title");
            add_span(&w->in->untagged, start, w->in->text.len, title ? title : t2x_xstrdup(""));
            continue;
        }
        walk_block(w, c); /* span.t2x-fact and any other markup: transparent */
    }
}

/* ---------------------------------------------------------------- HTML blocks */

/* An id "PFX<digits>" or "PFX<digits>-<digits>": 1 and the numbers, or 0. */
static int id_numbers(xmlNodePtr n, const char *pfx, size_t *a, size_t *b)
{
    char *id = attr(n, "id");
    int ok = 0;
    if (id && strncmp(id, pfx, strlen(pfx)) == 0) {
        const char *p = id + strlen(pfx);
        char *end = NULL;
        if (*p >= '0' && *p <= '9') {
            unsigned long long x = strtoull(p, &end, 10);
            *a = (size_t)x;
            if (!b) ok = *end == '\0';
            else if (*end == '-' && end[1] >= '0' && end[1] <= '9') {
                unsigned long long y = strtoull(end + 1, &end, 10);
                *b = (size_t)y;
                ok = *end == '\0';
            }
        }
    }
    free(id);
    return ok;
}

/* 1-based source line of byte off (for messages only). */
static long line_at(const walker *w, size_t off)
{
    long line = 1;
    for (size_t i = 0; i < off && i < w->srclen; i++) line += w->src[i] == '\n';
    return line;
}

/* The source bytes a fact's wrapper names (t2x-fOFFSET) print its text: their length, or 0. */
static size_t claim_length(const walker *w, size_t off, const char *text)
{
    size_t n = strlen(text);
    int ascii = 1;
    for (size_t i = 0; i < n; i++) ascii &= (unsigned char)text[i] < 0x80;
    if (!n || off >= w->srclen) return 0;
    if (ascii) return n <= w->srclen - off && memcmp(w->src + off, text, n) == 0 ? n : 0;
    /* one character (a dash): the byte, or a character reference */
    const unsigned char *d = w->src + off;
    if (d[0] == '&') {
        for (size_t k = 1; k < 12 && off + k < w->srclen; k++)
            if (d[k] == ';') return k + 1;
        return 0;
    }
    return d[0] >= 0x80 ? 1 : 0;
}

typedef struct hwalk {
    t2x_buf text;      /* normalised text of the block */
    int space;
    size_t claim;      /* source offset named by the enclosing span.t2x-fact (SIZE_MAX: none) */
    size_t claim_len;
    size_t last_claim; /* claims increase in document order */
    size_t from, to;   /* the block's source bytes */
    int in_fact, in_untagged;
    int in_row;        /* inside a statement row (tr.t2x-stmt) */
    t2x_buf row, mask; /* its text, and per byte 't' tagged, 'u' listed, '-' neither */
} hwalk;

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* Every number of a statement row (digits with single ',' or '.' between digits, or '.28')
 * must touch a tagged number or one listed with a reason. */
static void row_coverage(walker *w, hwalk *h, long xml_line)
{
    const unsigned char *d = (const unsigned char *)h->row.data;
    size_t n = h->row.len, i = 0;
    w->in->hrows++;
    while (i < n) {
        if (!is_digit(d[i])) {
            i++;
            continue;
        }
        size_t s = i;
        if (s > 0 && d[s - 1] == '.' && (s == 1 || !is_digit(d[s - 2]))) s--;
        while (i < n && (is_digit(d[i]) || ((d[i] == ',' || d[i] == '.') && i + 1 < n && is_digit(d[i + 1])))) i++;
        int tagged = 0, listed = 0;
        for (size_t k = s; k < i; k++) {
            tagged |= h->mask.data[k] == 't';
            listed |= h->mask.data[k] == 'u';
        }
        w->in->hnumbers++;
        if (tagged) w->in->htagged++;
        else if (listed) w->in->hlisted++;
        else {
            w->in->hmissing++;
            long line = h->last_claim != (size_t)-1 ? line_at(w, h->last_claim) : line_at(w, h->from);
            t2x_vf_add(w->r, V_ERROR, VC_COVERAGE, line, NULL, NULL,
                       "%s line %ld: the number %.*s in a statement row of the HTML document (near source line %ld) is "
                       "neither tagged nor listed as untagged", w->name, xml_line, (int)(i - s > 40 ? 40 : i - s),
                       (const char *)d + s, line);
        }
    }
}

/* Text of a statement row, with what covers it. */
static void row_text(hwalk *h, const xmlChar *t)
{
    size_t n = t ? strlen((const char *)t) : 0;
    t2x_buf_add(&h->row, (const char *)t, n);
    char m = h->in_fact ? 't' : h->in_untagged ? 'u' : '-';
    for (size_t k = 0; k < n; k++) t2x_buf_putc(&h->mask, m);
}

static void walk_html(walker *w, hwalk *h, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            t2x_vf_norm_add(&h->text, c->content, &h->space);
            if (h->in_row) row_text(h, c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        if (t2x_xml_is_el(c, NS_IX, "nonFraction") || t2x_xml_is_el(c, NS_IX, "nonNumeric")) {
            t2x_vfact *f = read_fact(c, w->in, w->r, w->name);
            if (h->claim != (size_t)-1) {
                f->offset = h->claim;
                f->length = h->claim_len;
            }
            walk_html(w, h, c);
            continue;
        }
        if (c->ns && xmlStrEqual(c->ns->href, BAD_CAST NS_IX)) {
            t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: ix:%s inside the text is not something txt2xbrl writes",
                       w->name, (long)xmlGetLineNo(c), c->name);
            continue;
        }
        size_t off = 0;
        if (t2x_xml_is_el(c, NS_XHTML, "span") && has_class(c, "t2x-fact", NULL) && id_numbers(c, "t2x-f", &off, NULL)) {
            xmlChar *content = xmlNodeGetContent(c);
            size_t len = claim_length(w, off, content ? (const char *)content : "");
            if (!len || off < h->from || off + len > h->to || (h->last_claim != (size_t)-1 && off <= h->last_claim)) {
                t2x_vf_add(w->r, V_ERROR, VC_SPANS, line_at(w, off), NULL, NULL,
                           "%s line %ld: the tagged text '%.40s' names source byte %zu, where the source does not print it "
                           "in its place", w->name, (long)xmlGetLineNo(c), content ? (const char *)content : "", off);
                len = 0;
            }
            xmlFree(content);
            size_t was = h->claim, was_len = h->claim_len;
            int was_in = h->in_fact;
            h->claim = len ? off : (size_t)-1;
            h->claim_len = len;
            h->in_fact = 1;
            if (len) h->last_claim = off;
            walk_html(w, h, c);
            h->claim = was;
            h->claim_len = was_len;
            h->in_fact = was_in;
            continue;
        }
        if (t2x_xml_is_el(c, NS_XHTML, "span") && has_class(c, "t2x-untagged", NULL) && id_numbers(c, "t2x-u", &off, NULL)) {
            xmlChar *content = xmlNodeGetContent(c);
            size_t len = claim_length(w, off, content ? (const char *)content : "");
            xmlFree(content);
            if (len) {
                char *title = attr(c, "title");
                const char *why = title && strncmp(title, "not tagged: ", 12) == 0 ? title + 12 : "";
                h->in_untagged = *why != '\0'; /* listed only with a reason */
                add_span(&w->in->untagged, off, off + len, title ? title : t2x_xstrdup(""));
            }
            walk_html(w, h, c);
            h->in_untagged = 0;
            continue;
        }
        if (!h->in_row && t2x_xml_is_el(c, NS_XHTML, "tr") && has_class(c, "t2x-stmt", NULL)) {
            h->in_row = 1;
            h->row.len = h->mask.len = 0;
            walk_html(w, h, c);
            row_coverage(w, h, (long)xmlGetLineNo(c));
            h->in_row = 0;
            continue;
        }
        walk_html(w, h, c); /* every other element: transparent */
    }
}

/* div.t2x-html: the XHTML copy of the source bytes its id names (t2x-bOFFSET-LENGTH). Its text
 * must be theirs under the normalisation; then they count as restored. */
static void html_block(walker *w, xmlNodePtr div)
{
    size_t off = 0, len = 0;
    long xl = (long)xmlGetLineNo(div);
    if (!id_numbers(div, "t2x-b", &off, &len) || off > w->srclen || len > w->srclen - off) {
        t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: an HTML block without a valid t2x-bOFFSET-LENGTH id",
                   w->name, xl);
        w->in->text_ok = 0;
        return;
    }
    long line = line_at(w, off);
    if (off != w->in->text.len) {
        t2x_vf_add(w->r, V_ERROR, VC_TEXT, line, NULL, NULL,
                   "%s line %ld: the HTML block stands for source bytes from %zu, but the text before it ends at byte %zu",
                   w->name, xl, off, w->in->text.len);
        w->in->text_ok = 0;
    }
    hwalk h;
    memset(&h, 0, sizeof h);
    t2x_buf_puts(&h.text, "");
    h.claim = h.last_claim = (size_t)-1;
    h.from = off;
    h.to = off + len;
    walk_html(w, &h, div);
    t2x_buf s = {0};
    t2x_buf_puts(&s, "");
    if (t2x_vf_html_text(w->src + off, len, &s) != 0) {
        t2x_vf_add(w->r, V_ERROR, VC_TEXT, line, NULL, NULL, "line %ld: the source's HTML document cannot be parsed", line);
        w->in->text_ok = 0;
    } else if (s.len != h.text.len || memcmp(s.data, h.text.data, s.len) != 0) {
        size_t k = 0, m = s.len < h.text.len ? s.len : h.text.len;
        while (k < m && s.data[k] == h.text.data[k]) k++;
        size_t a = k > 20 ? k - 20 : 0;
        while (a > 0 && ((unsigned char)s.data[a] & 0xC0) == 0x80) a--;
        t2x_vf_add(w->r, V_ERROR, VC_TEXT, line, NULL, NULL,
                   "%s line %ld: the text of the HTML document at source line %ld differs from the source's (normalised, "
                   "docs/inline.md) at character %zu: source \"%.50s\", inline \"%.50s\"",
                   w->name, xl, line, k, s.data + a, a < h.text.len ? h.text.data + a : "");
        w->in->text_ok = 0;
    }
    free(s.data);
    free(h.text.data);
    free(h.row.data);
    free(h.mask.data);
    t2x_buf_add(&w->in->text, (const char *)w->src + off, len);
    w->in->nblocks++;
}

/* Elements of the body: blocks are restored, the header is read elsewhere, other text is
 * not expected. */
static void walk_body(walker *w, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++)
                if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
                    t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: text outside the source blocks",
                          w->name, (long)xmlGetLineNo(c));
                    break;
                }
            continue;
        }
        if (c->type != XML_ELEMENT_NODE) continue;
        if (t2x_xml_is_el(c, NS_IX, "header")) continue;
        if (t2x_xml_is_el(c, NS_XHTML, "div") && has_class(c, "t2x-html", NULL)) {
            html_block(w, c);
            continue;
        }
        if (t2x_xml_is_el(c, NS_XHTML, "pre") && has_class(c, "t2x-src", NULL)) {
            size_t start = w->in->text.len;
            w->skip_lf = 1;
            walk_block(w, c);
            if (w->skip_lf) { /* an empty block */
                w->skip_lf = 0;
                t2x_vf_add(w->r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s line %ld: an empty text block", w->name, (long)xmlGetLineNo(c));
            }
            w->in->nblocks++;
            if (has_class(c, "t2x-stmt", NULL)) {
                char *id = attr(c, "id"), *title = attr(c, "title");
                add_span(&w->in->blocks, start, w->in->text.len,
                         t2x_xasprintf("%s %s", id ? id : "?", title ? title : ""));
                free(id);
                free(title);
            }
            continue;
        }
        if (t2x_xml_is_el(c, NS_IX, "nonFraction") || t2x_xml_is_el(c, NS_IX, "nonNumeric")) {
            t2x_vfact *f = read_fact(c, w->in, w->r, w->name);
            t2x_vf_add(w->r, V_ERROR, VC_SPANS, 0, f->qname, f->context, "%s line %ld: fact %s outside the source text", w->name,
                  f->xml_line, f->qname);
            continue;
        }
        walk_body(w, c);
    }
}

/* ---------------------------------------------------------------- the header */

static void find_headers(xmlNodePtr n, xmlNodePtr *first, int *count)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (t2x_xml_is_el(c, NS_IX, "header")) {
            if (!*first) *first = c;
            (*count)++;
            continue;
        }
        find_headers(c, first, count);
    }
}

static void read_hidden(xmlNodePtr hidden, t2x_vinline *in, t2x_verify_report *r, const char *name)
{
    for (xmlNodePtr c = hidden->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!t2x_xml_is_el(c, NS_IX, "nonFraction") && !t2x_xml_is_el(c, NS_IX, "nonNumeric")) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s line %ld: unexpected %s in ix:hidden", name, (long)xmlGetLineNo(c), c->name);
            continue;
        }
        t2x_vfact *f = read_fact(c, in, r, name);
        f->hidden = 1;
        /* a second fact of a printed number: id t2x-hOFFSET-N names the number's offset */
        char *id = attr(c, "id");
        if (id && strncmp(id, "t2x-h", 5) == 0) {
            char *end = NULL;
            unsigned long long off = strtoull(id + 5, &end, 10);
            if (end && *end == '-' && end != id + 5) {
                xmlChar *content = xmlNodeGetContent(c);
                f->offset = (size_t)off;
                f->length = content ? strlen((const char *)content) : 0;
                xmlFree(content);
            }
        }
        free(id);
    }
}

void t2x_vf_inline_read(xmlDocPtr doc, const char *name, const unsigned char *src, size_t srclen, t2x_vinline *in,
                        t2x_verify_report *r)
{
    memset(in, 0, sizeof *in);
    in->text_ok = 1;
    t2x_buf_puts(&in->text, "");
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!t2x_xml_is_el(root, NS_XHTML, "html")) {
        t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s: the root element is not an XHTML html element", name);
        in->text_ok = 0;
        return;
    }
    xmlNodePtr header = NULL;
    int nh = 0;
    find_headers(root, &header, &nh);
    if (nh != 1) t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s: %d ix:header elements, wanted one", name, nh);
    if (header) {
        for (xmlNodePtr c = header->children; c; c = c->next) {
            if (t2x_xml_is_el(c, NS_IX, "hidden")) read_hidden(c, in, r, name);
            else if (t2x_xml_is_el(c, NS_IX, "resources")) t2x_vf_read_resources(c, &in->ctxs, &in->units, r, VC_SCHEMA);
            else if (t2x_xml_is_el(c, NS_IX, "references"))
                for (xmlNodePtr k = c->children; k; k = k->next)
                    if (t2x_xml_is_el(k, NS_LINK, "schemaRef")) {
                        xmlChar *h = xmlGetNsProp(k, BAD_CAST "href", BAD_CAST NS_XLINK);
                        free(in->schema_ref);
                        in->schema_ref = h ? t2x_xstrdup((const char *)h) : NULL;
                        xmlFree(h);
                    }
        }
    }
    xmlNodePtr body = NULL;
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (t2x_xml_is_el(c, NS_XHTML, "body")) body = c;
    if (!body) {
        t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s: no body", name);
        in->text_ok = 0;
        return;
    }
    walker w = {src, srclen, in, r, name, 0, 0};
    walk_body(&w, body);
    if (in->nblocks == 0) {
        t2x_vf_add(r, V_ERROR, VC_TEXT, 0, NULL, NULL, "%s: no source text blocks (pre.t2x-src)", name);
        in->text_ok = 0;
    }
    /* keys of the facts against the header's contexts and units */
    for (size_t i = 0; i < in->facts.n; i++) {
        t2x_vfact *f = &in->facts.v[i];
        const t2x_vres *cx = t2x_vf_res_find(&in->ctxs, f->context), *ux = f->unit ? t2x_vf_res_find(&in->units, f->unit) : NULL;
        if (!cx)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "%s line %ld: %s names context '%.100s', which the header does not have",
                  name, f->xml_line, f->qname, f->context);
        if (f->numeric && !ux)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "%s line %ld: %s names unit '%.100s', which the header does not have",
                  name, f->xml_line, f->qname, f->unit ? f->unit : "");
        t2x_vf_fact_keys(f, cx, ux);
    }
}

void t2x_vf_spans_free(t2x_vspans *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i].text);
    free(s->v);
    memset(s, 0, sizeof *s);
}

void t2x_vf_inline_free(t2x_vinline *in)
{
    free(in->text.data);
    t2x_vf_facts_free(&in->facts);
    t2x_vf_resset_free(&in->ctxs);
    t2x_vf_resset_free(&in->units);
    free(in->schema_ref);
    t2x_vf_spans_free(&in->untagged);
    t2x_vf_spans_free(&in->blocks);
    memset(in, 0, sizeof *in);
}
