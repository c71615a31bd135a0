/*
 * sharescale.c — the scale of a statement's share counts from its own arithmetic: net income /
 * basic EPS = weighted average shares (sharescale.h).
 */
#include "sharescale.h"
#include "arith.h"

#include <ctype.h>
#include <string.h>

/* The printed value of a cell, 0 when absent or a dash (then *ok is 0). */
static double cell_value(const t2x_cell *c, int *ok)
{
    *ok = c->present && !c->num.dash && c->num.mant != 0;
    if (!*ok) return 0;
    double v = (double)c->num.mant;
    for (int k = 0; k < c->num.frac; k++) v /= 10;
    return c->num.negative ? -v : v;
}

static double p10(int k)
{
    double v = 1;
    for (; k > 0; k--) v *= 10;
    for (; k < 0; k++) v /= 10;
    return v;
}

static int concept_is(const t2x_row *r, const char *const *names)
{
    if (!r->concept) return 0;
    for (const char *const *n = names; *n; n++)
        if (strcmp(r->concept, *n) == 0) return 1;
    return 0;
}

/* "Net income", "Net earnings", "Net (loss) income", "Net income (loss)": the words of the row
 * whose amount per share is earnings per share. */
static int says_net_income(const char *label)
{
    char u[64];
    size_t n = 0;
    for (const char *p = label; *p && n < sizeof u - 1; p++)
        if (*p != '(' && *p != ')') u[n++] = (char)tolower((unsigned char)*p);
    u[n] = '\0';
    static const char *const words[] = {"net income", "net earnings", "net loss income", "net loss",
                                        "net income loss", "net earnings loss", NULL};
    for (const char *const *w = words; *w; w++)
        if (strcmp(u, *w) == 0) return 1;
    return 0;
}

static int is_income_row(const t2x_table *t, const t2x_row *r, const char *const *names)
{
    return concept_is(r, names) || (says_net_income(r->label) && !t2x_row_amounts_look_per_share(r, t->ncols));
}

static int is_eps_row(const t2x_table *t, const t2x_row *r, const char *const *names)
{
    return concept_is(r, names) || (says_net_income(r->label) && t2x_row_amounts_look_per_share(r, t->ncols));
}

int t2x_share_scale(const t2x_table *t)
{
    if (t->scale == 0) return 0;
    static const char *const income[] = {"us-gaap:NetIncomeLoss", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic",
                                         NULL};
    static const char *const eps[] = {"us-gaap:EarningsPerShareBasic", "us-gaap:EarningsPerShareBasicAndDiluted", NULL};
    static const char *const shares[] = {"us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
                                         "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted", NULL};
    /* every (income, EPS, shares) triple whose columns all agree on one power names it; rows
     * that merely share the words (a per-share line of discontinued operations) fit none */
    int settled = -1;
    for (size_t a = 0; a < t->nrows; a++) {
        if (!is_income_row(t, &t->rows[a], income)) continue;
        for (size_t e = 0; e < t->nrows; e++) {
            if (!is_eps_row(t, &t->rows[e], eps)) continue;
            for (size_t s = 0; s < t->nrows; s++) {
                if (!concept_is(&t->rows[s], shares)) continue;
                int k = -1, cols = 0;
                for (int c = 0; c < t->ncols && k != -3; c++) {
                    int ok1, ok2, ok3;
                    double ni = cell_value(&t->rows[a].cells[c], &ok1) * p10(t->scale);
                    double ps = cell_value(&t->rows[e].cells[c], &ok2);
                    double n = cell_value(&t->rows[s].cells[c], &ok3);
                    if (!ok1 || !ok2 || !ok3) continue;
                    double ratio = ni / ps / n; /* the power of ten the printed count lacks */
                    int kc = -3;
                    for (int p = 0; p <= 9; p += 3)
                        if (ratio >= 0.85 * p10(p) && ratio <= 1.15 * p10(p)) kc = p;
                    k = cols++ && kc != k ? -3 : kc;
                }
                if (k < 0) continue;
                if (settled >= 0 && settled != k) return -1; /* two triples, two powers */
                settled = k;
            }
        }
    }
    return settled;
}
