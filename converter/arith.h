/*
 * arith.h — the filing's own arithmetic (legacy guide §3.6, design §3). For each printed
 * subtotal, find which rows above it it adds up and with which signs (every column at once),
 * so that each row's direction toward the statement total is known from the numbers rather
 * than from how the filer used parentheses. Subtotals whose printed value disagrees with its
 * children in some column are the filing's inconsistencies: reported, never corrected.
 */
#ifndef T2X_ARITH_H
#define T2X_ARITH_H

#include "table.h"
#include "txt2xbrl.h"

/* One printed subtotal that does not equal the sum of its printed children. */
typedef struct t2x_calc_issue {
    size_t row;          /* the subtotal row */
    int col;             /* the column */
    char *printed;       /* printed value, in statement units (e.g. "44737864") */
    char *computed;      /* sum of its children */
} t2x_calc_issue;

typedef struct t2x_calc_issues {
    t2x_calc_issue *v;
    size_t n, cap;
} t2x_calc_issues;

/* Solve subtotals and row directions of a balance sheet, income, comprehensive income,
 * cash-flow or note table (row parent/weight_sign/is_subtotal/dir/solved), and check the
 * roll-forward of an equity statement. Inconsistencies are appended to *issues. */
void t2x_arith_solve(t2x_table *t, t2x_calc_issues *issues);

/* Is the row a per-share or share-count row (left out of money arithmetic)? */
int t2x_row_is_per_share_or_shares(const t2x_row *r, int ncols);
/* Every amount of the row printed with cents (two or more decimals) and small: how per-share
 * figures look ("$ 1.60" in a table "in millions"; a whole "1,086" does not). 0 without amounts. */
int t2x_row_amounts_look_per_share(const t2x_row *r, int ncols);

void t2x_calc_issues_free(t2x_calc_issues *is);

#endif
