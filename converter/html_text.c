/*
 * html_text.c — the characters of an HTML text node tied back to the source bytes (html.h): the
 * parser's text matched against the document's bytes, character references and markup skipped,
 * each character displayed as the text reader reads it, with its source span.
 */
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- text → source spans */

/* End of the markup (tag, comment, declaration) starting at p, or 0 when '<' is text. */
size_t t2x_html_markup_end(const unsigned char *s, size_t p, size_t end)
{
    if (p + 1 >= end) return 0;
    unsigned char n = s[p + 1];
    if (n == '!' && p + 3 < end && s[p + 2] == '-' && s[p + 3] == '-') {
        for (size_t q = p + 4; q + 2 < end; q++)
            if (s[q] == '-' && s[q + 1] == '-' && s[q + 2] == '>') return q + 3;
        return end;
    }
    if (!(isalpha(n) || n == '/' || n == '!' || n == '?')) return 0;
    char quote = 0;
    for (size_t q = p + 1; q < end; q++) {
        if (quote) {
            if (s[q] == quote) quote = 0;
            else if (q - p > 4096) quote = 0; /* an unbalanced quote: stop honouring it */
            continue;
        }
        if (s[q] == '"' || s[q] == '\'') {
            if (s[q - 1] == '=' || s[q - 1] == ' ') quote = (char)s[q];
            continue;
        }
        if (s[q] == '>') return q + 1;
    }
    return end;
}

/* A character reference or named entity at p: its code point and end, or 0. */
static size_t entity_at(const unsigned char *s, size_t p, size_t end, unsigned *cp)
{
    size_t q = p + 1;
    if (q < end && s[q] == '#') {
        q++;
        int hex = q < end && (s[q] == 'x' || s[q] == 'X');
        if (hex) q++;
        unsigned long v = 0;
        size_t d0 = q;
        while (q < end && (hex ? isxdigit(s[q]) : isdigit(s[q])) && q - d0 < 8) {
            v = v * (hex ? 16 : 10) + (unsigned long)(isdigit(s[q]) ? s[q] - '0' : (tolower(s[q]) - 'a' + 10));
            q++;
        }
        if (q == d0) return 0;
        if (q < end && s[q] == ';') q++;
        *cp = (unsigned)v;
        return q;
    }
    char name[32];
    size_t k = 0;
    while (q < end && isalnum(s[q]) && k + 1 < sizeof name) name[k++] = (char)s[q++];
    name[k] = '\0';
    if (!k || q >= end || s[q] != ';') return 0;
    const htmlEntityDesc *e = htmlEntityLookup(BAD_CAST name);
    if (!e) return 0;
    *cp = e->value;
    return q + 1;
}

/* Find the source bytes of code point cp from the cursor on (markup skipped). */
static int match(t2x_hctx *c, unsigned cp, size_t *off, size_t *end)
{
    const unsigned char *s = c->src;
    size_t p = c->pos, skipped = 0;
    while (p < c->end && skipped < 16384) {
        unsigned char b = s[p];
        if (b == '<') {
            size_t q = t2x_html_markup_end(s, p, c->end);
            if (q) {
                p = q;
                continue;
            }
        }
        if (b == '&') {
            unsigned v = 0;
            size_t q = entity_at(s, p, c->end, &v);
            if (q && v == cp) {
                *off = p;
                *end = c->pos = q;
                return 1;
            }
        }
        if (cp == '\n' && b == '\r') {
            size_t q = p + 1;
            if (q < c->end && s[q] == '\n') q++;
            *off = p;
            *end = c->pos = q;
            return 1;
        }
        if (b == cp) {
            *off = p;
            *end = c->pos = p + 1;
            return 1;
        }
        p++;
        skipped++;
    }
    return 0;
}

/* The display character of a code point: ASCII, the Windows-1252 and Unicode quotes and dashes
 * as ASCII, a no-break space as \x01 (kept by the flow), other characters as '?'. */
static char display(unsigned cp)
{
    if (cp == '\n' || cp == '\t' || cp == ' ') return (char)cp;
    if (cp == 0xA0) return '\x01';
    if (cp < 0x20 || cp == 0x7F) return ' ';
    if (cp < 0x7F) return (char)cp;
    if (cp == 0x91 || cp == 0x92 || cp == 0x2018 || cp == 0x2019) return '\'';
    if (cp == 0x93 || cp == 0x94 || cp == 0x201C || cp == 0x201D) return '"';
    if (cp == 0x96 || cp == 0x97 || cp == 0x2012 || cp == 0x2013 || cp == 0x2014 || cp == 0x2015 || cp == 0x2212)
        return '-';
    return '?';
}

unsigned t2x_html_utf8_next(const xmlChar **p)
{
    const xmlChar *s = *p;
    unsigned c = s[0];
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    unsigned cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *p = s + i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    *p = s + n;
    return cp;
}

void t2x_html_text(t2x_hctx *c, const xmlChar *text, t2x_hline *out)
{
    size_t start = out->n, save = c->pos;
    int lost = 0;
    for (const xmlChar *p = text; *p;) {
        unsigned cp = t2x_html_utf8_next(&p);
        size_t off = 0, end = 0;
        if (!lost && !match(c, cp, &off, &end)) {
            lost = 1;
            c->pos = save;
        }
        t2x_hline_add(out, display(cp), 0, lost ? T2X_HNONE : (uint32_t)off, lost ? T2X_HNONE : (uint32_t)end);
    }
    if (lost) /* text not found in the source: never a printed number with a wrong span */
        for (size_t i = start; i < out->n; i++) {
            out->v[i].off = out->v[i].end = T2X_HNONE;
            if (isdigit((unsigned char)out->v[i].c)) out->v[i].c = '?';
        }
}
