/*
 * util.c — allocation that aborts on out-of-memory (the library's one allocation policy, see
 * txt2xbrl.h), growable buffers, Windows-1252 → UTF-8, atomic file writes.
 */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void oom(size_t n)
{
    fprintf(stderr, "txt2xbrl: out of memory (%zu bytes)\n", n);
    abort();
}

void *t2x_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) oom(n);
    return p;
}

void *t2x_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) oom(n * size);
    return p;
}

void *t2x_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) oom(n);
    return q;
}

char *t2x_xstrdup(const char *s)
{
    return t2x_xstrndup(s, strlen(s));
}

char *t2x_xstrndup(const char *s, size_t n)
{
    char *p = t2x_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *t2x_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    char *p = t2x_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void *t2x_grow(void *p, size_t *cap, size_t need, size_t elt)
{
    if (need <= *cap) return p;
    size_t c = *cap ? *cap : 8;
    while (c < need) c *= 2;
    p = t2x_xrealloc(p, c * elt);
    *cap = c;
    return p;
}

void t2x_buf_add(t2x_buf *b, const char *s, size_t n)
{
    b->data = t2x_grow(b->data, &b->cap, b->len + n + 1, 1);
    if (n) memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void t2x_buf_puts(t2x_buf *b, const char *s) { t2x_buf_add(b, s, strlen(s)); }

void t2x_buf_putc(t2x_buf *b, char c) { t2x_buf_add(b, &c, 1); }

void t2x_buf_printf(t2x_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0) return;
    b->data = t2x_grow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* Unicode code points of Windows-1252 bytes 0x80..0x9F (0 = undefined). */
static const unsigned short cp1252_hi[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

unsigned t2x_cp1252_char(unsigned char c)
{
    return c >= 0x80 && c < 0xA0 ? cp1252_hi[c - 0x80] : c;
}

void t2x_buf_put_utf8(t2x_buf *b, unsigned cp)
{
    if (cp < 0x80) {
        t2x_buf_putc(b, (char)cp);
    } else if (cp < 0x800) {
        char u[2] = {(char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F))};
        t2x_buf_add(b, u, 2);
    } else if (cp < 0x10000) {
        char u[3] = {(char)(0xE0 | (cp >> 12)), (char)(0x80 | ((cp >> 6) & 0x3F)),
                     (char)(0x80 | (cp & 0x3F))};
        t2x_buf_add(b, u, 3);
    } else {
        char u[4] = {(char)(0xF0 | (cp >> 18)), (char)(0x80 | ((cp >> 12) & 0x3F)),
                     (char)(0x80 | ((cp >> 6) & 0x3F)), (char)(0x80 | (cp & 0x3F))};
        t2x_buf_add(b, u, 4);
    }
}

void t2x_buf_add_cp1252(t2x_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        unsigned cp = t2x_cp1252_char((unsigned char)c);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) cp = ' ';
        else if (!cp) cp = '?'; /* undefined in Windows-1252 */
        t2x_buf_put_utf8(b, cp);
    }
}

/* Length of a well-formed UTF-8 sequence at p (2 to 4 bytes) of a character XML allows, else 0. */
static size_t utf8_xml_char(const unsigned char *p)
{
    unsigned cp;
    size_t n;
    if (p[0] >= 0xC2 && p[0] <= 0xDF) cp = p[0] & 0x1Fu, n = 2;
    else if (p[0] >= 0xE0 && p[0] <= 0xEF) cp = p[0] & 0x0Fu, n = 3;
    else if (p[0] >= 0xF0 && p[0] <= 0xF4) cp = p[0] & 0x07u, n = 4;
    else return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0; /* also stops at the NUL */
        cp = cp << 6 | (p[i] & 0x3Fu);
    }
    static const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF) return 0;
    return n;
}

void t2x_buf_add_name(t2x_buf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = *p >= 0x80 ? utf8_xml_char(p) : 0;
        if (n) t2x_buf_add(b, (const char *)p, n);
        else t2x_buf_add_cp1252(b, (const char *)p, 1);
        p += n ? n : 1;
    }
}

void t2x_buf_json_str(t2x_buf *b, const char *s)
{
    t2x_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\') {
            t2x_buf_putc(b, '\\');
            t2x_buf_putc(b, (char)*p);
        } else if (*p < 0x20) {
            t2x_buf_printf(b, "\\u%04x", *p);
        } else {
            t2x_buf_putc(b, (char)*p);
        }
    }
    t2x_buf_putc(b, '"');
}

char *t2x_trim(char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
        s[--n] = '\0';
    size_t i = 0;
    while (s[i] == ' ' || s[i] == '\t') i++;
    if (i) memmove(s, s + i, n - i + 1);
    return s;
}

int t2x_starts_with_ci(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        int a = (unsigned char)*s, b = (unsigned char)*prefix;
        if (a >= 'A' && a <= 'Z') a += 32;
        if (b >= 'A' && b <= 'Z') b += 32;
        if (a != b) return 0;
    }
    return 1;
}

int t2x_write_file_atomic(const char *path, const char *data, size_t len)
{
    char *tmp = t2x_xasprintf("%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666); /* never through a link */
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w < 0) {
            if (errno == EINTR) continue;
            int e = errno;
            close(fd);
            unlink(tmp);
            free(tmp);
            errno = e;
            return -1;
        }
        off += (size_t)w;
    }
    if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        errno = e;
        return -1;
    }
    if (close(fd) != 0 || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        free(tmp);
        errno = e;
        return -1;
    }
    free(tmp);
    return 0;
}

int t2x_mkdir_p(const char *path)
{
    char *p = t2x_xstrdup(path);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++) {
        if (p[i] == '/' || p[i] == '\0') {
            char c = p[i];
            p[i] = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            p[i] = c;
        }
    }
    free(p);
    struct stat st;
    return (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) ? 0 : -1;
}

int t2x_file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}
