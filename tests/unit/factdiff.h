/*
 * factdiff.h — the facts of a statement model (docs/model.md: every statement cell, with its
 * concept, context, unit and XBRL value) and the layout test's oracle: does a second reading
 * of the same statements give each fact again, leave it out, or give another value for the
 * same concept and context? Also counts clashes (one concept+context+unit, two values).
 * Test and bench code, not part of the library.
 */
#ifndef T2X_FACTDIFF_H
#define T2X_FACTDIFF_H

#include <stddef.h>
#include <libxml/tree.h>
#include "util.h"

/* One fact of a statement cell. */
typedef struct fd_fact {
    char *key;        /* "concept|context|unit" (context ids encode period and dimensions; the
                         filing's extension prefix is written "ext") */
    char *value;      /* XBRL value as in the model ("-529642", "0.28") */
    int statement;    /* 0-based index of its <statement> in the model */
    const char *kind; /* the statement's kind ("balance-sheet", …; static) */
    long line;        /* source line of the printed number */
} fd_fact;

typedef struct fd_facts {
    fd_fact *v;
    size_t n, cap;
    size_t uncomparable; /* cells left out: unlabeled subtotals' extensions named by line number */
} fd_facts;

/* Collect the cells of the model's statements; with primary_only, only balance-sheet, income,
 * comprehensive-income, cash-flow and equity statements. Sorted by key, then value. OUT: *out */
void fd_collect(xmlDocPtr model, int primary_only, fd_facts *out);
void fd_free(fd_facts *f);

/* What a second reading gave for the original facts. */
typedef struct fd_result {
    size_t compared;  /* original facts */
    size_t same;      /* the same concept, context, unit and value came out */
    size_t missing;   /* nothing came out for that concept, context and unit (untagged) */
    size_t replaced;  /* only other values came out for it */
    size_t wrong;     /* facts of the second reading whose concept+context+unit the original has,
                         with a value the original never gives it (a different number), or whose
                         context no original fact has (a period or member misread) */
    size_t extra;     /* facts of the second reading under a concept+context+unit the original
                         does not have, in a context it has: another concept for a row (listed,
                         not counted as wrong) */
} fd_result;

/* Compare `got` with `orig`; adds to *res. When log is not NULL, up to *missing_budget lines
 * "missing KEY original V (kind, line N)" and *wrong_budget lines "WRONG KEY original V1 got V2
 * (kind, line N of the rendering)" are appended, and the budgets decrease. */
void fd_compare(const fd_facts *orig, const fd_facts *got, fd_result *res, t2x_buf *log, int *missing_budget,
                int *wrong_budget);

/* Keys with two or more different values among the facts. */
size_t fd_clashes(const fd_facts *f);

#endif
