/*
 * inline_doc.h — the inline document STEM.htm (docs/inline.md): templates/inline.xsl over the
 * model with its source section, the XHTML of the filing's HTML documents joined in (inline_doc.c).
 * Internal.
 */
#ifndef T2X_INLINE_DOC_H
#define T2X_INLINE_DOC_H

#include <stddef.h>
#include "filing.h"

/* Render the inline document of `f` with the templates of `data_dir`. On success *out is a
 * malloc'd buffer (caller frees) of *len bytes.
 * OUT: *out, *len */
t2x_status t2x_inline_render(const t2x_filing *f, const char *data_dir, char **out, size_t *len, t2x_diag *diag);

#endif
