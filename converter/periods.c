/*
 * periods.c — column and row periods (periods.h).
 */
#include "periods.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static void lower_copy(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; s && *s && n + 1 < cap; s++) out[n++] = (char)tolower((unsigned char)*s);
    out[n] = '\0';
}

static int word_number(const char *w)
{
    static const struct { const char *w; int n; } nums[] = {
        {"one", 1},     {"two", 2},        {"three", 3},      {"four", 4},        {"five", 5},
        {"six", 6},     {"seven", 7},      {"eight", 8},      {"nine", 9},        {"ten", 10},
        {"eleven", 11}, {"twelve", 12},    {"thirteen", 13},  {"sixteen", 16},    {"twenty-four", 24},
        {"twenty-six", 26}, {"twenty six", 26}, {"thirty-nine", 39}, {"thirty nine", 39},
        {"fifty-two", 52}, {"fifty two", 52}, {"fifty-three", 53}, {"fifty three", 53},
        {"twenty-eight", 28}, {"forty", 40}, {"twelve", 12}};
    for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        size_t n = strlen(nums[i].w);
        if (strncmp(w, nums[i].w, n) == 0 && (w[n] == ' ' || w[n] == '-')) return nums[i].n;
    }
    if (isdigit((unsigned char)w[0])) return atoi(w);
    return 0;
}

void t2x_period_length(const char *text, int *months, int *weeks)
{
    char u[512];
    lower_copy(text, u, sizeof u);
    *months = 0;
    *weeks = 0;
    /* "<number> month(s)" / "<number> week(s)" */
    for (char *p = u; *p; p++) {
        int is_month = strncmp(p, "month", 5) == 0, is_week = strncmp(p, "week", 4) == 0;
        if (!is_month && !is_week) continue;
        /* the word before */
        char *e = p;
        while (e > u && (e[-1] == ' ' || e[-1] == '-')) e--;
        char *b = e;
        while (b > u && (isalnum((unsigned char)b[-1]) || b[-1] == '-')) b--;
        /* two-word numbers: "twenty six", "fifty two" */
        char *b2 = b;
        if (b2 > u + 1 && b2[-1] == ' ') {
            char *c = b2 - 1;
            while (c > u && isalpha((unsigned char)c[-1])) c--;
            int two = word_number(c);
            if (two >= 20) b = c;
        }
        char w[64];
        size_t n = (size_t)(e - b) < sizeof w - 2 ? (size_t)(e - b) : sizeof w - 2;
        memcpy(w, b, n);
        w[n] = ' ';
        w[n + 1] = '\0';
        int v = word_number(w);
        if (v <= 0) continue;
        if (is_month && v <= 12 && !*months) *months = v;
        if (is_week && v <= 53 && !*weeks) *weeks = v;
    }
    if (!*months && !*weeks) {
        if (strstr(u, "quarter")) *months = 3;
        else if (strstr(u, "year") || strstr(u, "fiscal")) *months = 12;
    }
}

/* Last bare year in the text, 0 if none. */
static int last_year(const char *s)
{
    int y = 0;
    for (int i = 0; s && s[i]; i++) {
        if ((i == 0 || !isalnum((unsigned char)s[i - 1])) && isdigit((unsigned char)s[i]) &&
            isdigit((unsigned char)s[i + 1]) && isdigit((unsigned char)s[i + 2]) &&
            isdigit((unsigned char)s[i + 3]) && !isalnum((unsigned char)s[i + 4])) {
            int v = atoi(s + i);
            if (v >= 1900 && v <= 2099) y = v;
        }
    }
    return y;
}

static const char *equity_member(const char *header, int *shares)
{
    char u[512];
    lower_copy(header, u, sizeof u);
    /* "COST OF SHARES HELD IN TREASURY" is money; "TREASURY STOCK AT COST / SHARES" a count */
    const char *cost = strstr(u, "cost of ");
    *shares = strstr(u, "shares") != NULL && !strstr(u, "amount") && !(cost && strstr(cost, "shares") &&
                                                                      strstr(cost, "shares") - cost <= 24);
    if (strstr(u, "total")) return NULL;
    if (strstr(u, "treasury")) return "us-gaap:TreasuryStockCommonMember";
    if (strstr(u, "accumulated other") || strstr(u, "other comprehensive") ||
        strstr(u, "accumulated comprehensive"))
        return "us-gaap:AccumulatedOtherComprehensiveIncomeMember";
    if (strstr(u, "translation")) return "us-gaap:AccumulatedTranslationAdjustmentMember";
    if (strstr(u, "unrealized")) return "us-gaap:AccumulatedNetUnrealizedInvestmentGainLossMember";
    if (strstr(u, "pension")) return "us-gaap:AccumulatedDefinedBenefitPlansAdjustmentMember";
    if (strstr(u, "retained") || strstr(u, "reinvested") || strstr(u, "deficit") ||
        strstr(u, "earnings"))
        return "us-gaap:RetainedEarningsMember";
    if (strstr(u, "unearned") || strstr(u, "deferred comp"))
        return "us-gaap:DeferredCompensationShareBasedPaymentsMember";
    if (strstr(u, "esop")) return "us-gaap:UnearnedESOPSharesMember";
    if (strstr(u, "preferred")) return "us-gaap:PreferredStockMember";
    if (strstr(u, "common") && (strstr(u, "paid") || strstr(u, "capital")))
        return strstr(u, "common stock") && !strstr(u, "paid-in") && !strstr(u, "paid in") &&
                       !strstr(u, "and capital")
                   ? "us-gaap:CommonStockMember"
                   : "us-gaap:CommonStockIncludingAdditionalPaidInCapitalMember";
    if (strstr(u, "common")) return "us-gaap:CommonStockMember";
    if (strstr(u, "paid-in") || strstr(u, "paid in") || strstr(u, "capital in excess") ||
        strstr(u, "surplus") || strstr(u, "capital"))
        return "us-gaap:AdditionalPaidInCapitalMember";
    return "";
}

static int is_balance_label(const char *label)
{
    char u[512];
    lower_copy(label, u, sizeof u);
    return strncmp(u, "balance", 7) == 0 || strstr(u, "beginning of") || strstr(u, "end of year") ||
           strstr(u, "end of period");
}

static void resolve_equity(t2x_table *t, const t2x_period_hint *hint, const char *name,
                           const t2x_lines *L, t2x_diag *diag)
{
    for (int c = 0; c < t->ncols; c++) {
        int shares = 0;
        const char *m = equity_member(t->cols[c].header, &shares);
        t->cols[c].share_column = shares;
        if (m && !*m) {
            t->cols[c].skip = 1;
            t2x_diag_add(diag, T2X_INFO, name, L->v[t->title_line].no, "unmapped-column",
                         "equity statement column \"%s\" names no equity component; not tagged",
                         t->cols[c].header ? t->cols[c].header : "");
        } else {
            t->cols[c].member = m ? t2x_xstrdup(m) : NULL;
        }
    }
    /* two amount columns naming the same component cannot both be it */
    for (int c = 0; c < t->ncols; c++)
        for (int d = c + 1; d < t->ncols; d++) {
            const t2x_column *a = &t->cols[c], *b = &t->cols[d];
            if (a->skip || b->skip || a->share_column || b->share_column) continue;
            if ((a->member && b->member && strcmp(a->member, b->member) == 0) || (!a->member && !b->member)) {
                t2x_diag_add(diag, T2X_WARNING, name, L->v[t->title_line].no, "unmapped-column",
                             "equity statement columns %d and %d both read as %s; neither is tagged",
                             c + 1, d + 1, a->member ? a->member : "the total");
                t->cols[c].skip = t->cols[d].skip = 1;
            }
        }
    /* balance rows and their dates */
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (row->kind != T2X_ROW_ITEM || !is_balance_label(row->label)) continue;
        t2x_date d;
        int len;
        if (t2x_date_find(row->label, &d, &len) >= 0) {
            if (d.d == 1) d = t2x_date_add_days(d, -1); /* start-of-period convention */
            row->row_date = d;
        }
        row->period_role = 3; /* a balance; start/end decided by position below */
    }
    /* undated balances: the year-end before the next dated balance, or the period end */
    size_t nb = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].period_role == 3) nb++;
    if (nb == 0) return;
    size_t seen = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (row->period_role != 3) continue;
        seen++;
        if (row->row_date.y) continue;
        if (hint->period_end.y) {
            t2x_date d = hint->period_end;
            d.y -= (int)(nb - seen);
            if (d.m == 2 && d.d == 29) d.d = 28;
            row->row_date = d;
            t2x_diag_add(diag, T2X_WARNING, name, L->v[row->line].no, "period-guess",
                         "balance row \"%s\" names no date; assumed the fiscal year end", row->label);
        }
    }
}

/* Do columns c and d both hold an amount of one row? */
static int share_a_row(const t2x_table *t, int c, int d)
{
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].kind == T2X_ROW_ITEM && t->rows[r].cells[c].present && t->rows[r].cells[d].present) return 1;
    return 0;
}

/* Two columns of one table read as one period (a damaged or ambiguous heading: "September 27,
 * 1996, and September 29, 1995" over both) cannot both be it when a row has an amount in
 * each: neither is tagged. (Columns that share no row are one printed column split in two.) */
static void same_period_columns(t2x_table *t, const t2x_lines *L, const char *name, t2x_diag *diag)
{
    for (int c = 0; c < t->ncols; c++)
        for (int d = c + 1; d < t->ncols; d++) {
            t2x_column *a = &t->cols[c], *b = &t->cols[d];
            if (!a->dated || !b->dated || a->instant != b->instant || t2x_date_cmp(a->end, b->end) != 0 ||
                (!a->instant && t2x_date_cmp(a->start, b->start) != 0) ||
                ((a->member || b->member) && (!a->member || !b->member || strcmp(a->member, b->member) != 0)))
                continue; /* other periods, or other members of a dimension */
            if (!share_a_row(t, c, d)) continue;
            if (!a->skip || !b->skip)
                t2x_diag_add(diag, T2X_WARNING, name, L->v[t->title_line].no, "period-ambiguous",
                             "%s columns %d and %d both read as the period ending %04d-%02d-%02d; neither is tagged",
                             t2x_stmt_kind_name(t->kind), c + 1, d + 1, a->end.y, a->end.m, a->end.d);
            a->skip = b->skip = 1;
        }
}

void t2x_periods_resolve(t2x_table *t, const t2x_lines *L, const t2x_period_hint *hint,
                         const char *name, t2x_diag *diag)
{
    if (t->kind == T2X_STMT_EQUITY) {
        resolve_equity(t, hint, name, L, diag);
        return;
    }
    int instant = t->kind == T2X_STMT_BALANCE;
    int note = t->kind == T2X_STMT_NOTE;
    /* statement-wide phrase: the title and the lines just below it */
    char title_phrase[512] = "";
    for (size_t i = t->title_line; i < t->first + 6 && i < t->end; i++) {
        size_t n = strlen(title_phrase);
        snprintf(title_phrase + n, sizeof title_phrase - n, " %.*s", 200, L->v[i].text);
    }
    for (int c = 0; c < t->ncols; c++) {
        t2x_column *col = &t->cols[c];
        const char *h = col->header ? col->header : "";
        char u[512];
        lower_copy(h, u, sizeof u);
        if (strstr(u, "pro forma") || strstr(u, "proforma") || strstr(u, "percent") ||
            strstr(u, "% of") || strstr(u, "change") || strstr(u, "increase")) {
            col->skip = 1;
            continue;
        }
        /* a development-stage company's cumulative column ("March 28, 2005 (Date of Inception)
         * to September 30, 2008"): not a fiscal period; left untagged so that it does not take
         * the year's end date from the year's own column */
        if (strstr(u, "inception") && !instant) {
            t2x_diag_add(diag, T2X_WARNING, name, L->v[t->title_line].no, "period-unknown",
                         "%s column %d (\"%s\"): a cumulative period since inception; not tagged",
                         t2x_stmt_kind_name(t->kind), c + 1, h);
            col->skip = 1;
            continue;
        }
        col->instant = instant;
        if (note) {
            /* a note column is a date ("December 31, 2002") unless it names a period; with
             * years alone it serves both (each row's concept picks the instant or the year) */
            int pm, pw, hm, hd;
            t2x_period_length(h, &pm, &pw);
            col->instant = !pm && !pw && t2x_month_day(h, &hm, &hd) && !strstr(u, "ended") && !strstr(u, "ending");
        }
        t2x_date d = {0, 0, 0};
        int len;
        int y = 0, m = 0, dd = 0;
        int at;
        if ((at = t2x_date_find(h, &d, &len)) >= 0) {
            y = d.y;
            m = d.m;
            dd = d.d;
            /* "September 27, 1996, and September 29, 1995" over "1996  1995": the column's own
             * year picks its date; a year no date names keeps the first date's month and day */
            int y2 = last_year(h);
            if (y2 && y2 != y) {
                t2x_date e;
                int l2, k = at + len, found = 0;
                while (!found && (at = t2x_date_find(h + k, &e, &l2)) >= 0) {
                    if (e.y == y2) {
                        m = e.m;
                        dd = e.d;
                        found = 1;
                    }
                    k += at + l2;
                }
                y = y2;
                /* the month and day are borrowed from another year's date ("FOR THREE YEARS
                 * ENDED DECEMBER 31, 2000" over "1999"): in 52/53-week years a guess */
                if (!found) col->end_guessed = 1;
            }
        } else {
            y = last_year(h);
            if (!t2x_month_day(h, &m, &dd)) {
                t2x_month_day(title_phrase, &m, &dd);
                col->end_guessed = 1;
            }
        }
        if (!y) {
            /* a single undated column of a quarterly/annual report is the current period */
            if (t->ncols == 1 && hint->period_end.y) y = hint->period_end.y;
        }
        /* a month without its day ("Year Ended November" over "2002"): the report's own period
         * end when it is that month of that year (a 52-53 week year ends on November 29), else
         * the month's last day */
        if (m && !dd && y == hint->period_end.y && m == hint->period_end.m) dd = hint->period_end.d;
        if (m && !dd) dd = y ? t2x_days_in_month(y, m) : 0;
        if (!m) col->end_guessed = 1;
        if (!m && hint->period_end.y) {
            if (y == hint->period_end.y || instant == 0) {
                m = hint->period_end.m;
                dd = hint->period_end.d;
            } else if (hint->fye_month) {
                m = hint->fye_month;
                dd = hint->fye_day;
            }
        }
        if (!y || !m || !dd) {
            t2x_diag_add(diag, note ? T2X_INFO : T2X_WARNING, name, L->v[t->title_line].no, "period-unknown",
                         "%s column %d (\"%s\"): no date found; not tagged",
                         t2x_stmt_kind_name(t->kind), c + 1, h);
            col->skip = 1;
            continue;
        }
        t2x_date end = {y, m, dd};
        if (!t2x_date_valid(end)) {
            if (m == 2 && dd == 29) end.d = 28;
            if (!t2x_date_valid(end)) {
                col->skip = 1;
                continue;
            }
        }
        col->end = end;
        col->dated = 1;
        if (col->instant) continue;
        int months = 0, weeks = 0;
        t2x_period_length(h, &months, &weeks);
        if (!months && !weeks) t2x_period_length(title_phrase, &months, &weeks);
        if (!months && !weeks) {
            months = hint->annual ? 12 : 3;
            t2x_diag_add(diag, note ? T2X_INFO : T2X_WARNING, name, L->v[t->title_line].no, "period-guess",
                         "%s column %d (\"%s\"): period length not printed; assumed %d months",
                         t2x_stmt_kind_name(t->kind), c + 1, h, months);
        }
        col->months = months;
        col->weeks = weeks;
        if (weeks) col->start = t2x_date_add_days(end, -7 * weeks + 1);
        else col->start = t2x_date_months_back(end, months);
    }
    same_period_columns(t, L, name, diag);
}
