/*
 * jsonl.c — JSON writing and checking for the batch manifest (jsonl.h): a recursive-descent
 * recogniser of RFC 8259 (depth-limited), and member lookup on top of it.
 */
#include "jsonl.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- buffer */

static void grow(t2x_jbuf *b, size_t need)
{
    if (b->len + need + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + need + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        fputs("txt2xbrl: out of memory\n", stderr);
        abort();
    }
    b->data = p;
    b->cap = cap;
}

void t2x_jbuf_add(t2x_jbuf *b, const char *s, size_t n)
{
    grow(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void t2x_jbuf_puts(t2x_jbuf *b, const char *s) { t2x_jbuf_add(b, s, strlen(s)); }

void t2x_jbuf_printf(t2x_jbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 when invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    size_t k;
    unsigned min;
    if (p[0] < 0x80) return 1;
    if ((p[0] & 0xE0) == 0xC0) { k = 2; min = 0x80; }
    else if ((p[0] & 0xF0) == 0xE0) { k = 3; min = 0x800; }
    else if ((p[0] & 0xF8) == 0xF0) { k = 4; min = 0x10000; }
    else return 0;
    if (k > n) return 0;
    unsigned cp = p[0] & (0xFF >> (k + 1));
    for (size_t i = 1; i < k; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return k;
}

void t2x_jbuf_str(t2x_jbuf *b, const char *s)
{
    if (!s) {
        t2x_jbuf_puts(b, "null");
        return;
    }
    const unsigned char *p = (const unsigned char *)s;
    size_t n = strlen(s);
    t2x_jbuf_add(b, "\"", 1);
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            t2x_jbuf_add(b, e, 2);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            t2x_jbuf_printf(b, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            t2x_jbuf_add(b, (const char *)p + i, 1);
            i++;
        } else {
            size_t k = utf8_len(p + i, n - i);
            if (k) {
                t2x_jbuf_add(b, (const char *)p + i, k);
                i += k;
            } else {
                t2x_jbuf_printf(b, "\\u%04x", c);
                i++;
            }
        }
    }
    t2x_jbuf_add(b, "\"", 1);
}

/* ---------------------------------------------------------------- recogniser */

typedef struct cursor {
    const char *p, *end;
    int depth;
} cursor;

static void ws(cursor *c)
{
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\n' || *c->p == '\r')) c->p++;
}

static int lit(cursor *c, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, w, n) != 0) return 0;
    c->p += n;
    return 1;
}

static int hex(char ch)
{
    return (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

static int string(cursor *c)
{
    if (c->p >= c->end || *c->p != '"') return 0;
    c->p++;
    while (c->p < c->end) {
        unsigned char ch = (unsigned char)*c->p;
        if (ch == '"') {
            c->p++;
            return 1;
        }
        if (ch < 0x20) return 0;
        if (ch == '\\') {
            if (c->end - c->p < 2) return 0;
            char e = c->p[1];
            if (e == 'u') {
                if (c->end - c->p < 6) return 0;
                for (int i = 2; i < 6; i++)
                    if (!hex(c->p[i])) return 0;
                c->p += 6;
            } else if (strchr("\"\\/bfnrt", e) && e) {
                c->p += 2;
            } else {
                return 0;
            }
        } else if (ch >= 0x80) {
            size_t k = utf8_len((const unsigned char *)c->p, (size_t)(c->end - c->p));
            if (!k) return 0;
            c->p += k;
        } else {
            c->p++;
        }
    }
    return 0;
}

static int digits(cursor *c)
{
    const char *s = c->p;
    while (c->p < c->end && *c->p >= '0' && *c->p <= '9') c->p++;
    return c->p > s;
}

static int number(cursor *c)
{
    if (c->p < c->end && *c->p == '-') c->p++;
    if (c->p < c->end && *c->p == '0') c->p++;
    else if (!digits(c)) return 0;
    if (c->p < c->end && *c->p == '.') {
        c->p++;
        if (!digits(c)) return 0;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-')) c->p++;
        if (!digits(c)) return 0;
    }
    return 1;
}

static int value(cursor *c);

static int container(cursor *c, char open, char close, int object)
{
    if (++c->depth > 64) return 0;
    c->p++; /* open */
    (void)open;
    ws(c);
    if (c->p < c->end && *c->p == close) {
        c->p++;
        c->depth--;
        return 1;
    }
    for (;;) {
        ws(c);
        if (object) {
            if (!string(c)) return 0;
            ws(c);
            if (c->p >= c->end || *c->p != ':') return 0;
            c->p++;
            ws(c);
        }
        if (!value(c)) return 0;
        ws(c);
        if (c->p >= c->end) return 0;
        if (*c->p == ',') {
            c->p++;
            continue;
        }
        if (*c->p == close) {
            c->p++;
            c->depth--;
            return 1;
        }
        return 0;
    }
}

static int value(cursor *c)
{
    if (c->p >= c->end) return 0;
    switch (*c->p) {
    case '{': return container(c, '{', '}', 1);
    case '[': return container(c, '[', ']', 0);
    case '"': return string(c);
    case 't': return lit(c, "true");
    case 'f': return lit(c, "false");
    case 'n': return lit(c, "null");
    default: return number(c);
    }
}

int t2x_json_valid(const char *s, size_t n)
{
    cursor c = {s, s + n, 0};
    ws(&c);
    if (!value(&c)) return 0;
    ws(&c);
    return c.p == c.end;
}

int t2x_json_member(const char *s, size_t n, const char *key, const char **v, size_t *vlen)
{
    if (!t2x_json_valid(s, n)) return 0;
    cursor c = {s, s + n, 0};
    ws(&c);
    if (c.p >= c.end || *c.p != '{') return 0;
    c.p++;
    size_t klen = strlen(key);
    for (;;) {
        ws(&c);
        if (c.p >= c.end || *c.p == '}') return 0;
        const char *ks = c.p;
        if (!string(&c)) return 0;
        /* keys are compared as written: the manifest's keys have no escapes */
        int match = (size_t)(c.p - ks) == klen + 2 && memcmp(ks + 1, key, klen) == 0;
        ws(&c);
        c.p++; /* ':' (checked by t2x_json_valid) */
        ws(&c);
        const char *vs = c.p;
        if (!value(&c)) return 0;
        if (match) {
            *v = vs;
            *vlen = (size_t)(c.p - vs);
            return 1;
        }
        ws(&c);
        if (c.p < c.end && *c.p == ',') c.p++;
    }
}
