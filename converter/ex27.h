/*
 * ex27.h — the EX-27 Financial Data Schedule (legacy guide §2): reading the schedules of a
 * submission, the tag → concept table (taxonomy/ex27.tsv), and the cross-check of every
 * schedule value against the facts of the statement model (§2.5). Internal.
 *
 * The FDS is unaudited and sometimes wrong: the cross-check reports, it never corrects.
 *
 * Ownership: t2x_ex27_set and t2x_ex27map own every string they point to; free them with
 * t2x_ex27_set_free / t2x_ex27map_free. Out-of-memory aborts (util.h).
 */
#ifndef T2X_EX27_H
#define T2X_EX27_H

#include <stddef.h>
#include <libxml/tree.h>
#include "dates.h"
#include "lines.h"
#include "numbers.h"
#include "submission.h"
#include "taxonomy.h"
#include "util.h"

/* ------------------------------------------------------------------ schedules */

/* One printed value of a tag in one column. */
typedef struct t2x_ex27_value {
    int present;     /* something was printed in this column */
    int numeric;     /* `num` holds the parsed amount ("1,203,488", "(816)", ".81", "-28") */
    t2x_num num;     /* the amount as printed (sign, digits, decimal places) */
    char *text;      /* the printed token without footnote markers ("<F2>"); NULL when absent */
    long line;       /* 1-based source line */
    size_t offset;   /* byte offset of the printed number in the decoded source… */
    size_t length;   /* …and its length (digits, separators, point; no sign or parentheses) */
} t2x_ex27_value;

/* One tag line of a schedule: <TOTAL-ASSETS>   5,302,746. */
typedef struct t2x_ex27_item {
    char *tag;               /* upper case, without brackets: "TOTAL-ASSETS", "PP&E" */
    t2x_ex27_value *values;  /* one per column (schedule.ncols) */
} t2x_ex27_item;

/* One column of a schedule: the period its values belong to. */
typedef struct t2x_ex27_column {
    char *period_type;       /* <PERIOD-TYPE> as printed ("YEAR", "3-Mos", "12-MOS"); NULL */
    int months;              /* the period's length in months from PERIOD-TYPE (YEAR → 12); 0 unknown */
    int weeks;               /* or in weeks ("13-WKS"); 0 unknown */
    t2x_date fiscal_year_end;/* <FISCAL-YEAR-END>; y == 0 when absent */
    t2x_date period_start;   /* <PERIOD-START>; y == 0 when absent */
    t2x_date period_end;     /* <PERIOD-END>, else the fiscal year end of a YEAR schedule */
    t2x_date start;          /* the resolved duration start (see t2x_ex27_resolve); y == 0 unknown */
} t2x_ex27_column;

/* One schedule (one <ARTICLE> block; a multi-column schedule has several columns). */
typedef struct t2x_ex27_schedule {
    size_t doc;              /* index of its document in the submission */
    char article[8];         /* "5", "7", "9", "BD", "UT"…; inferred from the tags when absent */
    int article_inferred;    /* no <ARTICLE> line: `article` was guessed from the tags */
    char *name;              /* <NAME> (multi-registrant / series schedules), NULL */
    char *cik;               /* <CIK> of such a schedule, NULL */
    long long multiplier;    /* <MULTIPLIER> (1, 1,000, 1000, 1,000,000); 1 when absent */
    int multiplier_pow;      /* log10(multiplier), -1 when not a power of ten */
    int multiplier_bad;      /* <MULTIPLIER> printed a number of more than 18 digits (10^400):
                                the schedule is not cross-checked (a warning says so) */
    int restated;            /* <RESTATED> present */
    char *currency;          /* <CURRENCY>, NULL */
    long first_line, last_line; /* 1-based source lines of the schedule */
    int ncols;               /* columns (≥ 1) */
    t2x_ex27_column *cols;
    t2x_ex27_item *items;    /* data tags in printed order */
    size_t nitems;
    int duplicate_of;        /* -1, or the index of an earlier identical schedule */
} t2x_ex27_schedule;

typedef struct t2x_ex27_set {
    t2x_ex27_schedule *v;
    size_t n, cap;
} t2x_ex27_set;

/* Read the schedules of lines [first, end) (one EX-27 document body, index `doc`) and append
 * them to *out. Never fails: lines that are not tags are skipped. */
void t2x_ex27_parse_range(const t2x_lines *lines, size_t first, size_t end, size_t doc,
                          t2x_ex27_set *out);
/* Every schedule of every EX-27 document of the submission; schedules identical to an earlier
 * one (a submission stored twice) get duplicate_of. OUT: *out (t2x_ex27_set_free) */
void t2x_ex27_parse(const t2x_lines *lines, const t2x_submission *sub, t2x_ex27_set *out);
void t2x_ex27_set_free(t2x_ex27_set *s);

/* The value of `tag` in column `col` (borrowed), or NULL when the tag is absent there. */
const t2x_ex27_value *t2x_ex27_get(const t2x_ex27_schedule *s, const char *tag, int col);

/* ------------------------------------------------------------------ the tag table */

/* One adjustment term of a rule: the statement fact is compared with
 * value ± Σ terms ("-|ALLOWANCES|", "+COMMON"). */
typedef struct t2x_ex27_term {
    char *tag;
    int sign;        /* +1 or -1 */
    int absolute;    /* |TAG| */
} t2x_ex27_term;

enum {
    T2X_EX27_ABS      = 1 << 0, /* compare absolute values (ALLOWANCES, DEPRECIATION) */
    T2X_EX27_OPEN     = 1 << 1, /* instant at the start of the period (ALLOWANCE-OPEN) */
    T2X_EX27_FALLBACK = 1 << 2, /* only when no earlier row of the tag found a fact */
    T2X_EX27_LOOSE    = 1 << 3  /* a tag without settled meaning: listed, not counted */
};

/* One row of taxonomy/ex27.tsv. The rows of one (article, tag) are alternatives, in order. */
typedef struct t2x_ex27_rule {
    char *article;           /* "5", "7", "9", or "*" (any article) */
    char *tag;               /* "TOTAL-ASSETS" */
    char *concept;           /* "us-gaap:Assets", or a sum "us-gaap:A+us-gaap:B" as written */
    char **parts;            /* the concepts of the sum (one for a plain concept) */
    size_t nparts;
    t2x_period_type period;  /* of the concept */
    int per_share;           /* the concept's type is a per-share type (no MULTIPLIER, EPS tolerance) */
    int monetary;            /* the concept is monetary (MULTIPLIER applies) */
    unsigned mode;           /* T2X_EX27_* */
    t2x_ex27_term *adjust;   /* adjustment terms */
    size_t nadjust;
    char **when_zero;        /* tags that must be 0 or absent for this row to apply */
    size_t nwhen;
    int line;                /* line in ex27.tsv */
} t2x_ex27_rule;

typedef struct t2x_ex27map {
    t2x_ex27_rule *rules;
    size_t count;
} t2x_ex27map;

/* Load taxonomy/ex27.tsv, checking every concept against `concepts` (unknown, abstract or
 * non-numeric concept, bad mode: error). NULL on failure (reasons in diag). */
t2x_ex27map *t2x_ex27map_load(const char *path, const t2x_concepts *concepts, t2x_diag *diag);
void t2x_ex27map_free(t2x_ex27map *m);

/* ------------------------------------------------------------------ the cross-check */

typedef enum t2x_ex27_outcome {
    T2X_EX27_AGREE,      /* within the rounding tolerance */
    T2X_EX27_DISAGREE,   /* a statement fact of the same concept and period differs */
    T2X_EX27_NO_FACT,    /* the statements have no fact of the concept for that period */
    T2X_EX27_ZERO,       /* the schedule prints 0 ("not applicable", guide §2.1) where the
                            statements show an amount: listed, not counted */
    T2X_EX27_UNMAPPED,   /* the tag has no concept in ex27.tsv for this article */
    T2X_EX27_NOT_NUMBER, /* the printed value is not an amount */
    T2X_EX27_OTHER       /* the schedule names another registrant (<NAME>, <CIK>): not compared */
} t2x_ex27_outcome;

/* Short stable name: "agree", "disagree", "no-fact", "ex27-zero", "unmapped", "not-a-number",
 * "other-registrant". */
const char *t2x_ex27_outcome_name(t2x_ex27_outcome o);

/* One tag of one schedule column, checked. Strings are owned by the result. */
typedef struct t2x_ex27_result {
    size_t schedule;         /* index in the set */
    int col;                 /* column in the schedule */
    const char *tag;         /* borrowed from the schedule */
    const t2x_ex27_value *value; /* borrowed from the schedule */
    char *concept;           /* the concept compared (the agreeing alternative, else the first
                                with a fact, else the first applicable); NULL when unmapped */
    char *context;           /* model context id of the statement fact; NULL when none */
    char *ex27_value;        /* the schedule's value as an XBRL value (× MULTIPLIER for money) */
    char *expected;          /* the value the fact should have after adjustment terms, when
                                the rule has them (else NULL) */
    char *stmt_value;        /* the statement fact's value; NULL when none */
    long stmt_line;          /* source line of the statement fact; 0 when none */
    double tolerance;        /* allowed |difference| */
    t2x_ex27_outcome outcome;
    int loose;               /* decided by a "loose" row: not counted as a comparison */
} t2x_ex27_result;

typedef struct t2x_ex27_results {
    t2x_ex27_result *v;
    size_t n, cap;
    size_t agree, disagree, no_fact, zero; /* counts by outcome (loose rows excluded) */
    size_t loose_agree, loose_disagree;    /* results decided by loose rows */
} t2x_ex27_results;

/* Resolve each column's duration start (PERIOD-START; else PERIOD-TYPE months/weeks back from
 * PERIOD-END; else year-to-date from FISCAL-YEAR-END). */
void t2x_ex27_resolve(t2x_ex27_set *set);

/* Compare every (non-duplicate) schedule of `set` with the facts of `model` (statement cells
 * and numeric cover facts without dimensions). A schedule whose <CIK> differs from the model's
 * cik, or whose <NAME> is not the model's registrant, belongs to another registrant of a
 * combined filing: its tags are listed as other-registrant, not compared.
 * OUT: *out (t2x_ex27_results_free) */
void t2x_ex27_compare(xmlDocPtr model, const t2x_ex27_set *set, const t2x_ex27map *map,
                      t2x_ex27_results *out);
void t2x_ex27_results_free(t2x_ex27_results *r);

/* Append the <ex27> section (docs/model.md) and one ex27-mismatch issue per disagreement to
 * `model`; one diag warning per disagreement (file `name`). */
void t2x_ex27_to_model(xmlDocPtr model, const t2x_ex27_set *set, const t2x_ex27_results *res,
                       const t2x_submission *sub, const char *name, t2x_diag *diag);

/* Append to a STEM.report.json object under construction the members
 * ,"ex27-summary": {…} and ,"ex27": [ one object per check ] read from the model's <ex27>
 * (an empty array when the filing has no schedule). */
void t2x_ex27_report_json(xmlDocPtr model, t2x_buf *b);

/* Append the review summary of the model's <ex27> to a listing (t2x_filing_inspect):
 * "EX-27 (1 schedule): 23 of 24 comparisons agree; disagreements: …" and what was not
 * compared; a line saying there is no schedule when the model has no <ex27>. */
void t2x_ex27_summary(xmlDocPtr model, t2x_buf *b);

#endif
