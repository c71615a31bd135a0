/*
 * untagged.h — design §5.4 on the converter's side: every number printed inside a statement's
 * lines is a fact or is listed, with a reason, as an `untagged-amount` issue of the model.
 * Internal.
 */
#ifndef T2X_UNTAGGED_H
#define T2X_UNTAGGED_H

#include <libxml/tree.h>
#include "filing.h"

/* List the numbers of each statement's lines (title line to last line) that no fact and no
 * issue of the model covers yet: one `untagged-amount` issue (info) per number, appended to
 * `issues` (the model's m:issues element, in namespace `ns`), with statement, offset, length,
 * line, the printed text and a reason. `root` is the model's root element holding the
 * statements and the cover built so far. A number is a maximal run of digits that may hold
 * single ',' or '.' between digits, or start with '.' (".28"); see docs/inline.md. */
void t2x_model_list_untagged(const t2x_filing *f, xmlNodePtr root, xmlNodePtr issues, xmlNsPtr ns);

#endif
