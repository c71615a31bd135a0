/*
 * test_html.c — the HTML reader (html.h): a hand-made balance sheet with the constructs of HTML
 * filings (colspan, amounts split across cells, <FONT>/<B>/<DIV>, &nbsp; &#36; &#151;, spacer
 * rows and columns, the periods in heading rows); every fact of every HTML corpus filing spans
 * exactly its printed number in the source; per-filing facts checked against the printed
 * filings; the BMS HTML 10-Qs of 2000 against their own EX-27; bad HTML refused (exit 3, one
 * error, nothing converted).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/stat.h>

#include "filing.h"
#include "testutil.h"
#include "modelfact.h"
#include "util.h"
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

static t2x_options options(void)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    return opt;
}

static const char *corpus(const char *name)
{
    static char p[4200];
    const char *env = getenv("T2X_CORPUS");
    snprintf(p, sizeof p, "%s/%s", env ? env : srcpath("../shared/corpus"), name);
    return p;
}

/* Every cell and cover fact of the model spans its printed number in the source: the bytes
 * at [offset, offset+length) are the number as printed, or one dash (a character or its
 * reference). Returns the number of spans checked. */
static int check_spans(t2x_filing *f, const char *name)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(f->model);
    xmlXPathRegisterNs(xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST "//m:cell[@offset] | //m:cover/m:fact[@offset]", xp);
    int n = 0;
    for (int i = 0; r && r->nodesetval && i < r->nodesetval->nodeNr; i++) {
        xmlNodePtr c = r->nodesetval->nodeTab[i];
        xmlChar *o = xmlGetProp(c, BAD_CAST "offset"), *l = xmlGetProp(c, BAD_CAST "length"),
                *t = xmlGetProp(c, BAD_CAST "text");
        size_t off = strtoul((const char *)o, NULL, 10), len = strtoul((const char *)l, NULL, 10);
        const char *src = (const char *)f->src.data + off;
        int ok = off + len <= f->src.len;
        if (ok && strcmp((const char *)t, "-") == 0)
            ok = (len == 1 && (*src == '-' || (unsigned char)*src == 0x96 || (unsigned char)*src == 0x97)) ||
                 (len > 2 && src[0] == '&' && src[len - 1] == ';') || (len > 1 && src[0] == '-');
        else if (ok)
            ok = strlen((const char *)t) == len && memcmp(src, t, len) == 0;
        if (!ok) fail_msg("%s: fact text \"%s\" at offset %zu does not span its printed number (\"%.*s\")", name, t, off,
                          (int)(len < 40 ? len : 40), src);
        n++;
        xmlFree(o);
        xmlFree(l);
        xmlFree(t);
    }
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(xp);
    return n;
}

static t2x_filing *convert(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0) return NULL;
    t2x_options opt = options();
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_status s = t2x_convert_file(path, &opt, &d, &f);
    if (s != T2X_OK) fail_msg("%s: %s", path, d.count ? d.items[d.count - 1].message : "failed");
    t2x_diag_free(&d);
    return f;
}

/* colspan headings, "$" and ")" in cells of their own, <FONT><B>/<DIV> around numbers,
 * &nbsp; &#36; &#151;, a spacer row and spacer columns, the periods in two heading rows */
static void test_constructs(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/html-balance-sheet.htm"));
    assert_non_null(f);
    assert_true(f->html);
    expect_fact(f, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20031231", "1234000");
    expect_fact(f, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20021231", "1100000");
    expect_fact(f, "us-gaap:AccountsReceivableNetCurrent", "I20031231", "2000000");
    expect_fact(f, "us-gaap:OtherAssetsNoncurrent", "I20031231", "0"); /* &#151; */
    expect_fact(f, "us-gaap:Assets", "I20031231", "3234000");
    expect_fact(f, "us-gaap:Assets", "I20021231", "3050000");
    expect_fact(f, "us-gaap:RetainedEarningsAccumulatedDeficit", "I20021231", "-150000"); /* (150 | ) */
    expect_fact(f, "us-gaap:LiabilitiesAndStockholdersEquity", "I20031231", "3234000");
    assert_true(check_spans(f, "html-balance-sheet.htm") >= 14);
    t2x_filing_free(f);
}

/* Headings as small filers print them (tests/data/html-sections.htm): a development-stage
 * company's "(Date of Inception) to December 31, 2007" column beside the years' columns is not
 * a fiscal period and gives its date to no other column; a section heading worded like the
 * title right under the years ("Cash Flows - Operating Activities") does not cut the headings
 * off; quarterly data under a heading "Note 9 - Selected Quarterly Financial Data" below the
 * previous note's last sentence is not a note table (its Total column is not a quarter). */
static void test_headings(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/html-sections.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20070101-20071231", "-3717600");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20060101-20061231", "1082715");
    expect_fact(f, "us-gaap:GeneralAndAdministrativeExpense", "D20070101-20071231", "4008188");
    expect_fact(f, "us-gaap:GeneralAndAdministrativeExpense", "D20050402-20071231", NULL);
    expect_fact(f, "us-gaap:Depreciation", "D20070101-20071231", "30016");
    expect_fact(f, "us-gaap:NetCashProvidedByUsedInOperatingActivities", "D20060101-20061231", "1089786");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20071001-20071231", NULL);
    expect_fact(f, "us-gaap:GeneralAndAdministrativeExpense", "D20071001-20071231", NULL);
    assert_true(check_spans(f, "html-sections.htm") >= 9);
    t2x_filing_free(f);
}

/* An expense tree whose total is an extension ("Total railway operating expenses") and is not
 * read to be subtracted from revenues: its rows are expenses, tagged positive
 * (tests/data/html-expense-ext.htm; LaborAndRelatedExpense was -2,684,000,000). */
static void test_expense_extension_total(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/html-expense-ext.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:LaborAndRelatedExpense", "D20080101-20081231", "2684000000");
    expect_fact(f, "us-gaap:Depreciation", "D20060101-20061231", "738000000");
    expect_fact(f, "us-gaap:InterestExpense", "D20080101-20081231", "444000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20070101-20071231", "1464000000");
    t2x_filing_free(f);
}

/* "Year Ended November" over the years (a 52-53 week year; tests/data/html-month-only.htm):
 * the current year ends on the report's own period end (November 28, 2008), not on the
 * month's last day; earlier years keep the month's end. */
static void test_month_only_heading(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/html-month-only.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20071129-20081128", "1716000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20071201-20081130", NULL);
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20061201-20071130", "1464000000");
    t2x_filing_free(f);
}

/* Rules printed as cell borders or <hr> rows are the rules a text filing prints over a total
 * (tests/data/html-rules.htm): the pension cost rows add up to "Net periodic pension income"
 * under a top border, a total no rule maps; its cost rows vote it a debit, so "Expected return
 * on plan assets (266)", a credit, is tagged 266 (it was -266 when the border was not read and
 * the rows made no tree). The same in real filings: Boeing 2003's pension note under an <hr>
 * row; BMS's 10-Q 2005 operating section of 20 rows under an <hr> (adds up as printed, no
 * search of signs over its last 14 rows: "Accounts payable and accrued expenses (430)" is a
 * decrease, Net earnings stays 533). */
static void test_rules(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/html-rules.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:DefinedBenefitPlanExpectedReturnOnPlanAssets", "D20080101-20081231", "266000000");
    expect_fact(f, "us-gaap:DefinedBenefitPlanExpectedReturnOnPlanAssets", "D20060101-20061231", "240000000");
    expect_fact(f, "us-gaap:DefinedBenefitPlanServiceCost", "D20080101-20081231", "61000000");
    t2x_filing_free(f);
    f = convert(corpus("boeing-co_10k_2003-12-31.htm"));
    if (!f) skip();
    expect_fact(f, "us-gaap:DefinedBenefitPlanExpectedReturnOnPlanAssets", "D20030101-20031231", "3403000000");
    t2x_filing_free(f);
    f = convert(corpus("bristol-myers-squibb-co_10q_2005-03-31.txt"));
    expect_fact(f, "us-gaap:IncreaseDecreaseInAccountsPayableAndAccruedLiabilities", "D20050101-20050331",
                "-430000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20050101-20050331", "533000000");
    expect_fact(f, "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "D20050101-20050331", "181000000");
    t2x_filing_free(f);
}

/* A per-share amount printed without its decimal point ("96" among "$1.60" and "$1.07", ".96"
 * meant; BMS 10-K/A 2003's earnings-per-share note) is a misprint, not tagged: the 2001 basic
 * figure comes from the income statement, 0.96 (it was 96). */
static void test_decimal_point_lost(void **state)
{
    (void)state;
    t2x_filing *f = convert(corpus("bristol-myers-squibb-co_10ka_2003-12-31.txt"));
    if (!f) skip();
    expect_fact(f, "us-gaap:IncomeLossFromContinuingOperationsPerBasicShare", "D20010101-20011231", "0.96");
    t2x_filing_free(f);
}

/* Two share counts joined by "and" before two dates ("41,250,300 and" / "40,980,100 shares
 * issued at December 31, 2004 and 2003, respectively", the label wrapped over two table rows;
 * tests/data/handmade-shares-respectively.htm): each count is its own date's, and the
 * authorized count before them stays the authorized one (the 2004 column once took the 2003
 * count and the authorized count was lost). */
static void test_shares_respectively(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/handmade-shares-respectively.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:CommonStockSharesIssued", "I20041231", "41250300");
    expect_fact(f, "us-gaap:CommonStockSharesIssued", "I20031231", "40980100");
    expect_fact(f, "us-gaap:CommonStockSharesAuthorized", "I20041231", "100000000");
    expect_fact(f, "us-gaap:PreferredStockSharesIssued", "I20041231", "120000");
    expect_fact(f, "us-gaap:PreferredStockSharesOutstanding", "I20031231", "125000");
    expect_fact(f, "us-gaap:PreferredStockSharesAuthorized", "I20031231", "5000000");
    expect_fact(f, "us-gaap:TreasuryStockCommonShares", "I20041231", "2100000");
    expect_fact(f, "us-gaap:TreasuryStockCommonShares", "I20031231", "1900000");
    expect_fact(f, "us-gaap:CommonStockValue", "I20041231", "413000");
    assert_true(check_spans(f, "handmade-shares-respectively.htm") >= 20);
    t2x_filing_free(f);
}

/* Statements printed in sector sections (tests/data/handmade-sector-sections.htm): "Homebuilding:"
 * closed by "Homebuilding pretax income", "Financial Services:" by "Financial services pretax
 * income"; on the balance sheet "ASSETS" / "Homebuilding:" read as one wrapped heading. The
 * sectors' rows are no consolidated figures: Revenues was the homebuilding total,
 * LiabilitiesNoncurrent the homebuilding liabilities, and the homebuilding cash clashed with the
 * cash flow's consolidated cash, which was lost. */
static void test_sector_sections(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/handmade-sector-sections.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:Revenues", "D20050101-20051231", NULL);
    expect_fact(f, "us-gaap:LiabilitiesNoncurrent", "I20051231", NULL);
    expect_fact(f, "us-gaap:AccountsPayableCurrent", "I20051231", NULL);
    expect_fact(f, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20051231", "42000000");
    expect_fact(f, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20041231", "36500000");
    expect_fact(f, "us-gaap:Assets", "I20051231", "400000000");
    expect_fact(f, "us-gaap:Liabilities", "I20041231", "205000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20050101-20051231", "33000000");
    expect_fact(f, "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest",
                "D20040101-20041231", "47500000");
    t2x_filing_free(f);
}

/* "Net sales" + "Delivery revenues" = "Total revenues" (tests/data/handmade-revenue-parts.htm):
 * both labels read as revenues; the printed sum is us-gaap:Revenues, the part an extension
 * (Revenues was the net sales, the total an extension). */
static void test_revenue_total_takes_concept(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/handmade-revenue-parts.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:Revenues", "D20060101-20061231", "1285000000");
    expect_fact(f, "us-gaap:Revenues", "D20050101-20051231", "1230000000");
    expect_fact(f, "us-gaap:CostOfRevenue", "D20060101-20061231", "1080500000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20050101-20051231", "32500000");
    t2x_filing_free(f);
}

/* Per-share rows printed under "Basic earnings (loss) per share" and "Diluted earnings (loss) per
 * share" headings (tests/data/handmade-eps-headings.htm): the heading says which figure each
 * row is; the diluted "Net earnings (loss) per share" was an extension, the continuing and
 * discontinued rows extensions. */
static void test_eps_headings(void **state)
{
    (void)state;
    t2x_filing *f = convert(srcpath("tests/data/handmade-eps-headings.htm"));
    assert_non_null(f);
    expect_fact(f, "us-gaap:EarningsPerShareBasic", "D20070101-20071231", "-0.24");
    expect_fact(f, "us-gaap:EarningsPerShareDiluted", "D20070101-20071231", "-0.24");
    expect_fact(f, "us-gaap:EarningsPerShareDiluted", "D20060101-20061231", "-0.2");
    expect_fact(f, "us-gaap:IncomeLossFromContinuingOperationsPerBasicShare", "D20060101-20061231", "-0.33");
    expect_fact(f, "us-gaap:IncomeLossFromContinuingOperationsPerDilutedShare", "D20070101-20071231", "-0.3");
    expect_fact(f, "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare", "D20060101-20061231", "0.13");
    expect_fact(f, "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "D20070101-20071231", "20000000");
    t2x_filing_free(f);
}

/* Every HTML corpus filing that converts: each fact spans its printed number. */
static void test_corpus_spans(void **state)
{
    (void)state;
    FILE *m = fopen(corpus("MANIFEST.tsv"), "r");
    if (!m) skip();
    char line[4096];
    int files = 0, spans = 0;
    while (fgets(line, sizeof line, m)) {
        char *name = strtok(line, "\t");
        for (int k = 0; k < 3; k++) strtok(NULL, "\t");
        char *kind = strtok(NULL, "\t");
        strtok(NULL, "\t");
        char *scale = strtok(NULL, "\t");
        if (!name || !kind || !scale || strcmp(kind, "html") != 0 || strcmp(scale, "-") == 0) continue;
        t2x_filing *f = convert(corpus(name));
        if (!f) continue;
        spans += check_spans(f, name);
        files++;
        t2x_filing_free(f);
    }
    fclose(m);
    print_message("HTML corpus: %d filings, %d fact spans checked\n", files, spans);
    assert_true(files > 0);
}

/* Total assets, net income and EPS with their periods, as printed in each filing. */
static void test_corpus_facts(void **state)
{
    (void)state;
    t2x_filing *f = convert(corpus("boeing-co_10k_2003-12-31.htm"));
    if (!f) skip();
    expect_fact(f, "us-gaap:Assets", "I20031231", "53035000000");
    expect_fact(f, "us-gaap:Assets", "I20021231", "52342000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20030101-20031231", "718000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20020101-20021231", "492000000");
    expect_fact(f, "us-gaap:EarningsPerShareBasic", "D20030101-20031231", "0.9");
    expect_fact(f, "us-gaap:EarningsPerShareDiluted", "D20010101-20011231", "3.41");
    expect_fact(f, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20031231", "4633000000");
    t2x_filing_free(f);
    /* 52/53-week years: December 28, 2002 and December 29, 2001 */
    f = convert(corpus("intel-corp_10k_2002-12-28.htm"));
    expect_fact(f, "us-gaap:Assets", "I20021228", "44224000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20011230-20021228", "3117000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D19991226-20001230", "10535000000");
    expect_fact(f, "us-gaap:EarningsPerShareBasic", "D20011230-20021228", "0.47");
    expect_fact(f, "us-gaap:EarningsPerShareDiluted", "D20011230-20021228", "0.46");
    t2x_filing_free(f);
    /* an insurer: labels wrapped over two lines with numbers in them, spacer-column indents */
    f = convert(corpus("american-international-group-inc_10k_2005-12-31.htm"));
    expect_fact(f, "us-gaap:Assets", "I20051231", "853370000000");
    expect_fact(f, "us-gaap:Assets", "I20041231", "801145000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20050101-20051231", "10477000000");
    expect_fact(f, "us-gaap:EarningsPerShareDiluted", "D20050101-20051231", "3.99");
    /* under "Supplementary information:" taxes and interest paid are amounts, not movements */
    expect_fact(f, "us-gaap:IncomeTaxesPaidNet", "D20050101-20051231", "2593000000");
    expect_fact(f, "us-gaap:InterestPaidNet", "D20050101-20051231", "4958000000");
    t2x_filing_free(f);
    /* a November fiscal year */
    f = convert(corpus("lehman-brothers-holdings-inc_10k_2005-11-30.htm"));
    expect_fact(f, "us-gaap:Assets", "I20051130", "410063000000");
    /* "Common stock in treasury, at cost: 31,231,870 shares …" is treasury stock */
    expect_fact(f, "us-gaap:TreasuryStockCommonValue", "I20051130", "3592000000");
    expect_fact(f, "us-gaap:CommonStockValue", "I20051130", NULL);
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20041201-20051130", "3260000000");
    expect_fact(f, "us-gaap:EarningsPerShareBasic", "D20041201-20051130", "11.47");
    expect_fact(f, "us-gaap:EarningsPerShareDiluted", "D20041201-20051130", "10.87");
    t2x_filing_free(f);
    /* an HTML 10-Q: quarter and year to date */
    f = convert(corpus("bristol-myers-squibb-co_10q_2000-06-30.txt"));
    expect_fact(f, "us-gaap:Assets", "I20000630", "16831000000");
    expect_fact(f, "us-gaap:Assets", "I19991231", "17114000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20000401-20000630", "1091000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20000101-20000630", "2312000000");
    expect_fact(f, "us-gaap:EarningsPerShareBasic", "D20000401-20000630", "0.55");
    t2x_filing_free(f);
    f = convert(corpus("bristol-myers-squibb-co_10q_2008-03-31.txt"));
    expect_fact(f, "us-gaap:Assets", "I20080331", "26325000000");
    expect_fact(f, "us-gaap:NetIncomeLoss", "D20080101-20080331", "661000000");
    expect_fact(f, "us-gaap:EarningsPerShareBasic", "D20080101-20080331", "0.33");
    t2x_filing_free(f);
}

/* The BMS HTML 10-Qs of 2000 against their own EX-27 schedules: every comparison agrees. */
static void test_ex27(void **state)
{
    (void)state;
    static const char *const files[] = {"bristol-myers-squibb-co_10q_2000-06-30.txt",
                                        "bristol-myers-squibb-co_10q_2000-09-30.txt"};
    for (size_t i = 0; i < 2; i++) {
        t2x_filing *f = convert(corpus(files[i]));
        if (!f) skip();
        xmlNodePtr ex = NULL;
        for (xmlNodePtr n = xmlDocGetRootElement(f->model)->children; n; n = n->next)
            if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "ex27") == 0) ex = n;
        assert_non_null(ex);
        xmlChar *comp = xmlGetProp(ex, BAD_CAST "comparisons"), *agree = xmlGetProp(ex, BAD_CAST "agree");
        print_message("%s: EX-27 %s of %s comparisons agree\n", files[i], agree, comp);
        assert_true(atoi((const char *)comp) >= 20);
        assert_string_equal(agree, comp);
        xmlFree(comp);
        xmlFree(agree);
        t2x_filing_free(f);
    }
}

/* Bad HTML: exit 3 (T2X_ERR_HTML), one error line with code "html", no filing. */
static void refused(const char *what, const char *bytes, size_t len)
{
    t2x_options opt = options();
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_status st = t2x_convert_bytes((const unsigned char *)bytes, len, what, &opt, &d, &f);
    if (st != T2X_ERR_HTML) fail_msg("%s: status %d, not refused as HTML", what, st);
    assert_null(f);
    int errors = 0;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == T2X_ERROR) {
            errors++;
            assert_string_equal(d.items[i].code, "html");
            assert_null(strchr(d.items[i].message, '\n'));
        }
    assert_int_equal(errors, 1);
    t2x_diag_free(&d);
}

static void test_bad_html(void **state)
{
    (void)state;
    static const char head[] = "<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n<HTML><BODY>\n<P>Annual report</P>\n<P>x</P>\n"
                               "<P>y</P>\n<P>z</P>\n<TABLE><TR><TD>Total assets</TD><TD>1,234</TD></TR>\n";
    t2x_buf b = {0};
    /* 50,000 nested tables */
    t2x_buf_puts(&b, head);
    for (int i = 0; i < 50000; i++) t2x_buf_puts(&b, "<TABLE><TR><TD>");
    t2x_buf_puts(&b, "1\n</TEXT>\n</DOCUMENT>\n");
    refused("nested.htm", b.data, b.len);
    /* 100,000 nested <DIV>s (elements deeper than the limit) */
    b.len = 0;
    t2x_buf_puts(&b, head);
    t2x_buf_puts(&b, "</TABLE>\n");
    for (int i = 0; i < 100000; i++) t2x_buf_puts(&b, "<DIV>");
    t2x_buf_puts(&b, "1\n</TEXT>\n</DOCUMENT>\n");
    refused("deep.htm", b.data, b.len);
    /* a tag never closed */
    b.len = 0;
    t2x_buf_puts(&b, head);
    t2x_buf_puts(&b, "</TABLE>\n<P>Net income <FONT SIZE=\"2\"\n</TEXT>\n</DOCUMENT>\n");
    refused("unclosed-tag.htm", b.data, b.len);
    /* a table never closed */
    b.len = 0;
    t2x_buf_puts(&b, head);
    t2x_buf_puts(&b, "<TR><TD>Net income</TD><TD>12</TD></TR>\n</TEXT>\n</DOCUMENT>\n");
    refused("unclosed-table.htm", b.data, b.len);
    /* binary inside <TEXT>, after more text than the input check reads */
    b.len = 0;
    t2x_buf_puts(&b, head);
    t2x_buf_puts(&b, "</TABLE>\n");
    for (int i = 0; i < 7000; i++) t2x_buf_puts(&b, "<P>Text.</P>\n");
    for (int i = 0; i < 4096; i++) t2x_buf_putc(&b, (char)(i % 7 == 0 ? 0x01 : 'A' + i % 26));
    t2x_buf_puts(&b, "\n</TEXT>\n</DOCUMENT>\n");
    refused("binary.htm", b.data, b.len);
    free(b.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructs), cmocka_unit_test(test_headings), cmocka_unit_test(test_expense_extension_total),
        cmocka_unit_test(test_month_only_heading), cmocka_unit_test(test_shares_respectively), cmocka_unit_test(test_sector_sections), cmocka_unit_test(test_revenue_total_takes_concept), cmocka_unit_test(test_eps_headings), cmocka_unit_test(test_bad_html), cmocka_unit_test(test_corpus_facts),
        cmocka_unit_test(test_ex27),       cmocka_unit_test(test_corpus_spans), cmocka_unit_test(test_rules), cmocka_unit_test(test_decimal_point_lost),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    t2x_data_cleanup();
    return rc;
}
