/*
 * test_samples.c — end to end on the two real filings in samples/: every assertion is a value
 * printed in the filing, in the XBRL sign convention, under the concept a careful filer would
 * pick (design §3, issue "Convert a legacy filing…"). The model is read back with XPath, and
 * validated against templates/model.xsd; every cell's source span must hold its printed text.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "clash.h"
#include "filing.h"
#include "render.h"
#include "testutil.h"

typedef struct sample {
    t2x_filing *f;
    t2x_diag diag;
    xmlXPathContextPtr xp;
} sample;

static sample tenq, tenk;

static int load(sample *s, const char *rel)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    memset(&s->diag, 0, sizeof s->diag);
    if (t2x_convert_file(srcpath(rel), &opt, &s->diag, &s->f) != T2X_OK) {
        for (size_t i = 0; i < s->diag.count; i++) fprintf(stderr, "%s\n", s->diag.items[i].message);
        return -1;
    }
    s->xp = xmlXPathNewContext(s->f->model);
    xmlXPathRegisterNs(s->xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
    return 0;
}

static int setup(void **state)
{
    (void)state;
    t2x_xml_init();
    if (load(&tenq, "samples/alg-10q-2003q1.txt") != 0) return -1;
    if (load(&tenk, "samples/alg-10k-2003.txt") != 0) return -1;
    return 0;
}

static void unload(sample *s)
{
    xmlXPathFreeContext(s->xp);
    t2x_filing_free(s->f);
    t2x_diag_free(&s->diag);
}

static int teardown(void **state)
{
    (void)state;
    unload(&tenq);
    unload(&tenk);
    t2x_data_cleanup();
    t2x_render_cleanup();
    return 0;
}

/* The value of the fact(s) of a concept in a context; fails unless they all agree. */
static char *fact(sample *s, const char *concept, const char *context)
{
    char q[512];
    snprintf(q, sizeof q,
             "//m:cell[@context='%s' and (@concept='%s' or (not(@concept) and ../@concept='%s'))]/@value"
             " | //m:cover/m:fact[@concept='%s' and @context='%s']/@value",
             context, concept, concept, concept, context);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST q, s->xp);
    char *v = NULL;
    if (r && r->nodesetval && r->nodesetval->nodeNr > 0) {
        v = (char *)xmlNodeGetContent(r->nodesetval->nodeTab[0]);
        for (int i = 1; i < r->nodesetval->nodeNr; i++) {
            char *w = (char *)xmlNodeGetContent(r->nodesetval->nodeTab[i]);
            if (strcmp(v, w) != 0) fail_msg("%s in %s has values %s and %s", concept, context, v, w);
            xmlFree(w);
        }
    }
    xmlXPathFreeObject(r);
    return v;
}

static void expect(sample *s, const char *concept, const char *context, const char *want)
{
    char *v = fact(s, concept, context);
    if (!v) fail_msg("no fact %s in %s (wanted %s)", concept, context, want);
    if (strcmp(v, want) != 0) fail_msg("%s in %s is %s, wanted %s", concept, context, v, want);
    xmlFree(v);
}

static double count(sample *s, const char *xpath)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, s->xp);
    double n = r ? xmlXPathCastToNumber(r) : -1;
    xmlXPathFreeObject(r);
    return n;
}

static void test_10q_statements(void **state)
{
    (void)state;
    sample *s = &tenq;
    const char *q1 = "D20030101-20030331", *q1p = "D20020101-20020331";
    /* income statement */
    expect(s, "us-gaap:Revenues", q1, "8831748");
    expect(s, "us-gaap:CostOfGoodsAndServicesSold", q1, "6089412");
    expect(s, "us-gaap:GrossProfit", q1, "2742336");
    expect(s, "us-gaap:InterestExpense", q1, "148081"); /* printed (148,081) */
    expect(s, "us-gaap:InterestExpense", q1p, "180335");
    expect(s, "us-gaap:IncomeTaxExpenseBenefit", q1, "270266");
    expect(s, "us-gaap:NetIncomeLoss", q1, "429060");
    expect(s, "us-gaap:NetIncomeLoss", q1p, "776797");
    expect(s, "us-gaap:EarningsPerShareBasic", q1, "0.28");
    expect(s, "us-gaap:EarningsPerShareDiluted", q1p, "0.37");
    /* balance sheet */
    expect(s, "us-gaap:Assets", "I20030331", "24810348");
    expect(s, "us-gaap:Assets", "I20021231", "25034616");
    expect(s, "us-gaap:AssetsCurrent", "I20030331", "13078975");
    expect(s, "us-gaap:LiabilitiesCurrent", "I20021231", "4737864");
    expect(s, "us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", "I20030331", "10533201");
    expect(s, "us-gaap:PropertyPlantAndEquipmentGross", "I20030331", "15626738");
    expect(s, "us-gaap:PropertyPlantAndEquipmentNet", "I20021231", "5260190");
    expect(s, "us-gaap:TreasuryStockCommonValue", "I20030331", "2112000");
    expect(s, "us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax", "I20030331", "-333934");
    expect(s, "us-gaap:LiabilitiesAndStockholdersEquity", "I20030331", "24810348");
    /* cash flows */
    expect(s, "us-gaap:IncreaseDecreaseInInventories", q1, "107730"); /* printed (107,730): inventories grew */
    expect(s, "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", q1, "11807");
    expect(s, "us-gaap:NetCashProvidedByUsedInInvestingActivities", q1, "-11807");
    expect(s, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20021231", "2002225"); /* beginning of period */
    expect(s, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20030331", "1780257");
    expect(s, "us-gaap:CashAndCashEquivalentsAtCarryingValue", "I20011231", "4579034");
    expect(s, "us-gaap:InterestPaidNet", q1, "149200");
}

static void test_10q_cover(void **state)
{
    (void)state;
    sample *s = &tenq;
    const char *q1 = "D20030101-20030331";
    expect(s, "dei:DocumentType", q1, "10-Q");
    expect(s, "dei:DocumentPeriodEndDate", q1, "2003-03-31");
    expect(s, "dei:DocumentFiscalPeriodFocus", q1, "Q1");
    expect(s, "dei:DocumentFiscalYearFocus", q1, "2003");
    expect(s, "dei:EntityRegistrantName", q1, "American Locker Group Incorporated");
    expect(s, "dei:EntityFileNumber", q1, "0-439");
    expect(s, "dei:EntityTaxIdentificationNumber", q1, "16-0338330");
    expect(s, "dei:EntityIncorporationStateCountryCode", q1, "DE");
    expect(s, "dei:EntityCommonStockSharesOutstanding", "I20030507", "1517146");
    /* no CIK in the file: never invented */
    assert_int_equal(count(s, "count(//m:cover/m:fact[@concept='dei:EntityCentralIndexKey'])"), 0);
    assert_int_equal(count(s, "count(/m:filing[@entity-scheme='urn:txt2xbrl:entity-name'])"), 1);
    /* units and decimals */
    assert_int_equal(count(s, "count(//m:statement[@kind='income']/m:row[@concept='us-gaap:EarningsPerShareBasic']/m:cell[@unit='USDPerShare' and @decimals='2'])"), 2);
    assert_int_equal(count(s, "count(//m:statement[@kind='balance-sheet']/m:row[@concept='us-gaap:Assets']/m:cell[@unit='USD' and @decimals='0'])"), 2);
}

static void test_10k_statements(void **state)
{
    (void)state;
    sample *s = &tenk;
    const char *y3 = "D20030101-20031231", *y1 = "D20010101-20011231";
    expect(s, "us-gaap:InterestExpense", y3, "529642");
    expect(s, "us-gaap:Revenues", y1, "39627216");
    expect(s, "us-gaap:OperatingIncomeLoss", y3, "3807423");
    /* pre-tax income: 3,545,379 in the income statement, 3,543,379 in the tax note — the
     * statement's figure is the fact; the note's is reported (note-disagrees, with the span of
     * its printed number) and not tagged; no inconsistent duplicate is left anywhere */
    assert_int_equal(count(s, "count(//m:statement[@kind='income']/m:row[@concept='us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest']/m:cell[@context='D20030101-20031231' and @value='3545379'])"), 1);
    assert_int_equal(count(s, "count(//m:row[@concept='us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest']/m:cell[@context='D20030101-20031231' and @value='3543379'])"), 0);
    assert_int_equal(count(s, "count(//m:issue[@code='note-disagrees' and @context='D20030101-20031231' and @line='1895' and @offset and @length]"
                              "[@concept='us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest'])"), 1);
    assert_int_equal(count(s, "count(//m:issue[@code='duplicate-fact' or @code='clash'])"), 0);
    /* the tax note's other pre-tax figure (2002) agrees with the statement and stays tagged */
    assert_int_equal(count(s, "count(//m:statement[@kind='note']/m:row[@concept='us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest']/m:cell)") > 0, 1);
    expect(s, "us-gaap:EarningsPerShareBasic", y3, "1.41");
    /* the cash-flow sign convention: a decrease of inventories is a negative increase */
    expect(s, "us-gaap:IncreaseDecreaseInInventories", y3, "-595975");
    expect(s, "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", y3, "543146");
    expect(s, "us-gaap:GainLossOnSaleOfPropertyPlantEquipment", y3, "28523");
    expect(s, "us-gaap:DeferredIncomeTaxExpenseBenefit", y3, "-81476");
    expect(s, "us-gaap:IncomeTaxesPaidNet", y3, "1030497");
    /* the printed typo is kept as printed */
    expect(s, "us-gaap:LiabilitiesCurrent", "I20021231", "44737864");
    expect(s, "us-gaap:LiabilitiesCurrent", "I20031231", "4734711");
    /* equity statement: members, start-of-period convention, signs */
    expect(s, "us-gaap:StockholdersEquity", "I20001231_RetainedEarningsMember", "12550001");
    expect(s, "us-gaap:StockholdersEquity", "I20001231", "11723825");
    expect(s, "us-gaap:StockholdersEquity", "I20021231_TreasuryStockCommonMember", "-2112000");
    expect(s, "us-gaap:StockholdersEquity", "I20031231", "14162140");
    expect(s, "us-gaap:NetIncomeLoss", "D20020101-20021231_RetainedEarningsMember", "3022828");
    expect(s, "us-gaap:TreasuryStockValueAcquiredCostMethod", "D20010101-20011231_TreasuryStockCommonMember", "98930");
    expect(s, "us-gaap:StockholdersEquity", "I20021231", "11874709"); /* the same fact as the balance sheet */
}

/* Numbers printed inside labels are facts too (taxonomy/label-facts.tsv). */
static void test_label_facts(void **state)
{
    (void)state;
    sample *k = &tenk, *q = &tenq;
    expect(k, "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "I20031231", "371000");
    expect(k, "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "I20021231", "333000");
    expect(q, "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", "I20030331", "339000");
    expect(k, "us-gaap:CommonStockSharesAuthorized", "I20031231", "4000000");
    expect(k, "us-gaap:CommonStockSharesIssued", "I20031231", "1726146");
    expect(k, "us-gaap:CommonStockSharesIssued", "I20021231", "1709146");
    expect(k, "us-gaap:CommonStockSharesOutstanding", "I20031231", "1534146");
    expect(k, "us-gaap:CommonStockParOrStatedValuePerShare", "I20031231", "1");
    expect(k, "us-gaap:TreasuryStockCommonShares", "I20021231", "192000");
    expect(k, "us-gaap:TreasuryStockSharesAcquired", "D20010101-20011231", "12470");
    expect(k, "us-gaap:StockIssuedDuringPeriodSharesNewIssues", "D20030101-20031231", "17000");
    /* one printed number for two periods: the second fact is hidden, not tagged twice */
    assert_int_equal(count(k, "count(//m:cell[@concept='us-gaap:TreasuryStockCommonShares' and @hidden='true'])"), 1);
}

static void test_10k_cover(void **state)
{
    (void)state;
    sample *s = &tenk;
    const char *y3 = "D20030101-20031231";
    expect(s, "dei:DocumentType", y3, "10-K");
    expect(s, "dei:DocumentFiscalPeriodFocus", y3, "FY");
    expect(s, "dei:CurrentFiscalYearEndDate", y3, "--12-31");
    expect(s, "dei:EntityCommonStockSharesOutstanding", "I20040316", "1534146");
    expect(s, "dei:EntityPublicFloat", "I20030630", "15695662");
}

static void test_10k_inconsistency(void **state)
{
    (void)state;
    sample *s = &tenk;
    /* exactly the filing's own arithmetic error, with both numbers, not corrected */
    assert_int_equal(count(s, "count(//m:issue[@code='calc-inconsistency'])"), 1);
    assert_int_equal(count(s, "count(//m:issue[@code='calc-inconsistency' and @printed='44737864' and @computed='4737864' and @line='1318'])"), 1);
    assert_int_equal(count(&tenq, "count(//m:issue[@code='calc-inconsistency'])"), 0);
}

/* Every cell and cover number: its span in the source holds exactly its printed text. */
static void check_spans(sample *s)
{
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST "//m:cell | //m:cover/m:fact[@offset]", s->xp);
    assert_non_null(r);
    assert_true(r->nodesetval->nodeNr > 50);
    for (int i = 0; i < r->nodesetval->nodeNr; i++) {
        xmlNodePtr n = r->nodesetval->nodeTab[i];
        char *off = (char *)xmlGetProp(n, BAD_CAST "offset"), *len = (char *)xmlGetProp(n, BAD_CAST "length");
        char *text = (char *)xmlGetProp(n, BAD_CAST "text");
        size_t o = strtoul(off, NULL, 10), l = strtoul(len, NULL, 10);
        assert_true(o + l <= s->f->src.len);
        assert_int_equal(l, strlen(text));
        if (memcmp(s->f->src.data + o, text, l) != 0) fail_msg("span %zu+%zu does not hold \"%s\"", o, l, text);
        xmlFree(off);
        xmlFree(len);
        xmlFree(text);
    }
    xmlXPathFreeObject(r);
}

static void test_spans(void **state)
{
    (void)state;
    check_spans(&tenq);
    check_spans(&tenk);
}

/* Contexts: every one referenced exists, none unused, ids unique. */
static void check_contexts(sample *s)
{
    assert_int_equal(count(s, "count(//m:cell[not(@context = //m:context/@id)])"), 0);
    assert_int_equal(count(s, "count(//m:cover/m:fact[not(@context = //m:context/@id)])"), 0);
    assert_int_equal(count(s, "count(//m:context[not(@id = //m:cell/@context or @id = //m:fact/@context or @id = //m:column/@context)])"), 0);
    assert_int_equal(count(s, "count(//m:context[@id = preceding-sibling::m:context/@id])"), 0);
}

static void test_contexts(void **state)
{
    (void)state;
    check_contexts(&tenq);
    check_contexts(&tenk);
}

/* The model is valid against its own schema (templates/model.xsd). */
static void check_schema(sample *s)
{
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(srcpath("templates/model.xsd"));
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    assert_non_null(schema);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    assert_int_equal(xmlSchemaValidateDoc(vc, s->f->model), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
}

static void test_model_schema(void **state)
{
    (void)state;
    check_schema(&tenq);
    check_schema(&tenk);
}

/* Deterministic: the same input gives byte-identical models. */
static void test_deterministic(void **state)
{
    (void)state;
    sample again;
    assert_int_equal(load(&again, "samples/alg-10k-2003.txt"), 0);
    size_t l1, l2;
    char *a = t2x_filing_model_xml(tenk.f, &l1), *b = t2x_filing_model_xml(again.f, &l2);
    assert_int_equal(l1, l2);
    assert_memory_equal(a, b, l1);
    free(a);
    free(b);
    unload(&again);
}

/* Note tables placed with confidence: inventories, EPS computation, pension cost. */
static void test_notes(void **state)
{
    (void)state;
    sample *k = &tenk, *q = &tenq;
    /* the 10-K inventory note, with its unlabeled gross total and the LIFO reserve as a positive contra */
    expect(k, "us-gaap:InventoryFinishedGoodsNetOfReserves", "I20031231", "1760657");
    expect(k, "us-gaap:InventoryGross", "I20031231", "5722361");
    expect(k, "us-gaap:InventoryLIFOReserve", "I20021231", "418266");
    /* the two filings state the December 2002 split differently (compare lists it) */
    expect(k, "us-gaap:InventoryRawMaterialsAndSuppliesNetOfReserves", "I20021231", "2965023");
    expect(q, "us-gaap:InventoryRawMaterialsAndSuppliesNetOfReserves", "I20021231", "1572946");
    expect(q, "us-gaap:InventoryRawMaterialsAndSuppliesNetOfReserves", "I20030331", "2689683");
    /* the 10-Q EPS computation */
    expect(q, "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", "D20030101-20030331", "1517146");
    expect(q, "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding", "D20030101-20030331", "1552067");
    expect(q, "us-gaap:IncrementalCommonSharesAttributableToShareBasedPaymentArrangements", "D20020101-20020331", "42123");
    /* pension cost: the expected return is a credit deducted from a debit total, reported positive */
    expect(k, "us-gaap:DefinedBenefitPlanExpectedReturnOnPlanAssets", "D20030101-20031231", "181164");
    expect(k, "us-gaap:DefinedBenefitPlanServiceCost", "D20030101-20031231", "247315");
    /* selected financial data (five years) is not a note */
    assert_int_equal(count(k, "count(//m:cell[@context='D19990101-19991231'])"), 0);
}

/* The clash pass (clash.c) on a hand-made model: consistent duplicates stay; a note that
 * disagrees with the statements loses; statements that disagree leave every figure untagged;
 * two notes that disagree with no statement to settle it too; rounding is not a disagreement;
 * a number whose fact is removed is listed with its span once. */
static void test_clash_pass(void **state)
{
    (void)state;
    static const char *const model =
        "<filing xmlns='urn:txt2xbrl:model:1'><cover>"
        "<fact concept='dei:DocumentType' context='D' value='10-K'/></cover>"
        "<statement id='s1' kind='income'>"
        "<row id='s1r1' concept='us-gaap:NetIncomeLoss'><cell context='D' unit='USD' decimals='0' value='50' offset='10' length='2' line='1'/></row>"
        "<row id='s1r2' concept='us-gaap:Revenues'><cell context='D' unit='USD' decimals='0' value='10' offset='20' length='2' line='2'/></row>"
        "<row id='s1r3' concept='us-gaap:CostOfRevenue'><cell context='D' unit='USD' decimals='-6' value='1807000000' offset='30' length='5' line='3'/></row>"
        "</statement><statement id='s2' kind='cash-flow'>"
        "<row id='s2r1' concept='us-gaap:NetIncomeLoss'><cell context='D' unit='USD' decimals='0' value='50' offset='40' length='2' line='4'/></row>"
        "<row id='s2r2' concept='us-gaap:Revenues'><cell context='D' unit='USD' decimals='0' value='12' offset='50' length='2' line='5'/></row>"
        "</statement><statement id='s3' kind='note'>"
        "<row id='s3r1' concept='us-gaap:NetIncomeLoss'><cell context='D' unit='USD' decimals='0' value='55' offset='60' length='2' line='6'/></row>"
        "<row id='s3r2' concept='us-gaap:Revenues'><cell context='D' unit='USD' decimals='0' value='10' offset='70' length='2' line='7'/></row>"
        "<row id='s3r3' concept='us-gaap:InventoryNet'><cell context='I' unit='USD' decimals='0' value='7' offset='80' length='1' line='8'/>"
        "<cell context='J' unit='USD' decimals='0' value='3' offset='85' length='1' line='8'/></row>"
        "<row id='s3r4' concept='us-gaap:CostOfRevenue'><cell context='D' unit='USD' decimals='-3' value='1806912000' offset='90' length='9' line='9'/></row>"
        "</statement><statement id='s4' kind='note'>"
        "<row id='s4r1' concept='us-gaap:InventoryNet'><cell context='I' unit='USD' decimals='0' value='8' offset='100' length='1' line='10'/>"
        "<cell context='J' unit='USD' decimals='0' value='3' offset='105' length='1' line='10'/></row>"
        "</statement><issues/></filing>";
    xmlDocPtr doc = xmlReadMemory(model, (int)strlen(model), "m.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlNodePtr root = xmlDocGetRootElement(doc), issues = root->last;
    t2x_filing f;
    memset(&f, 0, sizeof f);
    t2x_diag d;
    memset(&d, 0, sizeof d);
    f.diag = &d;
    f.src.name = (char *)"clash.txt";
    size_t groups = t2x_model_resolve_clashes(&f, root, issues, root->ns);
    assert_int_equal(groups, 3);
    sample m = {0};
    m.xp = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(m.xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
    /* net income: both statements agree and stay; the note's 55 is reported with its span */
    assert_int_equal(count(&m, "count(//m:row[@concept='us-gaap:NetIncomeLoss']/m:cell)"), 2);
    assert_int_equal(count(&m, "count(//m:issue[@code='note-disagrees'][@row='s3r1'][@offset='60'][@length='2'][@line='6'])"), 1);
    /* revenues: the statements disagree (10, 12): none tagged, the note's 10 neither */
    assert_int_equal(count(&m, "count(//m:row[@concept='us-gaap:Revenues']/m:cell)"), 0);
    assert_int_equal(count(&m, "count(//m:issue[@code='clash'][@concept='us-gaap:Revenues'][@offset])"), 3);
    /* two notes, no statement: 7 and 8 both untagged; their agreeing 3s stay */
    assert_int_equal(count(&m, "count(//m:row[@concept='us-gaap:InventoryNet']/m:cell[@context='I'])"), 0);
    assert_int_equal(count(&m, "count(//m:row[@concept='us-gaap:InventoryNet']/m:cell[@context='J'])"), 2);
    assert_int_equal(count(&m, "count(//m:issue[@code='clash'][@concept='us-gaap:InventoryNet'])"), 2);
    /* 1,807 million and 1,806,912 thousand agree */
    assert_int_equal(count(&m, "count(//m:row[@concept='us-gaap:CostOfRevenue']/m:cell)"), 2);
    assert_int_equal(count(&m, "count(//m:cover/m:fact)"), 1);
    /* one warning per clash on standard error, none for the note */
    size_t warnings = 0;
    for (size_t i = 0; i < d.count; i++) warnings += d.items[i].severity == T2X_WARNING;
    assert_int_equal(warnings, 2);
    xmlXPathFreeContext(m.xp);
    t2x_diag_free(&d);
    xmlFreeDoc(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_10q_statements), cmocka_unit_test(test_10q_cover),
        cmocka_unit_test(test_10k_statements), cmocka_unit_test(test_10k_cover),
        cmocka_unit_test(test_label_facts), cmocka_unit_test(test_notes),
        cmocka_unit_test(test_10k_inconsistency), cmocka_unit_test(test_spans),
        cmocka_unit_test(test_contexts), cmocka_unit_test(test_model_schema),
        cmocka_unit_test(test_deterministic), cmocka_unit_test(test_clash_pass),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
