/*
 * util.h — internal helpers: allocation that aborts on out-of-memory, a growable byte
 * buffer, small string helpers. Not installed.
 */
#ifndef T2X_UTIL_H
#define T2X_UTIL_H

#include <stddef.h>
#include <stdarg.h>

/* Allocate or abort. Never return NULL. */
void *t2x_xmalloc(size_t n);
void *t2x_xcalloc(size_t n, size_t size);
void *t2x_xrealloc(void *p, size_t n);
char *t2x_xstrdup(const char *s);
char *t2x_xstrndup(const char *s, size_t n);
char *t2x_xasprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Grow an array `p` of `*cap` elements of size `elt` so that it holds at least `need`. */
void *t2x_grow(void *p, size_t *cap, size_t need, size_t elt);

/* A growable NUL-terminated byte buffer. Zero-initialise; free(b.data) when done. */
typedef struct t2x_buf {
    char *data;
    size_t len, cap;
} t2x_buf;

void t2x_buf_add(t2x_buf *b, const char *s, size_t n);
void t2x_buf_puts(t2x_buf *b, const char *s);
void t2x_buf_putc(t2x_buf *b, char c);
void t2x_buf_printf(t2x_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The Unicode code point of a Windows-1252 byte: the byte itself outside 0x80..0x9F, 0 for the
 * five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
unsigned t2x_cp1252_char(unsigned char c);

/* Append a code point of the Basic Multilingual Plane (below 0x10000) as UTF-8. */
void t2x_buf_put_utf8(t2x_buf *b, unsigned cp);

/* Append bytes decoded as Windows-1252 (the legacy EDGAR repertoire), encoded as UTF-8.
 * C0 controls other than TAB/LF/CR become U+FFFD-free spaces (XML cannot hold them). */
void t2x_buf_add_cp1252(t2x_buf *b, const char *s, size_t n);

/* Append a file name (bytes, as the system gives them) as valid UTF-8 that XML and JSON can
 * hold: well-formed UTF-8 of XML characters is kept, any other byte is read as Windows-1252
 * (Latin-1 0xE9 becomes "é"), control characters become spaces. */
void t2x_buf_add_name(t2x_buf *b, const char *s);

/* Append s as a JSON string literal (quotes, backslash escapes, \u00XX for controls). */
void t2x_buf_json_str(t2x_buf *b, const char *s);

/* Trim ASCII white space in place on both sides; return s. */
char *t2x_trim(char *s);

/* ASCII case-insensitive prefix test. */
int t2x_starts_with_ci(const char *s, const char *prefix);

/* Write `len` bytes to `path` atomically: a temporary file PATH.tmp.PID created with
 * O_EXCL|O_NOFOLLOW (an entry already there makes it fail), fsync, rename. Returns 0 on
 * success, -1 with errno set. Output sets use outset.h instead. */
int t2x_write_file_atomic(const char *path, const char *data, size_t len);

/* Create a directory and its parents (mode 0777 & umask). 0 on success. */
int t2x_mkdir_p(const char *path);

/* Does the path name an existing file or directory? */
int t2x_file_exists(const char *path);

#endif
