/*
 * data.h — the taxonomy data of a data directory (the tables of taxonomy/), loaded once per process and
 * shared by every conversion (data.c). Internal.
 */
#ifndef T2X_DATA_H
#define T2X_DATA_H

#include "labelfacts.h"
#include "taxonomy.h"
#include "txt2xbrl.h"

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

/* Load (once per data directory) the concept table and the label map. NULL on failure. */
const t2x_data *t2x_data_get(const char *dir, t2x_diag *diag);

/* The share-count element paired with an equity-statement row concept ("balance",
 * "balance-treasury" for balance rows), or NULL (borrowed). */
const char *t2x_share_concept(const t2x_data *d, const char *row_concept);

/* Free the cached taxonomy data (at exit, for leak checkers). */
void t2x_data_cleanup(void);

/* The resolved data directory for options (borrowed). */
const char *t2x_data_dir(const t2x_options *opt);

#endif
