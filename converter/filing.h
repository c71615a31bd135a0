/*
 * filing.h — the converted filing (the public t2x_filing) and the pipeline that makes it:
 * source → lines → submission → statements → tables → periods → arithmetic → mapping →
 * model. Internal.
 */
#ifndef T2X_FILING_H
#define T2X_FILING_H

#include <libxml/tree.h>
#include "arith.h"
#include "cover.h"
#include "labelfacts.h"
#include "mapping.h"
#include "periods.h"
#include "source.h"
#include "submission.h"
#include "table.h"
#include "taxonomy.h"

/* A calculation inconsistency with the statement it was found in. */
typedef struct t2x_filing_issue {
    size_t table;
    t2x_calc_issue calc;
} t2x_filing_issue;

/* Taxonomy data shared by every conversion with the same data directory. */
typedef struct t2x_data {
    char *dir;
    t2x_concepts *concepts;
    t2x_labelmap *labels;
    struct t2x_ex27map *ex27;  /* taxonomy/ex27.tsv: EX-27 tag → concept (ex27.h) */
    t2x_lf_rules *label_facts;  /* taxonomy/label-facts.tsv */
    char **share_pairs;         /* taxonomy/share-concepts.tsv: row concept, share concept, … */
    size_t nshare_pairs;        /* number of pairs */
} t2x_data;

struct t2x_filing {
    t2x_source src;
    t2x_lines lines;
    t2x_submission sub;
    t2x_table *tables;       /* the statements kept, in source order */
    size_t ntables;
    t2x_cover cover;
    t2x_extensions ext;
    t2x_filing_issue *issues;/* calculation inconsistencies */
    size_t nissues, capissues;
    const t2x_data *data;    /* borrowed (process cache) */
    char *form, *registrant, *prefix, *stem, *ns, *scheme, *entity, *cik;
    t2x_date period_start, period_end;
    int annual;
    char fy_focus[8], fp_focus[4], fye[8];
    xmlDocPtr model;         /* the statement model */
    t2x_diag *diag;          /* borrowed: where messages go */
};

/* Load (once per data directory) the concept table and the label map. NULL on failure. */
const t2x_data *t2x_data_get(const char *dir, t2x_diag *diag);
/* The share-count element paired with an equity-statement row concept ("balance",
 * "balance-treasury" for balance rows), or NULL (borrowed). */
const char *t2x_share_concept(const t2x_data *d, const char *row_concept);

/* Free the cached taxonomy data (at exit, for leak checkers). */
void t2x_data_cleanup(void);

/* Build f->model from the filing's tables and cover (model.c). */
void t2x_model_build(t2x_filing *f);

/* Cross-check the EX-27 Financial Data Schedules of the submission against f->model and add
 * the results to it (<ex27>, ex27-mismatch issues and warnings; ex27check.c). */
void t2x_ex27_check(t2x_filing *f);

/* The resolved data directory for options (borrowed). */
const char *t2x_data_dir(const t2x_options *opt);

#endif
