/*
 * textmodel.h — the input of templates/inline.xsl: a copy of the statement model with a
 * `source` section that holds the whole decoded source text, cut into blocks (each statement's
 * lines; the text between them) and segments (plain text; bytes XML cannot hold; the printed
 * numbers that are facts; the numbers listed as untagged). The stylesheet only stitches the
 * segments and wraps the numbers; the byte representation is docs/inline.md. Internal.
 */
#ifndef T2X_TEXTMODEL_H
#define T2X_TEXTMODEL_H

#include <libxml/tree.h>
#include "filing.h"

/* Build the copy. On success *out is the caller's (xmlFreeDoc). Fails with T2X_ERR_INTERNAL
 * when two spans of the model overlap without being equal (a model bug, named in diag).
 * OUT: *out */
t2x_status t2x_model_with_source(const t2x_filing *f, xmlDocPtr *out, t2x_diag *diag);

#endif
