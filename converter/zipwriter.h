/*
 * zipwriter.h — a small in-memory ZIP writer on zlib's raw deflate (PKWARE APPNOTE 6.3.x:
 * local file headers, central directory, end of central directory; no ZIP64, no encryption).
 * Used for the XBRL report package (package.c). Not installed.
 *
 * Output is deterministic: every entry carries the same DOS timestamp (1980-01-01 00:00:00),
 * Unix permissions 0644 (files) / 0755 (directories), no extra fields, and entries appear in
 * the order they were added. Allocation follows the library policy (abort on out-of-memory).
 */
#ifndef T2X_ZIPWRITER_H
#define T2X_ZIPWRITER_H

#include <stddef.h>

/* An archive being built. Opaque; t2x_zip_new, then t2x_zip_finish or t2x_zip_free. */
typedef struct t2x_zip t2x_zip;

/* A new empty archive (caller owns it). */
t2x_zip *t2x_zip_new(void);

/* Add a directory entry; `name` must end with '/'. 0 on success, -1 when the name is not a
 * valid entry name (empty, absolute, "\\", "." or ".." parts, too long) or the archive is full. */
int t2x_zip_add_dir(t2x_zip *z, const char *name);

/* Add a file entry holding `len` bytes of `data` (copied), deflated unless deflating does not
 * make it smaller (then stored). 0 on success, -1 on a bad name, a zlib error, or an entry or
 * archive too large for a ZIP without ZIP64 extensions (4 GiB, 65535 entries). */
int t2x_zip_add(t2x_zip *z, const char *name, const void *data, size_t len);

/* Finish the archive: returns its bytes (caller frees with free()) and frees `z`.
 * OUT: *len. Returns NULL (and frees z) when the archive would exceed the ZIP limits. */
char *t2x_zip_finish(t2x_zip *z, size_t *len);

/* Drop an unfinished archive. NULL is fine. */
void t2x_zip_free(t2x_zip *z);

#endif
