/*
 * inline_doc.c — the inline document STEM.htm (inline_doc.h, docs/inline.md): templates/
 * inline.xsl over the model with its source section (textmodel.c) renders the page — header,
 * text blocks, and for each HTML document of the filing a div.t2x-html holding processing
 * instructions and the wrappers of its printed numbers — and the XHTML of each HTML document
 * (html_xhtml.c) is put into its div here, each wrapper in place of the mark where its number
 * is printed. So the stylesheet never reads the filing's markup (tens of thousands of elements)
 * and the XHTML is written once, as text.
 */
#include "inline_doc.h"
#include "html.h"
#include "render.h"
#include "textmodel.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define PI_HTML "<?t2x-html?>"
#define PI_SEG "<?t2x-seg?>"
#define PI_END "<?t2x-end?>"

static int at(const char *p, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(e - p) >= n && memcmp(p, lit, n) == 0;
}

static const char *find(const char *p, const char *e, const char *lit)
{
    size_t n = strlen(lit);
    for (; (size_t)(e - p) >= n; p++) {
        p = memchr(p, lit[0], (size_t)(e - p) - n + 1);
        if (!p) return NULL;
        if (memcmp(p, lit, n) == 0) return p;
    }
    return NULL;
}

/* Where the root element starts: after the XML declaration and the processing instructions
 * and comments before it (a comment there may quote a file name: no instruction is looked
 * for inside). */
static const char *root_start(const char *p, const char *e)
{
    for (;;) {
        while (p < e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) p++;
        const char *q = at(p, e, "<?") ? find(p + 2, e, "?>") : at(p, e, "<!--") ? find(p + 4, e, "-->") : NULL;
        if (!q) return p;
        p = q + (p[1] == '?' ? 2 : 3);
    }
}

/* Put xhtml->v[k] into the k-th div.t2x-html of the rendered page: 0, or -1 when the page
 * and the XHTML do not match (a bug). */
static int splice(const char *page, size_t len, const t2x_xhtml *xhtml, t2x_buf *out)
{
    const char *p = page, *e = page + len;
    const char *r = root_start(p, e);
    t2x_buf_add(out, p, (size_t)(r - p));
    p = r;
    for (size_t k = 0; k < xhtml->n; k++) {
        const char *h = find(p, e, PI_HTML);
        if (!h) return -1;
        t2x_buf_add(out, p, (size_t)(h - p));
        p = h + strlen(PI_HTML);
        const char *x = xhtml->v[k].data, *xe = x + xhtml->v[k].len;
        while (x && x < xe) {
            const char *m = memchr(x, T2X_XHTML_MARK, (size_t)(xe - x));
            t2x_buf_add(out, x, (size_t)((m ? m : xe) - x));
            if (!m) break;
            if (!at(p, e, PI_SEG)) return -1;
            p += strlen(PI_SEG);
            const char *w = find(p, e, "<?t2x-");
            if (!w) return -1;
            t2x_buf_add(out, p, (size_t)(w - p));
            p = w;
            x = m + 1;
        }
        if (!at(p, e, PI_END)) return -1;
        p += strlen(PI_END);
    }
    if (find(p, e, "<?t2x-")) return -1;
    t2x_buf_add(out, p, (size_t)(e - p));
    return 0;
}

t2x_status t2x_inline_render(const t2x_filing *f, const char *data_dir, char **out, size_t *len, t2x_diag *diag)
{
    *out = NULL;
    *len = 0;
    xmlDocPtr withsrc = NULL;
    t2x_xhtml xhtml = {0};
    t2x_status st = t2x_model_with_source(f, &withsrc, &xhtml, diag);
    char *page = NULL;
    size_t plen = 0;
    if (st == T2X_OK) st = t2x_render(withsrc, data_dir, "inline.xsl", NULL, &page, &plen, diag);
    if (withsrc) xmlFreeDoc(withsrc);
    if (st == T2X_OK && !xhtml.n) { /* a text filing: the page is the document */
        *out = page;
        *len = plen;
        page = NULL;
    } else if (st == T2X_OK) {
        t2x_buf b = {0};
        t2x_buf_puts(&b, "");
        if (splice(page, plen, &xhtml, &b) != 0) {
            t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "internal",
                         "the inline document's HTML blocks do not match what inline.xsl rendered for them");
            free(b.data);
            st = T2X_ERR_INTERNAL;
        } else {
            *out = b.data;
            *len = b.len;
        }
    }
    free(page);
    t2x_xhtml_free(&xhtml);
    return st;
}
