/*
 * periods.h — stage 6: column headers → periods (legacy guide §4.1–4.3). Balance-sheet
 * columns are instants; income and cash-flow columns are durations whose start follows from
 * "Three/Six/Nine Months", "Year", "N Weeks Ended"; equity statements take their periods from
 * the balance rows ("Balance at January 1, 2001" is the instant 2000-12-31) and their columns
 * become StatementEquityComponentsAxis members.
 */
#ifndef T2X_PERIODS_H
#define T2X_PERIODS_H

#include "table.h"
#include "txt2xbrl.h"

/* What the filing says about its own period, used where a header leaves a part out. */
typedef struct t2x_period_hint {
    t2x_date period_end;   /* the report's period end (header or cover), y == 0 if unknown */
    int fye_month, fye_day;/* fiscal year end (header FISCAL YEAR END), 0 if unknown */
    int annual;            /* 10-K family */
} t2x_period_hint;

/* Fill the columns' periods (and, for equity statements, members and row dates).
 * Problems (undated columns, guesses) go to diag with the source name and lines. */
void t2x_periods_resolve(t2x_table *t, const t2x_lines *L, const t2x_period_hint *hint,
                         const char *name, t2x_diag *diag);

/* Parse a period phrase: months or weeks named ("Three Months Ended" → 3). OUT: *months, *weeks */
void t2x_period_length(const char *text, int *months, int *weeks);

#endif
