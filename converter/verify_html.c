/*
 * verify_html.c — the verifier's own reading of an HTML document of the source (docs/inline.md
 * "HTML filings"): its text under the documented normalisation, to compare with the text of the
 * inline document's XHTML copy. The bytes are parsed with libxml2's HTML parser (no network, no
 * entities loaded, ISO-8859-1 so each code point is one byte or one character reference); the
 * table reader is not involved.
 */
#include "verify_html.h"
#include "util.h"

#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>

void t2x_vf_norm_add(t2x_buf *out, const unsigned char *text, int *space)
{
    const unsigned char *p = text;
    while (p && *p) {
        unsigned c = *p, cp;
        int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        int k = 1;
        for (; k < n && (p[k] & 0xC0) == 0x80; k++) cp = (cp << 6) | (p[k] & 0x3F);
        if (k < n || (n == 1 && c >= 0x80)) cp = 0xFFFD;
        p += k;
        if (cp >= 0x80 && cp < 0xA0 && t2x_cp1252_char((unsigned char)cp)) cp = t2x_cp1252_char((unsigned char)cp);
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
            *space = out->len > 0;
            continue;
        }
        if (cp < 0x20 || (cp >= 0xD800 && cp < 0xE000) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF) cp = 0xFFFD;
        if (*space) t2x_buf_putc(out, ' ');
        *space = 0;
        t2x_buf_put_utf8(out, cp);
    }
}

/* Elements as the tree builder makes them, without their attributes (the text is all verify
 * reads; half the tree's memory is attributes). */
static void start_bare(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    (void)atts;
    xmlSAX2StartElement(ctx, name, NULL);
}

/* htmlReadMemory(data, len, NULL, "ISO-8859-1", options) step by step (libxml2 2.9: the same
 * context, handlers and calls), the element handler building elements without attributes.
 * The parser sees the same markup and takes the same decisions: what it reads of the tree it
 * builds (the open element, its last child) is names and text, not attributes. */
static htmlDocPtr read_bare(const unsigned char *data, size_t len)
{
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt((const char *)data, (int)len);
    if (!ctxt) return NULL;
    htmlDefaultSAXHandlerInit();
    if (ctxt->sax) {
        memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
        ctxt->sax->startElement = start_bare;
    }
    htmlCtxtUseOptions(ctxt, HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
    ctxt->html = 1;
    xmlCharEncodingHandlerPtr hdlr = xmlFindCharEncodingHandler("ISO-8859-1");
    if (hdlr) {
        xmlSwitchToEncoding(ctxt, hdlr);
        if (ctxt->input->encoding) xmlFree((xmlChar *)ctxt->input->encoding);
        ctxt->input->encoding = xmlStrdup(BAD_CAST "ISO-8859-1");
    }
    htmlParseDocument(ctxt);
    htmlDocPtr doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    if (ctxt->dictNames && doc && doc->dict == ctxt->dict) ctxt->dict = NULL;
    xmlFreeParserCtxt(ctxt);
    return doc;
}

int t2x_vf_html_text(const unsigned char *data, size_t len, t2x_buf *out)
{
    static const char *const skipped[] = {"head", "script", "style", "title", "noscript", "object", NULL};
    if (len > (size_t)1 << 30) return -1;
    htmlDocPtr doc = read_bare(data, len);
    if (!doc) return -1;
    int space = 0;
    xmlNodePtr n = doc->children;
    while (n) {
        int down = 0;
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            t2x_vf_norm_add(out, n->content, &space);
        } else if (n->type == XML_ELEMENT_NODE) {
            int skip = 0;
            for (const char *const *s = skipped; *s && !skip; s++) skip = n->name && strcasecmp((const char *)n->name, *s) == 0;
            down = !skip && n->children;
        }
        if (down) {
            n = n->children;
            continue;
        }
        while (n && !n->next) n = n->parent && n->parent != (xmlNodePtr)doc ? n->parent : NULL;
        if (n) n = n->next;
    }
    xmlFreeDoc(doc);
    return 0;
}
