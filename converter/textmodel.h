/*
 * textmodel.h — the input of templates/inline.xsl: a copy of the statement model with a
 * `source` section that holds the whole decoded source text, cut into blocks (each statement's
 * lines; the text between them) and segments (plain text; bytes XML cannot hold; the printed
 * numbers that are facts; the numbers listed as untagged). The stylesheet only stitches the
 * segments and wraps the numbers; the byte representation is docs/inline.md. An HTML document
 * of the filing is a block holding only its printed numbers; its XHTML is written beside the
 * copy (html_xhtml.c) and joined with the stylesheet's output by inline_doc.c. Internal.
 */
#ifndef T2X_TEXTMODEL_H
#define T2X_TEXTMODEL_H

#include <libxml/tree.h>
#include "filing.h"
#include "util.h"

/* The XHTML of each block html="true" of the source section, in order (html.h: markup with a
 * T2X_XHTML_MARK where each n or u segment of the block goes, in order). */
typedef struct t2x_xhtml {
    t2x_buf *v;
    size_t n, cap;
} t2x_xhtml;

void t2x_xhtml_free(t2x_xhtml *x);

/* Build the copy, and in *xhtml (NULL: not kept) the XHTML of its HTML blocks. On success *out
 * is the caller's (xmlFreeDoc), as is *xhtml (t2x_xhtml_free). Fails with T2X_ERR_INTERNAL
 * when two spans of the model overlap without being equal (a model bug, named in diag).
 * OUT: *out, *xhtml */
t2x_status t2x_model_with_source(const t2x_filing *f, xmlDocPtr *out, t2x_xhtml *xhtml, t2x_diag *diag);

#endif
