/*
 * source.h — stage 1: input bytes → decoded source. Reads a file or standard input, inflates
 * gzip, rejects what is not text (empty, binary, truncated). The decoded bytes are kept as
 * they are (Windows-1252 superset); every later offset refers to them.
 */
#ifndef T2X_SOURCE_H
#define T2X_SOURCE_H

#include <stddef.h>
#include "txt2xbrl.h"

/* Largest decoded input accepted (bytes), read or decompressed: one byte past it is refused
 * (a gzip bomb at 32 MB out). A converted filing takes about ten times its size in memory, so
 * this bounds a conversion to about 350 MB (issue 12 D17). Larger than any text 10-K/10-Q of
 * the corpus (the largest is 3 MB). */
#define T2X_SOURCE_MAX ((size_t)32 * 1024 * 1024)

typedef struct t2x_source {
    unsigned char *data; /* decoded bytes, NUL-terminated (the NUL is not counted) */
    size_t len;          /* number of decoded bytes */
    char *name;          /* input name for messages ("-" = stdin) */
    char sha256[65];     /* hex digest of the decoded bytes */
    int was_gzip;        /* input was gzip-compressed */
} t2x_source;

/* Read `path` ("-" = standard input) whole. OUT: *src (t2x_source_free) */
t2x_status t2x_source_read(const char *path, t2x_source *src, t2x_diag *diag);
/* Take bytes already in memory (copied). OUT: *src */
t2x_status t2x_source_from_bytes(const unsigned char *bytes, size_t len, const char *name,
                                 t2x_source *src, t2x_diag *diag);
void t2x_source_free(t2x_source *src);

#endif
