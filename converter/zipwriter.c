/*
 * zipwriter.c — in-memory ZIP archives (see zipwriter.h), after PKWARE's APPNOTE.TXT 6.3.x:
 * section 4.3.7 (local file header), 4.3.12 (central directory header), 4.3.16 (end of
 * central directory record), 4.4 (fields). Method 8 (deflate, zlib raw stream, window 2^15)
 * or 0 (stored); CRC-32 from zlib. Little-endian fields are written byte by byte.
 */
#include "zipwriter.h"
#include "util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define SIG_LOCAL 0x04034b50u
#define SIG_CENTRAL 0x02014b50u
#define SIG_END 0x06054b50u
#define DOS_TIME 0u                          /* 00:00:00 */
#define DOS_DATE ((0u << 9) | (1u << 5) | 1u) /* 1980-01-01 */
#define MAX_ENTRIES 0xffffu
#define MAX_SIZE 0xffffffffu
#define MAX_NAME 0xffffu

/* One entry's central directory data. */
typedef struct zip_entry {
    char *name;          /* entry name, '/'-separated */
    uint32_t crc;        /* CRC-32 of the uncompressed bytes */
    uint32_t csize;      /* compressed size */
    uint32_t usize;      /* uncompressed size */
    uint16_t method;     /* 0 stored, 8 deflated */
    uint32_t offset;     /* offset of the local header */
    int dir;             /* a directory entry */
} zip_entry;

struct t2x_zip {
    t2x_buf out;         /* local headers and data so far */
    zip_entry *v;        /* entries in order */
    size_t n, cap;
    int failed;          /* a limit was exceeded: finish returns NULL */
};

static void put16(t2x_buf *b, unsigned v)
{
    char c[2] = {(char)(v & 0xff), (char)((v >> 8) & 0xff)};
    t2x_buf_add(b, c, 2);
}

static void put32(t2x_buf *b, uint32_t v)
{
    char c[4] = {(char)(v & 0xff), (char)((v >> 8) & 0xff), (char)((v >> 16) & 0xff),
                 (char)((v >> 24) & 0xff)};
    t2x_buf_add(b, c, 4);
}

t2x_zip *t2x_zip_new(void)
{
    t2x_zip *z = t2x_xcalloc(1, sizeof *z);
    t2x_buf_puts(&z->out, "");
    return z;
}

void t2x_zip_free(t2x_zip *z)
{
    if (!z) return;
    for (size_t i = 0; i < z->n; i++) free(z->v[i].name);
    free(z->v);
    free(z->out.data);
    free(z);
}

/* A relative '/'-separated path without empty, "." or ".." parts and without '\'. A trailing
 * '/' is required for directories and refused for files. */
static int valid_name(const char *name, int dir)
{
    size_t n = strlen(name);
    if (n == 0 || n > MAX_NAME || name[0] == '/' || strchr(name, '\\')) return 0;
    if ((name[n - 1] == '/') != (dir != 0)) return 0;
    const char *p = name;
    while (*p) {
        const char *e = strchr(p, '/');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len == 0 || (len == 1 && p[0] == '.') || (len == 2 && p[0] == '.' && p[1] == '.')) return 0;
        if (!e) break;
        p = e + 1;
    }
    return 1;
}

/* The general purpose flags: bit 11 (names in UTF-8) when the name is not plain ASCII. */
static unsigned name_flags(const char *name)
{
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p >= 0x80) return 1u << 11;
    return 0;
}

/* The fields the local header and the central directory share, from flags to sizes. */
static void put_entry_fields(t2x_buf *b, const zip_entry *e)
{
    put16(b, name_flags(e->name));
    put16(b, e->method);
    put16(b, DOS_TIME);
    put16(b, DOS_DATE);
    put32(b, e->crc);
    put32(b, e->csize);
    put32(b, e->usize);
}

static int add_entry(t2x_zip *z, const char *name, const void *data, size_t len, int dir)
{
    if (z->failed || !valid_name(name, dir) || z->n >= MAX_ENTRIES || len > MAX_SIZE ||
        z->out.len > MAX_SIZE)
        return -1;
    uLong crc = crc32(0L, Z_NULL, 0);
    unsigned char *packed = NULL;
    size_t plen = 0;
    uint16_t method = 0;
    if (!dir && len > 0) {
        /* len <= MAX_SIZE fits zlib's 32-bit uInt */
        crc = crc32(crc, (const Bytef *)data, (uInt)len);
        z_stream s;
        memset(&s, 0, sizeof s);
        if (deflateInit2(&s, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
        uLong bound = deflateBound(&s, (uLong)len);
        packed = t2x_xmalloc(bound);
        s.next_in = (Bytef *)(uintptr_t)data;
        s.avail_in = (uInt)len;
        s.next_out = packed;
        s.avail_out = (uInt)bound;
        int rc = deflate(&s, Z_FINISH);
        plen = (size_t)s.total_out;
        deflateEnd(&s);
        if (rc != Z_STREAM_END) {
            free(packed);
            return -1;
        }
        if (plen < len) method = 8;
    }
    const void *body = method == 8 ? (const void *)packed : data;
    size_t blen = dir ? 0 : (method == 8 ? plen : len);
    size_t nlen = strlen(name);
    if (z->out.len + 30 + nlen + blen > MAX_SIZE) {
        free(packed);
        z->failed = 1;
        return -1;
    }
    z->v = t2x_grow(z->v, &z->cap, z->n + 1, sizeof *z->v);
    zip_entry *e = &z->v[z->n++];
    e->name = t2x_xstrdup(name);
    e->crc = (uint32_t)crc;
    e->csize = (uint32_t)blen;
    e->usize = dir ? 0 : (uint32_t)len;
    e->method = method;
    e->offset = (uint32_t)z->out.len;
    e->dir = dir;

    t2x_buf *b = &z->out;
    put32(b, SIG_LOCAL);
    put16(b, 20);                 /* version needed: 2.0 (deflate, directories) */
    put_entry_fields(b, e);
    put16(b, (unsigned)nlen);
    put16(b, 0);                  /* no extra field */
    t2x_buf_add(b, name, nlen);
    if (blen) t2x_buf_add(b, body, blen);
    free(packed);
    return 0;
}

int t2x_zip_add_dir(t2x_zip *z, const char *name)
{
    return add_entry(z, name, NULL, 0, 1);
}

int t2x_zip_add(t2x_zip *z, const char *name, const void *data, size_t len)
{
    return add_entry(z, name, data ? data : "", data ? len : 0, 0);
}

char *t2x_zip_finish(t2x_zip *z, size_t *len)
{
    *len = 0;
    if (z->failed) {
        t2x_zip_free(z);
        return NULL;
    }
    t2x_buf *b = &z->out;
    size_t cd_start = b->len;
    for (size_t i = 0; i < z->n; i++) {
        const zip_entry *e = &z->v[i];
        size_t nlen = strlen(e->name);
        put32(b, SIG_CENTRAL);
        put16(b, (3u << 8) | 20);   /* made by: Unix, 2.0 */
        put16(b, 20);
        put_entry_fields(b, e);
        put16(b, (unsigned)nlen);
        put16(b, 0);                /* extra */
        put16(b, 0);                /* comment */
        put16(b, 0);                /* disk number start */
        put16(b, 0);                /* internal attributes */
        /* external attributes: Unix mode in the high half, MS-DOS directory bit */
        put32(b, e->dir ? ((uint32_t)0040755 << 16) | 0x10u : (uint32_t)0100644 << 16);
        put32(b, e->offset);
        t2x_buf_add(b, e->name, nlen);
    }
    size_t cd_size = b->len - cd_start;
    if (cd_start > MAX_SIZE || cd_size > MAX_SIZE) {
        t2x_zip_free(z);
        return NULL;
    }
    put32(b, SIG_END);
    put16(b, 0);                    /* this disk */
    put16(b, 0);                    /* disk with the central directory */
    put16(b, (unsigned)z->n);
    put16(b, (unsigned)z->n);
    put32(b, (uint32_t)cd_size);
    put32(b, (uint32_t)cd_start);
    put16(b, 0);                    /* no comment */
    char *out = b->data;
    *len = b->len;
    b->data = NULL;
    t2x_zip_free(z);
    return out;
}
