/*
 * jsonl.h — the little JSON the batch manifest needs (README "Batch", manifest.jsonl): writing
 * strings escaped per RFC 8259, checking that a line is one complete JSON value, and reading
 * a top-level member of an object as written. Command-line side (no library internals).
 */
#ifndef T2X_JSONL_H
#define T2X_JSONL_H

#include <stddef.h>

/* A growable NUL-terminated byte buffer. Zero-initialise; free(b.data) when done.
 * Out-of-memory aborts (as the library's allocation policy). */
typedef struct t2x_jbuf {
    char *data;
    size_t len, cap;
} t2x_jbuf;

void t2x_jbuf_add(t2x_jbuf *b, const char *s, size_t n);
void t2x_jbuf_puts(t2x_jbuf *b, const char *s);
void t2x_jbuf_printf(t2x_jbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Append `s` as a JSON string with its quotes; NULL appends null. Bytes that are not valid
 * UTF-8 are written as \u00XX (their Latin-1 reading), so any file name gives valid JSON. */
void t2x_jbuf_str(t2x_jbuf *b, const char *s);

/* Is s[0..n) exactly one JSON value, with only white space around it? */
int t2x_json_valid(const char *s, size_t n);

/* Find the top-level member `key` of the JSON object s[0..n). On success return 1 and point
 * *v at the member's value as written (a string keeps its quotes and escapes), *vlen its
 * length. 0 when s is not a valid object or has no such member. OUT: *v, *vlen */
int t2x_json_member(const char *s, size_t n, const char *key, const char **v, size_t *vlen);

#endif
