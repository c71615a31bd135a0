/*
 * test_ex27.c — the EX-27 Financial Data Schedule (legacy guide §2): reading schedules cut
 * verbatim from corpus filings (tests/data/ex27-*.txt), the tag table taxonomy/ex27.tsv, the
 * comparison rules on a small hand-made model (periods, 10-Q year to date, rounding, signs,
 * adjustment terms, alternatives), and the cross-check of a whole converted 10-Q: results in
 * the model (valid against templates/model.xsd), in STEM.report.json and in the inspect
 * listing; a disagreement is reported and never corrected.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "ex27.h"
#include "filing.h"
#include "render.h"
#include "testutil.h"

#include <unistd.h>

/* ------------------------------------------------------------------ helpers */

/* A fixture read into lines and a submission, then its schedules. */
typedef struct fixture {
    t2x_source src;
    t2x_lines lines;
    t2x_submission sub;
    t2x_ex27_set set;
} fixture;

static void fixture_load_bytes(fixture *fx, const char *bytes, size_t len, const char *name)
{
    memset(fx, 0, sizeof *fx);
    t2x_diag d = {0};
    assert_int_equal(t2x_source_from_bytes((const unsigned char *)bytes, len, name, &fx->src, &d), T2X_OK);
    t2x_diag_free(&d);
    t2x_lines_split(&fx->src, &fx->lines);
    t2x_submission_parse(&fx->lines, &fx->sub);
    t2x_ex27_parse(&fx->lines, &fx->sub, &fx->set);
    t2x_ex27_resolve(&fx->set);
}

static void fixture_load(fixture *fx, const char *rel)
{
    size_t len = 0;
    char *b = slurp(srcpath(rel), &len);
    assert_non_null(b);
    fixture_load_bytes(fx, b, len, rel);
    free(b);
}

static void fixture_free(fixture *fx)
{
    t2x_ex27_set_free(&fx->set);
    t2x_submission_free(&fx->sub);
    t2x_lines_free(&fx->lines);
    t2x_source_free(&fx->src);
}

static const t2x_ex27_value *val(const t2x_ex27_schedule *s, const char *tag, int col)
{
    const t2x_ex27_value *v = t2x_ex27_get(s, tag, col);
    if (!v) fail_msg("no %s in column %d", tag, col + 1);
    return v;
}

static void expect_date(t2x_date d, int y, int m, int day)
{
    if (d.y != y || d.m != m || d.d != day) fail_msg("date %04d-%02d-%02d, wanted %04d-%02d-%02d", d.y, d.m, d.d, y, m, day);
}

/* The printed value's span holds exactly the digits of its text. */
static void expect_span(const fixture *fx, const t2x_ex27_value *v, const char *digits)
{
    assert_int_equal(v->length, strlen(digits));
    if (memcmp(fx->src.data + v->offset, digits, v->length) != 0)
        fail_msg("span %zu+%zu holds \"%.*s\", wanted \"%s\"", v->offset, v->length, (int)v->length,
                 fx->src.data + v->offset, digits);
}

static const t2x_concepts *concepts(void)
{
    t2x_diag d = {0};
    const t2x_data *data = t2x_data_get(getenv("SRCDIR"), &d);
    for (size_t i = 0; i < d.count; i++) fprintf(stderr, "%s\n", d.items[i].message);
    t2x_diag_free(&d);
    assert_non_null(data);
    return data->concepts;
}

static const t2x_ex27map *ex27map(void)
{
    t2x_diag d = {0};
    const t2x_data *data = t2x_data_get(getenv("SRCDIR"), &d);
    t2x_diag_free(&d);
    assert_non_null(data);
    assert_non_null(data->ex27);
    return data->ex27;
}

/* ------------------------------------------------------------------ reading schedules */

/* Article 5, one column, MULTIPLIER without separators, footnote markers after values. */
static void test_parse_bms_10q(void **state)
{
    (void)state;
    fixture fx;
    fixture_load(&fx, "tests/data/ex27-bms-10q-1997.txt");
    assert_int_equal(fx.set.n, 1);
    const t2x_ex27_schedule *s = &fx.set.v[0];
    assert_string_equal(s->article, "5");
    assert_false(s->article_inferred);
    assert_int_equal(s->multiplier, 1000000);
    assert_int_equal(s->multiplier_pow, 6);
    assert_false(s->restated);
    assert_int_equal(s->ncols, 1);
    assert_int_equal(s->nitems, 32); /* CASH … EPS-DILUTED; legend and footnotes are not tags */
    assert_string_equal(s->cols[0].period_type, "3-Mos");
    assert_int_equal(s->cols[0].months, 3);
    expect_date(s->cols[0].fiscal_year_end, 1997, 12, 31); /* "Dec-31-1997<F1>" */
    expect_date(s->cols[0].period_end, 1997, 3, 31);
    expect_date(s->cols[0].start, 1997, 1, 1);
    const t2x_ex27_value *r = val(s, "RECEIVABLES", 0); /* "2715<F2>" */
    assert_string_equal(r->text, "2715");
    assert_true(r->numeric);
    assert_int_equal(r->num.mant, 2715);
    assert_int_equal(r->line, 1002 - 982 + 1);       /* the fixture starts at line 982 */
    expect_span(&fx, r, "2715");
    const t2x_ex27_value *e = val(s, "EPS-PRIMARY", 0);
    assert_int_equal(e->num.mant, 81);
    assert_int_equal(e->num.frac, 2);
    expect_span(&fx, e, ".81");
    assert_non_null(t2x_ex27_get(s, "PP&E", 0));
    assert_null(t2x_ex27_get(s, "F1", 0));
    assert_null(t2x_ex27_get(s, "LEGEND", 0));
    assert_int_equal(s->duplicate_of, -1);
    fixture_free(&fx);
}

/* A 10-K schedule: YEAR, a footnote marker glued to the PERIOD-END date, <FN> never closed. */
static void test_parse_bms_10k(void **state)
{
    (void)state;
    fixture fx;
    fixture_load(&fx, "tests/data/ex27-bms-10k-1994.txt");
    assert_int_equal(fx.set.n, 1);
    const t2x_ex27_schedule *s = &fx.set.v[0];
    assert_int_equal(s->cols[0].months, 12);
    expect_date(s->cols[0].period_end, 1994, 12, 31);
    expect_date(s->cols[0].start, 1994, 1, 1);
    assert_int_equal(s->nitems, 32);
    assert_string_equal(s->items[s->nitems - 1].tag, "EPS-DILUTED");
    assert_int_equal(val(s, "EPS-DILUTED", 0)->num.mant, 360);
    assert_int_equal(val(s, "TOTAL-ASSETS", 0)->num.mant, 12910);
    fixture_free(&fx);
}

/* "<MULTIPLIER> 1,000" (thousands with a separator); a September fiscal year. */
static void test_parse_apple_1994_thousands(void **state)
{
    (void)state;
    fixture fx;
    fixture_load(&fx, "tests/data/ex27-apple-10k-1994.txt");
    assert_int_equal(fx.set.n, 1);
    const t2x_ex27_schedule *s = &fx.set.v[0];
    assert_int_equal(s->multiplier, 1000);
    assert_int_equal(s->multiplier_pow, 3);
    expect_date(s->cols[0].period_end, 1994, 9, 30);
    expect_date(s->cols[0].start, 1993, 10, 1);
    const t2x_ex27_value *c = val(s, "CASH", 0);
    assert_int_equal(c->num.mant, 1203488);
    expect_span(&fx, c, "1,203,488");
    assert_int_equal(val(s, "EPS-PRIMARY", 0)->num.mant, 261);
    fixture_free(&fx);
}

/* TAB layout, "1,000,000", negative amounts in parentheses, a 52/53-week year end. */
static void test_parse_apple_1996_negatives(void **state)
{
    (void)state;
    fixture fx;
    fixture_load(&fx, "tests/data/ex27-apple-10k-1996.txt");
    assert_int_equal(fx.set.n, 1);
    const t2x_ex27_schedule *s = &fx.set.v[0];
    assert_int_equal(s->multiplier, 1000000);
    expect_date(s->cols[0].period_end, 1996, 9, 27);
    expect_date(s->cols[0].start, 1995, 9, 28); /* 12 months back from a non-month-end date */
    const t2x_ex27_value *p = val(s, "INCOME-PRETAX", 0);
    assert_true(p->num.negative);
    assert_int_equal(p->num.mant, 1295);
    expect_span(&fx, p, "1,295");
    const t2x_ex27_value *e = val(s, "EPS-PRIMARY", 0);
    assert_true(e->num.negative);
    assert_int_equal(e->num.mant, 659);
    assert_int_equal(val(s, "CASH", 0)->num.mant, 1552);
    fixture_free(&fx);
}

/* Two schedules in one document: a restated two-column Article 5 and an Article 9 with NAME. */
static void test_parse_multicolumn_restated(void **state)
{
    (void)state;
    fixture fx;
    fixture_load(&fx, "tests/data/ex27-handmade-multicolumn.txt");
    assert_int_equal(fx.set.n, 2);
    const t2x_ex27_schedule *s = &fx.set.v[0];
    assert_true(s->restated);
    assert_int_equal(s->ncols, 2);
    assert_int_equal(s->multiplier, 1000);
    assert_int_equal(s->cols[0].months, 9);
    assert_int_equal(s->cols[1].months, 12);
    expect_date(s->cols[0].period_end, 1997, 9, 30);
    expect_date(s->cols[1].period_end, 1996, 12, 31);
    expect_date(s->cols[0].start, 1997, 1, 1);
    expect_date(s->cols[1].start, 1996, 1, 1);
    assert_int_equal(val(s, "CASH", 0)->num.mant, 12044);
    assert_int_equal(val(s, "CASH", 1)->num.mant, 10500);
    assert_int_equal(val(s, "TOTAL-ASSETS", 1)->num.mant, 240000); /* "240,000<F1>" */
    assert_true(val(s, "ALLOWANCES", 0)->num.negative);
    assert_false(val(s, "ALLOWANCES", 1)->num.negative);
    assert_true(val(s, "EPS-PRIMARY", 0)->num.negative);
    assert_int_equal(val(s, "EPS-DILUTED", 1)->num.mant, 105);
    const t2x_ex27_schedule *b = &fx.set.v[1];
    assert_string_equal(b->article, "9");
    assert_string_equal(b->name, "ACME SAVINGS BANK");
    assert_int_equal(b->multiplier, 1000000);
    assert_int_equal(b->ncols, 1);
    expect_date(b->cols[0].start, 1997, 1, 1);
    assert_int_equal(val(b, "LOANS", 0)->num.mant, 812);
    fixture_free(&fx);
}

/* A submission stored twice (apple-computer-inc_10k_1996-09-27.txt holds its EX-27 twice):
 * the second identical schedule is a duplicate and is not checked again. */
static void test_parse_duplicate(void **state)
{
    (void)state;
    size_t len = 0;
    char *b = slurp(srcpath("tests/data/ex27-apple-10k-1996.txt"), &len);
    assert_non_null(b);
    char *two = malloc(2 * len + 1);
    memcpy(two, b, len);
    memcpy(two + len, b, len);
    two[2 * len] = '\0';
    fixture fx;
    fixture_load_bytes(&fx, two, 2 * len, "twice");
    assert_int_equal(fx.set.n, 2);
    assert_int_equal(fx.set.v[0].duplicate_of, -1);
    assert_int_equal(fx.set.v[1].duplicate_of, 0);
    fixture_free(&fx);
    free(two);
    free(b);
}

/* A line that merely starts with '<' and odd content never crashes or invents a schedule. */
static void test_parse_garbage(void **state)
{
    (void)state;
    static const char text[] = "<DOCUMENT>\n<TYPE>EX-27\n<TEXT>\n<\n<>\n<ARTICLE>\n< CASH> 1\n<PERIOD-END> not a date\n"
                               "<CASH> 12 <F1\n<TOTAL-ASSETS>\n<EPS-PRIMARY> n/a\n</TEXT>\n</DOCUMENT>\n";
    fixture fx;
    fixture_load_bytes(&fx, text, sizeof text - 1, "garbage");
    assert_int_equal(fx.set.n, 1);
    const t2x_ex27_schedule *s = &fx.set.v[0];
    assert_string_equal(s->article, "5"); /* an empty <ARTICLE>: inferred */
    assert_true(s->article_inferred);
    assert_int_equal(s->cols[0].period_end.y, 0);
    assert_null(t2x_ex27_get(s, "TOTAL-ASSETS", 0)); /* printed without a value */
    assert_false(val(s, "EPS-PRIMARY", 0)->numeric);
    fixture_free(&fx);
}

/* Periods without PERIOD-START: a YEAR schedule that prints only FISCAL-YEAR-END (seen in
 * 1994–95 schedules), and a 10-Q schedule without PERIOD-TYPE (year to date from the fiscal
 * year end); "12 MOS" printed as two words on a one-column schedule. */
static void test_parse_periods(void **state)
{
    (void)state;
    static const char text[] =
        "<DOCUMENT>\n<TYPE>EX-27\n<TEXT>\n"
        "<ARTICLE> 5\n<MULTIPLIER> 1\n<PERIOD-TYPE> YEAR\n<FISCAL-YEAR-END> DEC-31-1994\n<CASH> 1,386\n"
        "<ARTICLE> 5\n<FISCAL-YEAR-END> JUN-30-1998\n<PERIOD-END> MAR-31-1998\n<CASH> 7\n"
        "<ARTICLE> 5\n<PERIOD-TYPE> 12 MOS\n<PERIOD-END> JAN-31-1998\n<CASH> 7\n"
        "</TEXT>\n</DOCUMENT>\n";
    fixture fx;
    fixture_load_bytes(&fx, text, sizeof text - 1, "periods");
    assert_int_equal(fx.set.n, 3);
    expect_date(fx.set.v[0].cols[0].period_end, 1994, 12, 31);
    expect_date(fx.set.v[0].cols[0].start, 1994, 1, 1);
    assert_int_equal(fx.set.v[0].multiplier_pow, 0);
    expect_date(fx.set.v[1].cols[0].start, 1997, 7, 1);
    assert_int_equal(fx.set.v[2].ncols, 1);
    assert_int_equal(fx.set.v[2].cols[0].months, 12);
    expect_date(fx.set.v[2].cols[0].start, 1997, 2, 1);
    fixture_free(&fx);
}

/* <MULTIPLIER> of more than 18 significant digits (10^400, issue 12 D19) is not clipped to
 * 10^17: the schedule is marked; 18 digits and leading zeros still read. */
static void test_parse_huge_multiplier(void **state)
{
    (void)state;
    t2x_buf b = {0};
    t2x_buf_puts(&b, "<DOCUMENT>\n<TYPE>EX-27\n<TEXT>\n<ARTICLE> 5\n<MULTIPLIER> 1");
    for (int i = 0; i < 400; i++) t2x_buf_putc(&b, '0');
    t2x_buf_puts(&b, "\n<CASH> 7\n<ARTICLE> 5\n<MULTIPLIER> 100,000,000,000,000,000\n<CASH> 7\n"
                     "<ARTICLE> 5\n<MULTIPLIER> 0001,000\n<CASH> 7\n</TEXT>\n</DOCUMENT>\n");
    fixture fx;
    fixture_load_bytes(&fx, b.data, b.len, "multiplier");
    assert_int_equal(fx.set.n, 3);
    assert_true(fx.set.v[0].multiplier_bad);
    assert_false(fx.set.v[1].multiplier_bad);
    assert_int_equal(fx.set.v[1].multiplier_pow, 17);
    assert_false(fx.set.v[2].multiplier_bad);
    assert_int_equal(fx.set.v[2].multiplier, 1000);
    fixture_free(&fx);
    free(b.data);
}

/* ------------------------------------------------------------------ the tag table */

/* Every concept of ex27.tsv exists in the taxonomy, numeric, with the period the check assumes
 * (guide §0: a guard against mapping to names that are not in the release). */
static void test_map_loads(void **state)
{
    (void)state;
    const t2x_ex27map *m = ex27map();
    assert_true(m->count > 100);
    int seen_art[10] = {0};
    for (size_t i = 0; i < m->count; i++) {
        const t2x_ex27_rule *r = &m->rules[i];
        for (size_t p = 0; p < r->nparts; p++) {
            const t2x_concept *c = t2x_concepts_find(concepts(), r->parts[p]);
            assert_non_null(c);
            assert_true(t2x_concept_is_numeric(c));
        }
        for (const char *a = r->article; *a; a++)
            if (*a >= '0' && *a <= '9') seen_art[*a - '0'] = 1;
        if (strcmp(r->tag, "TOTAL-ASSETS") == 0) assert_int_equal(r->period, T2X_PERIOD_INSTANT);
        if (strcmp(r->tag, "NET-INCOME") == 0) assert_int_equal(r->period, T2X_PERIOD_DURATION);
        if (strncmp(r->tag, "EPS-", 4) == 0) assert_true(r->per_share && !r->monetary);
    }
    assert_true(seen_art[5] && seen_art[7] && seen_art[9]);
}

static void test_map_rejects_bad_rows(void **state)
{
    (void)state;
    char path[] = "/tmp/t2x-ex27-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char bad[] = "# test\n5\tCASH\tus-gaap:NoSuchConcept\t-\t-\t-\n"
                              "5\tCASH\tus-gaap:Assets\tsideways\t-\t-\n"
                              "5\tCASH\tus-gaap:Assets\t-\tCOMMON\t-\n"
                              "5\tCASH\tus-gaap:Assets\t-\t-\n";
    assert_int_equal(write(fd, bad, sizeof bad - 1), (ssize_t)(sizeof bad - 1));
    close(fd);
    t2x_diag d = {0};
    assert_null(t2x_ex27map_load(path, concepts(), &d));
    assert_int_equal(d.count, 4);
    assert_int_equal(d.items[0].line, 2);
    t2x_diag_free(&d);
    unlink(path);
    assert_null(t2x_ex27map_load("/nonexistent/ex27.tsv", concepts(), &d));
    t2x_diag_free(&d);
}

/* ------------------------------------------------------------------ comparing with a model */

/* A hand-made model of ACME (the hand-made schedule's figures): statements in thousands except
 * the 1996 total assets, printed in millions. */
static const char acme_model[] =
    "<filing xmlns='urn:txt2xbrl:model:1'><contexts>"
    "<context id='I19970930' instant='1997-09-30'/><context id='I19961231' instant='1996-12-31'/>"
    "<context id='D19970101-19970930' start='1997-01-01' end='1997-09-30'/>"
    "<context id='D19970701-19970930' start='1997-07-01' end='1997-09-30'/>"
    "<context id='D19960101-19961231' start='1996-01-01' end='1996-12-31'/>"
    "<context id='I19961231_X' instant='1996-12-31'><member dimension='a:Axis' value='a:M'/></context>"
    "</contexts><statement>"
    "<row concept='us-gaap:CashAndCashEquivalentsAtCarryingValue'>"
    "  <cell context='I19970930' value='12044000' decimals='-3' line='10'/>"
    "  <cell context='I19961231' value='10500000' decimals='-3' line='10'/></row>"
    /* receivables net of the allowance: 61,230 − 1,415 */
    "<row concept='us-gaap:AccountsReceivableNetCurrent'>"
    "  <cell context='I19970930' value='59815000' decimals='-3' line='11'/></row>"
    "<row concept='us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent'>"
    "  <cell context='I19970930' value='1415000' decimals='-3' line='11'/>"
    "  <cell context='I19961231' value='1300000' decimals='-3' line='11'/></row>"
    "<row concept='us-gaap:Assets'>"
    "  <cell context='I19970930' value='250100000' decimals='-3' line='12'/>"
    "  <cell context='I19961231' value='240000000' decimals='-6' line='40'/>"
    "  <cell context='I19961231_X' value='999' decimals='0' line='41'/></row>"
    /* 9-month sales differ by 12 thousand: a disagreement; the quarter column is not used */
    "<row concept='us-gaap:Revenues'>"
    "  <cell context='D19970701-19970930' value='180300000' decimals='-3' line='20'/>"
    "  <cell context='D19970101-19970930' value='180312000' decimals='-3' line='20'/>"
    "  <cell context='D19960101-19961231' value='230450000' decimals='-3' line='20'/></row>"
    "<row concept='us-gaap:NetIncomeLoss'>"
    "  <cell context='D19970101-19970930' value='-2271000' decimals='-3' line='25'/>"
    "  <cell context='D19960101-19961231' value='24271000' decimals='-3' line='25'/></row>"
    "<row concept='us-gaap:EarningsPerShareBasic'>"
    "  <cell context='D19970101-19970930' value='-0.11' decimals='2' line='27'/>"
    "  <cell context='D19960101-19961231' value='1.07' decimals='2' line='27'/></row>"
    "<row concept='us-gaap:EarningsPerShareDiluted'>"
    "  <cell context='D19960101-19961231' value='1.06' decimals='2' line='28'/></row>"
    /* the bank: loans, allowance, nothing else */
    "<row concept='us-gaap:LoansAndLeasesReceivableNetOfDeferredIncome'>"
    "  <cell context='I19970930' value='812400000' decimals='-5' line='50'/></row>"
    "<row concept='us-gaap:LoansAndLeasesReceivableAllowance'>"
    "  <cell context='I19970930' value='12000000' decimals='-6' line='51'/></row>"
    "</statement><issues/></filing>";

static const t2x_ex27_result *result(const t2x_ex27_results *r, size_t sched, int col, const char *tag)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i].schedule == sched && r->v[i].col == col && strcmp(r->v[i].tag, tag) == 0) return &r->v[i];
    fail_msg("no result for %s in schedule %zu column %d", tag, sched, col);
    return NULL;
}

static void expect_result(const t2x_ex27_results *r, size_t sched, int col, const char *tag, t2x_ex27_outcome o,
                          const char *concept, const char *context, const char *stmt)
{
    const t2x_ex27_result *x = result(r, sched, col, tag);
    if (x->outcome != o)
        fail_msg("%s column %d: %s, wanted %s", tag, col + 1, t2x_ex27_outcome_name(x->outcome), t2x_ex27_outcome_name(o));
    if (concept) assert_string_equal(x->concept, concept);
    if (context) assert_string_equal(x->context, context);
    if (stmt) assert_string_equal(x->stmt_value, stmt);
}

static void test_compare_rules(void **state)
{
    (void)state;
    fixture fx;
    fixture_load(&fx, "tests/data/ex27-handmade-multicolumn.txt");
    xmlDocPtr model = xmlReadMemory(acme_model, (int)sizeof acme_model - 1, "acme", NULL, XML_PARSE_NONET);
    assert_non_null(model);
    t2x_ex27_results r;
    t2x_ex27_compare(model, &fx.set, ex27map(), &r);
    /* instants at each column's PERIOD-END, MULTIPLIER 1,000 */
    expect_result(&r, 0, 0, "CASH", T2X_EX27_AGREE, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I19970930", "12044000");
    expect_result(&r, 0, 1, "CASH", T2X_EX27_AGREE, NULL, "I19961231", "10500000");
    /* RECEIVABLES printed gross, the statement shows it net: RECEIVABLES − |ALLOWANCES| */
    const t2x_ex27_result *rc = result(&r, 0, 0, "RECEIVABLES");
    assert_int_equal(rc->outcome, T2X_EX27_AGREE);
    assert_string_equal(rc->expected, "59815000");
    /* ALLOWANCES printed negative: absolute values */
    expect_result(&r, 0, 0, "ALLOWANCES", T2X_EX27_AGREE, NULL, NULL, "1415000");
    /* the statement in millions (240) against the schedule in thousands (240,000) */
    const t2x_ex27_result *ta = result(&r, 0, 1, "TOTAL-ASSETS");
    assert_int_equal(ta->outcome, T2X_EX27_AGREE);
    assert_string_equal(ta->context, "I19961231"); /* never the dimensional fact */
    assert_true(ta->tolerance > 500000 && ta->tolerance <= 500500);
    /* income tags over the column's duration (9 months, not the quarter) */
    expect_result(&r, 0, 0, "SALES", T2X_EX27_DISAGREE, "us-gaap:Revenues", "D19970101-19970930", "180312000");
    expect_result(&r, 0, 1, "SALES", T2X_EX27_AGREE, NULL, "D19960101-19961231", NULL);
    expect_result(&r, 0, 0, "NET-INCOME", T2X_EX27_AGREE, NULL, NULL, "-2271000");
    /* EPS: no MULTIPLIER, negative, ± 0.01 */
    const t2x_ex27_result *eps = result(&r, 0, 0, "EPS-PRIMARY");
    assert_int_equal(eps->outcome, T2X_EX27_AGREE);
    assert_string_equal(eps->ex27_value, "-0.11");
    expect_result(&r, 0, 1, "EPS-DILUTED", T2X_EX27_AGREE, "us-gaap:EarningsPerShareDiluted", NULL, "1.06");
    expect_result(&r, 0, 0, "EPS-DILUTED", T2X_EX27_NO_FACT, "us-gaap:EarningsPerShareDiluted", NULL, NULL);
    /* Article 9 rows */
    expect_result(&r, 1, 0, "LOANS", T2X_EX27_AGREE, "us-gaap:LoansAndLeasesReceivableNetOfDeferredIncome", NULL, NULL);
    expect_result(&r, 1, 0, "ALLOWANCE", T2X_EX27_AGREE, "us-gaap:LoansAndLeasesReceivableAllowance", NULL, NULL);
    expect_result(&r, 1, 0, "TOTAL-ASSETS", T2X_EX27_DISAGREE, "us-gaap:Assets", "I19970930", "250100000");
    expect_result(&r, 1, 0, "DEPOSITS", T2X_EX27_NO_FACT, "us-gaap:Deposits", NULL, NULL);
    /* the model has no registrant name: the bank's schedule is compared with ACME's figures */
    expect_result(&r, 1, 0, "NET-INCOME", T2X_EX27_DISAGREE, NULL, NULL, NULL);
    assert_int_equal(r.disagree, 4);
    t2x_ex27_results_free(&r);
    /* with the registrant known, a schedule that names another registrant is not compared */
    xmlSetProp(xmlDocGetRootElement(model), BAD_CAST "registrant", BAD_CAST "Acme Widget Corp.");
    t2x_ex27_compare(model, &fx.set, ex27map(), &r);
    expect_result(&r, 1, 0, "TOTAL-ASSETS", T2X_EX27_OTHER, NULL, NULL, NULL);
    expect_result(&r, 1, 0, "LOANS", T2X_EX27_OTHER, NULL, NULL, NULL);
    expect_result(&r, 0, 0, "CASH", T2X_EX27_AGREE, NULL, NULL, NULL);
    assert_int_equal(r.disagree, 1);
    size_t unmapped = 0, other = 0;
    for (size_t i = 0; i < r.n; i++) {
        unmapped += r.v[i].outcome == T2X_EX27_UNMAPPED || r.v[i].outcome == T2X_EX27_NOT_NUMBER;
        other += r.v[i].outcome == T2X_EX27_OTHER;
    }
    assert_int_equal(other, 7);
    assert_int_equal(r.agree + r.disagree + r.no_fact + r.zero + r.loose_agree + r.loose_disagree + unmapped + other, r.n);
    /* into the model: the section, one issue per disagreement, one warning each */
    t2x_diag d = {0};
    t2x_ex27_to_model(model, &fx.set, &r, &fx.sub, "acme", &d);
    size_t warnings = 0;
    for (size_t i = 0; i < d.count; i++) warnings += strcmp(d.items[i].code, "ex27-mismatch") == 0;
    assert_int_equal(warnings, 1);
    xmlXPathContextPtr xp = xmlXPathNewContext(model);
    xmlXPathRegisterNs(xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
    xmlXPathObjectPtr o = xmlXPathEvalExpression(
        BAD_CAST "count(//m:issue[@code='ex27-mismatch' and @tag='SALES' and @statement-value='180312000'])", xp);
    assert_int_equal((int)xmlXPathCastToNumber(o), 1);
    xmlXPathFreeObject(o);
    o = xmlXPathEvalExpression(BAD_CAST "string(//m:ex27/m:schedule[2]/@name)", xp);
    assert_string_equal((const char *)o->stringval, "ACME SAVINGS BANK");
    xmlXPathFreeObject(o);
    o = xmlXPathEvalExpression(BAD_CAST "count(//m:ex27/m:schedule[2]/m:check[@result='other-registrant'])", xp);
    assert_int_equal((int)xmlXPathCastToNumber(o), 7);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(xp);
    /* the fact itself is untouched */
    char *m = NULL;
    int mlen = 0;
    xmlDocDumpMemory(model, (xmlChar **)&m, &mlen);
    assert_non_null(strstr(m, "value=\"180312000\""));
    xmlFree(m);
    t2x_diag_free(&d);
    t2x_ex27_results_free(&r);
    xmlFreeDoc(model);
    fixture_free(&fx);
}

/* ------------------------------------------------------------------ a converted 10-Q */

typedef struct converted {
    t2x_filing *f;
    t2x_diag diag;
    xmlXPathContextPtr xp;
} converted;

static void convert(converted *c, const char *bytes, size_t len)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    memset(c, 0, sizeof *c);
    t2x_status st = t2x_convert_bytes((const unsigned char *)bytes, len, "bms-10q-1997-03-31.txt", &opt, &c->diag, &c->f);
    if (st != T2X_OK)
        for (size_t i = 0; i < c->diag.count; i++) fprintf(stderr, "%s\n", c->diag.items[i].message);
    assert_int_equal(st, T2X_OK);
    c->xp = xmlXPathNewContext(c->f->model);
    xmlXPathRegisterNs(c->xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
}

static void unconvert(converted *c)
{
    xmlXPathFreeContext(c->xp);
    t2x_filing_free(c->f);
    t2x_diag_free(&c->diag);
}

static double num(converted *c, const char *xpath)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, c->xp);
    double n = r ? xmlXPathCastToNumber(r) : -1;
    xmlXPathFreeObject(r);
    return n;
}

static void check_schema(xmlDocPtr doc)
{
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(srcpath("templates/model.xsd"));
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    assert_non_null(schema);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    assert_int_equal(xmlSchemaValidateDoc(vc, doc), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
}

static void test_converted_10q(void **state)
{
    (void)state;
    size_t len = 0;
    char *b = slurp(srcpath("tests/data/bms-10q-1997-03-31.txt"), &len);
    assert_non_null(b);
    converted c;
    convert(&c, b, len);
    /* every strict comparison agrees; the loose OTHER-EXPENSES differs (filer practice) */
    assert_int_equal(num(&c, "count(//m:ex27)"), 1);
    assert_int_equal(num(&c, "number(//m:ex27/@comparisons)"), num(&c, "number(//m:ex27/@agree)"));
    assert_true(num(&c, "number(//m:ex27/@comparisons)") >= 20);
    assert_int_equal(num(&c, "count(//m:check[@tag='TOTAL-ASSETS' and @result='agree' and @context='I19970331'"
                             " and @statement-value='14860000000' and @ex27-value='14860000000'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='NET-INCOME' and @result='agree' and @context='D19970101-19970331'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='EPS-PRIMARY' and @result='agree' and @statement-value='0.81'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='OTHER-SE' and @result='agree' and @expected='6761000000'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='OTHER-EXPENSES' and @loose='true' and @result='disagree'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='INTEREST-EXPENSE' and @result='no-fact'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='EXTRAORDINARY' and @result='unmapped'])"), 1);
    assert_int_equal(num(&c, "count(//m:issue[@code='ex27-mismatch'])"), 0);
    check_schema(c.f->model);
    /* the review listing and the report */
    char *ins = t2x_filing_inspect(c.f);
    assert_non_null(strstr(ins, "EX-27 (1 schedule): "));
    assert_non_null(strstr(ins, "comparisons agree; disagreements: none"));
    free(ins);
    char dir[] = "/tmp/t2x-ex27-out-XXXXXX";
    assert_non_null(mkdtemp(dir));
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    opt.formats = T2X_FMT_REPORT;
    assert_int_equal(t2x_filing_write(c.f, dir, &opt, &c.diag), T2X_OK);
    char path[512];
    snprintf(path, sizeof path, "%s/%s.report.json", dir, t2x_filing_stem(c.f));
    char *rep = slurp(path, NULL);
    assert_non_null(rep);
    assert_non_null(strstr(rep, "\"ex27\": ["));
    assert_non_null(strstr(rep, "\"tag\": \"TOTAL-ASSETS\", \"line\": 1008, \"concept\": \"us-gaap:Assets\", "
                                "\"context\": \"I19970331\", \"statement-value\": \"14860000000\""));
    assert_non_null(strstr(rep, "\"agree\": true"));
    free(rep);
    unlink(path);
    rmdir(dir);
    unconvert(&c);

    /* a schedule that disagrees: reported (model, issue, warning), the statements unchanged */
    char *p = strstr(b, "<TOTAL-ASSETS>                                             14860");
    assert_non_null(p);
    p[strlen("<TOTAL-ASSETS>                                             1486")] = '1'; /* 14861 */
    convert(&c, b, len);
    assert_int_equal(num(&c, "count(//m:check[@tag='TOTAL-ASSETS' and @result='disagree' and @ex27-value='14861000000'])"), 1);
    assert_int_equal(num(&c, "count(//m:issue[@code='ex27-mismatch' and @tag='TOTAL-ASSETS' and @line='1008'])"), 1);
    assert_int_equal(num(&c, "count(//m:row[@concept='us-gaap:Assets']/m:cell[@context='I19970331' and @value='14860000000'])"), 1);
    int warned = 0;
    for (size_t i = 0; i < c.diag.count; i++)
        warned += strcmp(c.diag.items[i].code, "ex27-mismatch") == 0 && c.diag.items[i].line == 1008 &&
                  c.diag.items[i].severity == T2X_WARNING;
    assert_int_equal(warned, 1);
    check_schema(c.f->model);
    unconvert(&c);

    /* the wrong scale: MULTIPLIER 1000 makes every amount disagree, EPS still agrees */
    p = strstr(b, "<MULTIPLIER>1000000");
    assert_non_null(p);
    memcpy(p, "<MULTIPLIER>   1000", strlen("<MULTIPLIER>1000000"));
    convert(&c, b, len);
    assert_int_equal(num(&c, "count(//m:check[@tag='CASH' and @result='disagree'])"), 1);
    assert_int_equal(num(&c, "count(//m:check[@tag='EPS-PRIMARY' and @result='agree'])"), 1);
    unconvert(&c);

    /* MULTIPLIER 10^400: not clipped into a comparison; one warning, the schedule unchecked */
    p = strstr(b, "<MULTIPLIER>   1000");
    assert_non_null(p);
    t2x_buf big = {0};
    t2x_buf_add(&big, b, (size_t)(p - b));
    t2x_buf_puts(&big, "<MULTIPLIER>1");
    for (int i = 0; i < 400; i++) t2x_buf_putc(&big, '0');
    t2x_buf_puts(&big, p + strlen("<MULTIPLIER>   1000"));
    convert(&c, big.data, big.len);
    assert_int_equal(num(&c, "count(//m:ex27/m:schedule)"), 1);
    assert_int_equal(num(&c, "count(//m:check)"), 0);
    assert_int_equal(num(&c, "count(//m:issue[@code='ex27-multiplier'])"), 1);
    int multiplier_warned = 0;
    for (size_t i = 0; i < c.diag.count; i++)
        multiplier_warned += strcmp(c.diag.items[i].code, "ex27-multiplier") == 0 && c.diag.items[i].severity == T2X_WARNING;
    assert_int_equal(multiplier_warned, 1);
    check_schema(c.f->model);
    unconvert(&c);
    free(big.data);
    free(b);
}

static int setup(void **state)
{
    (void)state;
    t2x_xml_init();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    t2x_data_cleanup();
    t2x_render_cleanup();
    xmlCleanupParser();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_bms_10q),
        cmocka_unit_test(test_parse_bms_10k),
        cmocka_unit_test(test_parse_apple_1994_thousands),
        cmocka_unit_test(test_parse_apple_1996_negatives),
        cmocka_unit_test(test_parse_multicolumn_restated),
        cmocka_unit_test(test_parse_duplicate),
        cmocka_unit_test(test_parse_garbage),
        cmocka_unit_test(test_parse_periods),
        cmocka_unit_test(test_parse_huge_multiplier),
        cmocka_unit_test(test_map_loads),
        cmocka_unit_test(test_map_rejects_bad_rows),
        cmocka_unit_test(test_compare_rules),
        cmocka_unit_test(test_converted_10q),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
