/*
 * labelfacts.h — numbers printed inside row labels ("less allowance … of $371,000 in 2003",
 * "Authorized shares - 4,000,000", "(12,470 shares)", "$1 par value") as facts, by the rules of
 * taxonomy/label-facts.tsv. Part of the mapping stage: it reads a mapped row and its lines.
 */
#ifndef T2X_LABELFACTS_H
#define T2X_LABELFACTS_H

#include <regex.h>
#include "dates.h"
#include "lines.h"
#include "stmtkind.h"
#include "table.h"
#include "txt2xbrl.h"

/* One rule of label-facts.tsv. */
typedef struct t2x_lf_rule {
    t2x_stmt_kind kind;
    regex_t row;        /* on the local name of the row's concept */
    regex_t keyword;    /* on one lower-case word of the label */
    int where;          /* 0 after, 1 before, 2 near */
    int unit;           /* 0 USD, 1 shares, 2 USDPerShare (as mapping.h T2X_UNIT_*: money, per share, shares) */
    char *concept;
} t2x_lf_rule;

typedef struct t2x_lf_rules {
    t2x_lf_rule *v;
    size_t n, cap;
} t2x_lf_rules;

/* One fact found in a label. */
typedef struct t2x_lf_fact {
    const char *concept; /* borrowed from the rule */
    int unit;            /* T2X_UNIT_MONEY / _PER_SHARE / _SHARES (mapping.h) */
    t2x_num num;         /* the printed number */
    int scale;           /* "2.25 billion" → 9 (words only; the statement scale is the caller's) */
    int year;            /* the year it is "in", 0 = every column / the row's period */
    t2x_date date;       /* the date it is "at" ("($99 at September 26, 1997)"), y == 0 if none */
    size_t offset, length, line; /* source span and line index of the printed number */
    char *text;          /* the printed number */
} t2x_lf_fact;

/* Load the rules (NULL on error, reasons in diag). */
t2x_lf_rules *t2x_lf_load(const char *path, t2x_diag *diag);
void t2x_lf_free(t2x_lf_rules *r);

/* The label facts of one mapped row. OUT: *facts (free with t2x_lf_facts_free), *n */
void t2x_lf_extract(const t2x_lf_rules *rules, t2x_stmt_kind kind, const t2x_row *row,
                    const t2x_lines *L, t2x_lf_fact **facts, size_t *n);
void t2x_lf_facts_free(t2x_lf_fact *facts, size_t n);

#endif
