/*
 * test_taxonomy.c — the taxonomy data and its loaders (taxonomy.h): concepts.tsv attributes,
 * labels.tsv checked rule by rule against the concept table (legacy-edgar-guide.md §0 "recommended
 * guard"), label normalisation, real labels from the samples and the corpus mapped to the
 * concepts a careful filer would pick, and rejection of bad label files.
 *
 * Data come from $SRCDIR/taxonomy (set by make check).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "taxonomy.h"

static t2x_concepts *concepts;
static t2x_labelmap *labels;

static const char *srcdir(void)
{
    const char *s = getenv("SRCDIR");
    if (!s || !*s) {
        fprintf(stderr, "test_taxonomy: SRCDIR is not set (run it through make check, or set "
                        "SRCDIR to the source tree)\n");
        exit(99);
    }
    return s;
}

static char *data_path(const char *rel)
{
    const char *s = srcdir();
    size_t n = strlen(s) + strlen(rel) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", s, rel);
    return p;
}

static void print_diag(const t2x_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        fprintf(stderr, "  %s:%ld: %s: %s\n", d->items[i].file ? d->items[i].file : "-",
                d->items[i].line, d->items[i].code, d->items[i].message);
}

static size_t errors_in(const t2x_diag *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) n += d->items[i].severity == T2X_ERROR;
    return n;
}

static int group_setup(void **state)
{
    (void)state;
    t2x_diag d = {0};
    char *cp = data_path("taxonomy/concepts.tsv");
    char *lp = data_path("taxonomy/labels.tsv");
    concepts = t2x_concepts_load(cp, &d);
    if (concepts) labels = t2x_labelmap_load(lp, concepts, &d);
    if (d.count) print_diag(&d);
    t2x_diag_free(&d);
    free(cp);
    free(lp);
    return 0; /* the tests report what failed to load */
}

/* The loaded tables, or a clear failure (instead of a crash) when they did not load. */
#define NEED_DATA()                                                                               \
    do {                                                                                          \
        if (!concepts || !labels) fail_msg("taxonomy data did not load (see the messages above)"); \
    } while (0)

static int group_teardown(void **state)
{
    (void)state;
    t2x_labelmap_free(labels);
    t2x_concepts_free(concepts);
    return 0;
}

/* ---------------------------------------------------------------- concepts.tsv */

static const t2x_concept *must_find(const char *qname)
{
    const t2x_concept *c = t2x_concepts_find(concepts, qname);
    if (!c) {
        fail_msg("%s is not in concepts.tsv", qname);
        abort(); /* not reached: fail_msg leaves the test */
    }
    return c;
}

static void test_concepts_load(void **state)
{
    (void)state;
    assert_non_null(concepts);
    /* us-gaap 2023 (17,212 items/dimensions/hypercubes) + srt 2023 (586) + dei 2023 (206) */
    assert_in_range(t2x_concepts_count(concepts), 17500, 19000);
}

static void test_concept_attributes(void **state)
{
    (void)state;
    NEED_DATA();
    const t2x_concept *c = must_find("us-gaap:Assets");
    assert_string_equal(c->qname, "us-gaap:Assets");
    assert_string_equal(c->type, "xbrli:monetaryItemType");
    assert_int_equal(c->period, T2X_PERIOD_INSTANT);
    assert_int_equal(c->balance, T2X_BAL_DEBIT);
    assert_false(c->abstract);
    assert_string_equal(c->subst, "xbrli:item");
    assert_true(t2x_concept_is_numeric(c));

    c = must_find("us-gaap:InterestExpense");
    assert_int_equal(c->period, T2X_PERIOD_DURATION);
    assert_int_equal(c->balance, T2X_BAL_DEBIT);

    c = must_find("us-gaap:Revenues");
    assert_int_equal(c->period, T2X_PERIOD_DURATION);
    assert_int_equal(c->balance, T2X_BAL_CREDIT);

    c = must_find("us-gaap:EarningsPerShareBasic");
    assert_int_equal(c->period, T2X_PERIOD_DURATION);
    assert_int_equal(c->balance, T2X_BAL_NONE);
    assert_string_equal(c->type, "dtr-types:perShareItemType");
    assert_true(t2x_concept_is_numeric(c));

    c = must_find("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic");
    assert_string_equal(c->type, "xbrli:sharesItemType");
    assert_int_equal(c->balance, T2X_BAL_NONE);
    assert_true(t2x_concept_is_numeric(c));

    c = must_find("us-gaap:NetCashProvidedByUsedInOperatingActivities");
    assert_int_equal(c->balance, T2X_BAL_NONE); /* no balance in the 2023 schema */

    c = must_find("us-gaap:StatementEquityComponentsAxis");
    assert_true(c->abstract);
    assert_string_equal(c->subst, "xbrldt:dimensionItem");
    assert_false(t2x_concept_is_numeric(c));

    c = must_find("us-gaap:RetainedEarningsMember");
    assert_true(c->abstract);
    assert_string_equal(c->type, "dtr-types:domainItemType");

    c = must_find("us-gaap:StatementTable");
    assert_string_equal(c->subst, "xbrldt:hypercubeItem");

    c = must_find("dei:DocumentType");
    assert_int_equal(c->period, T2X_PERIOD_DURATION);
    assert_false(t2x_concept_is_numeric(c));

    c = must_find("dei:EntityCommonStockSharesOutstanding");
    assert_int_equal(c->period, T2X_PERIOD_INSTANT);
    assert_true(t2x_concept_is_numeric(c));

    c = must_find("dei:EntityPublicFloat");
    assert_int_equal(c->balance, T2X_BAL_CREDIT);

    c = must_find("srt:ProductOrServiceAxis");
    assert_true(c->abstract);

    c = must_find("us-gaap:EffectiveIncomeTaxRateContinuingOperations");
    assert_string_equal(c->type, "dtr-types:percentItemType");
    assert_true(t2x_concept_is_numeric(c));

    c = must_find("us-gaap:IncomeTaxesPaidNet"); /* a text block would not be numeric */
    assert_true(t2x_concept_is_numeric(c));
    c = must_find("us-gaap:IncomeTaxDisclosureTextBlock");
    assert_false(t2x_concept_is_numeric(c));
}

static void test_removed_concepts_absent(void **state)
{
    (void)state;
    NEED_DATA();
    /* legacy-edgar-guide.md §3.7: gone from the 2023 schema */
    static const char *const gone[] = {
        "us-gaap:SalesRevenueNet",       "us-gaap:SalesRevenueGoodsNet",
        "us-gaap:CostOfGoodsSold",       "us-gaap:CostOfServices",
        "us-gaap:ExtraordinaryItemNetOfTax",
        "us-gaap:IncomeLossBeforeExtraordinaryItemsAndCumulativeEffectOfChangeInAccountingPrinciple",
        "us-gaap:GainLossOnSaleOfSecuritiesNet",
        "us-gaap:OtherComprehensiveIncomeMinimumPensionLiabilityNetAdjustmentNetOfTax",
        "us-gaap:Nonexistent",           "us-gaap:",
        "Assets",                        "",
    };
    for (size_t i = 0; i < sizeof gone / sizeof *gone; i++)
        if (t2x_concepts_find(concepts, gone[i])) fail_msg("%s should not be in concepts.tsv", gone[i]);
    assert_null(t2x_concepts_find(concepts, NULL));
    assert_null(t2x_concepts_find(NULL, "us-gaap:Assets"));
}

static void test_concepts_sorted_and_typed(void **state)
{
    (void)state;
    NEED_DATA();
    /* every qname is found by the binary search (the table is sorted and unique), and every
     * numeric-looking type is recognised as numeric */
    char *cp = data_path("taxonomy/concepts.tsv");
    FILE *f = fopen(cp, "r");
    assert_non_null(f);
    char line[2048];
    size_t rows = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') continue;
        char *tab = strchr(line, '\t');
        assert_non_null(tab);
        *tab = '\0';
        const t2x_concept *c = t2x_concepts_find(concepts, line);
        if (!c) {
            fail_msg("%s not found by t2x_concepts_find", line);
            break;
        }
        rows++;
        if (strstr(c->type, "monetary") || strstr(c->type, "shares") || strstr(c->type, "perShare") ||
            strstr(c->type, "percent") || strstr(c->type, "decimal") || strstr(c->type, "integer") ||
            strstr(c->type, "pure"))
            if (!t2x_concept_is_numeric(c)) fail_msg("%s (%s) not numeric", c->qname, c->type);
    }
    fclose(f);
    free(cp);
    assert_int_equal(rows, t2x_concepts_count(concepts));
}

static void test_concepts_bad_file(void **state)
{
    (void)state;
    NEED_DATA();
    t2x_diag d = {0};
    assert_null(t2x_concepts_load("/nonexistent/concepts.tsv", &d));
    assert_int_equal(errors_in(&d), 1);
    t2x_diag_free(&d);

    char path[] = "/tmp/t2x-concepts-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("#qname\ttype\tperiodType\tbalance\tabstract\tsubstitutionGroup\n"
          "us-gaap:A\txbrli:monetaryItemType\tsometimes\tdebit\tfalse\txbrli:item\n",
          f);
    fclose(f);
    assert_null(t2x_concepts_load(path, &d));
    assert_true(errors_in(&d) >= 1);
    assert_int_equal(d.items[0].line, 2);
    t2x_diag_free(&d);

    /* unsorted input is sorted on load */
    f = fopen(path, "w");
    fputs("us-gaap:B\txbrli:monetaryItemType\tinstant\tcredit\tfalse\txbrli:item\n"
          "\n"
          "us-gaap:A\txbrli:monetaryItemType\tduration\t\tfalse\txbrli:item\r\n",
          f);
    fclose(f);
    t2x_concepts *c = t2x_concepts_load(path, &d);
    assert_non_null(c);
    assert_int_equal(d.count, 0);
    assert_int_equal(t2x_concepts_count(c), 2);
    assert_non_null(t2x_concepts_find(c, "us-gaap:A"));
    assert_int_equal(t2x_concepts_find(c, "us-gaap:A")->balance, T2X_BAL_NONE);
    assert_int_equal(t2x_concepts_find(c, "us-gaap:B")->period, T2X_PERIOD_INSTANT);
    t2x_concepts_free(c);
    unlink(path);
}

/* ---------------------------------------------------------------- labels.tsv */

static void test_labels_load(void **state)
{
    (void)state;
    assert_non_null(labels);
    assert_in_range(t2x_labelmap_count(labels), 300, 5000);
}

/* An independent reading of labels.tsv: every rule's concept exists, is not abstract, is
 * numeric, and has the period type its statement kind and flags need. */
static void test_labels_rules_checked(void **state)
{
    (void)state;
    NEED_DATA();
    char *lp = data_path("taxonomy/labels.tsv");
    FILE *f = fopen(lp, "r");
    assert_non_null(f);
    char line[4096];
    int lineno = 0;
    size_t rules = 0;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#') continue;
        char *col[6] = {0};
        int n = 0;
        for (char *p = line; n < 6; n++) {
            col[n] = p;
            char *t = strchr(p, '\t');
            if (!t) { n++; break; }
            *t = '\0';
            p = t + 1;
        }
        if (n != 6 || !col[5]) {
            fail_msg("labels.tsv:%d: %d columns", lineno, n);
            continue;
        }
        rules++;
        int kind = t2x_stmt_kind_parse(col[0]);
        if (kind < 0) fail_msg("labels.tsv:%d: kind '%s'", lineno, col[0]);
        const t2x_concept *c = t2x_concepts_find(concepts, col[3]);
        if (!c) {
            fail_msg("labels.tsv:%d: %s is not a 2023 concept", lineno, col[3]);
            continue;
        }
        if (c->abstract) fail_msg("labels.tsv:%d: %s is abstract", lineno, col[3]);
        if (!t2x_concept_is_numeric(c)) fail_msg("labels.tsv:%d: %s is not numeric", lineno, col[3]);
        int startend = strstr(col[5], "start") || strstr(col[5], "end");
        if (startend && c->period != T2X_PERIOD_INSTANT)
            fail_msg("labels.tsv:%d: %s flagged %s but not an instant", lineno, col[3], col[5]);
        if (kind == T2X_STMT_BALANCE && c->period != T2X_PERIOD_INSTANT)
            fail_msg("labels.tsv:%d: balance-sheet rule with duration %s", lineno, col[3]);
        if ((kind == T2X_STMT_INCOME || kind == T2X_STMT_CASHFLOW || kind == T2X_STMT_EQUITY ||
             kind == T2X_STMT_COMPREHENSIVE) &&
            !startend && c->period != T2X_PERIOD_DURATION)
            fail_msg("labels.tsv:%d: %s rule with instant %s and no start/end flag", lineno, col[0],
                     col[3]);
        if (strcmp(col[4], "+") == 0 && strcmp(col[0], "cf") != 0)
            fail_msg("labels.tsv:%d: forced polarity outside a cash-flow rule", lineno);
        if (strncmp(col[3], "us-gaap:", 8) != 0)
            fail_msg("labels.tsv:%d: %s is not a us-gaap concept", lineno, col[3]);
    }
    fclose(f);
    free(lp);
    assert_int_equal(rules, t2x_labelmap_count(labels));
}

/* ---------------------------------------------------------------- normalisation */

static void norm_is(const char *in, const char *want)
{
    char *got = t2x_label_normalize(in);
    char msg[1024] = "";
    int ok = strcmp(got, want) == 0;
    if (!ok) snprintf(msg, sizeof msg, "normalize(\"%s\") = \"%s\", want \"%s\"", in, got, want);
    free(got);
    if (!ok) fail_msg("%s", msg);
}

static void test_normalize(void **state)
{
    (void)state;
    norm_is("Net sales.........................", "net sales");
    norm_is("Net sales . . . . . . . . . . .", "net sales");
    norm_is("Cost of products sold (Note 3)", "cost of products sold");
    norm_is("Deferred income taxes (Notes 2 and 7)", "deferred income taxes");
    norm_is("Selling, general and\n  administrative expenses", "selling, general and administrative expenses");
    norm_is("Selling, general and\r\n\tadministrative expenses", "selling, general and administrative expenses");
    norm_is("  Current assets:  ", "current assets");
    norm_is("Stockholders' equity:", "stockholders' equity");
    norm_is("Total stockholders\xe2\x80\x99 equity", "total stockholders' equity");    /* UTF-8 ’ */
    norm_is("Total stockholders\x92 equity", "total stockholders' equity");            /* cp1252 ’ */
    norm_is("Cash \x96 end of year", "cash - end of year");                            /* cp1252 – */
    norm_is("Net income (1)", "net income");
    norm_is("Net income (a)", "net income");
    norm_is("Net income*", "net income");
    norm_is("Net income <F1>", "net income");
    norm_is("Accounts receivable, less allowance for doubtful accounts of $371,000",
            "accounts receivable, less allowance for doubtful accounts of 371,000");
    norm_is("Cash dividends ($.30 per share)", "cash dividends (.30 per share)");
    norm_is("Other (expense) income--net", "other (expense) income - net");
    norm_is("(Repayments ) borrowings on line of credit", "(repayments) borrowings on line of credit");
    norm_is("weighted average shares out- standing and assumed",
            "weighted average shares outstanding and assumed");
    norm_is("Income (loss) before income taxes", "income (loss) before income taxes");
    norm_is("Common stock issued (18,000 shares)", "common stock issued (18,000 shares)");
    norm_is("Balance at December 31, 2002", "balance at december 31, 2002");
    norm_is("Marketing,selling, administrative and other", "marketing, selling, administrative and other");
    norm_is("Total . . . . . . .   $  1,234", "total 1,234");
    norm_is("", "");
    char *e = t2x_label_normalize(NULL);
    assert_string_equal(e, "");
    free(e);
}

static void test_section_matches(void **state)
{
    (void)state;
    assert_true(t2x_section_matches("", "current-assets"));
    assert_true(t2x_section_matches("", ""));
    assert_true(t2x_section_matches(NULL, "operating"));
    assert_true(t2x_section_matches("assets", "assets"));
    assert_true(t2x_section_matches("assets", "current-assets"));
    assert_true(t2x_section_matches("liabilities", "current-liabilities"));
    assert_true(t2x_section_matches("current-assets", "current-assets"));
    assert_false(t2x_section_matches("current-assets", "assets"));
    assert_false(t2x_section_matches("assets", "current-liabilities"));
    assert_false(t2x_section_matches("assets", ""));
    assert_false(t2x_section_matches("assets", NULL));
    assert_false(t2x_section_matches("operating", "financing"));
    assert_false(t2x_section_matches("sets", "assets"));
    /* "!S": every section but S, the unknown one included */
    assert_true(t2x_section_matches("!investing", "financing"));
    assert_true(t2x_section_matches("!investing", ""));
    assert_false(t2x_section_matches("!investing", "investing"));
}

/* ---------------------------------------------------------------- mapping real labels */

typedef struct expect {
    const char *kind;    /* short kind name */
    const char *section; /* row section */
    const char *label;   /* as printed */
    const char *concept; /* NULL: no rule may match */
    unsigned flags;      /* T2X_RULE_* the rule must carry (subset) */
} expect;

static void check_expect(const expect *e, size_t n)
{
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        char *norm = t2x_label_normalize(e[i].label);
        const t2x_label_rule *r =
            t2x_labelmap_match(labels, (t2x_stmt_kind)t2x_stmt_kind_parse(e[i].kind), e[i].section, norm);
        const char *got = r ? r->concept : NULL;
        int ok = e[i].concept ? (got && strcmp(got, e[i].concept) == 0) : got == NULL;
        if (ok && r && (r->flags & e[i].flags) != e[i].flags) ok = 0;
        if (!ok) {
            fprintf(stderr, "  %s/%s \"%s\" -> %s (rule line %d), want %s%s\n", e[i].kind,
                    e[i].section, norm, got ? got : "(none)", r ? r->line : 0,
                    e[i].concept ? e[i].concept : "(none)", e[i].flags ? " with flags" : "");
            failures++;
        }
        free(norm);
    }
    if (failures) fail_msg("%d of %zu labels mapped wrongly", failures, n);
}

#define G(x) "us-gaap:" x
#define TOTAL T2X_RULE_TOTAL
#define START T2X_RULE_BALANCE_START
#define END T2X_RULE_BALANCE_END

/* American Locker Group 10-K 2003 and 10-Q 2003 Q1 (samples/), balance sheet */
static const expect balance_sheet[] = {
    {"bs", "current-assets", "Cash and cash equivalents", G("CashAndCashEquivalentsAtCarryingValue"), 0},
    {"bs", "current-assets",
     "Accounts and notes receivable, less allowance\n        for doubtful accounts of $371,000 in 2003\n        and $333,000 in 2002",
     G("AccountsNotesAndLoansReceivableNetCurrent"), 0},
    {"bs", "current-assets", "Inventories", G("InventoryNet"), 0},
    {"bs", "current-assets", "Prepaid expenses", G("PrepaidExpenseCurrent"), 0},
    {"bs", "current-assets", "Deferred income taxes", G("DeferredTaxAssetsNetCurrent"), 0},
    {"bs", "current-assets", "Total current assets", G("AssetsCurrent"), TOTAL},
    {"bs", "assets", "Land", G("Land"), 0},
    {"bs", "assets", "Buildings", G("BuildingsAndImprovementsGross"), 0},
    {"bs", "assets", "Machinery and equipment", G("MachineryAndEquipmentGross"), 0},
    {"bs", "assets", "Less allowance for depreciation",
     G("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"), 0},
    {"bs", "assets", "Deferred income taxes", G("DeferredIncomeTaxAssetsNet"), 0},
    {"bs", "assets", "Goodwill", G("Goodwill"), 0},
    {"bs", "assets", "Other assets", G("OtherAssetsNoncurrent"), 0},
    {"bs", "assets", "Notes receivable, long-term portion", G("NotesAndLoansReceivableNetNoncurrent"), 0},
    {"bs", "assets", "Notes receivable, long - term", G("NotesAndLoansReceivableNetNoncurrent"), 0},
    {"bs", "assets", "Total assets", G("Assets"), TOTAL},
    {"bs", "current-liabilities", "Line of credit", G("LinesOfCreditCurrent"), 0},
    {"bs", "current-liabilities", "Accounts payable", G("AccountsPayableCurrent"), 0},
    {"bs", "current-liabilities", "Commissions, salaries, wages and taxes thereon",
     G("EmployeeRelatedLiabilitiesCurrent"), 0},
    {"bs", "current-liabilities", "Other accrued expenses and current liabilities", G("AccruedLiabilitiesCurrent"), 0},
    {"bs", "current-liabilities", "Income taxes payable", G("AccruedIncomeTaxesCurrent"), 0},
    {"bs", "current-liabilities", "Current portion of long-term debt", G("LongTermDebtCurrent"), 0},
    {"bs", "current-liabilities", "Total current liabilities", G("LiabilitiesCurrent"), TOTAL},
    {"bs", "liabilities", "Long-term debt", G("LongTermDebtNoncurrent"), 0},
    {"bs", "liabilities", "Pension and other benefits",
     G("PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent"), 0},
    {"bs", "liabilities", "Pension, benefits and other long-term liabilities",
     G("PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent"), 0},
    {"bs", "equity", "Common stock, $1 par value:\n       Authorized shares - 4,000,000", G("CommonStockValue"), 0},
    {"bs", "equity", "Other capital", G("AdditionalPaidInCapital"), 0},
    {"bs", "equity", "Retained earnings", G("RetainedEarningsAccumulatedDeficit"), 0},
    {"bs", "equity", "Treasury stock at cost (192,000 shares in 2003\n       and 2002)", G("TreasuryStockCommonValue"), 0},
    {"bs", "equity", "Common stock in treasury, at cost: 31,231,870 shares in 2005 and 23,636,786 shares in 2004",
     G("TreasuryStockCommonValue"), 0},
    {"bs", "equity", "Common stock held in treasury", G("TreasuryStockCommonValue"), 0},
    {"bs", "equity", "Accumulated other comprehensive loss", G("AccumulatedOtherComprehensiveIncomeLossNetOfTax"), 0},
    {"bs", "equity", "Total stockholders' equity", G("StockholdersEquity"), TOTAL},
    {"bs", "equity", "Total liabilities and stockholders' equity", G("LiabilitiesAndStockholdersEquity"), TOTAL},
    /* Bristol-Myers Squibb 10-Q 1996 */
    {"bs", "current-assets", "Time deposits and marketable securities", G("ShortTermInvestments"), 0},
    {"bs", "current-assets", "Receivables, net of allowances", G("AccountsReceivableNetCurrent"), 0},
    {"bs", "current-assets", "Finished goods", G("InventoryFinishedGoodsNetOfReserves"), 0},
    {"bs", "current-assets", "Work in process", G("InventoryWorkInProcessNetOfReserves"), 0},
    {"bs", "current-assets", "Raw and packaging materials", G("InventoryRawMaterialsAndSuppliesNetOfReserves"), 0},
    {"bs", "assets", "Less: Accumulated depreciation",
     G("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"), 0},
    {"bs", "assets", "Excess of cost over net tangible assets\n  received in business acquisitions", G("Goodwill"), 0},
    {"bs", "current-liabilities", "Short-term borrowings", G("ShortTermBorrowings"), 0},
    {"bs", "current-liabilities", "Accrued expenses", G("AccruedLiabilitiesCurrent"), 0},
    {"bs", "current-liabilities", "U.S. and foreign income taxes payable", G("AccruedIncomeTaxesCurrent"), 0},
    {"bs", "liabilities", "Total Liabilities", G("Liabilities"), TOTAL},
    {"bs", "equity", "Capital in excess of par value of stock", G("AdditionalPaidInCapital"), 0},
    {"bs", "equity", "Cumulative translation adjustments",
     G("AccumulatedOtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentNetOfTax"), 0},
    {"bs", "equity", "Less cost of treasury stock - 38,623,379\n    common shares in 1996", G("TreasuryStockCommonValue"), 0},
    /* Apple 10-K 1996 */
    {"bs", "current-assets", "Short-term investments", G("ShortTermInvestments"), 0},
    {"bs", "current-assets", "Accounts receivable, net of allowance\nfor doubtful accounts of $91($87 in 1995)",
     G("AccountsReceivableNetCurrent"), 0},
    {"bs", "current-assets", "Deferred tax assets", G("DeferredTaxAssetsNetCurrent"), 0},
    {"bs", "assets", "Net property, plant, and equipment", G("PropertyPlantAndEquipmentNet"), TOTAL},
    {"bs", "current-liabilities", "Notes payable to banks", G("ShortTermBorrowings"), 0},
    {"bs", "current-liabilities", "Accrued compensation and employee benefits", G("EmployeeRelatedLiabilitiesCurrent"), 0},
    {"bs", "current-liabilities", "Accrued warranty and related", G("ProductWarrantyAccrualClassifiedCurrent"), 0},
    {"bs", "liabilities", "Deferred tax liabilities", G("DeferredIncomeTaxLiabilitiesNet"), 0},
    {"bs", "equity", "Total shareholders' equity", G("StockholdersEquity"), TOTAL},
    /* the same words, another section */
    {"bs", "current-liabilities", "Deferred income taxes", G("DeferredTaxLiabilitiesCurrent"), 0},
    {"bs", "liabilities", "Deferred income taxes", G("DeferredIncomeTaxLiabilitiesNet"), 0},
    {"bs", "current-assets", "Other", G("OtherAssetsCurrent"), 0},
    {"bs", "liabilities", "Other", G("OtherLiabilitiesNoncurrent"), 0},
    /* no rule: no 2023 element, or ambiguous */
    {"bs", "assets", "Insurance recoverable", NULL, 0},
    {"bs", "equity", "Other", NULL, 0},
    {"bs", "", "Deferred income taxes", NULL, 0},
    /* "<group header> <label>" strings the mapper tries first must not hit the header's rule */
    {"bs", "current-assets", "Inventories purchased parts", NULL, 0},
    {"bs", "assets", "Other assets goodwill", NULL, 0},
    {"bs", "assets", "Property, plant and equipment less accumulated depreciation", NULL, 0},
};

static void test_map_balance_sheet(void **state)
{
    (void)state;
    NEED_DATA();
    check_expect(balance_sheet, sizeof balance_sheet / sizeof *balance_sheet);
}

static const expect income[] = {
    {"is", "", "Net sales", G("Revenues"), 0},
    {"is", "", "Cost of products sold", G("CostOfGoodsAndServicesSold"), 0},
    {"is", "", "Selling, administrative and general expenses", G("SellingGeneralAndAdministrativeExpense"), 0},
    {"is", "", "Interest income", G("InvestmentIncomeInterest"), 0},
    {"is", "", "Other income - net", G("OtherNonoperatingIncomeExpense"), 0},
    {"is", "", "Other (expense) income--net", G("OtherNonoperatingIncomeExpense"), 0},
    {"is", "", "Interest expense", G("InterestExpense"), 0},
    {"is", "", "Income before income taxes",
     G("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"), TOTAL},
    {"is", "", "Income taxes", G("IncomeTaxExpenseBenefit"), 0},
    {"is", "", "Net income", G("NetIncomeLoss"), TOTAL},
    {"is", "", "Basic", G("EarningsPerShareBasic"), 0},
    {"is", "", "Diluted", G("EarningsPerShareDiluted"), 0},
    {"is", "", "Dividends per share of common stock:", G("CommonStockDividendsPerShareDeclared"), 0},
    /* Bristol-Myers Squibb */
    {"is", "", "Marketing, selling,\n    administrative and other", G("SellingGeneralAndAdministrativeExpense"), 0},
    {"is", "", "Advertising and\n    product promotion", G("MarketingAndAdvertisingExpense"), 0},
    {"is", "", "Research and development", G("ResearchAndDevelopmentExpense"), 0},
    {"is", "", "Earnings Before Income Taxes",
     G("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"), TOTAL},
    {"is", "", "Provision for income taxes", G("IncomeTaxExpenseBenefit"), 0},
    {"is", "", "Net Earnings", G("NetIncomeLoss"), TOTAL},
    {"is", "", "Earnings Per Common Share", G("EarningsPerShareBasic"), 0},
    {"is", "", "Average Common Shares\n  Outstanding (in millions)", G("WeightedAverageNumberOfSharesOutstandingBasic"), 0},
    {"is", "", "Dividends Per Common Share", G("CommonStockDividendsPerShareDeclared"), 0},
    {"is", "", "Provision for restructuring", G("RestructuringCharges"), 0},
    {"is", "", "Gain on sale of a business", G("GainLossOnSaleOfBusiness"), 0},
    /* the mapper's "<header> <label>" strings for Basic/Diluted under two headers */
    {"is", "", "Earnings Per Common Share Diluted", G("EarningsPerShareDiluted"), 0},
    {"is", "", "Average Common Shares Outstanding Basic", G("WeightedAverageNumberOfSharesOutstandingBasic"), 0},
    {"is", "", "Average Common Shares Outstanding Diluted", G("WeightedAverageNumberOfDilutedSharesOutstanding"), 0},
    /* Apple 10-K 1996 */
    {"is", "", "Cost of sales", G("CostOfGoodsAndServicesSold"), 0},
    {"is", "", "Selling, general and administrative", G("SellingGeneralAndAdministrativeExpense"), 0},
    {"is", "", "Operating income (loss)", G("OperatingIncomeLoss"), TOTAL},
    {"is", "", "Interest and other income (expense), net", G("NonoperatingIncomeExpense"), 0},
    {"is", "", "Income (loss) before provision (benefit)\nfor income taxes",
     G("IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"), TOTAL},
    {"is", "", "Provision (benefit) for income taxes", G("IncomeTaxExpenseBenefit"), 0},
    {"is", "", "Earnings (loss) per common and\ncommon equivalent share", G("EarningsPerShareBasic"), 0},
    {"is", "", "Net income (loss) per common share - basic and diluted", G("EarningsPerShareBasicAndDiluted"), 0},
    /* small filers' "dilutive" for diluted */
    {"is", "", "Basic and dilutive earnings per share", G("EarningsPerShareBasicAndDiluted"), 0},
    {"is", "", "Net loss per share - basic and dilutive", G("EarningsPerShareBasicAndDiluted"), 0},
    {"is", "", "Weighted average shares outstanding - diluted", G("WeightedAverageNumberOfDilutedSharesOutstanding"), 0},
    {"is", "", "Gross profit", G("GrossProfit"), TOTAL},
    {"is", "", "Interest expense, net", G("InterestIncomeExpenseNonoperatingNet"), 0},
    {"is", "", "Income (loss) from discontinued operations, net of tax",
     G("IncomeLossFromDiscontinuedOperationsNetOfTax"), 0},
    /* legacy items without a 2023 element (guide §3.7): no rule, the converter makes extensions */
    {"is", "", "Extraordinary loss on early extinguishment of debt, net of tax", NULL, 0},
    {"is", "", "Cumulative effect of change in accounting principle", NULL, 0},
    {"is", "", "Income before extraordinary item", NULL, 0},
    {"is", "", "Net sales of products", NULL, 0},
    {"is", "", "Other", NULL, 0},
    {"is", "", "Special charge", NULL, 0}, /* litigation/unusual items, not restructuring */
    {"is", "", "Per common share earnings from continuing operations",
     G("IncomeLossFromContinuingOperationsPerBasicShare"), 0},
    {"is", "", "Earnings per share extraordinary item", NULL, 0},
};

static void test_map_income(void **state)
{
    (void)state;
    NEED_DATA();
    check_expect(income, sizeof income / sizeof *income);
}

static const expect cash_flow[] = {
    {"cf", "operating", "Net income", G("NetIncomeLoss"), 0},
    {"cf", "operating", "Depreciation and amortization", G("DepreciationDepletionAndAmortization"), 0},
    {"cf", "operating", "Provision for uncollectible accounts", G("ProvisionForDoubtfulAccounts"), 0},
    {"cf", "operating", "Gain on disposal of assets", G("GainLossOnSaleOfPropertyPlantEquipment"), 0},
    {"cf", "operating", "Deferred income taxes (credits)", G("DeferredIncomeTaxExpenseBenefit"), 0},
    {"cf", "operating", "Accounts and notes receivable", G("IncreaseDecreaseInAccountsAndNotesReceivable"), 0},
    {"cf", "operating", "Inventories", G("IncreaseDecreaseInInventories"), 0},
    {"cf", "operating", "Prepaid expenses", G("IncreaseDecreaseInPrepaidExpense"), 0},
    {"cf", "operating", "Accounts payable and accrued expenses", G("IncreaseDecreaseInAccountsPayableAndAccruedLiabilities"), 0},
    {"cf", "operating", "Income taxes", G("IncreaseDecreaseInIncomeTaxes"), 0},
    {"cf", "operating", "Pension and other benefits", G("IncreaseDecreaseInPensionAndPostretirementObligations"), 0},
    {"cf", "operating", "Net cash provided by operating activities", G("NetCashProvidedByUsedInOperatingActivities"), TOTAL},
    {"cf", "investing", "Purchase of property, plant and equipment", G("PaymentsToAcquirePropertyPlantAndEquipment"), 0},
    {"cf", "investing", "Purchase of business and related real estate,\n     net of cash acquired",
     G("PaymentsToAcquireBusinessesNetOfCashAcquired"), 0},
    {"cf", "investing", "Payment for other assets", G("PaymentsToAcquireOtherProductiveAssets"), 0},
    {"cf", "investing", "Proceeds from sale of property, plant and equipment", G("ProceedsFromSaleOfPropertyPlantAndEquipment"), 0},
    {"cf", "investing", "Net cash used in investing activities", G("NetCashProvidedByUsedInInvestingActivities"), TOTAL},
    {"cf", "financing", "Long-term debt payments", G("RepaymentsOfLongTermDebt"), 0},
    {"cf", "financing", "Debt repayment", G("RepaymentsOfLongTermDebt"), 0},
    {"cf", "", "Repayments of long-term debt", G("RepaymentsOfLongTermDebt"), 0},
    /* a lender's collections among investing activities are not its own debt */
    {"cf", "investing", "Repayments of mortgage loans", NULL, 0},
    {"cf", "investing", "Proceeds from notes", NULL, 0},
    {"cf", "financing", "(Repayments ) borrowings on line of credit", G("ProceedsFromRepaymentsOfLinesOfCredit"), 0},
    {"cf", "financing", "Line of credit repayment", G("RepaymentsOfLinesOfCredit"), 0},
    {"cf", "financing", "Long-term debt borrowings", G("ProceedsFromIssuanceOfLongTermDebt"), 0},
    {"cf", "financing", "Common stock issued", G("ProceedsFromIssuanceOfCommonStock"), 0},
    {"cf", "financing", "Common stock purchased for treasury", G("PaymentsForRepurchaseOfCommonStock"), 0},
    {"cf", "financing", "Net cash (used in) provided by financing activities", G("NetCashProvidedByUsedInFinancingActivities"), TOTAL},
    {"cf", "", "Effect of exchange rate changes on cash", G("EffectOfExchangeRateOnCashAndCashEquivalents"), 0},
    {"cf", "", "Net (decrease) increase in cash", G("CashAndCashEquivalentsPeriodIncreaseDecrease"), TOTAL},
    {"cf", "", "Cash and cash equivalents at beginning of year", G("CashAndCashEquivalentsAtCarryingValue"), START},
    {"cf", "", "Cash and cash equivalents at end of period", G("CashAndCashEquivalentsAtCarryingValue"), END},
    {"cf", "supplemental", "Interest", G("InterestPaidNet"), 0},
    {"cf", "supplemental", "Income taxes", G("IncomeTaxesPaidNet"), 0},
    {"cf", "supplemental", "Cash paid during the year for interest", G("InterestPaidNet"), 0},
    /* Bristol-Myers Squibb, Apple */
    {"cf", "operating", "Other operating items", G("OtherOperatingActivitiesCashFlowStatement"), 0},
    {"cf", "operating", "Receivables", G("IncreaseDecreaseInAccountsReceivable"), 0},
    {"cf", "operating", "Other assets and liabilities", G("IncreaseDecreaseInOtherOperatingCapitalNet"), 0},
    {"cf", "investing", "Proceeds from sales of time deposits\n   and marketable securities",
     G("ProceedsFromSaleMaturityAndCollectionsOfInvestments"), 0},
    {"cf", "investing", "Additions to fixed assets", G("PaymentsToAcquirePropertyPlantAndEquipment"), 0},
    {"cf", "investing", "Other, net", G("PaymentsForProceedsFromOtherInvestingActivities"), 0},
    {"cf", "financing", "Short-term borrowings", G("ProceedsFromRepaymentsOfShortTermDebt"), 0},
    {"cf", "financing", "Issuances of common stock under stock plans", G("ProceedsFromStockPlans"), 0},
    {"cf", "financing", "Dividends paid", G("PaymentsOfDividends"), 0},
    {"cf", "operating", "Cash generated by (used for) operating\n\tactivities", G("NetCashProvidedByUsedInOperatingActivities"), TOTAL},
    {"cf", "", "Cash and cash equivalents, beginning of the period", G("CashAndCashEquivalentsAtCarryingValue"), START},
    {"cf", "", "Total cash generated (used)", G("CashAndCashEquivalentsPeriodIncreaseDecrease"), TOTAL},
    {"cf", "", "Increase/(Decrease) in Cash and Cash Equivalents", G("CashAndCashEquivalentsPeriodIncreaseDecrease"), TOTAL},
    {"cf", "operating", "(Increase)/decrease in inventories", G("IncreaseDecreaseInInventories"), 0},
    {"cf", "investing", "Proceeds from product divestitures", G("ProceedsFromDivestitureOfBusinesses"), 0},
    /* must not map */
    {"cf", "operating", "Adjustments to reconcile net income to net cash\n provided by operating activities", NULL, 0},
    {"cf", "operating", "Changes in assets and liabilities inventories", NULL, 0},
    {"cf", "operating", "Deferred tax assets", NULL, 0},
};

static void test_map_cash_flow(void **state)
{
    (void)state;
    NEED_DATA();
    check_expect(cash_flow, sizeof cash_flow / sizeof *cash_flow);
    /* net income in a cash-flow statement adds to cash although it is credit-balance */
    char *n = t2x_label_normalize("Net income");
    const t2x_label_rule *r = t2x_labelmap_match(labels, T2X_STMT_CASHFLOW, "operating", n);
    assert_non_null(r);
    assert_int_equal(r->polarity, 1);
    assert_int_equal(r->flags & T2X_RULE_TOTAL, 0);
    r = t2x_labelmap_match(labels, T2X_STMT_INCOME, "", n);
    assert_non_null(r);
    assert_int_equal(r->polarity, 0);
    free(n);
}

static const expect equity[] = {
    {"se", "", "Balance at January 1, 2001", G("StockholdersEquity"), START | END},
    {"se", "", "Balance at December 31, 2003", G("StockholdersEquity"), START | END},
    {"se", "", "Balance, beginning of year", G("StockholdersEquity"), START},
    {"se", "", "Balance, end of year", G("StockholdersEquity"), END},
    {"se", "", "Balances at December 31, 1997", G("StockholdersEquity"), START | END},
    {"se", "", "Net income", G("NetIncomeLoss"), 0},
    {"se", "", "Foreign currency transaction",
     G("OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"), 0},
    {"se", "", "Foreign currency translation",
     G("OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"), 0},
    {"se", "", "Minimum pension liability\n     adjustment, net of tax\n     benefit of $106,186",
     G("OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"), 0},
    {"se", "", "Total comprehensive income", G("ComprehensiveIncomeNetOfTax"), TOTAL},
    {"se", "", "Common stock purchased for treasury\n  (12,470 shares)", G("TreasuryStockValueAcquiredCostMethod"), 0},
    {"se", "", "Common stock purchased and retired\n  (7,024 shares)", G("StockRepurchasedAndRetiredDuringPeriodValue"), 0},
    {"se", "", "Retirement of treasury stock\n  (432,480 shares)", G("TreasuryStockRetiredCostMethodAmount"), 0},
    {"se", "", "Tax benefit of exercised stock options",
     G("AdjustmentsToAdditionalPaidInCapitalTaxEffectFromShareBasedCompensation"), 0},
    {"se", "", "Common stock issued (18,000 shares)", G("StockIssuedDuringPeriodValueNewIssues"), 0},
    {"se", "", "Exercise of stock options", G("StockIssuedDuringPeriodValueStockOptionsExercised"), 0},
    {"se", "", "Cash dividends ($.30 per share)", G("DividendsCommonStockCash"), 0},
    {"se", "", "Cash dividends\nof $0.48 per\ncommon share", G("DividendsCommonStockCash"), 0},
    {"se", "", "Purchase of 150,000 shares\n  of treasury stock", G("TreasuryStockValueAcquiredCostMethod"), 0},
    {"se", "", "Common stock\nissued under\nstock option\nand purchase plans,\nincluding related\ntax benefits",
     G("StockIssuedDuringPeriodValueShareBasedCompensation"), 0},
    {"se", "", "Change in\nunrealized gains\n(losses) on\navailable-for-sale\nsecurities",
     G("OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"), 0},
    {"se", "", "Retained Earnings, January 1", G("RetainedEarningsAccumulatedDeficit"), START | END},
    {"se", "", "Less dividends", G("DividendsCommonStockCash"), 0},
    {"se", "", "Two-for-one stock split", NULL, 0},
    {"ci", "", "Total Other Comprehensive Income", G("OtherComprehensiveIncomeLossNetOfTax"), TOTAL},
    {"ci", "", "Comprehensive Income", G("ComprehensiveIncomeNetOfTax"), TOTAL},
};

static void test_map_equity(void **state)
{
    (void)state;
    NEED_DATA();
    check_expect(equity, sizeof equity / sizeof *equity);
}

static const expect notes[] = {
    {"note", "", "Finished products", G("InventoryFinishedGoodsNetOfReserves"), 0},
    {"note", "", "Work-in-process", G("InventoryWorkInProcessNetOfReserves"), 0},
    {"note", "", "Raw materials", G("InventoryRawMaterialsAndSuppliesNetOfReserves"), 0},
    {"note", "", "Less allowance to reduce to LIFO basis", G("InventoryLIFOReserve"), 0},
    {"note", "", "Excess of current cost over LIFO values", G("InventoryLIFOReserve"), 0},
    {"note", "", "Net inventories", G("InventoryNet"), TOTAL},
    {"note", "", "Net income", G("NetIncomeLoss"), 0},
    {"note", "", "Net income available to common shareholders", G("NetIncomeLossAvailableToCommonStockholdersBasic"), 0},
    {"note", "", "Denominator for basic earnings per share\n     - weighted average shares outstanding",
     G("WeightedAverageNumberOfSharesOutstandingBasic"), 0},
    {"note", "", "Employee stock options", G("IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"), 0},
    {"note", "", "Incremental Shares Outstanding Assuming the Exercise of Dilutive Stock Options",
     G("IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"), 0},
    /* a rate reconciliation's "Foreign operations" is a tax effect, not pretax income */
    {"note", "", "Foreign operations", NULL, 0},
    {"note", "", "Effect of dilutive securities stock options",
     G("IncrementalCommonSharesAttributableToShareBasedPaymentArrangements"), 0},
    {"note", "",
     "Denominator for diluted earnings per share -\n     weighted average shares out- standing and assumed\n     conversions",
     G("WeightedAverageNumberOfDilutedSharesOutstanding"), 0},
    {"note", "", "Basic earnings per share", G("EarningsPerShareBasic"), 0},
    {"note", "", "Diluted earnings per common share", G("EarningsPerShareDiluted"), 0},
    {"note", "", "United States", G("IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic"), 0},
    {"note", "", "Foreign income (loss)", G("IncomeLossFromContinuingOperationsBeforeIncomeTaxesForeign"), 0},
    {"note", "", "Current federal", G("CurrentFederalTaxExpenseBenefit"), 0},
    {"note", "", "Total current", G("CurrentIncomeTaxExpenseBenefit"), TOTAL},
    {"note", "", "Foreign currency translation adjustment",
     G("AccumulatedOtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentNetOfTax"), 0},
    {"note", "", "Foreign", NULL, 0}, /* income or tax? the table decides, not the word */
};

static void test_map_notes(void **state)
{
    (void)state;
    NEED_DATA();
    check_expect(notes, sizeof notes / sizeof *notes);
}

/* ---------------------------------------------------------------- banks, insurers, utilities */

/* Industry captions (issue "Industries"): the captions of Regulation S-X 210.9-03/9-04 (bank
 * holding companies), 210.7-03/7-04 (insurance companies) and the utility statement wordings of
 * legacy-edgar-guide.md §2.3/§2.4, as printed in 1993-2001 text filings. Strings with a group
 * header first ("Interest income Loans") are the "<header> <label>" strings the mapper tries for
 * short rows. */
static const expect bank_balance_sheet[] = {
    {"bs", "assets", "Cash and due from banks", G("CashAndDueFromBanks"), 0},
    {"bs", "assets", "Interest-bearing deposits in other banks", G("InterestBearingDepositsInBanks"), 0},
    {"bs", "assets", "Interest bearing deposits with banks", G("InterestBearingDepositsInBanks"), 0},
    {"bs", "assets", "Time deposits with other banks", G("InterestBearingDepositsInBanks"), 0},
    {"bs", "assets", "Federal funds sold and securities purchased under resale agreements",
     G("FederalFundsSoldAndSecuritiesPurchasedUnderAgreementsToResell"), 0},
    {"bs", "assets", "Federal funds sold", G("FederalFundsSold"), 0},
    {"bs", "assets", "Trading account assets", G("TradingSecurities"), 0},
    {"bs", "assets", "Investment securities available for sale", G("AvailableForSaleSecuritiesDebtSecurities"), 0},
    {"bs", "assets", "Securities held to maturity (market value $1,234 and $1,100)", G("HeldToMaturitySecurities"), 0},
    {"bs", "assets", "Investment securities held to maturity", G("HeldToMaturitySecurities"), 0},
    {"bs", "assets", "Loans held for sale", G("LoansReceivableHeldForSaleNetNotPartOfDisposalGroup"), 0},
    {"bs", "assets", "Loans, net of unearned income", G("LoansAndLeasesReceivableNetOfDeferredIncome"), 0},
    {"bs", "assets", "Loans", G("LoansAndLeasesReceivableNetOfDeferredIncome"), 0},
    {"bs", "assets", "Less: Unearned income", G("LoansAndLeasesReceivableDeferredIncome"), 0},
    {"bs", "assets", "Less allowance for loan losses", G("LoansAndLeasesReceivableAllowance"), 0},
    {"bs", "assets", "Allowance for possible loan losses", G("LoansAndLeasesReceivableAllowance"), 0},
    {"bs", "assets", "Reserve for loan losses", G("LoansAndLeasesReceivableAllowance"), 0},
    {"bs", "assets", "Net loans", G("LoansAndLeasesReceivableNetReportedAmount"), TOTAL},
    {"bs", "assets", "Loans, net", G("LoansAndLeasesReceivableNetReportedAmount"), TOTAL},
    {"bs", "assets", "Premises and equipment, net", G("PropertyPlantAndEquipmentNet"), 0},
    {"bs", "assets", "Bank premises and equipment", G("PropertyPlantAndEquipmentNet"), 0},
    {"bs", "assets", "Accrued interest receivable", G("InterestReceivable"), 0},
    {"bs", "assets", "Other real estate owned", G("RealEstateAcquiredThroughForeclosure"), 0},
    {"bs", "assets", "Customers' acceptance liability", G("CustomersLiabilityForAcceptancesNet"), 0},
    {"bs", "assets", "Total assets", G("Assets"), TOTAL},
    {"bs", "liabilities", "Deposits Noninterest-bearing", G("NoninterestBearingDepositLiabilities"), 0},
    {"bs", "liabilities", "Deposits Non-interest bearing", G("NoninterestBearingDepositLiabilities"), 0},
    {"bs", "liabilities", "Deposits Interest-bearing", G("InterestBearingDepositLiabilities"), 0},
    {"bs", "liabilities", "Deposits Demand", G("DemandDepositAccounts"), 0},
    {"bs", "liabilities", "Deposits Time", G("TimeDeposits"), 0},
    {"bs", "liabilities", "Total deposits", G("Deposits"), TOTAL},
    {"bs", "liabilities", "Federal funds purchased and securities sold under agreements to repurchase",
     G("FederalFundsPurchasedAndSecuritiesSoldUnderAgreementsToRepurchase"), 0},
    {"bs", "liabilities", "Federal funds purchased", G("FederalFundsPurchased"), 0},
    {"bs", "liabilities", "Federal funds purchased and other short-term borrowings", NULL, 0},
    {"bs", "liabilities", "Securities sold under repurchase agreements", G("SecuritiesSoldUnderAgreementsToRepurchase"), 0},
    {"bs", "liabilities", "Other short-term borrowings", G("OtherShortTermBorrowings"), 0},
    {"bs", "liabilities", "Short-term borrowings", G("ShortTermBorrowings"), 0},
    {"bs", "liabilities", "Bank acceptances outstanding", G("BankAcceptancesExecutedAndOutstanding"), 0},
    /* no 2023 element or ambiguous: extensions */
    {"bs", "liabilities", "Deposits Savings", NULL, 0},
    {"bs", "current-liabilities", "Deposits", NULL, 0},     /* a customer deposit, not a bank's */
    {"bs", "assets", "Investment securities", NULL, 0},     /* AFS and HTM together */
    {"bs", "current-assets", "Deposits", NULL, 0},
    /* the industrial wordings keep their rules */
    {"bs", "current-assets", "Cash", G("Cash"), 0},
    {"bs", "current-assets", "Cash in banks", G("Cash"), 0},
    {"bs", "current-assets", "Less allowance for doubtful accounts", G("AllowanceForDoubtfulAccountsReceivableCurrent"), 0},
    {"bs", "current-assets", "Allowance for credit losses", G("AllowanceForDoubtfulAccountsReceivableCurrent"), 0},
    {"bs", "current-assets", "Trading securities", G("MarketableSecuritiesCurrent"), 0},
    {"bs", "current-liabilities", "Customer deposits", G("DeferredRevenueCurrent"), 0},
};

static const expect bank_income[] = {
    {"is", "", "Interest and fees on loans", G("InterestAndFeeIncomeLoansAndLeases"), 0},
    {"is", "", "Interest and fees on loans and leases", G("InterestAndFeeIncomeLoansAndLeases"), 0},
    {"is", "", "Interest income Loans", G("InterestAndFeeIncomeLoansAndLeases"), 0},
    {"is", "", "Interest income Loans, including fees", G("InterestAndFeeIncomeLoansAndLeases"), 0},
    {"is", "", "Loans, including fees", G("InterestAndFeeIncomeLoansAndLeases"), 0},
    {"is", "", "Investment securities Taxable", G("InterestIncomeSecuritiesTaxable"), 0},
    {"is", "", "Interest on investment securities Taxable", G("InterestIncomeSecuritiesTaxable"), 0},
    {"is", "", "Investment securities Tax-exempt", G("InterestIncomeSecuritiesTaxExempt"), 0},
    {"is", "", "Investment securities Exempt from federal income taxes", G("InterestIncomeSecuritiesTaxExempt"), 0},
    {"is", "", "Taxable investment securities", G("InterestIncomeSecuritiesTaxable"), 0},
    {"is", "", "Tax-exempt securities", G("InterestIncomeSecuritiesTaxExempt"), 0},
    {"is", "", "Obligations of states and political subdivisions", G("InterestIncomeSecuritiesStateAndMunicipal"), 0},
    {"is", "", "Interest on investment securities", G("InterestAndDividendIncomeSecurities"), 0},
    {"is", "", "Interest income Investment securities", G("InterestAndDividendIncomeSecurities"), 0},
    {"is", "", "Interest on federal funds sold and securities purchased under resale agreements",
     G("InterestIncomeFederalFundsSoldAndSecuritiesPurchasedUnderAgreementsToResell"), 0},
    {"is", "", "Interest income Federal funds sold", G("InterestIncomeFederalFundsSold"), 0},
    {"is", "", "Interest on deposits with banks", G("InterestIncomeDepositsWithFinancialInstitutions"), 0},
    {"is", "", "Interest income Other", G("OtherInterestAndDividendIncome"), 0},
    {"is", "", "Total interest income", G("InterestAndDividendIncomeOperating"), TOTAL},
    {"is", "", "Interest on deposits", G("InterestExpenseDeposits"), 0},
    {"is", "", "Interest expense Deposits", G("InterestExpenseDeposits"), 0},
    {"is", "", "Interest expense Time deposits", G("InterestExpenseTimeDeposits"), 0},
    {"is", "", "Interest on short-term borrowings", G("InterestExpenseShortTermBorrowings"), 0},
    {"is", "", "Interest expense Short-term borrowings", G("InterestExpenseShortTermBorrowings"), 0},
    {"is", "", "Interest expense Federal funds purchased and securities sold under agreements to repurchase",
     G("InterestExpenseFederalFundsPurchasedAndSecuritiesSoldUnderAgreementsToRepurchase"), 0},
    {"is", "", "Interest on long-term debt", G("InterestExpenseLongTermDebt"), 0},
    {"is", "", "Interest expense Long-term debt", G("InterestExpenseLongTermDebt"), 0},
    {"is", "", "Total interest expense", G("InterestExpense"), TOTAL},
    {"is", "", "Net interest income", G("InterestIncomeExpenseNet"), TOTAL},
    {"is", "", "Provision for loan losses", G("ProvisionForLoanAndLeaseLosses"), 0},
    {"is", "", "Provision for possible loan losses", G("ProvisionForLoanAndLeaseLosses"), 0},
    {"is", "", "Provision for loan and lease losses", G("ProvisionForLoanAndLeaseLosses"), 0},
    {"is", "", "Provision for credit losses", G("ProvisionForLoanAndLeaseLosses"), 0},
    {"is", "", "Net interest income after provision for loan losses", G("InterestIncomeExpenseAfterProvisionForLoanLoss"), TOTAL},
    {"is", "", "Securities gains (losses)", G("GainLossOnInvestments"), 0},
    {"is", "", "Investment securities gains", G("GainLossOnInvestments"), 0},
    {"is", "", "Net gains on securities transactions", G("GainLossOnInvestments"), 0},
    {"is", "", "Total noninterest income", G("NoninterestIncome"), TOTAL},
    {"is", "", "Total non-interest income", G("NoninterestIncome"), TOTAL},
    {"is", "", "Other noninterest income", G("NoninterestIncomeOther"), 0},
    {"is", "", "Salaries and employee benefits", G("LaborAndRelatedExpense"), 0},
    {"is", "", "Salaries", G("SalariesAndWages"), 0},
    {"is", "", "Pensions and other employee benefits", G("EmployeeBenefitsAndShareBasedCompensation"), 0},
    {"is", "", "Net occupancy expense", G("OccupancyNet"), 0},
    {"is", "", "Occupancy", G("OccupancyNet"), 0},
    {"is", "", "Equipment expense", G("EquipmentExpense"), 0},
    {"is", "", "Noninterest expense Equipment", G("EquipmentExpense"), 0},
    {"is", "", "FDIC insurance", G("FederalDepositInsuranceCorporationPremiumExpense"), 0},
    {"is", "", "Other noninterest expense", G("OtherNoninterestExpense"), 0},
    {"is", "", "Total noninterest expense", G("NoninterestExpense"), TOTAL},
    {"is", "", "Total non-interest expenses", G("NoninterestExpense"), TOTAL},
    {"is", "", "Applicable income taxes", G("IncomeTaxExpenseBenefit"), 0},
    {"cf", "operating", "Provision for loan losses", G("ProvisionForLoanAndLeaseLosses"), 0},
    {"cf", "financing", "Net increase in deposits", G("IncreaseDecreaseInDeposits"), 0},
    /* no 2023 element (ASC 606 rework: needs a product member) or no element at all */
    {"is", "", "Service charges on deposit accounts", NULL, 0},
    {"is", "", "Trust income", NULL, 0},
    {"is", "", "Trust fees", NULL, 0},
    {"is", "", "Occupancy and equipment", NULL, 0},
    {"is", "", "Interest income Trading account assets", NULL, 0},
    {"is", "", "Deposits", NULL, 0},
    /* industrial wordings keep their elements */
    {"is", "", "Interest income", G("InvestmentIncomeInterest"), 0},
    {"is", "", "Interest expense", G("InterestExpense"), 0},
    {"is", "", "Net interest income (expense)", G("InterestIncomeExpenseNonoperatingNet"), 0},
    {"is", "", "Net interest expense", G("InterestIncomeExpenseNonoperatingNet"), 0},
    {"is", "", "Interest on debt", G("InterestExpense"), 0},
    {"is", "", "Gain on sale of securities", G("GainLossOnInvestments"), 0},
    {"is", "", "Provision for doubtful accounts", G("ProvisionForDoubtfulAccounts"), 0},
    {"is", "", "Revenues Equipment", NULL, 0}, /* a product revenue line, not equipment expense */
    {"is", "", "Equipment", NULL, 0},
    {"is", "", "Other", NULL, 0},
};

static const expect insurance[] = {
    {"is", "", "Premiums earned", G("PremiumsEarnedNet"), 0},
    {"is", "", "Net premiums earned", G("PremiumsEarnedNet"), 0},
    {"is", "", "Insurance premiums earned", G("PremiumsEarnedNet"), 0},
    {"is", "", "Revenues Premiums", G("PremiumsEarnedNet"), 0},
    {"is", "", "Net investment income", G("NetInvestmentIncome"), 0},
    {"is", "", "Investment income, net of expenses", G("NetInvestmentIncome"), 0},
    {"is", "", "Realized investment gains (losses)", G("RealizedInvestmentGainsLosses"), 0},
    {"is", "", "Net realized investment gains", G("RealizedInvestmentGainsLosses"), 0},
    {"is", "", "Realized gains on investments", G("RealizedInvestmentGainsLosses"), 0},
    {"is", "", "Benefits, claims, losses and settlement expenses", G("PolicyholderBenefitsAndClaimsIncurredNet"), 0},
    {"is", "", "Losses and loss adjustment expenses", G("PolicyholderBenefitsAndClaimsIncurredNet"), 0},
    {"is", "", "Policyholder benefits", G("PolicyholderBenefitsAndClaimsIncurredNet"), 0},
    {"is", "", "Claims and claim adjustment expenses", G("PolicyholderBenefitsAndClaimsIncurredNet"), 0},
    {"is", "", "Amortization of deferred policy acquisition costs", G("DeferredPolicyAcquisitionCostAmortizationExpense"), 0},
    {"is", "", "Other underwriting expenses", G("OtherUnderwritingExpense"), 0},
    {"is", "", "Interest credited to policyholders' account balances", G("InterestCreditedToPolicyholdersAccountBalances"), 0},
    {"is", "", "Dividends to policyholders", G("PolicyholderDividends"), 0},
    {"is", "", "Total benefits and expenses", G("BenefitsLossesAndExpenses"), TOTAL},
    {"is", "", "Total losses and expenses", G("BenefitsLossesAndExpenses"), TOTAL},
    {"bs", "assets", "Fixed maturities available for sale, at fair value (amortized cost $9,876)",
     G("AvailableForSaleSecuritiesDebtSecurities"), 0},
    {"bs", "assets", "Fixed maturities, held to maturity, at amortized cost", G("HeldToMaturitySecurities"), 0},
    {"bs", "assets", "Mortgage loans on real estate", G("MortgageLoansOnRealEstateCommercialAndConsumerNet"), 0},
    {"bs", "assets", "Policy loans", G("PolicyLoansReceivable"), 0},
    {"bs", "assets", "Investment real estate", G("RealEstateInvestmentPropertyNet"), 0},
    {"bs", "assets", "Total investments", G("Investments"), TOTAL},
    {"bs", "assets", "Premiums and agents' balances receivable", G("PremiumsReceivableAtCarryingValue"), 0},
    {"bs", "assets", "Reinsurance recoverable on paid losses", G("ReinsuranceRecoverablesOnPaidLosses"), 0},
    {"bs", "assets", "Reinsurance recoverables", G("ReinsuranceRecoverables"), 0},
    {"bs", "assets", "Deferred policy acquisition costs", G("DeferredPolicyAcquisitionCosts"), 0},
    {"bs", "assets", "Separate account assets", G("SeparateAccountAssets"), 0},
    {"bs", "liabilities", "Future policy benefits", G("LiabilityForFuturePolicyBenefits"), 0},
    {"bs", "liabilities", "Future policy benefits, losses, claims and loss expenses",
     G("LiabilityForFuturePolicyBenefitsAndUnpaidClaimsAndClaimsAdjustmentExpense"), 0},
    {"bs", "liabilities", "Unpaid losses and loss adjustment expenses", G("LiabilityForClaimsAndClaimsAdjustmentExpense"), 0},
    {"bs", "liabilities", "Reserves for losses and loss adjustment expenses", G("LiabilityForClaimsAndClaimsAdjustmentExpense"), 0},
    {"bs", "liabilities", "Unearned premiums", G("UnearnedPremiums"), 0},
    {"bs", "liabilities", "Policyholders' account balances", G("PolicyholderContractDeposits"), 0},
    {"bs", "liabilities", "Other policyholders' funds", G("OtherPolicyholderFunds"), 0},
    {"bs", "liabilities", "Other policy claims and benefits payable",
     G("SupplementaryInsuranceInformationOtherPolicyClaimsAndBenefitsPayable"), 0},
    {"bs", "liabilities", "Separate account liabilities", G("SeparateAccountsLiability"), 0},
    /* doubtful or without element: no rule */
    {"bs", "assets", "Equity securities, at fair value", NULL, 0}, /* AFS then, FV-NI now */
    {"bs", "assets", "Reinsurance recoverable on unpaid losses", NULL, 0},
    {"is", "", "Premiums written", NULL, 0},
    {"is", "", "Insurance premiums", NULL, 0}, /* an expense of a trucking company */
    {"is", "", "Benefits", NULL, 0},           /* an employee-cost line elsewhere */
    {"is", "", "Losses and loss adjustment expenses incurred Current year", NULL, 0},
};

static const expect utility[] = {
    {"is", "", "Operating expenses Fuel", G("FuelCosts"), 0},
    {"is", "", "Fuel for electric generation", G("UtilitiesOperatingExpenseFuelUsed"), 0},
    {"is", "", "Fuel used in electric generation", G("UtilitiesOperatingExpenseFuelUsed"), 0},
    {"is", "", "Purchased power", G("UtilitiesOperatingExpensePurchasedPower"), 0},
    {"is", "", "Purchased and interchanged power, net", G("UtilitiesOperatingExpensePurchasedPower"), 0},
    {"is", "", "Purchased gas", G("UtilitiesOperatingExpenseGasAndPetroleumPurchased"), 0},
    {"is", "", "Cost of gas sold", G("UtilitiesOperatingExpenseGasAndPetroleumPurchased"), 0},
    {"is", "", "Other operation and maintenance", G("UtilitiesOperatingExpenseMaintenanceAndOperations"), 0},
    {"is", "", "Other operation", G("UtilitiesOperatingExpenseOperations"), 0},
    {"is", "", "Operating expenses Other operation", G("UtilitiesOperatingExpenseOperations"), 0},
    {"is", "", "Operation Other", G("UtilitiesOperatingExpenseOperations"), 0},
    {"is", "", "Operating expenses Maintenance", G("UtilitiesOperatingExpenseMaintenance"), 0},
    {"is", "", "Depreciation and amortization", G("DepreciationAndAmortization"), 0},
    {"is", "", "Taxes other than income taxes", G("TaxesExcludingIncomeAndExciseTaxes"), 0},
    {"is", "", "Taxes, other than income taxes", G("TaxesExcludingIncomeAndExciseTaxes"), 0},
    {"is", "", "Allowance for equity funds used during construction",
     G("PublicUtilitiesAllowanceForFundsUsedDuringConstructionCapitalizedCostOfEquity"), 0},
    {"is", "", "Allowance for other funds used during construction",
     G("PublicUtilitiesAllowanceForFundsUsedDuringConstructionCapitalizedCostOfEquity"), 0},
    {"is", "", "Allowance for funds used during construction", G("PublicUtilitiesAllowanceForFundsUsedDuringConstructionAdditions"), 0},
    {"is", "", "Interest on long-term debt", G("InterestExpenseLongTermDebt"), 0},
    {"is", "", "Interest charges Other interest", G("InterestExpenseOther"), 0},
    {"is", "", "Total interest charges", G("InterestExpense"), TOTAL},
    {"is", "", "Net interest charges", G("InterestExpense"), TOTAL},
    {"is", "", "Total operating revenues", G("Revenues"), 0},
    {"is", "", "Operating income", G("OperatingIncomeLoss"), TOTAL},
    {"bs", "assets", "Utility plant, at original cost", G("PublicUtilitiesPropertyPlantAndEquipmentPlantInService"), 0},
    {"bs", "assets", "Utility plant In service", G("PublicUtilitiesPropertyPlantAndEquipmentPlantInService"), 0},
    {"bs", "assets", "Less accumulated depreciation",
     G("AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment"), 0},
    {"bs", "assets", "Construction work in progress", G("ConstructionInProgressGross"), 0},
    {"bs", "assets", "Nuclear fuel, net of amortization", G("NuclearFuelNetOfAmortization"), 0},
    {"bs", "assets", "Net utility plant", G("PublicUtilitiesPropertyPlantAndEquipmentNet"), TOTAL},
    {"bs", "assets", "Utility plant, net", G("PublicUtilitiesPropertyPlantAndEquipmentNet"), TOTAL},
    {"bs", "assets", "Regulatory assets", G("RegulatoryAssetsNoncurrent"), 0},
    {"bs", "current-assets", "Regulatory assets", G("RegulatoryAssetsCurrent"), 0},
    {"bs", "liabilities", "Regulatory liabilities", G("RegulatoryLiabilityNoncurrent"), 0},
    {"bs", "liabilities", "Accumulated deferred income taxes", G("DeferredIncomeTaxLiabilitiesNet"), 0},
    {"bs", "liabilities", "Accumulated deferred investment tax credits", G("AccumulatedDeferredInvestmentTaxCredit"), 0},
    /* product revenue lines need a member; AFUDC on borrowed funds has an unreadable sign */
    {"is", "", "Operating revenues Electric", NULL, 0},
    {"is", "", "Operating revenues Gas", NULL, 0},
    {"is", "", "Electric", NULL, 0},
    {"is", "", "Allowance for borrowed funds used during construction", NULL, 0},
    {"is", "", "Allowance for borrowed funds used during construction (credit)", NULL, 0},
    {"is", "", "Fuel and purchased power", NULL, 0},
    {"bs", "assets", "Utility plant Electric", NULL, 0},
    /* words that are revenue or cost lines elsewhere */
    {"is", "", "Fuel", NULL, 0},                 /* a truck stop's fuel sales */
    {"is", "", "Revenues Fuel", NULL, 0},
    {"is", "", "Maintenance", NULL, 0},          /* a software company's maintenance revenue */
    {"is", "", "Revenues Maintenance", NULL, 0},
    {"is", "", "Other operations", NULL, 0},
    {"is", "", "Revenues Other operations", NULL, 0},
    {"bs", "assets", "Construction in progress", G("ConstructionInProgressGross"), 0},
};

static void test_map_industries(void **state)
{
    (void)state;
    NEED_DATA();
    check_expect(bank_balance_sheet, sizeof bank_balance_sheet / sizeof *bank_balance_sheet);
    check_expect(bank_income, sizeof bank_income / sizeof *bank_income);
    check_expect(insurance, sizeof insurance / sizeof *insurance);
    check_expect(utility, sizeof utility / sizeof *utility);
}

static void test_match_edges(void **state)
{
    (void)state;
    NEED_DATA();
    /* kind filtering: an income-statement wording is not a balance-sheet row */
    assert_null(t2x_labelmap_match(labels, T2X_STMT_BALANCE, "", "net sales"));
    assert_non_null(t2x_labelmap_match(labels, T2X_STMT_INCOME, NULL, "net sales"));
    assert_null(t2x_labelmap_match(labels, T2X_STMT_INCOME, "", ""));
    assert_null(t2x_labelmap_match(labels, T2X_STMT_INCOME, "", NULL));
    assert_null(t2x_labelmap_match(NULL, T2X_STMT_INCOME, "", "net sales"));
    assert_null(t2x_labelmap_match(labels, (t2x_stmt_kind)99, "", "net sales"));
    const t2x_label_rule *r = t2x_labelmap_match(labels, T2X_STMT_BALANCE, "assets", "total assets");
    assert_non_null(r);
    assert_true(r->line > 0);
    assert_int_equal(r->kind, T2X_STMT_BALANCE);
    assert_string_equal(r->section, "");
}

/* ---------------------------------------------------------------- rejected label files */

static char *write_temp(const char *text)
{
    char *path = strdup("/tmp/t2x-labels-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

/* Load `text` as a label file: expect failure with an error on `line` mentioning `what`. */
static void rejects(const char *text, int line, const char *what)
{
    char *path = write_temp(text);
    t2x_diag d = {0};
    t2x_labelmap *m = t2x_labelmap_load(path, concepts, &d);
    if (m) {
        t2x_labelmap_free(m);
        fail_msg("label file accepted: %s", text);
    }
    assert_true(errors_in(&d) >= 1);
    int found = 0;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].line == line && strstr(d.items[i].message, what)) found = 1;
    if (!found) {
        print_diag(&d);
        fail_msg("no error on line %d mentioning '%s'", line, what);
    }
    t2x_diag_free(&d);
    unlink(path);
    free(path);
}

static void test_labels_rejected(void **state)
{
    (void)state;
    NEED_DATA();
    const char *good = "# comment\n\nbs\t-\t^total assets$\tus-gaap:Assets\tauto\ttotal\n";
    rejects("bs\t-\t^x$\tus-gaap:BogusConceptName\tauto\t-\n", 1, "BogusConceptName");
    char both[512];
    snprintf(both, sizeof both, "%sis\t-\t^x$\tus-gaap:SalesRevenueNet\t0\t-\n", good);
    rejects(both, 4, "SalesRevenueNet");
    rejects("bs\t-\t^x$\tus-gaap:AssetsAbstract\tauto\t-\n", 1, "abstract");
    rejects("note\t-\t^x$\tus-gaap:IncomeTaxDisclosureTextBlock\tauto\t-\n", 1, "not numeric");
    rejects("bs\t-\t^x$\tus-gaap:Revenues\tauto\t-\n", 1, "duration");           /* bs needs instant */
    rejects("is\t-\t^x$\tus-gaap:Assets\tauto\t-\n", 1, "instant");              /* is needs duration */
    rejects("cf\t-\t^x$\tus-gaap:NetIncomeLoss\tauto\tstart\n", 1, "duration");  /* start needs instant */
    rejects("se\t-\t^x$\tus-gaap:StockholdersEquity\tauto\t-\n", 1, "instant");  /* movement needs duration */
    rejects("xx\t-\t^x$\tus-gaap:Assets\tauto\t-\n", 1, "kind");
    rejects("bs\t-\t^(x$\tus-gaap:Assets\tauto\t-\n", 1, "pattern");
    rejects("bs\t-\t^x$\tus-gaap:Assets\tsideways\t-\n", 1, "polarity");
    rejects("bs\t-\t^x$\tus-gaap:Assets\tauto\ttotal,often\n", 1, "flags");
    rejects("bs\t-\t^x$\tus-gaap:Assets\n", 1, "columns");

    /* the good line alone loads; se balances flagged start/end and cash balances are fine */
    char *path = write_temp("# ok\n"
                            "bs\t-\t^total assets$\tus-gaap:Assets\tauto\ttotal\n"
                            "se\t\t^balance\tus-gaap:StockholdersEquity\t0\tstart,end\n"
                            "cf\tsupplemental\t^interest\tus-gaap:InterestPaidNet\tauto\t-\r\n"
                            "cf\t-\t^net income$\tus-gaap:NetIncomeLoss\t+\t-\n"
                            "*\t-\t^effective tax rate\tus-gaap:EffectiveIncomeTaxRateContinuingOperations\tauto\t-\n");
    t2x_diag d = {0};
    t2x_labelmap *m = t2x_labelmap_load(path, concepts, &d);
    if (!m) print_diag(&d);
    assert_non_null(m);
    assert_int_equal(d.count, 0);
    assert_int_equal(t2x_labelmap_count(m), 5);
    const t2x_label_rule *r = t2x_labelmap_match(m, T2X_STMT_EQUITY, "", "balance at december 31, 2002");
    assert_non_null(r);
    assert_int_equal(r->flags, T2X_RULE_BALANCE_START | T2X_RULE_BALANCE_END);
    assert_int_equal(r->line, 3);
    r = t2x_labelmap_match(m, T2X_STMT_CASHFLOW, "supplemental", "interest");
    assert_non_null(r);
    assert_string_equal(r->section, "supplemental");
    assert_null(t2x_labelmap_match(m, T2X_STMT_CASHFLOW, "operating", "interest"));
    r = t2x_labelmap_match(m, T2X_STMT_CASHFLOW, "operating", "net income");
    assert_non_null(r);
    assert_int_equal(r->polarity, 1);
    assert_non_null(t2x_labelmap_match(m, T2X_STMT_NOTE, "", "effective tax rate"));
    assert_non_null(t2x_labelmap_match(m, T2X_STMT_BALANCE, "", "TOTAL ASSETS")); /* REG_ICASE */
    t2x_labelmap_free(m);
    unlink(path);
    free(path);

    assert_null(t2x_labelmap_load("/nonexistent/labels.tsv", concepts, &d));
    assert_int_equal(errors_in(&d), 1);
    t2x_diag_free(&d);
}

int main(void)
{
    srcdir(); /* fail clearly before anything else */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concepts_load),
        cmocka_unit_test(test_concept_attributes),
        cmocka_unit_test(test_removed_concepts_absent),
        cmocka_unit_test(test_concepts_sorted_and_typed),
        cmocka_unit_test(test_concepts_bad_file),
        cmocka_unit_test(test_labels_load),
        cmocka_unit_test(test_labels_rules_checked),
        cmocka_unit_test(test_normalize),
        cmocka_unit_test(test_section_matches),
        cmocka_unit_test(test_map_balance_sheet),
        cmocka_unit_test(test_map_income),
        cmocka_unit_test(test_map_cash_flow),
        cmocka_unit_test(test_map_equity),
        cmocka_unit_test(test_map_notes),
        cmocka_unit_test(test_map_industries),
        cmocka_unit_test(test_match_edges),
        cmocka_unit_test(test_labels_rejected),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
