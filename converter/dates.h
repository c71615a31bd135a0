/*
 * dates.h — calendar dates for contexts: parsing printed dates ("March 31, 2003",
 * "Dec. 31, 1996", "DEC-31-1997", "19970331"), month arithmetic for "N months ended"
 * (legacy guide §4.1), ISO formatting.
 */
#ifndef T2X_DATES_H
#define T2X_DATES_H

typedef struct t2x_date {
    int y, m, d; /* y == 0: no date */
} t2x_date;

int t2x_date_valid(t2x_date x);
int t2x_days_in_month(int y, int m);
int t2x_date_cmp(t2x_date a, t2x_date b);
t2x_date t2x_date_add_days(t2x_date x, int days);
/* Start of the N-month period that ends on `end` (month-end aware: June 30 − 6 months →
 * January 1; a non-month-end end date gives end − N months + 1 day). */
t2x_date t2x_date_months_back(t2x_date end, int months);
/* Days from a to b (b − a). */
long t2x_date_diff(t2x_date a, t2x_date b);
/* "2003-12-31" into buf[11]. */
void t2x_date_iso(t2x_date x, char buf[11]);
/* "YYYYMMDD" → date (y = 0 when invalid). */
t2x_date t2x_date_from_compact(const char *s);
/* Month number from a name or abbreviation at s ("January", "Jan", "Jan.", "Sept", "JAN");
 * 0 if none. *len receives the characters consumed. */
int t2x_month_from_name(const char *s, int *len);
/* Find the first full date ("March 31, 2003", "March 31 2003", "31 March 2003",
 * "MAR-31-1997") in s; returns its start index or -1. OUT: *out, *len */
int t2x_date_find(const char *s, t2x_date *out, int *len);

/* Month and day named without a year ("December 31", "Dec. 31,"): 1 if a month is named
 * (*d = 0 when no day follows). OUT: *m, *d */
int t2x_month_day(const char *s, int *m, int *d);

#endif
