/*
 * sharescale.h — the power of ten of a statement's share counts, settled by the statement's own
 * evidence (sharescale.c).
 */
#ifndef T2X_SHARESCALE_H
#define T2X_SHARESCALE_H

#include "table.h"

/* The power of ten by which the share counts printed in table t are to be read. A table
 * printed "(in millions)" says nothing certain of its share counts: "Dollars in millions,
 * except per share data" often means counts in millions too, "… except share data" means
 * counts as printed. The table's own arithmetic settles it: net income divided by basic
 * earnings per share is the weighted average share count, in every column where the three are
 * printed. Returns the power (0, 3, 6 or 9), or -1 when the evidence does not settle it (then
 * share counts are left untagged). An unscaled table's counts are as printed (0). */
int t2x_share_scale(const t2x_table *t);

#endif
