/*
 * choose.h — stage 5b: among the candidate tables of a filing, the one statement of each kind
 * and scope, chosen by what the tables contain and how they agree with one another (choose.c).
 */
#ifndef T2X_CHOOSE_H
#define T2X_CHOOSE_H

#include "table.h"
#include "taxonomy.h"

/* Classify and choose among the n read candidate tables v: a table whose rows are plainly
 * another kind's takes that kind; of several tables of one kind and scope all but the best
 * supported become T2X_STMT_ANY (the caller drops them). Evidence, strongest first: the
 * balance sheet balances; net income agrees across statements; the cash-flow ending cash is
 * the balance sheet's cash; then the number of rows. Sets row sections (mapping.h). */
void t2x_choose_statements(t2x_table *v, size_t n, const t2x_labelmap *lm);

#endif
