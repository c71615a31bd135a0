/*
 * test_html_layout.c — layout invariance for HTML (issue 10: "everything issue 9 requires of
 * text statements holds here too"). Every primary statement of the text filings of
 * ../shared/corpus and of samples/ is printed again as an HTML submission in each style of
 * rt_html_styles (retypeset.c): amounts split across cells (`$` | `1,234` | `)`), spacer
 * columns, period phrases in spanning heading cells (COLSPAN) or in <TH>s, the scale caption
 * in a paragraph, the title or a heading cell, depth as &nbsp;, a padding style or empty cells,
 * <FONT>/<B> markup with &#36; and &#151;, a notes column, a table split by a page break.
 * It is converted by the HTML reader, and each fact of the original reading must come out
 * with the same concept, context, unit and value, or not at all: never another value.
 *
 * Untagged facts are allowed up to a ceiling per style, measured; a reader change that loses
 * facts or gives one wrong value fails. T2X_LAYOUT_DUMP=DIR writes every rendering,
 * T2X_LAYOUT_LOG=FILE the first missing and wrong facts of each filing.
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

/* Untagged ceilings per style, percent of the facts compared with the whole corpus present
 * (measured 2026-12-02 on hhtml2: 0.08-0.56%, notes-column 1.50%; one point above). Lower one
 * when the reader improves; a reader change that loses facts fails here. Before the fixes of
 * that day, headings spanning `$ | 1,234 | )` cells stood over the empty `)` column (26% untagged,
 * 1,072 wrong in the split styles) and a row ending in a lone `&#151;` ended the statement as
 * prose (wmx 1993 equity: 123 facts lost). */
static const struct {
    const char *style;
    double max_missing_pct;
} html_ceilings[] = {
    {"html-donnelley", 1.6},        {"html-simple", 1.6},      {"html-indent-cells", 1.1},
    {"html-th-title-phrase", 1.6},  {"html-caption-heading", 1.6}, {"html-caption-first-row", 1.6},
    {"html-years-on-caption", 1.6}, {"html-notes-column", 2.5}, {"html-page-repeat", 1.6},
    {"html-page-bare", 1.6},        {"html-stacked-abbrev", 1.6}, {"html-minus", 1.1},
    {"html-trailing-minus", 1.6},
};

/* Wrong values known today, counted over corpus and samples (any other fails the test):
 *   O1 (every style, 2): the original text reading lost the wrapped word of "Cash and Cash
 *      Equivalents at Beginning of / Period" (BMS 10-K 1999, 10-Q 1999-06) and tagged the row as
 *      a duration extension; read from HTML the same row is the opening balance, an instant
 *      with the same value: the original's misreading, not the HTML reader's.
 *   W5/W6 (notes-column, 15 more): the text reader's known misreadings of a note number in a
 *      label and a wrapped group heading (docs/layout-findings.md). */
static size_t html_known_wrong(const char *style) { return strcmp(style, "html-notes-column") == 0 ? 17 : 2; }

typedef struct htally {
    size_t statements, failed;
    fd_result r;
} htally;

static t2x_options html_options(void)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    opt.formats = T2X_FMT_MODEL;
    return opt;
}

/* Render `f` in every HTML style, read each rendering back and compare its facts with `orig`. */
static void html_styles_of(const t2x_filing *f, const char *name, const fd_facts *orig, htally *ty, FILE *log)
{
    for (size_t s = 0; s < rt_nhtml; s++) {
        size_t len = 0, nst = 0;
        char *html = rt_render_html(f, &rt_html_styles[s], &len, &nst);
        const char *dump = getenv("T2X_LAYOUT_DUMP");
        if (dump) {
            char path[4300];
            snprintf(path, sizeof path, "%s/%s.%s.htm", dump, name, rt_html_styles[s].name);
            FILE *o = fopen(path, "wb");
            if (o) fwrite(html, 1, len, o), fclose(o);
        }
        t2x_options opt = html_options();
        t2x_diag d = {0};
        t2x_filing *g = NULL;
        fd_facts got = {0};
        ty[s].statements += nst;
        if (t2x_convert_bytes((const unsigned char *)html, len, name, &opt, &d, &g) == T2X_OK) fd_collect(g->model, 0, &got);
        else ty[s].failed++;
        fd_result r = {0};
        t2x_buf detail = {0};
        int mb = 6, wb = 30;
        fd_compare(orig, &got, &r, &detail, &mb, &wb);
        if (log)
            fprintf(log, "== %s %s: %zu facts, %zu same, %zu untagged, %zu wrong\n%.*s", rt_html_styles[s].name, name,
                    r.compared, r.same, r.missing, r.wrong, (int)detail.len, detail.data ? detail.data : "");
        free(detail.data);
        ty[s].r.compared += r.compared;
        ty[s].r.same += r.same;
        ty[s].r.missing += r.missing;
        ty[s].r.wrong += r.wrong;
        fd_free(&got);
        t2x_filing_free(g);
        t2x_diag_free(&d);
        free(html);
    }
}

static int html_filing(const char *path, const char *name, htally *ty, FILE *log)
{
    t2x_options opt = html_options();
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    int ok = t2x_convert_file(path, &opt, &d, &f) == T2X_OK;
    if (ok) {
        fd_facts orig;
        fd_collect(f->model, 1, &orig);
        html_styles_of(f, name, &orig, ty, log);
        fd_free(&orig);
    }
    t2x_filing_free(f);
    t2x_diag_free(&d);
    return ok;
}

static double html_ceiling(const char *style)
{
    for (size_t i = 0; i < sizeof html_ceilings / sizeof html_ceilings[0]; i++)
        if (strcmp(html_ceilings[i].style, style) == 0) return html_ceilings[i].max_missing_pct;
    return 100;
}

static void test_html_matrix(void **state)
{
    (void)state;
    htally *ty = calloc(rt_nhtml, sizeof *ty);
    const char *logpath = getenv("T2X_LAYOUT_LOG");
    FILE *log = logpath ? fopen(logpath, "w") : NULL;
    size_t filings = 0;
    int corpus = 0;
    const char *env = getenv("T2X_CORPUS");
    char dir[4096], path[8300], line[4096];
    snprintf(dir, sizeof dir, "%s", env ? env : srcpath("../shared/corpus"));
    snprintf(path, sizeof path, "%s/MANIFEST.tsv", dir);
    FILE *m = fopen(path, "r");
    while (m && fgets(line, sizeof line, m)) {
        corpus = 1;
        char *cols[6] = {0};
        int nc = 0;
        for (char *p = strtok(line, "\t\n"); p && nc < 6; p = strtok(NULL, "\t\n")) cols[nc++] = p;
        if (nc < 5 || strcmp(cols[4], "text") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, cols[0]);
        filings += (size_t)html_filing(path, cols[0], ty, log);
    }
    if (m) fclose(m);
    filings += (size_t)html_filing(srcpath("samples/alg-10k-2003.txt"), "alg-10k-2003.txt", ty, log);
    filings += (size_t)html_filing(srcpath("samples/alg-10q-2003q1.txt"), "alg-10q-2003q1.txt", ty, log);
    if (log) fclose(log);
    assert_true(filings >= 2);
    print_message("html layout: %zu filings (%s), %zu styles\n", filings, corpus ? "corpus and samples" : "samples",
                  rt_nhtml);
    print_message("%-24s %6s %7s %8s %8s %8s %6s %8s\n", "style", "stmts", "failed", "compared", "same", "untagged",
                  "wrong", "untag%");
    int failures = 0;
    for (size_t s = 0; s < rt_nhtml; s++) {
        const fd_result *r = &ty[s].r;
        double miss = r->compared ? 100.0 * (double)r->missing / (double)r->compared : 100;
        print_message("%-24s %6zu %7zu %8zu %8zu %8zu %6zu %7.2f%%\n", rt_html_styles[s].name, ty[s].statements,
                      ty[s].failed, r->compared, r->same, r->missing, r->wrong, miss);
        size_t known = corpus ? html_known_wrong(rt_html_styles[s].name) : 0;
        if (r->wrong > known) {
            print_message("FAIL: %s gives %zu wrong values (known: %zu)\n", rt_html_styles[s].name, r->wrong, known);
            failures++;
        }
        if (corpus && miss > html_ceiling(rt_html_styles[s].name)) {
            print_message("FAIL: %s leaves %.2f%% untagged (ceiling %.2f%%)\n", rt_html_styles[s].name, miss,
                          html_ceiling(rt_html_styles[s].name));
            failures++;
        }
        /* every style reads most facts back: the comparison is not vacuous */
        if (r->same * 2 <= r->compared) {
            print_message("FAIL: %s reads back only %zu of %zu facts\n", rt_html_styles[s].name, r->same, r->compared);
            failures++;
        }
    }
    free(ty);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_matrix),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    t2x_cleanup();
    return rc;
}
