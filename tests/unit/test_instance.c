/*
 * test_instance.c — the templates (instance.xsl, schema.xsl), the render entry point and the
 * offline instance validator, on the hand-made model tests/data/model-small.xml.
 * The data directory is $SRCDIR (make check sets it to the repository root).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/xslt.h>

#include "render.h"
#include "testutil.h"
#include "txt2xbrl.h"
#include "util.h"
#include "xbrlvalid.h"

#define NS_M "urn:txt2xbrl:model:1"
#define EXT_NS "http://alg.txt2xbrl.invalid/20031231"

static const char *data_dir;
static xmlDocPtr model;
static char *instance, *schema;
static size_t instance_len, schema_len;

/* ------------------------------------------------------------------ helpers */

static void print_diag(const t2x_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        print_message("  diag[%zu] %s:%ld %s: %s\n", i, d->items[i].file ? d->items[i].file : "-",
                      d->items[i].line, d->items[i].code, d->items[i].message);
}

static int diag_mentions(const t2x_diag *d, const char *needle)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == T2X_ERROR && strstr(d->items[i].message, needle)) return 1;
    return 0;
}

static xmlDocPtr parse(const char *s, size_t n)
{
    xmlDocPtr doc = xmlReadMemory(s, (int)n, "test.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    return doc;
}

static xmlXPathContextPtr xpath_ctx(xmlDocPtr doc)
{
    xmlXPathContextPtr x = xmlXPathNewContext(doc);
    assert_non_null(x);
    xmlXPathRegisterNs(x, BAD_CAST "xbrli", BAD_CAST "http://www.xbrl.org/2003/instance");
    xmlXPathRegisterNs(x, BAD_CAST "link", BAD_CAST "http://www.xbrl.org/2003/linkbase");
    xmlXPathRegisterNs(x, BAD_CAST "xlink", BAD_CAST "http://www.w3.org/1999/xlink");
    xmlXPathRegisterNs(x, BAD_CAST "xbrldi", BAD_CAST "http://xbrl.org/2006/xbrldi");
    xmlXPathRegisterNs(x, BAD_CAST "us-gaap", BAD_CAST "http://fasb.org/us-gaap/2023");
    xmlXPathRegisterNs(x, BAD_CAST "dei", BAD_CAST "http://xbrl.sec.gov/dei/2023");
    xmlXPathRegisterNs(x, BAD_CAST "alg", BAD_CAST EXT_NS);
    xmlXPathRegisterNs(x, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
    xmlXPathRegisterNs(x, BAD_CAST "m", BAD_CAST NS_M);
    return x;
}

/* The string value of an XPath expression. */
static char *xs(xmlXPathContextPtr x, const char *expr)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
    if (!o) fail_msg("bad XPath: %s", expr);
    xmlChar *s = xmlXPathCastToString(o);
    xmlXPathFreeObject(o);
    char *r = t2x_xstrdup((const char *)s);
    xmlFree(s);
    return r;
}

static double xn(xmlXPathContextPtr x, const char *expr)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
    if (!o) fail_msg("bad XPath: %s", expr);
    double v = xmlXPathCastToNumber(o);
    xmlXPathFreeObject(o);
    return v;
}

#define assert_xs(x, expr, want)                                                        \
    do {                                                                                \
        char *got_ = xs((x), (expr));                                                   \
        if (strcmp(got_, (want)) != 0) {                                                \
            print_message("XPath %s\n  got  '%s'\n  want '%s'\n", (expr), got_, (want)); \
            free(got_);                                                                 \
            fail();                                                                     \
        }                                                                               \
        free(got_);                                                                     \
    } while (0)

#define assert_xn(x, expr, want)                                                  \
    do {                                                                          \
        double got_ = xn((x), (expr));                                            \
        if (got_ != (double)(want)) {                                             \
            print_message("XPath %s\n  got  %g\n  want %g\n", (expr), got_, (double)(want)); \
            fail();                                                               \
        }                                                                         \
    } while (0)

/* s with the first occurrence of `from` replaced by `to` (caller frees); fails if absent. */
static char *replace1(const char *s, const char *from, const char *to)
{
    const char *p = strstr(s, from);
    if (!p) fail_msg("mutation target not found: %s", from);
    return t2x_xasprintf("%.*s%s%s", (int)(p - s), s, to, p + strlen(from));
}

static char *replace_all(const char *s, const char *from, const char *to)
{
    char *cur = t2x_xstrdup(s);
    char *p;
    size_t at = 0;
    while ((p = strstr(cur + at, from)) != NULL) {
        size_t pos = (size_t)(p - cur);
        char *next = t2x_xasprintf("%.*s%s%s", (int)pos, cur, to, p + strlen(from));
        free(cur);
        cur = next;
        at = pos + strlen(to);
    }
    return cur;
}

static t2x_status render(xmlDocPtr doc, const char *name, const char **params, char **out, size_t *len)
{
    t2x_diag d = {0};
    t2x_status st = t2x_render(doc, data_dir, name, params, out, len, &d);
    if (st != T2X_OK) print_diag(&d);
    t2x_diag_free(&d);
    return st;
}

static t2x_status validate(const char *inst, const char *xsd, t2x_diag *d)
{
    return t2x_validate_instance(inst, strlen(inst), xsd, xsd ? strlen(xsd) : 0, "small.xml", data_dir, d);
}

/* ------------------------------------------------------------------ set-up */

static int group_setup(void **state)
{
    const char *path = srcpath("tests/data/model-small.xml"); /* exits 99 without SRCDIR */
    data_dir = getenv("SRCDIR");
    t2x_xml_init();
    model = xmlReadFile(path, NULL, XML_PARSE_NONET);
    if (!model) return -1;
    if (render(model, "instance.xsl", NULL, &instance, &instance_len) != T2X_OK) return -1;
    if (render(model, "schema.xsl", NULL, &schema, &schema_len) != T2X_OK) return -1;
    return 0;
}

static int group_teardown(void **state)
{
    free(instance);
    free(schema);
    xmlFreeDoc(model);
    t2x_render_cleanup();
    t2x_validate_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
    return 0;
}

/* ------------------------------------------------------------------ the model */

static void quiet(void *ctx, xmlErrorPtr e) { (void)ctx; (void)e; }

static int model_valid(xmlDocPtr doc, t2x_diag *d)
{
    char *xsd = t2x_xasprintf("%s/templates/model.xsd", data_dir);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
    xmlSchemaPtr s = xmlSchemaParse(pc);
    assert_non_null(s);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(s);
    xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(s);
    xmlSchemaFreeParserCtxt(pc);
    free(xsd);
    (void)d;
    return rc;
}

static void test_model_schema(void **state)
{
    assert_int_equal(model_valid(model, NULL), 0);

    /* the schema catches mistakes: a bad row kind, a dangling calc parent, a unit nobody defines */
    xmlChar *text = NULL;
    int n = 0;
    xmlDocDumpMemory(model, &text, &n);
    const char *mut[][2] = {
        {"kind=\"subtotal\"", "kind=\"sub-total\""},
        {"<calc parent=\"s1r9\"", "<calc parent=\"s1r99\""},
        {"unit=\"USDPerShare\" decimals=\"2\"", "unit=\"USDperShare\" decimals=\"2\""},
        {"severity=\"info\"", "severity=\"notice\""},
        {"value=\"us-gaap:TreasuryStockCommonMember\"", "value=\"us-gaap:TreasuryStockMember\""},
        {" registrant=\"American Locker Group Incorporated\"", ""},
    };
    for (size_t i = 0; i < sizeof mut / sizeof mut[0]; i++) {
        char *bad = replace1((const char *)text, mut[i][0], mut[i][1]);
        xmlDocPtr doc = parse(bad, strlen(bad));
        xmlSetGenericErrorFunc(NULL, NULL);
        if (model_valid(doc, NULL) <= 0) fail_msg("model mutation %zu accepted: %s", i, mut[i][1]);
        xmlFreeDoc(doc);
        free(bad);
    }
    xmlFree(text);
}

/* ------------------------------------------------------------------ the instance */

static void test_instance_header(void **state)
{
    xmlDocPtr doc = parse(instance, instance_len);
    xmlXPathContextPtr x = xpath_ctx(doc);
    assert_xn(x, "count(/xbrli:xbrl)", 1);
    assert_xs(x, "/xbrli:xbrl/*[1]/self::link:schemaRef/@xlink:href", "alg-20031231.xsd");
    assert_xs(x, "/xbrli:xbrl/link:schemaRef/@xlink:type", "simple");
    /* the extension prefix is declared on the root */
    xmlNsPtr ns = xmlSearchNs(doc, xmlDocGetRootElement(doc), BAD_CAST "alg");
    assert_non_null(ns);
    assert_string_equal((const char *)ns->href, EXT_NS);
    assert_non_null(strstr(instance, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    /* indented */
    assert_non_null(strstr(instance, "\n  <xbrli:context id=\"D20020101-20021231\">\n"));
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
}

static void test_instance_contexts(void **state)
{
    xmlDocPtr doc = parse(instance, instance_len);
    xmlXPathContextPtr x = xpath_ctx(doc);
    assert_xn(x, "count(//xbrli:context)", 11);
    /* every context is used, every used context exists */
    assert_xn(x, "count(//xbrli:context[not(@id = /xbrli:xbrl/*/@contextRef)])", 0);
    assert_xn(x, "count(/xbrli:xbrl/*[@contextRef][not(@contextRef = //xbrli:context/@id)])", 0);

    assert_xs(x, "//xbrli:context[@id='I20031231']/xbrli:entity/xbrli:identifier/@scheme",
              "urn:txt2xbrl:entity-name");
    assert_xs(x, "//xbrli:context[@id='I20031231']/xbrli:entity/xbrli:identifier",
              "AmericanLockerGroupIncorporated");
    assert_xs(x, "//xbrli:context[@id='I20031231']/xbrli:period/xbrli:instant", "2003-12-31");
    assert_xn(x, "count(//xbrli:context[@id='I20031231']//xbrli:segment)", 0);
    assert_xs(x, "//xbrli:context[@id='D20020101-20021231']/xbrli:period/xbrli:startDate", "2002-01-01");
    assert_xs(x, "//xbrli:context[@id='D20020101-20021231']/xbrli:period/xbrli:endDate", "2002-12-31");
    assert_xs(x, "//xbrli:context[@id='I20040316']/xbrli:period/xbrli:instant", "2004-03-16");

    /* equity components as dimensions */
    const char *c = "//xbrli:context[@id='I20031231_TreasuryStockCommonMember']";
    char *e = t2x_xasprintf("count(%s/xbrli:entity/xbrli:segment/xbrldi:explicitMember)", c);
    assert_xn(x, e, 1);
    free(e);
    e = t2x_xasprintf("%s/xbrli:entity/xbrli:segment/xbrldi:explicitMember/@dimension", c);
    assert_xs(x, e, "us-gaap:StatementEquityComponentsAxis");
    free(e);
    e = t2x_xasprintf("%s/xbrli:entity/xbrli:segment/xbrldi:explicitMember", c);
    assert_xs(x, e, "us-gaap:TreasuryStockCommonMember");
    free(e);
    assert_xs(x, "//xbrli:context[@id='D20030101-20031231_RetainedEarningsMember']//xbrldi:explicitMember",
              "us-gaap:RetainedEarningsMember");
    assert_xs(x, "//xbrli:context[@id='D20030101-20031231_RetainedEarningsMember']//xbrli:startDate",
              "2003-01-01");
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
}

static void test_instance_units(void **state)
{
    xmlDocPtr doc = parse(instance, instance_len);
    xmlXPathContextPtr x = xpath_ctx(doc);
    assert_xn(x, "count(//xbrli:unit)", 3);
    assert_xn(x, "count(//xbrli:unit[not(@id = /xbrli:xbrl/*/@unitRef)])", 0);
    assert_xs(x, "//xbrli:unit[@id='USD']/xbrli:measure", "iso4217:USD");
    assert_xs(x, "//xbrli:unit[@id='shares']/xbrli:measure", "xbrli:shares");
    assert_xs(x, "//xbrli:unit[@id='USDPerShare']/xbrli:divide/xbrli:unitNumerator/xbrli:measure",
              "iso4217:USD");
    assert_xs(x, "//xbrli:unit[@id='USDPerShare']/xbrli:divide/xbrli:unitDenominator/xbrli:measure",
              "xbrli:shares");
    /* the iso4217 prefix of the measures is declared */
    assert_non_null(xmlSearchNs(doc, xmlDocGetRootElement(doc), BAD_CAST "iso4217"));
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
}

static void test_instance_facts(void **state)
{
    xmlDocPtr doc = parse(instance, instance_len);
    xmlXPathContextPtr x = xpath_ctx(doc);
    const char *cash = "/xbrli:xbrl/us-gaap:CashAndCashEquivalentsAtCarryingValue[@contextRef='I20031231']";
    char *e;
    e = t2x_xasprintf("count(%s)", cash);
    assert_xn(x, e, 1);
    free(e);
    assert_xs(x, cash, "3597990");
    e = t2x_xasprintf("%s/@unitRef", cash);
    assert_xs(x, e, "USD");
    free(e);
    e = t2x_xasprintf("%s/@decimals", cash);
    assert_xs(x, e, "0");
    free(e);

    /* signs follow the model */
    assert_xs(x, "//us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax[@contextRef='I20021231']",
              "-393385");
    assert_xs(x, "//us-gaap:InterestExpense[@contextRef='D20030101-20031231']", "529642");
    /* a dash is a zero */
    assert_xs(x, "//us-gaap:PrepaidTaxes[@contextRef='I20031231']", "0");

    /* per-share and share facts */
    assert_xs(x, "//us-gaap:EarningsPerShareBasic[@contextRef='D20030101-20031231']", "1.41");
    assert_xs(x, "//us-gaap:EarningsPerShareBasic[@contextRef='D20030101-20031231']/@unitRef", "USDPerShare");
    assert_xs(x, "//us-gaap:EarningsPerShareBasic[@contextRef='D20030101-20031231']/@decimals", "2");
    assert_xs(x, "//us-gaap:EarningsPerShareDiluted[@contextRef='D20020101-20021231']", "1.54");
    assert_xs(x, "//us-gaap:WeightedAverageNumberOfSharesOutstandingBasic[@contextRef='D20030101-20031231']",
              "1523429");
    assert_xs(x, "//us-gaap:WeightedAverageNumberOfSharesOutstandingBasic/@unitRef", "shares");

    /* cover facts: numeric with unit and decimals, non-numeric as plain text */
    assert_xs(x, "//dei:EntityCommonStockSharesOutstanding[@contextRef='I20040316']", "1534146");
    assert_xs(x, "//dei:EntityCommonStockSharesOutstanding/@unitRef", "shares");
    assert_xs(x, "//dei:EntityCommonStockSharesOutstanding/@decimals", "0");
    assert_xs(x, "//dei:DocumentType[@contextRef='D20030101-20031231']", "10-K");
    assert_xn(x, "count(//dei:DocumentType/@unitRef | //dei:DocumentType/@decimals)", 0);
    assert_xs(x, "//dei:DocumentPeriodEndDate", "2003-12-31");
    assert_xs(x, "//dei:EntityRegistrantName", "American Locker Group Incorporated");
    assert_xs(x, "//dei:AmendmentFlag", "false");
    assert_xn(x, "count(/xbrli:xbrl/*[not(@unitRef)][@decimals])", 0);

    /* an extension concept, in the filing's namespace */
    assert_xs(x, "//alg:OtherCapital[@contextRef='I20031231']", "97812");
    assert_xs(x, "//alg:OtherCapital[@contextRef='I20021231']", "0");

    /* the cell/@concept override: the allowance read from the receivables label */
    assert_xs(x, "//us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent[@contextRef='I20031231']", "371000");
    assert_xs(x, "//us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent[@contextRef='I20021231']", "333000");
    assert_xn(x, "count(//us-gaap:AccountsNotesAndLoansReceivableNetCurrent)", 2);
    assert_xn(x, "count(//us-gaap:AccountsNotesAndLoansReceivableNetCurrent[. = '371000' or . = '333000'])", 0);

    /* dimensional facts of the equity statement */
    assert_xs(x, "//us-gaap:StockholdersEquity[@contextRef='I20021231_TreasuryStockCommonMember']", "-2112000");
    assert_xs(x, "//us-gaap:NetIncomeLoss[@contextRef='D20030101-20031231_TreasuryStockCommonMember']", "0");
    assert_xs(x, "//us-gaap:NetIncomeLoss[@contextRef='D20030101-20031231_RetainedEarningsMember']", "2147132");

    /* every fact has a context; no fact element is empty */
    assert_xn(x, "count(/xbrli:xbrl/*[not(self::xbrli:context or self::xbrli:unit or self::link:schemaRef)]"
                 "[not(@contextRef) or . = ''])", 0);
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
}

static void test_instance_dedup_and_order(void **state)
{
    xmlDocPtr doc = parse(instance, instance_len);
    xmlXPathContextPtr x = xpath_ctx(doc);
    /* consistent duplicates (balance sheet vs equity statement total column; income statement
     * vs equity statement) are emitted once */
    assert_xn(x, "count(//us-gaap:StockholdersEquity[@contextRef='I20031231'])", 1);
    assert_xn(x, "count(//us-gaap:StockholdersEquity[@contextRef='I20021231'])", 1);
    assert_xn(x, "count(//us-gaap:NetIncomeLoss[@contextRef='D20030101-20031231'])", 1);
    /* the inconsistent duplicate keeps both values, in document order */
    assert_xn(x, "count(//us-gaap:DeferredIncomeTaxAssetsNet[@contextRef='I20031231'])", 2);
    assert_xs(x, "(//us-gaap:DeferredIncomeTaxAssetsNet[@contextRef='I20031231'])[1]", "729546");
    assert_xs(x, "(//us-gaap:DeferredIncomeTaxAssetsNet[@contextRef='I20031231'])[2]", "53756");
    assert_xn(x, "count(//us-gaap:DeferredIncomeTaxAssetsNet[@contextRef='I20021231'])", 2);
    /* the same value in two contexts is not a duplicate */
    assert_xn(x, "count(//us-gaap:Land)", 2);

    /* exactly one fact per distinct (concept, context, unit, value) of the model */
    xmlXPathContextPtr mx = xpath_ctx(model);
    double model_facts = xn(mx, "count(//m:cover/m:fact | //m:statement/m:row/m:cell)");
    xmlXPathFreeContext(mx);
    assert_true(model_facts == 9 + 87);
    assert_xn(x, "count(/xbrli:xbrl/*[@contextRef])", model_facts - 3);

    /* order: contexts, units, then cover facts, then statement facts in document order */
    assert_xs(x, "local-name(/xbrli:xbrl/*[2])", "context");
    assert_xs(x, "name(/xbrli:xbrl/*[@contextRef][1])", "dei:DocumentType");
    assert_xs(x, "name(/xbrli:xbrl/*[@contextRef][9])", "dei:EntityCommonStockSharesOutstanding");
    assert_xs(x, "name(/xbrli:xbrl/*[@contextRef][10])", "us-gaap:CashAndCashEquivalentsAtCarryingValue");
    assert_xs(x, "name(/xbrli:xbrl/*[@contextRef][last()])", "us-gaap:StockholdersEquity");
    assert_xs(x, "/xbrli:xbrl/*[@contextRef][last()]/@contextRef", "I20031231_TreasuryStockCommonMember");
    assert_xn(x, "count(/xbrli:xbrl/xbrli:unit[1]/preceding-sibling::*[@contextRef])", 0);
    assert_xn(x, "count(/xbrli:xbrl/xbrli:unit[last()]/following-sibling::xbrli:context)", 0);
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
}

static void test_instance_deterministic(void **state)
{
    char *again = NULL;
    size_t n = 0;
    assert_int_equal(render(model, "instance.xsl", NULL, &again, &n), T2X_OK);
    assert_int_equal(n, instance_len);
    assert_memory_equal(again, instance, n);
    free(again);
    /* also after the stylesheet cache is dropped and everything is compiled again */
    t2x_render_cleanup();
    assert_int_equal(render(model, "instance.xsl", NULL, &again, &n), T2X_OK);
    assert_int_equal(n, instance_len);
    assert_memory_equal(again, instance, n);
    free(again);
    assert_int_equal(render(model, "schema.xsl", NULL, &again, &n), T2X_OK);
    assert_int_equal(n, schema_len);
    assert_memory_equal(again, schema, n);
    free(again);
}

/* Contexts and units the model lists but no fact uses are left out. */
static void test_instance_unused_dropped(void **state)
{
    xmlDocPtr doc = xmlCopyDoc(model, 1);
    xmlXPathContextPtr x = xpath_ctx(doc);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "/m:filing/m:contexts", x);
    xmlNodePtr ctxs = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    o = xmlXPathEvalExpression(BAD_CAST "/m:filing/m:units", x);
    xmlNodePtr units = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(x);
    xmlNodePtr c = xmlNewChild(ctxs, ctxs->ns, BAD_CAST "context", NULL);
    xmlNewProp(c, BAD_CAST "id", BAD_CAST "I19991231");
    xmlNewProp(c, BAD_CAST "instant", BAD_CAST "1999-12-31");
    xmlNodePtr u = xmlNewChild(units, units->ns, BAD_CAST "unit", NULL);
    xmlNewProp(u, BAD_CAST "id", BAD_CAST "pure");
    xmlNewProp(u, BAD_CAST "measure", BAD_CAST "xbrli:pure");

    char *out = NULL;
    size_t n = 0;
    assert_int_equal(render(doc, "instance.xsl", NULL, &out, &n), T2X_OK);
    assert_null(strstr(out, "I19991231"));
    assert_null(strstr(out, "xbrli:pure"));
    assert_int_equal(n, instance_len); /* nothing else changes */
    free(out);
    xmlFreeDoc(doc);
}

/* Any source name gives well-formed outputs (the provenance comment may not hold "--"). */
static void test_odd_source_name(void **state)
{
    xmlDocPtr doc = xmlCopyDoc(model, 1);
    xmlSetProp(xmlDocGetRootElement(doc), BAD_CAST "source-name", BAD_CAST "a--b<&>-");
    const char *names[] = {"instance.xsl", "schema.xsl"};
    for (size_t i = 0; i < 2; i++) {
        char *out = NULL;
        size_t n = 0;
        assert_int_equal(render(doc, names[i], NULL, &out, &n), T2X_OK);
        xmlDocPtr res = parse(out, n);
        assert_non_null(strstr(out, "<!-- txt2xbrl 0.1.0 from a- -b<&>- (sha256 "));
        xmlFreeDoc(res);
        free(out);
    }
    /* the filing's prefix may not shadow a standard one */
    xmlSetProp(xmlDocGetRootElement(doc), BAD_CAST "prefix", BAD_CAST "us-gaap");
    for (size_t i = 0; i < 2; i++) {
        char *out = NULL;
        size_t n = 0;
        t2x_diag d = {0};
        assert_int_equal(t2x_render(doc, data_dir, names[i], NULL, &out, &n, &d), T2X_ERR_DATA);
        assert_true(diag_mentions(&d, "reserved"));
        assert_null(out);
        t2x_diag_free(&d);
    }
    xmlFreeDoc(doc);
}

/* ------------------------------------------------------------------ the extension schema */

static void test_schema(void **state)
{
    xmlDocPtr doc = parse(schema, schema_len);
    xmlXPathContextPtr x = xpath_ctx(doc);
    assert_xs(x, "/xs:schema/@targetNamespace", EXT_NS);
    assert_xs(x, "/xs:schema/@elementFormDefault", "qualified");
    xmlNsPtr ns = xmlSearchNs(doc, xmlDocGetRootElement(doc), BAD_CAST "alg");
    assert_non_null(ns);
    assert_string_equal((const char *)ns->href, EXT_NS);

    assert_xn(x, "count(/xs:schema/xs:import)", 4);
    assert_xs(x, "/xs:schema/xs:import[@namespace='http://fasb.org/us-gaap/2023']/@schemaLocation",
              "https://xbrl.fasb.org/us-gaap/2023/elts/us-gaap-2023.xsd");
    assert_xs(x, "/xs:schema/xs:import[@namespace='http://xbrl.sec.gov/dei/2023']/@schemaLocation",
              "https://xbrl.sec.gov/dei/2023/dei-2023.xsd");
    assert_xs(x, "/xs:schema/xs:import[@namespace='http://fasb.org/srt/2023']/@schemaLocation",
              "https://xbrl.fasb.org/srt/2023/elts/srt-2023.xsd");
    assert_xs(x, "/xs:schema/xs:import[@namespace='http://www.xbrl.org/2003/instance']/@schemaLocation",
              "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd");

    /* one declaration per extension concept */
    assert_xn(x, "count(/xs:schema/xs:element)", 1);
    const char *el = "/xs:schema/xs:element[@name='OtherCapital']";
    char *e;
#define ATTR(a, v)                              \
    e = t2x_xasprintf("%s/@%s", el, a);         \
    assert_xs(x, e, v);                         \
    free(e)
    ATTR("id", "alg_OtherCapital");
    ATTR("type", "xbrli:monetaryItemType");
    ATTR("substitutionGroup", "xbrli:item");
    ATTR("nillable", "true");
    ATTR("abstract", "false");
    e = t2x_xasprintf("%s/@*[local-name()='periodType' and namespace-uri()='http://www.xbrl.org/2003/instance']", el);
    assert_xs(x, e, "instant");
    free(e);
    e = t2x_xasprintf("%s/@*[local-name()='balance' and namespace-uri()='http://www.xbrl.org/2003/instance']", el);
    assert_xs(x, e, "credit");
    free(e);
#undef ATTR

    /* the cover role, then one role per statement, numbered in printed order (EFM 6.7.12) */
    const char *app = "/xs:schema/xs:annotation/xs:appinfo";
    e = t2x_xasprintf("count(%s/link:roleType)", app);
    assert_xn(x, e, 4);
    free(e);
    e = t2x_xasprintf("%s/link:roleType[1]/link:definition", app);
    assert_xs(x, e, "0001 - Document - Cover");
    free(e);
    e = t2x_xasprintf("%s/link:roleType[2]/@roleURI", app);
    assert_xs(x, e, EXT_NS "/role/BalanceSheet");
    free(e);
    e = t2x_xasprintf("%s/link:roleType[2]/link:definition", app);
    assert_xs(x, e, "0002 - Statement - Consolidated Balance Sheets");
    free(e);
    e = t2x_xasprintf("%s/link:roleType[4]/link:definition", app);
    assert_xs(x, e, "0004 - Statement - Consolidated Statements of Stockholders' Equity");
    free(e);
    e = t2x_xasprintf("count(%s/link:roleType[2]/link:usedOn)", app);
    assert_xn(x, e, 3);
    free(e);
    e = t2x_xasprintf("%s/link:roleType[2]/link:usedOn[2]", app);
    assert_xs(x, e, "link:calculationLink");
    free(e);
    e = t2x_xasprintf("count(%s/link:linkbaseRef)", app);
    assert_xn(x, e, 0);
    free(e);
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);

    /* the place for linkbases */
    const char *params[] = {"linkbases", "pre cal def lab", NULL};
    char *out = NULL;
    size_t n = 0;
    assert_int_equal(render(model, "schema.xsl", params, &out, &n), T2X_OK);
    doc = parse(out, n);
    x = xpath_ctx(doc);
    assert_xn(x, "count(//link:linkbaseRef)", 4);
    assert_xs(x, "//link:linkbaseRef[1]/@xlink:href", "alg-20031231_pre.xml");
    assert_xs(x, "//link:linkbaseRef[2]/@xlink:role", "http://www.xbrl.org/2003/role/calculationLinkbaseRef");
    assert_xs(x, "//link:linkbaseRef[4]/@xlink:arcrole", "http://www.w3.org/1999/xlink/properties/linkbase");
    xmlXPathFreeContext(x);
    xmlFreeDoc(doc);
    free(out);

    /* parameter values are strings, never XPath: quotes of both kinds are fine */
    const char *odd[] = {"linkbases", "pre 'x\" cal", NULL};
    assert_int_equal(render(model, "schema.xsl", odd, &out, &n), T2X_OK);
    assert_non_null(strstr(out, "alg-20031231_pre.xml"));
    assert_non_null(strstr(out, "alg-20031231_cal.xml"));
    free(out);
}

/* ------------------------------------------------------------------ validation */

static void test_validate_ok(void **state)
{
    t2x_diag d = {0};
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    t2x_status st = validate(instance, schema, &d);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double first = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    if (st != T2X_OK) print_diag(&d);
    assert_int_equal(st, T2X_OK);
    for (size_t i = 0; i < d.count; i++) assert_int_not_equal(d.items[i].severity, T2X_ERROR);
    t2x_diag_free(&d);

    clock_gettime(CLOCK_MONOTONIC, &a);
    st = validate(instance, schema, &d);
    clock_gettime(CLOCK_MONOTONIC, &b);
    double again = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    assert_int_equal(st, T2X_OK);
    t2x_diag_free(&d);
    print_message("validation: %.3f s (first call, parses us-gaap-2023.xsd), %.3f s (cached)\n", first, again);
}

static void expect_invalid(const char *inst, const char *xsd, const char *needle)
{
    t2x_diag d = {0};
    t2x_status st = validate(inst, xsd, &d);
    if (st != T2X_ERR_VERIFY || (needle && !diag_mentions(&d, needle))) {
        print_message("expected a validation error mentioning '%s', got status %s\n", needle ? needle : "",
                      t2x_status_str(st));
        print_diag(&d);
        fail();
    }
    t2x_diag_free(&d);
}

static void test_validate_wrong_period_type(void **state)
{
    /* an instant concept in a duration context */
    char *bad = replace1(instance, "<us-gaap:InventoryNet contextRef=\"I20031231\"",
                         "<us-gaap:InventoryNet contextRef=\"D20030101-20031231\"");
    expect_invalid(bad, schema, "InventoryNet");
    free(bad);
    /* a duration concept in an instant context */
    bad = replace1(instance, "<us-gaap:Revenues contextRef=\"D20030101-20031231\"",
                   "<us-gaap:Revenues contextRef=\"I20031231\"");
    expect_invalid(bad, schema, "Revenues");
    free(bad);
    /* a dei concept too */
    bad = replace1(instance, "<dei:EntityCommonStockSharesOutstanding contextRef=\"I20040316\"",
                   "<dei:EntityCommonStockSharesOutstanding contextRef=\"D20030101-20031231\"");
    expect_invalid(bad, schema, "EntityCommonStockSharesOutstanding");
    free(bad);
}

static void test_validate_misspelt_concept(void **state)
{
    char *a = replace_all(instance, "us-gaap:Land ", "us-gaap:Lands ");
    char *bad = replace_all(a, "</us-gaap:Land>", "</us-gaap:Lands>");
    expect_invalid(bad, schema, "Lands");
    free(a);
    free(bad);
    /* a dei concept, and a concept of the extension that the extension does not declare */
    bad = replace_all(instance, "dei:AmendmentFlag", "dei:AmmendmentFlag");
    expect_invalid(bad, schema, "AmmendmentFlag");
    free(bad);
    bad = replace_all(instance, "alg:OtherCapital", "alg:OtherCapitol");
    expect_invalid(bad, schema, "OtherCapitol");
    free(bad);
    /* a misspelt dimension member */
    bad = replace1(instance, ">us-gaap:TreasuryStockCommonMember<", ">us-gaap:TreasuryStockComonMember<");
    expect_invalid(bad, schema, "TreasuryStockComonMember");
    free(bad);
}

static void test_validate_bad_unit(void **state)
{
    /* a monetary fact in shares */
    char *bad = replace1(instance, "contextRef=\"I20031231\" unitRef=\"USD\"",
                         "contextRef=\"I20031231\" unitRef=\"shares\"");
    expect_invalid(bad, schema, "unit shares");
    free(bad);
    /* earnings per share in dollars */
    bad = replace1(instance, "unitRef=\"USDPerShare\"", "unitRef=\"USD\"");
    expect_invalid(bad, schema, "EarningsPerShareBasic");
    free(bad);
    /* a share count in dollars */
    bad = replace1(instance, "unitRef=\"shares\" decimals=\"0\">1534146",
                   "unitRef=\"USD\" decimals=\"0\">1534146");
    expect_invalid(bad, schema, "EntityCommonStockSharesOutstanding");
    free(bad);
    /* a unit that does not exist */
    bad = replace1(instance, "unitRef=\"USD\"", "unitRef=\"EUR\"");
    expect_invalid(bad, schema, "EUR");
    free(bad);
    /* a numeric fact without a unit, a text fact with one (XML Schema: numericItemType) */
    bad = replace1(instance, " unitRef=\"USD\" decimals=\"0\">3597990", " decimals=\"0\">3597990");
    expect_invalid(bad, schema, NULL);
    free(bad);
    bad = replace1(instance, "<dei:DocumentType contextRef=\"D20030101-20031231\">",
                   "<dei:DocumentType contextRef=\"D20030101-20031231\" unitRef=\"USD\">");
    expect_invalid(bad, schema, NULL);
    free(bad);
    /* a value that is not a number */
    bad = replace1(instance, ">3597990<", ">3,597,990<");
    expect_invalid(bad, schema, NULL);
    free(bad);
}

static void test_validate_needs_extension(void **state)
{
    /* without the extension schema its concepts are undeclared */
    expect_invalid(instance, NULL, "OtherCapital");
    /* the period type comes from the extension schema too */
    char *bad = replace1(schema, "xbrli:periodType=\"instant\"", "xbrli:periodType=\"duration\"");
    expect_invalid(instance, bad, "OtherCapital");
    free(bad);
    /* an extension schema that is not valid XBRL (a balance that is neither debit nor credit) */
    bad = replace1(schema, "xbrli:periodType=\"instant\"", "xbrli:periodType=\"instant\" xbrli:balance=\"x\"");
    expect_invalid(instance, bad, NULL);
    free(bad);
    /* an import the catalog does not map is refused, not fetched */
    bad = replace1(schema, "<xs:import ", "<xs:import namespace=\"urn:elsewhere\" "
                                          "schemaLocation=\"http://example.com/elsewhere.xsd\"/>\n  <xs:import ");
    t2x_diag d = {0};
    assert_int_not_equal(validate(instance, bad, &d), T2X_OK);
    assert_true(diag_mentions(&d, "example.com"));
    t2x_diag_free(&d);
    free(bad);
}

static void test_validate_no_dtd(void **state)
{
    /* an instance with a DTD (here an external entity) is refused outright */
    char *bad = replace1(instance, "<xbrli:xbrl ",
                         "<!DOCTYPE xbrli:xbrl [<!ENTITY e SYSTEM \"/etc/passwd\">]>\n<xbrli:xbrl ");
    expect_invalid(bad, schema, "DTD");
    free(bad);
    /* not XML at all */
    expect_invalid("<xbrli:xbrl", schema, "well-formed");
    /* another root */
    expect_invalid("<xbrl/>", schema, "xbrli:xbrl");
}

static void test_validate_file(void **state)
{
    char dir[] = "/tmp/t2x-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *ip = t2x_xasprintf("%s/alg-20031231.xml", dir);
    char *sp = t2x_xasprintf("%s/alg-20031231.xsd", dir);
    assert_int_equal(t2x_write_file_atomic(ip, instance, instance_len), 0);
    assert_int_equal(t2x_write_file_atomic(sp, schema, schema_len), 0);
    t2x_diag d = {0};
    t2x_status st = t2x_validate_instance_file(ip, data_dir, &d);
    if (st != T2X_OK) print_diag(&d);
    assert_int_equal(st, T2X_OK);
    t2x_diag_free(&d);
    unlink(sp); /* the schemaRef now names nothing: OtherCapital is undeclared */
    st = t2x_validate_instance_file(ip, data_dir, &d);
    assert_int_equal(st, T2X_ERR_VERIFY);
    t2x_diag_free(&d);
    unlink(ip);
    rmdir(dir);
    free(ip);
    free(sp);
}

/* ------------------------------------------------------------------ render: errors, security */

static void write_text(const char *path, const char *text)
{
    assert_int_equal(t2x_write_file_atomic(path, text, strlen(text)), 0);
}

static void test_render_errors_and_security(void **state)
{
    char *out = NULL;
    size_t n = 0;
    t2x_diag d = {0};
    assert_int_equal(t2x_render(model, data_dir, "../templates/instance.xsl", NULL, &out, &n, &d), T2X_ERR_USAGE);
    assert_int_equal(t2x_render(model, data_dir, "no-such.xsl", NULL, &out, &n, &d), T2X_ERR_DATA);
    assert_null(out);
    t2x_diag_free(&d);

    /* the input must be a model */
    xmlDocPtr other = xmlReadMemory("<x/>", 4, "x.xml", NULL, 0);
    assert_int_not_equal(t2x_render(other, data_dir, "instance.xsl", NULL, &out, &n, &d), T2X_OK);
    assert_null(out);
    t2x_diag_free(&d);
    xmlFreeDoc(other);

    /* a data directory of our own, with stylesheets that try to escape */
    char dir[] = "/tmp/t2x-sec-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *tdir = t2x_xasprintf("%s/templates", dir);
    assert_int_equal(t2x_mkdir_p(tdir), 0);
    char *secret = t2x_xasprintf("%s/secret.xml", dir);
    write_text(secret, "<secret>42</secret>");
    char *written = t2x_xasprintf("%s/written.xml", dir);

    const char *head = "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\""
                       " xmlns:exsl=\"http://exslt.org/common\" extension-element-prefixes=\"exsl\">"
                       "<xsl:template match=\"/\"><out>";
    const char *tail = "</out></xsl:template></xsl:stylesheet>";
    struct {
        const char *name, *body;
        int ok;
    } cases[] = {
        /* reading inside the templates directory is allowed */
        {"inside.xsl", "<xsl:value-of select=\"document('inside.xml')/inside\"/>", 1},
        {"read.xsl", "<xsl:value-of select=\"document('SECRET')/secret\"/>", 0},
        {"net.xsl", "<xsl:value-of select=\"document('http://example.com/x.xml')/x\"/>", 0},
        {"write.xsl", "<exsl:document href=\"WRITTEN\"><x/></exsl:document>", 0},
    };
    char *inside = t2x_xasprintf("%s/inside.xml", tdir);
    write_text(inside, "<inside>ok</inside>");
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *b1 = replace_all(cases[i].body, "SECRET", secret);
        char *b2 = replace_all(b1, "WRITTEN", written);
        char *xsl = t2x_xasprintf("%s%s%s", head, b2, tail);
        char *p = t2x_xasprintf("%s/%s", tdir, cases[i].name);
        write_text(p, xsl);
        out = NULL;
        t2x_status st = t2x_render(model, dir, cases[i].name, NULL, &out, &n, &d);
        if (cases[i].ok) {
            assert_int_equal(st, T2X_OK);
            assert_non_null(strstr(out, "<out>ok</out>"));
        } else {
            /* refused: the transformation fails, and says why */
            if (st == T2X_OK) fail_msg("%s: not refused", cases[i].name);
            assert_null(out);
            int said = 0;
            for (size_t k = 0; k < d.count; k++)
                if (strstr(d.items[k].message, "refused") || strstr(d.items[k].message, "denied")) said = 1;
            assert_true(said);
        }
        free(out);
        out = NULL;
        t2x_diag_free(&d);
        unlink(p);
        free(p);
        free(xsl);
        free(b1);
        free(b2);
    }
    struct stat stt;
    assert_int_not_equal(stat(written, &stt), 0); /* nothing was written */

    /* a stylesheet that imports from outside the templates directory does not compile */
    char *outside = t2x_xasprintf("%s/outside.xsl", dir);
    write_text(outside, "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\"/>");
    char *imp = t2x_xasprintf("%s/import.xsl", tdir);
    write_text(imp, "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                    "<xsl:import href=\"../outside.xsl\"/></xsl:stylesheet>");
    assert_int_equal(t2x_render(model, dir, "import.xsl", NULL, &out, &n, &d), T2X_ERR_DATA);
    assert_true(diag_mentions(&d, "outside.xsl"));
    t2x_diag_free(&d);
    write_text(imp, "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                    "<xsl:import href=\"http://example.com/x.xsl\"/></xsl:stylesheet>");
    assert_int_equal(t2x_render(model, dir, "import.xsl", NULL, &out, &n, &d), T2X_ERR_DATA);
    assert_true(diag_mentions(&d, "example.com"));
    t2x_diag_free(&d);

    /* external entities are never expanded and never fetched */
    char *ent = t2x_xasprintf("%s/entity.xsl", tdir);
    char *enttext = t2x_xasprintf("<!DOCTYPE xsl:stylesheet [<!ENTITY s SYSTEM \"%s\">]>"
                                  "<xsl:stylesheet version=\"1.0\" xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">"
                                  "<xsl:template match=\"/\"><out>&s;</out></xsl:template></xsl:stylesheet>",
                                  secret);
    write_text(ent, enttext);
    assert_int_equal(t2x_render(model, dir, "entity.xsl", NULL, &out, &n, &d), T2X_OK);
    assert_null(strstr(out, "42"));
    free(out);
    out = NULL;
    t2x_diag_free(&d);

    unlink(ent);
    unlink(imp);
    unlink(outside);
    unlink(inside);
    unlink(secret);
    rmdir(tdir);
    rmdir(dir);
    free(ent);
    free(enttext);
    free(imp);
    free(outside);
    free(inside);
    free(secret);
    free(written);
    free(tdir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_schema),
        cmocka_unit_test(test_instance_header),
        cmocka_unit_test(test_instance_contexts),
        cmocka_unit_test(test_instance_units),
        cmocka_unit_test(test_instance_facts),
        cmocka_unit_test(test_instance_dedup_and_order),
        cmocka_unit_test(test_instance_deterministic),
        cmocka_unit_test(test_instance_unused_dropped),
        cmocka_unit_test(test_odd_source_name),
        cmocka_unit_test(test_schema),
        cmocka_unit_test(test_validate_ok),
        cmocka_unit_test(test_validate_wrong_period_type),
        cmocka_unit_test(test_validate_misspelt_concept),
        cmocka_unit_test(test_validate_bad_unit),
        cmocka_unit_test(test_validate_needs_extension),
        cmocka_unit_test(test_validate_no_dtd),
        cmocka_unit_test(test_validate_file),
        cmocka_unit_test(test_render_errors_and_security),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
