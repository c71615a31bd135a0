/*
 * converted.h — the converted filing (the public opaque t2x_filing): the record the pipeline
 * (filing.c) fills stage by stage — source, lines, submission, statements and their tables,
 * cover, identity — and the model builder (model.c), the EX-27 cross-check (ex27check.c),
 * inspect and the batch summary read. Internal.
 */
#ifndef T2X_CONVERTED_H
#define T2X_CONVERTED_H

#include <libxml/tree.h>
#include "arith.h"
#include "cover.h"
#include "labelfacts.h"
#include "mapping.h"
#include "periods.h"
#include "source.h"
#include "submission.h"
#include "table.h"
#include "data.h"
#include "taxonomy.h"

/* A calculation inconsistency with the statement it was found in. */
typedef struct t2x_filing_issue {
    size_t table;
    t2x_calc_issue calc;
} t2x_filing_issue;

/* The converted filing. */
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
    int html;                /* a document was read by the HTML reader (html.h): the inline
                              * document cannot be the source text in <pre> blocks */
    char fy_focus[8], fp_focus[4], fye[8];
    xmlDocPtr model;         /* the statement model */
    t2x_diag *diag;          /* borrowed: where messages go */
};

#endif
