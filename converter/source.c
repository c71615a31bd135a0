/*
 * source.c — read and decode the input (source.h): gzip via zlib (multi-member, truncation
 * detected), then the text checks that give bad input a clear one-line reason.
 */
#include "source.h"
#include "sha256.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

static t2x_status too_large(const char *name, t2x_diag *diag, const char *what)
{
    t2x_diag_add(diag, T2X_ERROR, name, 0, "bad-input", "%s is larger than %zu MB", what, T2X_SOURCE_MAX >> 20);
    return T2X_ERR_INPUT;
}

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i]) return 0;
    return 1;
}

/* UTF-16 text: a byte-order mark, or every other byte NUL in its first lines. */
static int looks_utf16(const unsigned char *p, size_t n)
{
    if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) return 1;
    size_t look = n < 512 ? n & ~(size_t)1 : 512, even = 0, odd = 0;
    for (size_t i = 0; i < look; i += 2) {
        even += p[i] == 0;
        odd += p[i + 1] == 0;
    }
    size_t half = look / 2; /* one byte of each pair NUL (ASCII in UTF-16), the other not */
    return look >= 8 && ((even * 10 >= half * 9 && odd * 10 <= half) || (odd * 10 >= half * 9 && even * 10 <= half));
}

static t2x_status inflate_gzip(const unsigned char *in, size_t inlen, const char *name,
                               unsigned char **out, size_t *outlen, t2x_diag *diag)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, 15 + 32) != Z_OK) {
        t2x_diag_add(diag, T2X_ERROR, name, 0, "bad-input", "cannot initialise zlib");
        return T2X_ERR_INTERNAL;
    }
    size_t cap = inlen < T2X_SOURCE_MAX / 8 ? inlen * 4 + 4096 : T2X_SOURCE_MAX + 1, len = 0;
    unsigned char *buf = t2x_xmalloc(cap + 1);
    zs.next_in = (unsigned char *)in;
    zs.avail_in = (uInt)inlen;
    int rc = Z_OK;
    for (;;) {
        if (len == cap) {
            if (cap >= T2X_SOURCE_MAX + 1) { /* refused on reading one byte past the limit */
                inflateEnd(&zs);
                free(buf);
                return too_large(name, diag, "decompressed input");
            }
            cap = cap * 2 < T2X_SOURCE_MAX + 1 ? cap * 2 : T2X_SOURCE_MAX + 1;
            buf = t2x_xrealloc(buf, cap + 1);
        }
        zs.next_out = buf + len;
        zs.avail_out = (uInt)(cap - len);
        rc = inflate(&zs, Z_NO_FLUSH);
        len = cap - zs.avail_out;
        if (rc == Z_STREAM_END) {
            if (zs.avail_in == 0 || all_zero(zs.next_in, zs.avail_in)) break; /* tape/block padding */
            /* another gzip member follows */
            if (inflateReset(&zs) != Z_OK) break;
            continue;
        }
        if (rc == Z_BUF_ERROR && zs.avail_in == 0) break; /* input ended mid-stream */
        if (rc != Z_OK) break;
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END && len > T2X_SOURCE_MAX) {
        free(buf);
        return too_large(name, diag, "decompressed input");
    }
    if (rc != Z_STREAM_END) {
        free(buf);
        t2x_diag_add(diag, T2X_ERROR, name, 0, "bad-input", "truncated or corrupt gzip data (%s)",
                     zs.msg ? zs.msg : "unexpected end of stream");
        return T2X_ERR_INPUT;
    }
    buf[len] = '\0';
    *out = buf;
    *outlen = len;
    return T2X_OK;
}

/* Text check: share of bytes that no text file has (NUL and most C0 controls). */
static int looks_binary(const unsigned char *p, size_t n)
{
    size_t bad = 0, look = n < 65536 ? n : 65536;
    for (size_t i = 0; i < look; i++) {
        unsigned c = p[i];
        if (c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A &&
                       c != 0x08 && c != 0x0B))
            bad++;
    }
    return look && bad * 100 > look; /* more than 1% */
}

t2x_status t2x_source_from_bytes(const unsigned char *bytes, size_t len, const char *name,
                                 t2x_source *src, t2x_diag *diag)
{
    memset(src, 0, sizeof *src);
    src->name = t2x_xstrdup(name ? name : "-");
    if (len == 0) {
        t2x_diag_add(diag, T2X_ERROR, src->name, 0, "bad-input", "empty input");
        return T2X_ERR_INPUT;
    }
    if (len >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b) {
        t2x_status st = inflate_gzip(bytes, len, src->name, &src->data, &src->len, diag);
        if (st != T2X_OK) return st;
        src->was_gzip = 1;
        if (src->len == 0) {
            t2x_diag_add(diag, T2X_ERROR, src->name, 0, "bad-input", "empty input (after gunzip)");
            return T2X_ERR_INPUT;
        }
    } else {
        if (len > T2X_SOURCE_MAX) return too_large(src->name, diag, "input");
        src->data = t2x_xmalloc(len + 1);
        memcpy(src->data, bytes, len);
        src->data[len] = '\0';
        src->len = len;
    }
    if (looks_utf16(src->data, src->len)) {
        t2x_diag_add(diag, T2X_ERROR, src->name, 0, "bad-input",
                     "UTF-16 text is not supported: convert the filing to ASCII or Windows-1252 first "
                     "(iconv -f UTF-16 -t WINDOWS-1252)");
        return T2X_ERR_INPUT;
    }
    if (looks_binary(src->data, src->len)) {
        t2x_diag_add(diag, T2X_ERROR, src->name, 0, "bad-input",
                     "binary data, not a text filing");
        return T2X_ERR_INPUT;
    }
    t2x_sha256_hex(src->data, src->len, src->sha256);
    return T2X_OK;
}

t2x_status t2x_source_read(const char *path, t2x_source *src, t2x_diag *diag)
{
    memset(src, 0, sizeof *src);
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        src->name = t2x_xstrdup(path);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "bad-input", "cannot open: %s", strerror(errno));
        return T2X_ERR_INPUT;
    }
    struct stat st0;
    if (!is_stdin && fstat(fileno(f), &st0) == 0 && S_ISDIR(st0.st_mode)) {
        fclose(f);
        src->name = t2x_xstrdup(path);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "bad-input",
                     "is a directory, not a filing (`txt2xbrl batch` converts the filings in a directory)");
        return T2X_ERR_INPUT;
    }
    size_t cap = 1 << 16, len = 0;
    unsigned char *buf = t2x_xmalloc(cap);
    for (;;) {
        if (len == cap) {
            if (cap > T2X_SOURCE_MAX + 1) {
                if (!is_stdin) fclose(f);
                free(buf);
                src->name = t2x_xstrdup(path);
                return too_large(path, diag, "input");
            }
            cap = cap * 2 < T2X_SOURCE_MAX + 2 ? cap * 2 : T2X_SOURCE_MAX + 2; /* the limit + 1 byte read at most */
            buf = t2x_xrealloc(buf, cap);
        }
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (n == 0) break;
    }
    int err = ferror(f) ? errno : 0;
    if (!is_stdin) fclose(f);
    if (err) {
        free(buf);
        src->name = t2x_xstrdup(path);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "bad-input", "read error: %s", strerror(err));
        return T2X_ERR_INPUT;
    }
    t2x_status st = t2x_source_from_bytes(buf, len, path, src, diag);
    free(buf);
    return st;
}

void t2x_source_free(t2x_source *src)
{
    if (!src) return;
    free(src->data);
    free(src->name);
    memset(src, 0, sizeof *src);
}
