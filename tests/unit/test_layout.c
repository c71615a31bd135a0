/*
 * test_layout.c — layout invariance (issue 9 item 7). Every primary statement of every text
 * filing of ../shared/corpus (MANIFEST.tsv; skipped when absent) and of samples/ is printed
 * again in each legacy style of retypeset.c (column widths, TABs, dot leaders, `$` placement,
 * parentheses or minus signs, the scale caption in the title / heading / years line / first
 * row, one- and two-level headings, a <PAGE> break, wrapped labels holding numbers, a notes
 * column), wrapped in a minimal filing and converted again with the library. For each fact of
 * the original reading, the new reading must give the same concept, context, unit and value,
 * or nothing (the row left untagged) — never another value: `wrong` must be 0.
 *
 * What the oracle checks: facts are matched by concept + context (period and dimensions) +
 * unit, never by position, so a reading that puts a column under the other column's period, a
 * scale off by a thousand or a sign flipped gives facts whose key the original has with
 * another value — the oracle_* tests prove that with deliberately misprinted renderings.
 *
 * Untagged facts are allowed up to a ceiling per style (max_missing_pct below), set from the
 * measurement of the day it was written plus a small margin, so a reader change that loses
 * facts fails here. Lower a ceiling when the reader improves. Figures per style go to the test
 * output; T2X_LAYOUT_LOG=FILE writes the first missing and wrong facts of each style there,
 * T2X_LAYOUT_DUMP=DIR every rendering.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "factdiff.h"
#include "filing.h"
#include "retypeset.h"
#include "testutil.h"

/* Ceilings of untagged facts per style, in percent of the facts compared, with the whole
 * corpus present (measured 2026-12-02 on main 4c01c07 + the <PAGE>/HTML fix: the figures in the
 * test output; causes in docs/layout-findings.md), one point above the measurement.
 * Lower a ceiling when the reader improves; a reader change that loses facts fails here.
 * caption-heading was raised by 5 points when two columns read as one period (W2) stopped
 * being tagged (issue 12 D10, period-ambiguous): its wrong values fell from 494 to 46.
 * Re-measured on 507fac5 (the clash pass leaves both values of a clash untagged: part of the
 * W1 misreads became untagged, wrong 96 -> 89, untagged 2.26% -> 2.52% in plain).
 * notes-column fell from 84% to 3.7% untagged when a "Note  1997  1996" heading
 * stopped ending the statement (M1); its wrong values are now plain's W1 and W6 (95).
 * notes-column 1.41% -> 0.34% untagged, wrong 6 -> 0, and everything 18.3% -> 2.5% when the
 * notes column became a column of its own (notecol.c: W6), its numbers no longer an amount
 * column, and a wrapped heading's word carried over at its own indent was joined (W5). */
static const struct {
    const char *style;
    double max_missing_pct;
} ceilings[] = {
    {"plain", 1.3},
    {"dots-detached", 1.3},
    {"title-phrase", 1.3},
    {"leading-minus", 1.3},
    {"trailing-minus", 1.4},
    {"caption-heading", 1.3},
    {"caption-first-row", 1.3},
    {"years-on-caption", 1.3},
    {"tabs", 1.3},
    {"narrow-wrap", 8.6},
    {"wrap-at-number", 1.5},
    {"notes-column", 1.3},
    {"page-repeat", 1.3},
    {"page-bare", 1.5},
    {"stacked-abbrev", 1.3},
    {"narrow-columns", 1.3},
    {"everything", 2.8},
};

/* Known wrong readings of today's reader, per style: at most `max` wrong facts, for the reasons
 * given (W1… in docs/layout-findings.md). Any other wrong value fails the test; remove an
 * entry (or lower max) when the reader is fixed. Counted over corpus and samples.
 *   W1: the scale caption is taken from a row label of the previous statement ("… per share
 *       (in thousands)  123,734") up to 6 lines above the title, across <PAGE> — Apple 1996
 *       equity and Apple 10-Q 1997 balance sheet read in thousands instead of millions (96).
 *       Fixed (hhead): the scan stops at a page break, "accompanying notes", a row with amounts.
 *   W2: a heading line holding the scale caption is dropped whole, with the period phrase or
 *       dates printed on it ("(in millions)   Three Months Ended   Six Months Ended"): every
 *       column guessed 3 months, six-month figures tagged as the quarter (BMS 10-Qs).
 *   W3: a period phrase alone on its heading line is given to every column even when printed
 *       over the first group only ("Three Months" over "Ended   Six Months Ended" over
 *       "June 30,   June 30,"): six- and nine-month figures tagged as the quarter (BMS 10-Qs);
 *       since dd5cbc2 the two columns of one period are left untagged instead (narrow-wrap's
 *       untagged share), no longer wrong.
 *   W4: a wrapped section heading in capitals ("CASH FLOWS FROM FINANCING" / "ACTIVITIES") or
 *       a wrapped label is not joined, the section or subtotal is lost and signs flip (Bear
 *       Stearns financing payments, Ford 1993 depreciation). Fixed: a rule line printed under
 *       the heading's second line no longer hides the rows it heads (table.c wrapped_heading).
 *   W5: a wrapped group heading ("Average Common Shares" / "Outstanding") is not joined; its
 *       children "Basic" / "Diluted" map to EarningsPerShareBasic/Diluted with share counts
 *       (BMS 10-Q 2001).
 *   W6: a note reference left in a label ("Discontinued Operations, net   3   99") changes
 *       the row's mapping, and the per-share row of the same name takes the money concept:
 *       IncomeLossFromDiscontinuedOperationsNetOfTax = 0.09 x 10^6 (BMS 10-Qs 2000, 2001).
 *       Fixed: the notes column is found from its aligned cells and blanked (notecol.c). */
static const struct {
    const char *style;
    size_t max;
    const char *why;
} known_wrong[] = {
    {"plain", 0, "none left"},
    {"dots-detached", 0, "none left"},
    {"title-phrase", 0, "none left"},
    {"leading-minus", 0, "none left"},
    {"trailing-minus", 0, "none left"},
    {"caption-heading", 0, "none left"},
    {"caption-first-row", 0, "none left"},
    {"years-on-caption", 0, "none left"},
    {"tabs", 0, "none left"},
    {"narrow-wrap", 0, "none left"},
    {"wrap-at-number", 0, "none left"},
    {"notes-column", 0, "none left"},
    {"page-repeat", 0, "none left"},
    {"page-bare", 0, "none left"},
    {"stacked-abbrev", 0, "none left"},
    {"narrow-columns", 0, "none left"},
    {"everything", 0, "none left"},
};

static const char *corpus_dir(void)
{
    static char dir[4096];
    const char *env = getenv("T2X_CORPUS");
    snprintf(dir, sizeof dir, "%s", env ? env : srcpath("../shared/corpus"));
    return dir;
}

static t2x_options options(void)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    opt.formats = T2X_FMT_MODEL;
    return opt;
}

/* Per-style totals. */
typedef struct tally {
    size_t statements, conversions, failed;
    fd_result r;
    t2x_buf log;     /* per filing: figures and the first missing and wrong facts */
} tally;

/* Convert the rendering of `f` in `st` and compare its facts with `orig`. */
static void run_style(const t2x_filing *f, const char *name, const fd_facts *orig, const rt_style *st, tally *ty)
{
    size_t len = 0, nst = 0;
    char *text = rt_render_filing(f, st, &len, &nst);
    const char *dump = getenv("T2X_LAYOUT_DUMP");
    if (dump) {
        char path[4300];
        snprintf(path, sizeof path, "%s/%s.%s.txt", dump, name, st->name);
        FILE *o = fopen(path, "wb");
        if (o) {
            fwrite(text, 1, len, o);
            fclose(o);
        }
    }
    t2x_options opt = options();
    t2x_diag d = {0};
    t2x_filing *g = NULL;
    fd_facts got = {0};
    ty->statements += nst;
    ty->conversions++;
    if (t2x_convert_bytes((const unsigned char *)text, len, name, &opt, &d, &g) == T2X_OK) {
        fd_collect(g->model, 0, &got);
    } else {
        ty->failed++;
        t2x_buf_printf(&ty->log, "  %s: conversion failed: %s\n", name, d.count ? d.items[d.count - 1].message : "?");
    }
    fd_result r = {0};
    t2x_buf detail = {0};
    int mbudget = 6, wbudget = 30; /* the first few per filing */
    fd_compare(orig, &got, &r, &detail, &mbudget, &wbudget);
    t2x_buf_printf(&ty->log, "  %s: %zu statements, %zu facts, %zu same, %zu untagged, %zu wrong, %zu extra\n%.*s", name,
                   nst, r.compared, r.same, r.missing, r.wrong, r.extra, (int)detail.len,
                   detail.data ? detail.data : "");
    free(detail.data);
    ty->r.compared += r.compared;
    ty->r.same += r.same;
    ty->r.missing += r.missing;
    ty->r.replaced += r.replaced;
    ty->r.wrong += r.wrong;
    ty->r.extra += r.extra;
    fd_free(&got);
    t2x_filing_free(g);
    t2x_diag_free(&d);
    free(text);
}

/* Convert one original filing and run every style on it. Returns 0 when it is not converted. */
static int run_filing(const char *path, const char *name, tally *ty, size_t *nfacts)
{
    t2x_options opt = options();
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    if (t2x_convert_file(path, &opt, &d, &f) != T2X_OK) {
        t2x_diag_free(&d);
        return 0;
    }
    fd_facts orig;
    fd_collect(f->model, 1, &orig);
    *nfacts += orig.n;
    for (size_t s = 0; s < rt_nstyles; s++) run_style(f, name, &orig, &rt_styles[s], &ty[s]);
    fd_free(&orig);
    t2x_filing_free(f);
    t2x_diag_free(&d);
    return 1;
}

/* The untagged ceiling of a style (a style not listed must leave nothing untagged). */
static double ceiling_of(const char *style)
{
    for (size_t i = 0; i < sizeof ceilings / sizeof ceilings[0]; i++)
        if (strcmp(ceilings[i].style, style) == 0) return ceilings[i].max_missing_pct;
    return 0;
}

/* Wrong facts tolerated in a style today, with the reasons (0 and "" when none). */
static size_t known_wrong_of(const char *style, const char **why)
{
    *why = "";
    for (size_t i = 0; i < sizeof known_wrong / sizeof known_wrong[0]; i++)
        if (strcmp(known_wrong[i].style, style) == 0) {
            *why = known_wrong[i].why;
            return known_wrong[i].max;
        }
    return 0;
}

static void test_matrix(void **state)
{
    (void)state;
    tally *ty = calloc(rt_nstyles, sizeof *ty);
    size_t filings = 0, facts = 0;
    int corpus = 0;
    char path[4200], line[4096];
    snprintf(path, sizeof path, "%s/MANIFEST.tsv", corpus_dir());
    FILE *m = fopen(path, "r");
    if (m) {
        corpus = 1;
        while (fgets(line, sizeof line, m)) {
            if (strncmp(line, "file\t", 5) == 0) continue;
            char *name = strtok(line, "\t");
            for (int k = 0; k < 3; k++) strtok(NULL, "\t");
            char *kind = strtok(NULL, "\t");
            if (!name || !kind || strcmp(kind, "text") != 0) continue;
            snprintf(path, sizeof path, "%s/%s", corpus_dir(), name);
            filings += run_filing(path, name, ty, &facts);
        }
        fclose(m);
    }
    static const char *const samples[] = {"samples/alg-10k-2003.txt", "samples/alg-10q-2003q1.txt"};
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++)
        filings += run_filing(srcpath(samples[i]), samples[i] + 8, ty, &facts);
    assert_true(filings >= 2);
    print_message("layout: %zu filings (%s), %zu original primary-statement facts, %zu styles\n", filings,
                  corpus ? "corpus and samples" : "samples only", facts, rt_nstyles);
    print_message("%-18s %6s %7s %8s %8s %8s %6s %6s %8s\n", "style", "stmts", "failed", "compared", "same",
                  "untagged", "wrong", "extra", "untag%");
    fd_result all = {0};
    size_t stmts = 0;
    int failures = 0;
    const char *logpath = getenv("T2X_LAYOUT_LOG");
    FILE *log = logpath ? fopen(logpath, "w") : NULL;
    for (size_t s = 0; s < rt_nstyles; s++) {
        const fd_result *r = &ty[s].r;
        double miss = r->compared ? 100.0 * (double)r->missing / (double)r->compared : 0;
        print_message("%-18s %6zu %7zu %8zu %8zu %8zu %6zu %6zu %7.2f%%\n", rt_styles[s].name, ty[s].statements,
                      ty[s].failed, r->compared, r->same, r->missing, r->wrong, r->extra, miss);
        stmts += ty[s].statements;
        all.compared += r->compared;
        all.same += r->same;
        all.missing += r->missing;
        all.replaced += r->replaced;
        all.wrong += r->wrong;
        all.extra += r->extra;
        if (log) fprintf(log, "== %s\n%.*s", rt_styles[s].name, (int)ty[s].log.len, ty[s].log.data ? ty[s].log.data : "");
        const char *why;
        size_t known = corpus ? known_wrong_of(rt_styles[s].name, &why) : 0;
        if (r->wrong > known) {
            print_message("FAIL: style %s gives %zu wrong values (known today: %zu)\n", rt_styles[s].name, r->wrong, known);
            failures++;
        } else if (r->wrong) {
            print_message("  known wrong in %s: %zu (%s; see LAYOUT-FINDINGS)\n", rt_styles[s].name, r->wrong, why);
        }
        double ceiling = corpus ? ceiling_of(rt_styles[s].name) : 100;
        if (miss > ceiling) {
            print_message("FAIL: style %s leaves %.2f%% untagged (ceiling %.2f%%)\n", rt_styles[s].name, miss, ceiling);
            failures++;
        }
        if (corpus && miss <= ceiling && r->wrong <= known && (miss + 1.0 < ceiling - 0.5 || r->wrong < known))
            print_message("  the reader improved in %s: tighten it to {\"%s\", %.1f} and {\"%s\", %zu, …}\n",
                          rt_styles[s].name, rt_styles[s].name, miss + 1.0 < ceiling ? miss + 1.0 : ceiling,
                          rt_styles[s].name, r->wrong);
        free(ty[s].log.data);
    }
    if (log) fclose(log);
    print_message("%-18s %6zu %7s %8zu %8zu %8zu %6zu %6zu\n", "all", stmts, "", all.compared, all.same,
                  all.missing, all.wrong, all.extra);
    free(ty);
    /* the matrix compares something: most facts come out again */
    assert_true(all.compared > 0);
    assert_true(all.same * 2 > all.compared);
    assert_int_equal(failures, 0);
}

/* ---------------------------------------------------------------- the oracle can fail */

static t2x_filing *sample_10k;
static fd_facts sample_facts;

static int setup(void **state)
{
    (void)state;
    t2x_options opt = options();
    t2x_diag d = {0};
    int rc = t2x_convert_file(srcpath("samples/alg-10k-2003.txt"), &opt, &d, &sample_10k) == T2X_OK ? 0 : -1;
    t2x_diag_free(&d);
    if (rc == 0) fd_collect(sample_10k->model, 1, &sample_facts);
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    fd_free(&sample_facts);
    t2x_filing_free(sample_10k);
    t2x_cleanup();
    return 0;
}

static fd_result one(const rt_style *st)
{
    tally ty;
    memset(&ty, 0, sizeof ty);
    run_style(sample_10k, "alg-10k-2003.txt", &sample_facts, st, &ty);
    free(ty.log.data);
    return ty.r;
}

/* The faithful rendering gives the facts back: the comparison is not vacuous. */
static void oracle_plain(void **state)
{
    (void)state;
    fd_result r = one(&rt_styles[0]);
    assert_true(r.compared > 100);
    assert_int_equal(r.wrong, 0);
    assert_true(r.same * 100 >= r.compared * 95);
}

/* Column headings exchanged (1,234 printed under 2002 is read as 2002's figure): the same
 * concepts and periods come out with each other's values, and the oracle sees them. */
static void oracle_swapped_columns(void **state)
{
    (void)state;
    rt_style st = rt_styles[0];
    st.swap_headings = 1;
    fd_result r = one(&st);
    print_message("swapped: %zu compared, %zu same, %zu untagged, %zu replaced, %zu wrong\n", r.compared, r.same,
                  r.missing, r.replaced, r.wrong);
    assert_true(r.wrong > 50);
    assert_true(r.replaced > 50);
}

/* A caption stating another scale: every monetary fact is off by a factor of 1000. */
static void oracle_wrong_scale(void **state)
{
    (void)state;
    rt_style st = rt_styles[0];
    st.wrong_scale = 1;
    fd_result r = one(&st);
    assert_true(r.wrong > 50);
}

/* Every year a year later: the periods are ones the filing never reports, so the facts have
 * contexts the original has not — a misread date, counted as wrong, not as an extra fact. */
static void oracle_shifted_years(void **state)
{
    (void)state;
    rt_style st = rt_styles[0];
    st.shift_years = 1;
    fd_result r = one(&st);
    assert_true(r.wrong > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(oracle_plain),
        cmocka_unit_test(oracle_swapped_columns),
        cmocka_unit_test(oracle_wrong_scale),
        cmocka_unit_test(oracle_shifted_years),
        cmocka_unit_test(test_matrix),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
