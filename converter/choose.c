/*
 * choose.c — which of several candidate tables is a filing's statement of each kind (choose.h).
 * A candidate is judged by what it contains, not by its title or its size alone: its rows are
 * read with the label rules of taxonomy/labels.tsv, and the statements are checked against one
 * another as the accounts tie them together — the balance sheet balances (total assets = total
 * liabilities and equity), net income is the same in the income statement, the cash flow and
 * the equity statement, and cash at the end of the cash flow is the balance sheet's cash.
 */
#include "choose.h"
#include "mapping.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* The printed amounts that tie statements together, first column. */
typedef struct key_values {
    t2x_num assets, liab_equity, net_income, cash, cash_end;
    int markers[T2X_STMT_KIND_COUNT]; /* rows that only a statement of that kind has */
} key_values;

static int first_amount(const t2x_table *t, const t2x_row *row, t2x_num *out)
{
    for (int c = 0; c < t->ncols; c++)
        if (row->cells[c].present && !row->cells[c].num.dash) {
            *out = row->cells[c].num;
            return 1;
        }
    return 0;
}

static int same(const t2x_num *a, const t2x_num *b)
{
    return a->mant != 0 && a->mant == b->mant && a->frac == b->frac;
}

static int is(const char *concept, const char *name) { return strcmp(concept, name) == 0; }

/* Rows that name a statement kind by their concept alone. */
static t2x_stmt_kind marker_kind(const char *q)
{
    static const char *const bs[] = {"us-gaap:Assets", "us-gaap:LiabilitiesAndStockholdersEquity",
                                     "us-gaap:AssetsCurrent", "us-gaap:LiabilitiesCurrent", NULL};
    static const char *const inc[] = {"us-gaap:EarningsPerShareBasic", "us-gaap:EarningsPerShareDiluted",
                                      "us-gaap:EarningsPerShareBasicAndDiluted", "us-gaap:GrossProfit",
                                      "us-gaap:IncomeTaxExpenseBenefit", NULL};
    static const char *const cf[] = {"us-gaap:NetCashProvidedByUsedInOperatingActivities",
                                     "us-gaap:NetCashProvidedByUsedInInvestingActivities",
                                     "us-gaap:NetCashProvidedByUsedInFinancingActivities",
                                     "us-gaap:CashAndCashEquivalentsPeriodIncreaseDecrease", NULL};
    for (const char *const *p = bs; *p; p++)
        if (is(q, *p)) return T2X_STMT_BALANCE;
    for (const char *const *p = inc; *p; p++)
        if (is(q, *p)) return T2X_STMT_INCOME;
    for (const char *const *p = cf; *p; p++)
        if (is(q, *p)) return T2X_STMT_CASHFLOW;
    return T2X_STMT_ANY;
}

/* Read the key amounts of a candidate with the rules of its own kind, and count the rows that
 * mark each kind (read with that kind's rules). */
static void read_keys(t2x_table *t, const t2x_labelmap *lm, key_values *k)
{
    memset(k, 0, sizeof *k);
    t2x_sections_assign(t);
    static const t2x_stmt_kind kinds[] = {T2X_STMT_BALANCE, T2X_STMT_INCOME, T2X_STMT_CASHFLOW};
    for (size_t r = 0; r < t->nrows; r++) {
        const t2x_row *row = &t->rows[r];
        if (row->kind != T2X_ROW_ITEM || !row->label[0]) continue;
        char *norm = t2x_label_normalize(row->label);
        for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
            const t2x_label_rule *rule =
                t2x_labelmap_match(lm, kinds[i], kinds[i] == t->kind ? row->section : "", norm);
            if (rule && marker_kind(rule->concept) == kinds[i]) k->markers[kinds[i]]++;
        }
        const t2x_label_rule *own = t2x_labelmap_match(lm, t->kind, row->section, norm);
        free(norm);
        if (!own) continue;
        t2x_num v;
        if (!first_amount(t, row, &v)) continue;
        if (is(own->concept, "us-gaap:Assets")) k->assets = v;
        else if (is(own->concept, "us-gaap:LiabilitiesAndStockholdersEquity")) k->liab_equity = v;
        else if (is(own->concept, "us-gaap:NetIncomeLoss") && !k->net_income.mant) k->net_income = v;
        else if (is(own->concept, "us-gaap:CashAndCashEquivalentsAtCarryingValue") ||
                 is(own->concept, "us-gaap:Cash")) {
            if (t->kind == T2X_STMT_BALANCE && !k->cash.mant) k->cash = v;
            if (t->kind == T2X_STMT_CASHFLOW && (own->flags & T2X_RULE_BALANCE_END)) k->cash_end = v;
        }
    }
}

static int data_rows(const t2x_table *t)
{
    int n = 0;
    for (size_t r = 0; r < t->nrows; r++) n += t->rows[r].kind == T2X_ROW_ITEM;
    return n;
}

void t2x_choose_statements(t2x_table *v, size_t n, const t2x_labelmap *lm)
{
    if (!n) return;
    key_values *k = t2x_xcalloc(n, sizeof *k);
    int *score = t2x_xcalloc(n, sizeof *score);
    for (size_t i = 0; i < n; i++)
        if (v[i].kind != T2X_STMT_ANY) read_keys(&v[i], lm, &k[i]);
    /* a title that names no kind: the kind whose rows it plainly has, and no other's; else it
     * is not read as a statement */
    for (size_t i = 0; i < n; i++) {
        if (!v[i].kind_by_rows || v[i].kind == T2X_STMT_ANY) continue;
        int best = T2X_STMT_ANY, others = 0;
        for (int o = T2X_STMT_BALANCE; o <= T2X_STMT_CASHFLOW; o++) {
            if (k[i].markers[o] >= 2 && best == T2X_STMT_ANY) best = o;
            else others += k[i].markers[o];
        }
        v[i].kind = others ? T2X_STMT_ANY : (t2x_stmt_kind)best;
        if (v[i].kind != T2X_STMT_ANY) read_keys(&v[i], lm, &k[i]);
    }
    /* content: a table titled as one kind whose rows are plainly another's is that other
     * ("STATEMENT OF FINANCIAL CONDITION" over an income statement's rows, a cash flow printed
     * under "STATEMENT OF RETAINED EARNINGS") */
    for (size_t i = 0; i < n; i++) {
        t2x_stmt_kind own = v[i].kind;
        if (own != T2X_STMT_BALANCE && own != T2X_STMT_INCOME && own != T2X_STMT_CASHFLOW && own != T2X_STMT_EQUITY)
            continue;
        if (own != T2X_STMT_EQUITY && k[i].markers[own]) continue;
        for (int o = T2X_STMT_BALANCE; o <= T2X_STMT_CASHFLOW; o++)
            if (o != (int)own && !(own == T2X_STMT_EQUITY && o == T2X_STMT_INCOME) && k[i].markers[o] >= 2) {
                v[i].kind = (t2x_stmt_kind)o;
                read_keys(&v[i], lm, &k[i]);
                break;
            }
    }
    /* evidence of each candidate: within itself, and against the candidates of other kinds of
     * the same scope */
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind == T2X_STMT_ANY) continue;
        if (v[i].kind == T2X_STMT_BALANCE && k[i].assets.mant && k[i].liab_equity.mant)
            score[i] += same(&k[i].assets, &k[i].liab_equity) ? 4 : -4;
        if (v[i].kind <= T2X_STMT_EQUITY && !k[i].markers[v[i].kind] && v[i].kind != T2X_STMT_EQUITY)
            score[i] -= 2; /* none of the rows a statement of its kind has */
        if (v[i].kind_by_rows) score[i] -= 1; /* a title that names its kind wins a tie */
        for (size_t j = 0; j < n; j++) {
            if (j == i || v[j].kind == v[i].kind || v[j].kind == T2X_STMT_ANY || v[j].scope != v[i].scope) continue;
            if (same(&k[i].net_income, &k[j].net_income)) score[i] += 2;
            if (v[i].kind == T2X_STMT_BALANCE && same(&k[i].cash, &k[j].cash_end)) score[i] += 2;
            if (v[i].kind == T2X_STMT_CASHFLOW && same(&k[i].cash_end, &k[j].cash)) score[i] += 2;
        }
    }
    /* one statement of each kind and scope: the best evidence, then the most rows, then the
     * first printed */
    for (size_t i = 0; i < n; i++) {
        if (v[i].kind == T2X_STMT_ANY || v[i].kind == T2X_STMT_NOTE) continue;
        for (size_t j = 0; j < n; j++) {
            if (j == i || v[j].kind != v[i].kind || v[j].scope != v[i].scope) continue;
            int better = score[j] > score[i] ||
                         (score[j] == score[i] && (data_rows(&v[j]) > data_rows(&v[i]) ||
                                                   (data_rows(&v[j]) == data_rows(&v[i]) && j < i)));
            if (better) {
                v[i].kind = T2X_STMT_ANY;
                break;
            }
        }
    }
    free(score);
    free(k);
}
