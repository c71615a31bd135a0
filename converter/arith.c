/*
 * arith.c — subtotal and sign solver (arith.h).
 *
 * Rows are pushed on a stack as they come. A row drawn under a rule, unlabeled, or labelled
 * "Total …" may close the last k rows of the stack: we look for signs e_i ∈ {±1} with
 * Σ e_i·x_i = S in every column (Gray-code enumeration, k ≤ MAX_K), preferring the largest k
 * and then the signs closest to the print. The rows it closes leave the stack and the subtotal
 * takes their place, so nested groups (expenses → operating income → pre-tax → net) resolve.
 */
#include "arith.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define MAX_K 14
#define MAX_C 16

static int starts_total(const char *label)
{
    return t2x_starts_with_ci(label, "total") || t2x_starts_with_ci(label, "net ") ||
           t2x_starts_with_ci(label, "income before") || t2x_starts_with_ci(label, "earnings before") ||
           t2x_starts_with_ci(label, "loss before") || t2x_starts_with_ci(label, "income (loss) before");
}

int t2x_row_is_per_share_or_shares(const t2x_row *r, int ncols)
{
    char u[512];
    size_t n = 0;
    for (const char *p = r->label; *p && n < sizeof u - 1; p++) u[n++] = (char)tolower((unsigned char)*p);
    u[n] = '\0';
    /* share counts */
    if (strstr(u, "shares outstanding") || strstr(u, "number of shares") || strstr(u, "weighted average") ||
        strstr(u, "average shares") || strstr(u, "average common") || strstr(u, "shares used"))
        return 1;
    /* per-share amounts: so worded, unless the row holds whole amounts ("Cash dividends of $.48
     * per common share  (57,196)" is money) */
    int whole = 0, frac = 0, cents = 0;
    for (int c = 0; c < ncols; c++) {
        if (!r->cells[c].present || r->cells[c].num.dash) continue;
        if (r->cells[c].num.frac == 0) whole = 1;
        else frac = 1;
        if (r->cells[c].num.frac >= 2 && r->cells[c].num.mant < 100000) cents = 1;
    }
    int big = whole && !frac;
    if (strstr(u, "per share") || strstr(u, "per common share") || strstr(u, "per-share") ||
        strstr(u, "earnings per") || strstr(u, "income per") || strstr(u, "loss per") ||
        strncmp(u, "basic", 5) == 0 || strncmp(u, "diluted", 7) == 0 || strncmp(u, "primary", 7) == 0 ||
        strncmp(u, "fully diluted", 13) == 0 || strstr(u, "per share of"))
        return !big;
    return cents;
}

/* value of a cell in units of 10^-F */
static long long cell_units(const t2x_cell *c, int F)
{
    if (!c->present || c->num.dash) return 0;
    long long v = c->num.mant;
    for (int k = c->num.frac; k < F; k++) v *= 10;
    return c->num.negative ? -v : v;
}

typedef struct solver {
    int ncols;
    int colok[MAX_C];         /* columns that take part */
    long long tol;
} solver;

/* Try signs for the k rows xs[0..k) against the subtotal s. Returns the number of columns
 * that match for the best sign vector (all present columns is a full match); *best_e gets it. */
static int try_signs(const solver *sv, long long xs[][MAX_C], int k, const long long *s,
                     const int *s_present, int *best_e, int *nmatch_cols, int need_all)
{
    long long sum[MAX_C];
    int e[MAX_K];
    int present_cols = 0;
    for (int c = 0; c < sv->ncols; c++) {
        if (!sv->colok[c] || !s_present[c]) continue;
        int any = 0;
        for (int i = 0; i < k; i++) any |= xs[i][c] != 0;
        if (any || s[c] == 0) present_cols++;
    }
    if (present_cols == 0) return 0;
    for (int c = 0; c < sv->ncols; c++) {
        sum[c] = 0;
        for (int i = 0; i < k; i++) sum[c] += xs[i][c];
    }
    for (int i = 0; i < k; i++) e[i] = 1;
    int best_match = -1, best_flips = 1 << 30;
    unsigned long total = 1ul << k;
    for (unsigned long g = 0; g < total; g++) {
        if (g) { /* Gray code: flip one sign */
            int bit = __builtin_ctzl(g);
            e[bit] = -e[bit];
            for (int c = 0; c < sv->ncols; c++) sum[c] += 2 * e[bit] * xs[bit][c];
        }
        int match = 0, checked = 0;
        for (int c = 0; c < sv->ncols; c++) {
            if (!sv->colok[c] || !s_present[c]) continue;
            checked++;
            long long d = sum[c] - s[c];
            if (d < 0) d = -d;
            if (d <= sv->tol) match++;
            else if (need_all) break;
        }
        if (need_all && match < checked) continue;
        int flips = 0;
        for (int i = 0; i < k; i++) flips += e[i] < 0;
        if (match > best_match || (match == best_match && flips < best_flips)) {
            best_match = match;
            best_flips = flips;
            memcpy(best_e, e, sizeof(int) * (size_t)k);
        }
    }
    *nmatch_cols = best_match < 0 ? 0 : best_match;
    return present_cols;
}

static void add_issue(t2x_calc_issues *is, size_t row, int col, long long printed, long long computed, int F)
{
    is->v = t2x_grow(is->v, &is->cap, is->n + 1, sizeof *is->v);
    t2x_calc_issue *x = &is->v[is->n++];
    x->row = row;
    x->col = col;
    int neg_p = printed < 0, neg_c = computed < 0;
    x->printed = t2x_num_value_string(neg_p ? -printed : printed, F, 0, neg_p);
    x->computed = t2x_num_value_string(neg_c ? -computed : computed, F, 0, neg_c);
}

static void solve_equity(t2x_table *t, t2x_calc_issues *issues)
{
    int F = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        t->rows[r].dir = 1;
        for (int c = 0; c < t->ncols; c++)
            if (t->rows[r].cells[c].present && t->rows[r].cells[c].num.frac > F) F = t->rows[r].cells[c].num.frac;
    }
    long long tol = t->scale > 0 ? 1 : 0;
    for (int c = 0; c < t->ncols && c < MAX_C; c++) {
        if (t->cols[c].skip || t->cols[c].share_column) continue;
        long long run = 0;
        int have = 0;
        for (size_t r = 0; r < t->nrows; r++) {
            t2x_row *row = &t->rows[r];
            if (row->kind != T2X_ROW_ITEM) continue;
            const t2x_cell *cell = &row->cells[c];
            if (row->period_role) {
                if (!cell->present) continue;
                long long v = cell_units(cell, F);
                if (have) {
                    long long d = run - v;
                    if (d < 0) d = -d;
                    if (d > tol) add_issue(issues, r, c, v, run, F);
                }
                run = v;
                have = 1;
            } else if (have && !t2x_starts_with_ci(row->label, "total") &&
                       !t2x_row_is_per_share_or_shares(row, t->ncols)) {
                run += cell_units(cell, F);
            }
        }
    }
}

void t2x_arith_solve(t2x_table *t, t2x_calc_issues *issues)
{
    if (t->kind == T2X_STMT_EQUITY) {
        solve_equity(t, issues);
        return;
    }
    int nc = t->ncols < MAX_C ? t->ncols : MAX_C;
    solver sv;
    memset(&sv, 0, sizeof sv);
    sv.ncols = nc;
    for (int c = 0; c < nc; c++) sv.colok[c] = !t->cols[c].skip;
    int F = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (!t2x_row_is_per_share_or_shares(&t->rows[r], t->ncols))
            for (int c = 0; c < nc; c++)
                if (t->rows[r].cells[c].present && t->rows[r].cells[c].num.frac > F)
                    F = t->rows[r].cells[c].num.frac;
    /* working values (a failed column of a subtotal takes its computed sum) */
    long long (*val)[MAX_C] = t2x_xcalloc(t->nrows ? t->nrows : 1, sizeof *val);
    int (*pres)[MAX_C] = t2x_xcalloc(t->nrows ? t->nrows : 1, sizeof *pres);
    for (size_t r = 0; r < t->nrows; r++)
        for (int c = 0; c < nc; c++) {
            val[r][c] = cell_units(&t->rows[r].cells[c], F);
            pres[r][c] = t->rows[r].cells[c].present;
        }
    size_t *stack = t2x_xmalloc(sizeof(size_t) * (t->nrows + 1));
    size_t sp = 0;
    long long xs[MAX_K][MAX_C];
    int e[MAX_K];
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        row->parent = -1;
        row->weight_sign = 1;
        if (row->kind != T2X_ROW_ITEM || t2x_row_is_per_share_or_shares(row, t->ncols)) continue;
        int total_label = starts_total(row->label);
        int present = 0;
        for (int c = 0; c < nc; c++) present += pres[r][c] && sv.colok[c];
        /* any row may close a group when two or more columns must all add up; a single
         * column needs a printed rule, a "Total" label or no label */
        int candidate = row->rule_above || !row->label[0] || total_label || present >= 2;
        int accepted = 0;
        if (candidate && sp > 0) {
            int kmax = sp < MAX_K ? (int)sp : MAX_K;
            int kmin = t2x_starts_with_ci(row->label, "total") ? 1 : 2;
            int soft = !(row->rule_above || !row->label[0] || total_label);
            if (soft) {
                /* a row with neither rule nor total wording closes a short group only, and
                 * never a total: accounting identities must not pass for structure */
                if (kmax > 4) kmax = 4;
                for (int k = 1; k <= kmax; k++)
                    if (t2x_starts_with_ci(t->rows[stack[sp - (size_t)k]].label, "total")) {
                        kmax = k - 1;
                        break;
                    }
            }
            for (int pass = 0; pass < 2 && !accepted; pass++) {
                /* pass 0: every column must add up; pass 1: at least half of them */
                if (pass == 1 && !(row->rule_above || total_label || !row->label[0])) break;
                int best_k = 0, best_match = 0, best_e[MAX_K];
                for (int k = kmax; k >= kmin; k--) {
                    if (pass == 1 && k < 2) break;
                    for (int i = 0; i < k; i++)
                        for (int c = 0; c < nc; c++) xs[i][c] = val[stack[sp - (size_t)k + (size_t)i]][c];
                    sv.tol = t->scale > 0 ? (k + 1) / 2 : 0;
                    int m = 0;
                    int cols = try_signs(&sv, xs, k, val[r], pres[r], e, &m, pass == 0);
                    if (cols == 0) continue;
                    if (pass == 0 && m == cols) {
                        best_k = k;
                        best_match = m;
                        memcpy(best_e, e, sizeof(int) * (size_t)k);
                        break;
                    }
                    if (pass == 1 && m >= 1 && m * 2 >= cols && m < cols && m > best_match) {
                        best_k = k;
                        best_match = m;
                        memcpy(best_e, e, sizeof(int) * (size_t)k);
                    }
                }
                if (!best_k) continue;
                /* leading rows that cancel each other (a figure repeated with the opposite sign)
                 * are not part of the group: the shorter group adds up just as well */
                for (int j = best_k - 1; j >= 1; j--) {
                    int zero = 1;
                    for (int c = 0; c < nc && zero; c++) {
                        long long sum = 0;
                        for (int i = 0; i < j; i++) sum += best_e[i] * val[stack[sp - (size_t)best_k + (size_t)i]][c];
                        zero = sum == 0;
                    }
                    int nonzero_rows = 0;
                    for (int i = 0; i < j; i++)
                        for (int c = 0; c < nc; c++)
                            if (val[stack[sp - (size_t)best_k + (size_t)i]][c]) { nonzero_rows++; break; }
                    if (zero && nonzero_rows >= 2 && best_k - j >= 1) {
                        memmove(best_e, best_e + j, sizeof(int) * (size_t)(best_k - j));
                        best_k -= j;
                        break;
                    }
                }
                /* accept: children, signs, and the columns that disagree */
                for (int c = 0; c < nc; c++) {
                    if (!sv.colok[c] || !pres[r][c]) continue;
                    long long sum = 0;
                    for (int i = 0; i < best_k; i++) sum += best_e[i] * val[stack[sp - (size_t)best_k + (size_t)i]][c];
                    long long d = sum - val[r][c];
                    if (d < 0) d = -d;
                    if (d > (t->scale > 0 ? (best_k + 1) / 2 : 0)) {
                        add_issue(issues, r, c, val[r][c], sum, F);
                        val[r][c] = sum; /* later sums use the consistent value */
                    }
                }
                for (int i = 0; i < best_k; i++) {
                    t2x_row *ch = &t->rows[stack[sp - (size_t)best_k + (size_t)i]];
                    ch->parent = (int)r;
                    ch->weight_sign = best_e[i];
                }
                sp -= (size_t)best_k;
                row->is_subtotal = 1;
                accepted = 1;
            }
        }
        stack[sp++] = r;
    }
    /* directions: from the top totals down */
    for (size_t k = t->nrows; k-- > 0;) {
        t2x_row *row = &t->rows[k];
        if (row->parent >= 0) {
            row->dir = row->weight_sign * t->rows[row->parent].dir;
            row->solved = 1;
        } else {
            row->dir = 1;
            row->solved = row->is_subtotal;
        }
    }
    free(stack);
    free(val);
    free(pres);
}

void t2x_calc_issues_free(t2x_calc_issues *is)
{
    for (size_t i = 0; i < is->n; i++) {
        free(is->v[i].printed);
        free(is->v[i].computed);
    }
    free(is->v);
    memset(is, 0, sizeof *is);
}
