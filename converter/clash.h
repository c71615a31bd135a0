/*
 * clash.h — the clash pass: before anything is written, no concept, context and unit carries two
 * values that disagree (an inconsistent duplicate). Internal; see clash.c.
 */
#ifndef T2X_CLASH_H
#define T2X_CLASH_H

#include <libxml/tree.h>
#include "converted.h"

/* Resolve every inconsistent duplicate among the facts of the model built so far (cover facts
 * and statement cells under `root`) by evidence, removing the cells that lose and reporting
 * each removal as an issue appended to `issues` (namespace `ns`) and to f->diag:
 *   - the facts of the primary statements and the cover outrank note tables; when the facts of
 *     the highest rank agree among themselves, they stay and every lower-ranked fact that
 *     disagrees with them is removed (`note-disagrees`, with the span of its printed number);
 *   - when the facts of the highest rank disagree among themselves, nothing settles which one
 *     is right: every fact of the group is removed (`clash`, a warning naming all values).
 * Two facts agree when their values are equal once rounded to the fewer decimals of the two
 * (1,807 million and 1,806,912 thousand agree); consistent duplicates stay. Returns the number of
 * groups that disagreed. */
size_t t2x_model_resolve_clashes(t2x_filing *f, xmlNodePtr root, xmlNodePtr issues, xmlNsPtr ns);

#endif
