/*
 * testutil.h — helpers shared by the cmocka suites: where the source tree is (SRCDIR, set by
 * `make check`), reading whole files.
 */
#ifndef T2X_TESTUTIL_H
#define T2X_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Path of a file in the source tree (static buffer). */
static inline const char *srcpath(const char *rel)
{
    static char buf[4096];
    const char *s = getenv("SRCDIR");
    if (!s) {
        fprintf(stderr, "SRCDIR is not set (run the tests through make check)\n");
        exit(99);
    }
    snprintf(buf, sizeof buf, "%s/%s", s, rel);
    return buf;
}

/* Whole file, NUL-terminated (caller frees). */
static inline char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    if (fread(b, 1, (size_t)n, f) != (size_t)n) {
        fclose(f);
        free(b);
        return NULL;
    }
    fclose(f);
    b[n] = '\0';
    if (len) *len = (size_t)n;
    return b;
}

#endif
