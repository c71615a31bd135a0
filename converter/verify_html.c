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

int t2x_vf_html_text(const unsigned char *data, size_t len, t2x_buf *out)
{
    static const char *const skipped[] = {"head", "script", "style", "title", "noscript", "object", NULL};
    if (len > (size_t)1 << 30) return -1;
    htmlDocPtr doc = htmlReadMemory((const char *)data, (int)len, NULL, "ISO-8859-1",
                                    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT);
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
