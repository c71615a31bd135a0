/*
 * mapping.h — stage 7: rows → concepts (design §3, legacy guide §3). Sections from group
 * headers and totals; concepts from the label rules of taxonomy/labels.tsv; unlabeled
 * subtotals placed by the concepts of their children; everything else becomes an extension
 * concept of the filing's own namespace — never a wrong standard concept.
 */
#ifndef T2X_MAPPING_H
#define T2X_MAPPING_H

#include "table.h"
#include "taxonomy.h"

/* How a row got its concept (row->mapped). */
enum { T2X_MAP_NONE = 0, T2X_MAP_LABEL, T2X_MAP_ARITH, T2X_MAP_EXTENSION };

/* Unit kinds of a row. */
enum { T2X_UNIT_MONEY = 0, T2X_UNIT_PER_SHARE, T2X_UNIT_SHARES, T2X_UNIT_PURE };

/* One extension concept declared by the filing. */
typedef struct t2x_ext_concept {
    char *qname;           /* "alg:OtherCapital" */
    char *type;            /* "xbrli:monetaryItemType", "xbrli:sharesItemType", "dtr-types:perShareItemType" */
    t2x_period_type period;
    t2x_balance balance;
    char *label;           /* label as printed (or a made-up one for unlabeled subtotals) */
    char *key;             /* statement kind | section | label: what makes it one concept */
} t2x_ext_concept;

typedef struct t2x_extensions {
    t2x_ext_concept *v;
    size_t n, cap;
    char *prefix;          /* extension prefix (owned) */
} t2x_extensions;

/* Find an extension concept by QName (borrowed) or NULL. */
const t2x_ext_concept *t2x_ext_find(const t2x_extensions *x, const char *qname);
void t2x_extensions_free(t2x_extensions *x);

/* Assign sections (balance sheet, cash flow) to the rows of a table. */
void t2x_sections_assign(t2x_table *t);

/* Map every row of a table: concept, polarity, period role. Rows no rule fits become extension
 * concepts (added to *ext). Messages (unmapped rows) go to diag. */
void t2x_map_table(t2x_table *t, const t2x_labelmap *lm, const t2x_concepts *cs,
                   t2x_extensions *ext, const t2x_lines *L, const char *name, t2x_diag *diag);

/* Unit kind of a mapped row (from its concept's type, else from its label and numbers). */
int t2x_row_unit_kind(const t2x_row *r, int ncols, const t2x_concepts *cs, const t2x_extensions *ext);

/* The type, period and balance of a QName, standard or extension (0 if unknown). */
int t2x_concept_info(const char *qname, const t2x_concepts *cs, const t2x_extensions *ext,
                     const char **type, t2x_period_type *period, t2x_balance *balance);

#endif
