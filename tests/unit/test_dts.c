/*
 * test_dts.c — the filing's own taxonomy (design §2, §3): the linkbases presentation.xsl,
 * calculation.xsl, label.xsl and definition.xsl write, the abstract elements and label roles
 * schema.xsl adds for them, the xBRL-JSON report (json.xsl) and the report package
 * (package.c on zipwriter.c).
 *
 * Every check runs on three models: the hand-made tests/data/model-small.xml and the models of
 * both samples (converted here). Linkbases are validated against the XBRL 2.1 linkbase schema
 * through taxonomy/catalog.xml (no network); the presentation tree is walked depth-first and
 * must meet the rows in printed order; every calculation arc must be a summation of the
 * model; every printed label must be the label of its arc's preferredLabel role; the JSON
 * report is parsed (a small JSON reader below) and its facts compared with the instance's; the
 * package is read back with a ZIP reader written here on zlib's inflate.
 * The data directory is $SRCDIR (make check sets it to the repository root).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxslt/xslt.h>
#include <zlib.h>

#include "filing.h"
#include "package.h"
#include "render.h"
#include "testutil.h"
#include "txt2xbrl.h"
#include "util.h"
#include "xbrlvalid.h"
#include "zipwriter.h"

#define NS_M "urn:txt2xbrl:model:1"
#define NS_LINK "http://www.xbrl.org/2003/linkbase"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define ROLE_LABEL "http://www.xbrl.org/2003/role/label"
#define XDT "http://xbrl.org/int/dim/arcrole/"
#define LINKBASE_XSD "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"

/* ------------------------------------------------------------------ fixtures */

enum { T_SCHEMA, T_PRE, T_CAL, T_LAB, T_DEF, T_INST, T_JSON, NT };
static const char *const TEMPLATE[NT] = {"schema.xsl", "presentation.xsl", "calculation.xsl", "label.xsl",
                                         "definition.xsl", "instance.xsl", "json.xsl"};

/* One model and everything rendered from it. */
typedef struct fixture {
    const char *name;      /* for messages */
    xmlDocPtr model;
    char *out[NT];         /* rendered bytes */
    size_t len[NT];
    xmlDocPtr doc[NT];     /* parsed XML outputs (NULL for JSON) */
    xmlXPathContextPtr mx; /* XPath over the model */
    char *ns, *stem, *prefix;
} fixture;

enum { F_SMALL, F_10K, F_10Q, NF };
static fixture fx[NF];
static const char *data_dir;
static xmlSchemaPtr linkbase_schema;

static void print_diag(const t2x_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        print_message("  diag[%zu] %s: %s\n", i, d->items[i].code, d->items[i].message);
}

static xmlXPathContextPtr xpath_ctx(xmlDocPtr doc)
{
    xmlXPathContextPtr x = xmlXPathNewContext(doc);
    assert_non_null(x);
    xmlXPathRegisterNs(x, BAD_CAST "m", BAD_CAST NS_M);
    xmlXPathRegisterNs(x, BAD_CAST "link", BAD_CAST NS_LINK);
    xmlXPathRegisterNs(x, BAD_CAST "xlink", BAD_CAST NS_XLINK);
    xmlXPathRegisterNs(x, BAD_CAST "xs", BAD_CAST "http://www.w3.org/2001/XMLSchema");
    xmlXPathRegisterNs(x, BAD_CAST "xbrli", BAD_CAST NS_XBRLI);
    xmlXPathRegisterNs(x, BAD_CAST "xbrldi", BAD_CAST NS_XBRLDI);
    xmlXPathRegisterNs(x, BAD_CAST "xbrldt", BAD_CAST "http://xbrl.org/2005/xbrldt");
    return x;
}

/* Nodes of an XPath expression (caller frees the object). */
static xmlXPathObjectPtr nodes(xmlXPathContextPtr x, const char *expr)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, x);
    if (!o) fail_msg("bad XPath: %s", expr);
    return o;
}

static int count_of(xmlXPathObjectPtr o)
{
    return o && o->nodesetval ? o->nodesetval->nodeNr : 0;
}

static char *xs(xmlXPathContextPtr x, const char *expr)
{
    xmlXPathObjectPtr o = nodes(x, expr);
    xmlChar *s = xmlXPathCastToString(o);
    xmlXPathFreeObject(o);
    char *r = t2x_xstrdup((const char *)s);
    xmlFree(s);
    return r;
}

static double xn(xmlXPathContextPtr x, const char *expr)
{
    xmlXPathObjectPtr o = nodes(x, expr);
    double v = xmlXPathCastToNumber(o);
    xmlXPathFreeObject(o);
    return v;
}

/* An attribute (no namespace, or the xlink namespace when xlink is set) as a malloc'd string,
 * "" when absent. */
static char *attr(xmlNodePtr n, const char *name, int xlink)
{
    xmlChar *v = xlink ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST NS_XLINK) : xmlGetNoNsProp(n, BAD_CAST name);
    char *r = t2x_xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return r;
}

static char *normalize(const char *s)
{
    t2x_buf b = {0};
    t2x_buf_puts(&b, "");
    int space = 0;
    for (const char *p = s; *p; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
            space = b.len > 0;
            continue;
        }
        if (space) t2x_buf_putc(&b, ' ');
        space = 0;
        t2x_buf_putc(&b, *p);
    }
    return b.data;
}

static t2x_status render(xmlDocPtr model, int t, char **out, size_t *len)
{
    const char *params[] = {"linkbases", "pre cal def lab", NULL};
    t2x_diag d = {0};
    t2x_status st = t2x_render(model, data_dir, TEMPLATE[t], t == T_SCHEMA ? params : NULL, out, len, &d);
    if (st != T2X_OK) print_diag(&d);
    t2x_diag_free(&d);
    return st;
}

static int fixture_load(fixture *f, const char *name, xmlDocPtr model)
{
    f->name = name;
    f->model = model;
    if (!model) return -1;
    for (int t = 0; t < NT; t++) {
        if (render(model, t, &f->out[t], &f->len[t]) != T2X_OK) return -1;
        if (t != T_JSON) {
            f->doc[t] = xmlReadMemory(f->out[t], (int)f->len[t], TEMPLATE[t], NULL, XML_PARSE_NONET);
            if (!f->doc[t]) return -1;
        }
    }
    f->mx = xpath_ctx(model);
    f->ns = xs(f->mx, "string(/m:filing/@namespace)");
    f->stem = xs(f->mx, "string(/m:filing/@stem)");
    f->prefix = xs(f->mx, "string(/m:filing/@prefix)");
    return 0;
}

static void fixture_free(fixture *f)
{
    for (int t = 0; t < NT; t++) {
        free(f->out[t]);
        if (f->doc[t]) xmlFreeDoc(f->doc[t]);
    }
    if (f->mx) xmlXPathFreeContext(f->mx);
    if (f->model) xmlFreeDoc(f->model);
    free(f->ns);
    free(f->stem);
    free(f->prefix);
    memset(f, 0, sizeof *f);
}

static xmlDocPtr sample_model(const char *rel)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = data_dir;
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    xmlDocPtr doc = NULL;
    if (t2x_convert_file(srcpath(rel), &opt, &d, &f) == T2X_OK) {
        size_t len;
        char *xml = t2x_filing_model_xml(f, &len);
        doc = xmlReadMemory(xml, (int)len, rel, NULL, XML_PARSE_NONET);
        free(xml);
    } else {
        print_diag(&d);
    }
    t2x_filing_free(f);
    t2x_diag_free(&d);
    return doc;
}

static void quiet(void *ctx, xmlErrorPtr e) { (void)ctx; (void)e; }

static int group_setup(void **state)
{
    (void)state;
    char *small = t2x_xstrdup(srcpath("tests/data/model-small.xml")); /* exits 99 without SRCDIR */
    xmlDocPtr small_model = xmlReadFile(small, NULL, XML_PARSE_NONET);
    free(small);
    data_dir = getenv("SRCDIR");
    t2x_xml_init();
    if (xmlLoadCatalog(srcpath("taxonomy/catalog.xml")) != 0) return -1;
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(LINKBASE_XSD);
    xmlSchemaSetParserStructuredErrors(pc, quiet, NULL);
    linkbase_schema = xmlSchemaParse(pc);
    xmlSchemaFreeParserCtxt(pc);
    if (!linkbase_schema) return -1;
    if (fixture_load(&fx[F_SMALL], "model-small", small_model) != 0) return -1;
    if (fixture_load(&fx[F_10K], "10-K", sample_model("samples/alg-10k-2003.txt")) != 0) return -1;
    if (fixture_load(&fx[F_10Q], "10-Q", sample_model("samples/alg-10q-2003q1.txt")) != 0) return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) fixture_free(&fx[i]);
    if (linkbase_schema) xmlSchemaFree(linkbase_schema);
    t2x_render_cleanup();
    t2x_validate_cleanup();
    t2x_data_cleanup();
    xmlCatalogCleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
    return 0;
}

/* ------------------------------------------------------------------ concepts and hrefs */

/* The locator href of a concept, as the DTS must spell it. Caller frees. */
static char *concept_href(const fixture *f, const char *qname)
{
    const char *colon = strchr(qname, ':');
    assert_non_null(colon);
    size_t pl = (size_t)(colon - qname);
    const char *url = NULL;
    if (pl == 7 && strncmp(qname, "us-gaap", 7) == 0) url = "https://xbrl.fasb.org/us-gaap/2023/elts/us-gaap-2023.xsd";
    else if (pl == 3 && strncmp(qname, "dei", 3) == 0) url = "https://xbrl.sec.gov/dei/2023/dei-2023.xsd";
    else if (pl == 3 && strncmp(qname, "srt", 3) == 0) url = "https://xbrl.fasb.org/srt/2023/elts/srt-2023.xsd";
    char *r;
    if (url) r = t2x_xasprintf("%s#%.*s_%s", url, (int)pl, qname, colon + 1);
    else {
        assert_true(strlen(f->prefix) == pl && strncmp(qname, f->prefix, pl) == 0);
        r = t2x_xasprintf("%s.xsd#%.*s_%s", f->stem, (int)pl, qname, colon + 1);
    }
    return r;
}

/* The model's attribute of concept `qname` ("" when not listed). Caller frees. */
static char *concept_attr(const fixture *f, const char *qname, const char *name)
{
    char *q = t2x_xasprintf("string(/m:filing/m:concepts/m:concept[@name='%s']/@%s)", qname, name);
    char *v = xs(f->mx, q);
    free(q);
    return v;
}

/* ------------------------------------------------------------------ extended links */

/* One arc of an extended link, resolved to its locators' hrefs. */
typedef struct arc {
    char *from, *to;        /* xlink labels */
    char *from_href, *to_href;
    double order;
    char *arcrole, *preferred, *weight;
    xmlNodePtr node;
} arc;

typedef struct xlink {
    arc *v;
    int n;
    char **loc_label, **loc_href; /* locators */
    int nloc;
    char **res_label;             /* resources (labels) */
    int nres;
} xlink;

static int has_resource(const xlink *l, const char *label)
{
    for (int i = 0; i < l->nres; i++)
        if (strcmp(l->res_label[i], label) == 0) return 1;
    return 0;
}

static const char *loc_href(const xlink *l, const char *label)
{
    for (int i = 0; i < l->nloc; i++)
        if (strcmp(l->loc_label[i], label) == 0) return l->loc_href[i];
    return NULL;
}

/* Read the extended link `link` (its locators and arcs). Every locator label is unique and
 * every arc's ends are locators. */
static void xlink_read(xmlNodePtr link, xlink *l)
{
    memset(l, 0, sizeof *l);
    int cap = 0, lcap = 0, rcap = 0;
    for (xmlNodePtr c = link->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        char *type = attr(c, "type", 1);
        if (strcmp(type, "locator") == 0) {
            if (l->nloc == lcap) {
                lcap = lcap ? 2 * lcap : 64;
                l->loc_label = t2x_xrealloc(l->loc_label, (size_t)lcap * sizeof *l->loc_label);
                l->loc_href = t2x_xrealloc(l->loc_href, (size_t)lcap * sizeof *l->loc_href);
            }
            char *lab = attr(c, "label", 1);
            if (loc_href(l, lab)) fail_msg("locator label %s repeated", lab);
            l->loc_label[l->nloc] = lab;
            l->loc_href[l->nloc] = attr(c, "href", 1);
            l->nloc++;
        } else if (strcmp(type, "resource") == 0) {
            if (l->nres == rcap) {
                rcap = rcap ? 2 * rcap : 64;
                l->res_label = t2x_xrealloc(l->res_label, (size_t)rcap * sizeof *l->res_label);
            }
            l->res_label[l->nres++] = attr(c, "label", 1);
        } else if (strcmp(type, "arc") == 0) {
            if (l->n == cap) {
                cap = cap ? 2 * cap : 64;
                l->v = t2x_xrealloc(l->v, (size_t)cap * sizeof *l->v);
            }
            arc *a = &l->v[l->n++];
            a->from = attr(c, "from", 1);
            a->to = attr(c, "to", 1);
            a->arcrole = attr(c, "arcrole", 1);
            a->preferred = attr(c, "preferredLabel", 0);
            a->weight = attr(c, "weight", 0);
            char *o = attr(c, "order", 0);
            a->order = *o ? atof(o) : 1.0;
            free(o);
            a->node = c;
            a->from_href = a->to_href = NULL;
        }
        free(type);
    }
    for (int i = 0; i < l->n; i++) {
        const char *fh = loc_href(l, l->v[i].from);
        const char *th = loc_href(l, l->v[i].to);
        if (!th && has_resource(l, l->v[i].to)) th = "";
        if (!fh || !th) fail_msg("arc %s -> %s: no such locator", l->v[i].from, l->v[i].to);
        l->v[i].from_href = t2x_xstrdup(fh);
        l->v[i].to_href = t2x_xstrdup(th);
        /* XLink 1.0 5.1.5: no two arcs with the same from/to pair in one extended link */
        for (int j = 0; j < i; j++)
            if (strcmp(l->v[i].from, l->v[j].from) == 0 && strcmp(l->v[i].to, l->v[j].to) == 0)
                fail_msg("duplicate arc %s -> %s", l->v[i].from, l->v[i].to);
    }
}

static void xlink_free(xlink *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->v[i].from);
        free(l->v[i].to);
        free(l->v[i].from_href);
        free(l->v[i].to_href);
        free(l->v[i].arcrole);
        free(l->v[i].preferred);
        free(l->v[i].weight);
    }
    for (int i = 0; i < l->nloc; i++) {
        free(l->loc_label[i]);
        free(l->loc_href[i]);
    }
    for (int i = 0; i < l->nres; i++) free(l->res_label[i]);
    free(l->res_label);
    free(l->v);
    free(l->loc_label);
    free(l->loc_href);
}

/* The extended link `elem` (presentationLink, ...) of role `role` in doc; NULL when none. */
static xmlNodePtr find_link(const fixture *f, int t, const char *elem, const char *role)
{
    xmlXPathContextPtr x = xpath_ctx(f->doc[t]);
    char *q = t2x_xasprintf("/link:linkbase/link:%s[@xlink:role='%s']", elem, role);
    xmlXPathObjectPtr o = nodes(x, q);
    free(q);
    if (count_of(o) > 1) fail_msg("%s: two %s links for %s", f->name, elem, role);
    xmlNodePtr n = count_of(o) ? o->nodesetval->nodeTab[0] : NULL;
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(x);
    return n;
}

/* The statements of a model. */
static xmlXPathObjectPtr statements(const fixture *f)
{
    return nodes(f->mx, "/m:filing/m:statement");
}

/* ------------------------------------------------------------------ schema validity */

static void validate_linkbase(const fixture *f, int t)
{
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(linkbase_schema);
    xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
    int rc = xmlSchemaValidateDoc(vc, f->doc[t]);
    xmlSchemaFreeValidCtxt(vc);
    if (rc != 0) fail_msg("%s: %s is not valid against the XBRL 2.1 linkbase schema (%d)", f->name, TEMPLATE[t], rc);
}

/* Each linkbase is valid against xbrl-linkbase-2003-12-31.xsd (through the catalog), and the
 * instance is valid with the extension schema that now also declares abstracts and roles. */
static void test_schema_validity(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) {
        fixture *f = &fx[i];
        for (int t = T_PRE; t <= T_DEF; t++) validate_linkbase(f, t);
        t2x_diag d = {0};
        t2x_status st = t2x_validate_instance(f->out[T_INST], f->len[T_INST], f->out[T_SCHEMA], f->len[T_SCHEMA],
                                              f->name, data_dir, &d);
        if (st != T2X_OK) print_diag(&d);
        assert_int_equal(st, T2X_OK);
        t2x_diag_free(&d);
    }
    /* and a broken linkbase is caught: an arc without xlink:type */
    char *bad = t2x_xstrdup(fx[F_SMALL].out[T_PRE]);
    char *p = strstr(bad, "<link:presentationArc xlink:type=\"arc\"");
    assert_non_null(p);
    memcpy(p + strlen("<link:presentationArc "), "xlink:tipe", 10);
    xmlDocPtr doc = xmlReadMemory(bad, (int)strlen(bad), "bad.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(linkbase_schema);
    xmlSchemaSetValidStructuredErrors(vc, quiet, NULL);
    assert_int_not_equal(xmlSchemaValidateDoc(vc, doc), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlFreeDoc(doc);
    free(bad);
}

/* The schema references the four linkbases and declares one abstract element per statement
 * and per header row, all abstract, all unique. */
static void test_schema_additions(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) {
        fixture *f = &fx[i];
        xmlXPathContextPtr x = xpath_ctx(f->doc[T_SCHEMA]);
        /* the definition linkbase only when it has a link (EFM 6.3.3: an equity table) */
        assert_int_equal((int)xn(x, "count(//link:linkbaseRef)"),
                         3 + (xn(f->mx, "count(/m:filing/m:statement[@kind='equity'][m:column[@member]])") > 0));
        /* extension abstracts only for the roots and headers that have no us-gaap/dei/srt one
         * (the model's @abstract), each name once: at most one per such root and header */
        int nstat = (int)xn(f->mx, "count(/m:filing/m:statement[not(@abstract)])");
        int nhead = (int)xn(f->mx, "count(/m:filing/m:statement/m:row[@kind='header'][not(@abstract)])");
        int next = (int)xn(f->mx, "count(/m:filing/m:concepts/m:concept[@extension='true'])");
        int nabs = (int)xn(x, "count(/xs:schema/xs:element[@abstract='true'][substring(@name, string-length(@name) - 7) = 'Abstract' or contains(@name, 'Abstract_')])");
        assert_true(nabs <= nstat + nhead);
        assert_true(nabs > 0 || nstat + nhead == 0);
        assert_int_equal((int)xn(x, "count(/xs:schema/xs:element)"), nabs + next);
        /* no label role of the filing's own (EFM 6.10: standard label roles only); the cover
         * role first, then the statements numbered in printed order */
        assert_int_equal((int)xn(x, "count(//link:roleType[link:usedOn='link:label'])"), 0);
        assert_int_equal((int)xn(x, "count(//link:roleType[1][@id='Cover'][link:definition='0001 - Document - Cover'])"), 1);
        char *q = t2x_xasprintf("count(//link:roleType[starts-with(link:definition, '%04d - ')])",
                                (int)xn(f->mx, "count(/m:filing/m:statement)") + 1);
        assert_int_equal((int)xn(x, q), 1);
        free(q);
        /* names and ids are unique */
        assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name = preceding-sibling::xs:element/@name])"), 0);
        assert_int_equal((int)xn(x, "count(//*[@id][@id = preceding::*/@id])"), 0);
        xmlXPathFreeContext(x);
    }
    /* names: words of the header in UpperCamelCase; repeats numbered */
    xmlXPathContextPtr x = xpath_ctx(fx[F_10K].doc[T_SCHEMA]);
    assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name='CurrentAssetsAbstract'])"), 1);
    /* names of base elements are the base elements (EFM 6.7.16): us-gaap's own abstracts */
    assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name='LiabilitiesAndStockholdersEquityAbstract'])"), 0);
    assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name='BalanceSheetAbstract'])"), 0);
    assert_non_null(strstr(fx[F_10K].out[T_PRE], "us-gaap-2023.xsd#us-gaap_LiabilitiesAndStockholdersEquityAbstract\""));
    assert_non_null(strstr(fx[F_10K].out[T_PRE], "us-gaap-2023.xsd#us-gaap_StatementOfFinancialPositionAbstract\""));
    assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name='ComprehensiveIncomeAbstract'])"), 1);
    assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name='ComprehensiveIncomeAbstract_2'])"), 1);
    assert_int_equal((int)xn(x, "count(/xs:schema/xs:element[@name='ComprehensiveIncomeAbstract_3'])"), 1);
    xmlXPathFreeContext(x);
}

/* Odd header wordings still give unique NCNames. */
static void test_abstract_names(void **state)
{
    (void)state;
    xmlDocPtr m = xmlCopyDoc(fx[F_SMALL].model, 1);
    xmlXPathContextPtr mx = xpath_ctx(m);
    xmlXPathObjectPtr o = nodes(mx, "//m:row[@id='s1r1']"); /* header "Assets" */
    xmlNodePtr assets = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    static const char *const labels[] = {"CURRENT ASSETS:", "1995 activity", "Stockholders' equity",
                                         "--", "Current assets:"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        xmlNodePtr h = xmlNewNode(assets->ns, BAD_CAST "row");
        char id[16];
        snprintf(id, sizeof id, "s1h%zu", i);
        xmlNewProp(h, BAD_CAST "id", BAD_CAST id);
        xmlNewProp(h, BAD_CAST "line", BAD_CAST "1");
        xmlNewProp(h, BAD_CAST "depth", BAD_CAST "0");
        xmlNewProp(h, BAD_CAST "label", BAD_CAST labels[i]);
        xmlNewProp(h, BAD_CAST "kind", BAD_CAST "header");
        xmlAddNextSibling(assets, h);
        assets = h;
    }
    /* a model concept that a header name would clash with */
    o = nodes(mx, "//m:concept[@name='alg:OtherCapital']");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "name", BAD_CAST "alg:StockholdersEquityAbstract");
    xmlXPathFreeObject(o);
    char *out;
    size_t len;
    assert_int_equal(render(m, T_SCHEMA, &out, &len), T2X_OK);
    xmlDocPtr s = xmlReadMemory(out, (int)len, "s.xsd", NULL, XML_PARSE_NONET);
    assert_non_null(s);
    xmlXPathContextPtr x = xpath_ctx(s);
    /* "Current assets:" is the model's s1r2 (first), the capitals one comes before it here */
    assert_int_equal((int)xn(x, "count(//xs:element[@name='CurrentAssetsAbstract'])"), 1);
    assert_int_equal((int)xn(x, "count(//xs:element[@name='CurrentAssetsAbstract_2'])"), 1);
    assert_int_equal((int)xn(x, "count(//xs:element[@name='CurrentAssetsAbstract_3'])"), 1);
    assert_int_equal((int)xn(x, "count(//xs:element[@name='Header1995ActivityAbstract'])"), 1);
    assert_int_equal((int)xn(x, "count(//xs:element[@name='HeaderAbstract'])"), 1);
    assert_int_equal((int)xn(x, "count(//xs:element[@name='StockholdersEquityAbstract'])"), 1); /* the model's */
    assert_int_equal((int)xn(x, "count(//xs:element[@name='StockholdersEquityAbstract_1'])"), 1);
    assert_int_equal((int)xn(x, "count(//xs:element[@name = preceding-sibling::xs:element/@name])"), 0);
    xmlXPathFreeContext(x);
    xmlFreeDoc(s);
    free(out);
    /* the presentation and label linkbases use the same names */
    assert_int_equal(render(m, T_PRE, &out, &len), T2X_OK);
    assert_non_null(strstr(out, "#alg_StockholdersEquityAbstract_1\""));
    assert_non_null(strstr(out, "#alg_CurrentAssetsAbstract_3\""));
    free(out);
    assert_int_equal(render(m, T_LAB, &out, &len), T2X_OK);
    assert_non_null(strstr(out, "#alg_StockholdersEquityAbstract_1\""));
    assert_non_null(strstr(out, ">CURRENT ASSETS:</link:label>"));
    free(out);
    xmlXPathFreeContext(mx);
    xmlFreeDoc(m);
}

/* ------------------------------------------------------------------ presentation */

/* Depth-first walk from `from`, children by order; appends the labels met to seq. */
static void walk(const xlink *l, const char *from, char ***seq, int *n, int depth)
{
    assert_true(depth < 64);
    int idx[1024], k = 0;
    for (int i = 0; i < l->n && k < 1024; i++)
        if (strcmp(l->v[i].from, from) == 0) idx[k++] = i;
    for (int a = 1; a < k; a++) /* insertion sort by order; equal orders keep arc order */
        for (int b = a; b > 0 && l->v[idx[b]].order < l->v[idx[b - 1]].order; b--) {
            int t = idx[b];
            idx[b] = idx[b - 1];
            idx[b - 1] = t;
        }
    for (int a = 0; a < k; a++) {
        *seq = t2x_xrealloc(*seq, (size_t)(*n + 1) * sizeof **seq);
        (*seq)[(*n)++] = l->v[idx[a]].to;
        walk(l, l->v[idx[a]].to, seq, n, depth + 1);
    }
}

static int is_row_label(const char *s)
{
    /* s<digits>r<digits> */
    if (*s++ != 's' || !isdigit((unsigned char)*s)) return 0;
    while (isdigit((unsigned char)*s)) s++;
    if (*s++ != 'r' || !isdigit((unsigned char)*s)) return 0;
    while (isdigit((unsigned char)*s)) s++;
    return *s == '\0';
}

static void check_presentation(const fixture *f)
{
    xmlXPathObjectPtr st = statements(f);
    assert_true(count_of(st) > 0);
    for (int s = 0; s < count_of(st); s++) {
        xmlNodePtr sn = st->nodesetval->nodeTab[s];
        char *role_local = attr(sn, "role", 0), *kind = attr(sn, "kind", 0), *sid = attr(sn, "id", 0);
        char *role = t2x_xasprintf("%s/role/%s", f->ns, role_local);
        xmlNodePtr link = find_link(f, T_PRE, "presentationLink", role);
        if (!link) fail_msg("%s: no presentationLink for %s", f->name, role);
        xlink l;
        xlink_read(link, &l);
        /* a tree: every node has one parent */
        for (int i = 0; i < l.n; i++) {
            assert_string_equal(l.v[i].arcrole, "http://www.xbrl.org/2003/arcrole/parent-child");
            for (int j = 0; j < i; j++)
                if (strcmp(l.v[i].to, l.v[j].to) == 0) fail_msg("%s: %s has two parents", f->name, l.v[i].to);
        }
        char **seq = NULL;
        int n = 0;
        walk(&l, "root", &seq, &n, 0);
        assert_int_equal(n, l.n); /* everything hangs from the root */
        /* the rows met, in order, are the printed rows that have a concept or are headers, but
         * for a row printed again under the same parent with the same preferred label (each
         * year's "Net income" of an equity statement): one relationship stands for both */
        char *q = t2x_xasprintf("/m:filing/m:statement[@id='%s']/m:row[@concept or @kind='header']", sid);
        xmlXPathObjectPtr rows = nodes(f->mx, q);
        free(q);
        int k = 0, merged = 0;
        for (int i = 0; i < n; i++) {
            if (!is_row_label(seq[i])) continue;
            xmlNodePtr r = NULL;
            char *rid = NULL;
            /* model rows skipped before this one are merged rows: a row of the same concept is
             * presented */
            for (; k < count_of(rows); k++) {
                r = rows->nodesetval->nodeTab[k];
                rid = attr(r, "id", 0);
                if (strcmp(rid, seq[i]) == 0) break;
                char *c = attr(r, "concept", 0);
                if (!*c) fail_msg("%s %s: header %s not presented", f->name, sid, rid);
                char *want = concept_href(f, c);
                int found = 0;
                for (int j = 0; j < l.n && !found; j++) found = strcmp(l.v[j].to_href, want) == 0;
                if (!found) fail_msg("%s %s: row %s (%s) neither presented nor merged", f->name, sid, rid, c);
                merged++;
                free(want);
                free(c);
                free(rid);
                rid = NULL;
            }
            if (k >= count_of(rows)) fail_msg("%s %s: extra or unordered row %s", f->name, sid, seq[i]);
            k++;
            /* its concept, its preferred label */
            char *concept = attr(r, "concept", 0), *label = attr(r, "label", 0), *neg = attr(r, "negated", 0);
            char *prole = attr(r, "period-role", 0), *abs = attr(r, "abstract", 0);
            const char *href = loc_href(&l, rid);
            const arc *a = NULL;
            for (int j = 0; j < l.n; j++)
                if (strcmp(l.v[j].to, rid) == 0) a = &l.v[j];
            assert_non_null(a);
            if (*concept) {
                char *want = concept_href(f, concept);
                assert_string_equal(href, want);
                free(want);
                char *nl = normalize(label);
                /* a standard concept is always shown with words of the filing's label linkbase */
                if (strncmp(concept, f->prefix, strlen(f->prefix)) != 0) assert_string_not_equal(a->preferred, "");
                if (*nl && strcmp(neg, "true") == 0) assert_non_null(strstr(a->preferred, "/role/negated"));
                if (*nl && strcmp(prole, "start") == 0) assert_non_null(strstr(a->preferred, "eriodStartLabel"));
                if (*nl && strcmp(prole, "end") == 0) assert_non_null(strstr(a->preferred, "eriodEndLabel"));
                free(nl);
            } else if (*abs) {
                char *want = concept_href(f, abs);
                assert_string_equal(href, want);
                free(want);
            } else {
                char *want = t2x_xasprintf("%s.xsd#%s_", f->stem, f->prefix);
                assert_true(strncmp(href, want, strlen(want)) == 0);
                assert_non_null(strstr(href, "Abstract"));
                free(want);
            }
            free(concept);
            free(label);
            free(neg);
            free(prole);
            free(abs);
            free(rid);
        }
        for (; k < count_of(rows); k++) { /* merged rows after the last one met */
            char *c = attr(rows->nodesetval->nodeTab[k], "concept", 0);
            assert_true(*c);
            merged++;
            free(c);
        }
        /* EFM 6.12.5: siblings of one concept have distinct preferred labels */
        for (int i = 0; i < l.n; i++)
            for (int j = 0; j < i; j++)
                if (strcmp(l.v[i].from, l.v[j].from) == 0 && strcmp(l.v[i].to_href, l.v[j].to_href) == 0 &&
                    strcmp(l.v[i].preferred, l.v[j].preferred) == 0)
                    fail_msg("%s %s: %s twice under %s with one preferred label", f->name, sid, l.v[i].to_href, l.v[i].from);
        if (strcmp(kind, "equity") != 0) assert_int_equal(merged, 0);
        xmlXPathFreeObject(rows);
        /* the equity statement's table */
        q = t2x_xasprintf("count(/m:filing/m:statement[@id='%s']/m:column[@member][not(@member = preceding-sibling::m:column/@member)])", sid);
        int members = (int)xn(f->mx, q);
        free(q);
        if (strcmp(kind, "equity") == 0 && members > 0) {
            assert_true(n >= 4 && strcmp(seq[0], "table") == 0 && strcmp(seq[1], "axis") == 0 && strcmp(seq[2], "domain") == 0);
            for (int m = 0; m < members; m++) assert_true(strncmp(seq[3 + m], "member_", 7) == 0);
            assert_string_equal(seq[3 + members], "lineitems");
            assert_non_null(strstr(loc_href(&l, "table"), "#us-gaap_StatementTable"));
            assert_non_null(strstr(loc_href(&l, "axis"), "#us-gaap_StatementEquityComponentsAxis"));
            assert_non_null(strstr(loc_href(&l, "domain"), "#us-gaap_EquityComponentDomain"));
            assert_non_null(strstr(loc_href(&l, "lineitems"), "#us-gaap_StatementLineItems"));
        } else {
            assert_null(loc_href(&l, "table"));
        }
        free(seq);
        xlink_free(&l);
        free(role);
        free(role_local);
        free(kind);
        free(sid);
    }
    xmlXPathFreeObject(st);
}

static void test_presentation(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) check_presentation(&fx[i]);
    /* one roleRef for the cover, then one per statement */
    xmlXPathContextPtr x = xpath_ctx(fx[F_10K].doc[T_PRE]);
    assert_int_equal((int)xn(x, "count(//link:roleRef)"), (int)xn(fx[F_10K].mx, "count(//m:statement)") + 1);
    char *h = xs(x, "string(//link:roleRef[1]/@xlink:href)");
    assert_string_equal(h, "alg-20031231.xsd#Cover");
    free(h);
    h = xs(x, "string(//link:roleRef[2]/@xlink:href)");
    assert_string_equal(h, "alg-20031231.xsd#BalanceSheet");
    free(h);
    /* the cover presents every concept of the cover facts (EFM 6.12.3), each with words */
    for (int i = 0; i < NF; i++) {
        char *role = t2x_xasprintf("%s/role/Cover", fx[i].ns);
        xlink l;
        xlink_read(find_link(&fx[i], T_PRE, "presentationLink", role), &l);
        assert_non_null(strstr(loc_href(&l, "root"), "#dei_CoverAbstract"));
        xmlXPathObjectPtr cf = nodes(fx[i].mx, "/m:filing/m:cover/m:fact[not(@concept = preceding-sibling::m:fact/@concept)]/@concept");
        assert_int_equal(l.n, count_of(cf));
        for (int c = 0; c < count_of(cf); c++) {
            xmlChar *cn = xmlNodeGetContent(cf->nodesetval->nodeTab[c]);
            char *want = concept_href(&fx[i], (const char *)cn);
            int found = 0;
            for (int j = 0; j < l.n; j++)
                found |= strcmp(l.v[j].to_href, want) == 0 && strstr(l.v[j].preferred, "terseLabel") != NULL;
            if (!found) fail_msg("%s: cover fact %s not presented with a terse label", fx[i].name, (const char *)cn);
            free(want);
            xmlFree(cn);
        }
        xmlXPathFreeObject(cf);
        xlink_free(&l);
        free(role);
    }
    xmlXPathFreeContext(x);
}

/* ------------------------------------------------------------------ calculation */

/* Does statement `sid` have a row of concept `child` whose calc parent row has concept `parent`
 * and the weight `w`? */
static int model_has_calc(const fixture *f, const char *sid, const char *parent, const char *child, int w)
{
    char *q = t2x_xasprintf("count(/m:filing/m:statement[@id='%s']/m:row[@concept='%s']/m:calc[number(@weight) = %d]"
                            "[@parent = ../../m:row[@concept='%s']/@id])",
                            sid, child, w, parent);
    int n = (int)xn(f->mx, q);
    free(q);
    return n > 0;
}

/* The qname of the concept an href names, using the model's concept list. Caller frees. */
static char *href_concept(const fixture *f, const char *href)
{
    xmlXPathObjectPtr o = nodes(f->mx, "/m:filing/m:concepts/m:concept/@name");
    char *found = NULL;
    for (int i = 0; i < count_of(o) && !found; i++) {
        xmlChar *name = xmlNodeGetContent(o->nodesetval->nodeTab[i]);
        char *h = concept_href(f, (const char *)name);
        if (strcmp(h, href) == 0) found = t2x_xstrdup((const char *)name);
        free(h);
        xmlFree(name);
    }
    xmlXPathFreeObject(o);
    if (!found) fail_msg("%s: no model concept for %s", f->name, href);
    return found;
}

static void check_calculation(const fixture *f)
{
    xmlXPathObjectPtr st = statements(f);
    for (int s = 0; s < count_of(st); s++) {
        xmlNodePtr sn = st->nodesetval->nodeTab[s];
        char *role_local = attr(sn, "role", 0), *kind = attr(sn, "kind", 0), *sid = attr(sn, "id", 0);
        char *role = t2x_xasprintf("%s/role/%s", f->ns, role_local);
        xmlNodePtr link = find_link(f, T_CAL, "calculationLink", role);
        if (strcmp(kind, "equity") == 0) assert_null(link);
        if (link) {
            xlink l;
            xlink_read(link, &l);
            assert_true(l.n > 0);
            for (int i = 0; i < l.n; i++) {
                assert_string_equal(l.v[i].arcrole, "http://www.xbrl.org/2003/arcrole/summation-item");
                char *pc = href_concept(f, l.v[i].from_href), *cc = href_concept(f, l.v[i].to_href);
                int w = atoi(l.v[i].weight);
                assert_true(strcmp(l.v[i].weight, "1.0") == 0 || strcmp(l.v[i].weight, "-1.0") == 0);
                if (!model_has_calc(f, sid, pc, cc, w))
                    fail_msg("%s %s: arc %s -> %s (%d) is no summation of the model", f->name, sid, pc, cc, w);
                assert_string_not_equal(pc, cc);
                /* XBRL 2.1 5.1.1.2: weight and balances agree; same period type */
                char *pb = concept_attr(f, pc, "balance"), *cb = concept_attr(f, cc, "balance");
                if (*pb && *cb) assert_int_equal(w, strcmp(pb, cb) == 0 ? 1 : -1);
                char *pp = concept_attr(f, pc, "period"), *cp = concept_attr(f, cc, "period");
                assert_string_equal(pp, cp);
                /* one arc per pair */
                for (int j = 0; j < i; j++)
                    assert_false(strcmp(l.v[i].from_href, l.v[j].from_href) == 0 &&
                                 strcmp(l.v[i].to_href, l.v[j].to_href) == 0);
                free(pb);
                free(cb);
                free(pp);
                free(cp);
                free(pc);
                free(cc);
            }
            xlink_free(&l);
        }
        free(role);
        free(role_local);
        free(kind);
        free(sid);
    }
    xmlXPathFreeObject(st);
}

/* The arcs of the calculationLink of role ROLE as "from>to:weight" lines (concept hrefs' ids). */
static char *calc_arcs(const fixture *f, const char *role_local, const char *doc)
{
    xmlDocPtr d = doc ? xmlReadMemory(doc, (int)strlen(doc), "cal.xml", NULL, XML_PARSE_NONET) : f->doc[T_CAL];
    xmlXPathContextPtr x = xpath_ctx(d);
    char *q = t2x_xasprintf("/link:linkbase/link:calculationLink[@xlink:role='%s/role/%s']/link:calculationArc",
                            f->ns, role_local);
    xmlXPathObjectPtr o = nodes(x, q);
    free(q);
    t2x_buf b = {0};
    t2x_buf_puts(&b, "");
    for (int i = 0; i < count_of(o); i++) {
        xmlNodePtr a = o->nodesetval->nodeTab[i];
        char *fr = attr(a, "from", 1), *to = attr(a, "to", 1), *w = attr(a, "weight", 0);
        t2x_buf_printf(&b, "%s>%s:%s\n", fr, to, w);
        free(fr);
        free(to);
        free(w);
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(x);
    if (doc) xmlFreeDoc(d);
    return b.data;
}

static void test_calculation(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) check_calculation(&fx[i]);

    /* every summation of the samples' statements is there (parent concept != child concept) */
    for (int i = F_10K; i <= F_10Q; i++) {
        fixture *f = &fx[i];
        xmlXPathObjectPtr o = nodes(f->mx, "/m:filing/m:statement[@kind='balance-sheet' or @kind='income' or "
                                           "@kind='cash-flow']/m:row[@concept]/m:calc");
        for (int k = 0; k < count_of(o); k++) {
            xmlNodePtr c = o->nodesetval->nodeTab[k], row = c->parent, stn = row->parent;
            char *pid = attr(c, "parent", 0), *cc = attr(row, "concept", 0), *sid = attr(stn, "id", 0);
            char *role_local = attr(stn, "role", 0);
            char *q = t2x_xasprintf("string(/m:filing/m:statement[@id='%s']/m:row[@id='%s']/@concept)", sid, pid);
            char *pc = xs(f->mx, q);
            free(q);
            if (*pc && strcmp(pc, cc) != 0) {
                char *arcs = calc_arcs(f, role_local, NULL);
                char *pu = t2x_xstrdup(pc), *cu = t2x_xstrdup(cc);
                *strchr(pu, ':') = '_';
                *strchr(cu, ':') = '_';
                char *want = t2x_xasprintf("%s>%s:", pu, cu);
                if (!strstr(arcs, want)) fail_msg("%s %s: no arc %s", f->name, sid, want);
                free(want);
                free(pu);
                free(cu);
                free(arcs);
            }
            free(pc);
            free(pid);
            free(cc);
            free(sid);
            free(role_local);
        }
        xmlXPathFreeObject(o);
    }
    /* the 10-K's current liabilities (with the 2002 typo) are a summation of six items; the
     * cash at the end of the year is not a sum of the cash at the beginning */
    char *arcs = calc_arcs(&fx[F_10K], "BalanceSheet", NULL);
    int n = 0;
    for (const char *p = arcs; (p = strstr(p, "us-gaap_LiabilitiesCurrent>")) != NULL; p++) n++;
    assert_int_equal(n, 6);
    free(arcs);
    arcs = calc_arcs(&fx[F_10K], "CashFlow", NULL);
    assert_null(strstr(arcs, "us-gaap_CashAndCashEquivalentsAtCarryingValue>us-gaap_CashAndCashEquivalentsAtCarryingValue"));
    assert_non_null(strstr(arcs, "us-gaap_NetCashProvidedByUsedInOperatingActivities>us-gaap_NetIncomeLoss:1.0"));
    free(arcs);
    /* no calculation for the equity statement, none in an empty filing */
    xmlXPathContextPtr x = xpath_ctx(fx[F_SMALL].doc[T_CAL]);
    assert_int_equal((int)xn(x, "count(//link:calculationLink)"), 2);
    assert_int_equal((int)xn(x, "count(//link:roleRef)"), 2);
    xmlXPathFreeContext(x);
}

/* A summation the print never confirms (a child missing from the facts) gets no arcs; one that
 * holds in one period and not in another keeps them (the filing's own inconsistency). */
static void test_calculation_confirmed(void **state)
{
    (void)state;
    fixture *f = &fx[F_SMALL];
    char *before = calc_arcs(f, "BalanceSheet", NULL);
    assert_non_null(strstr(before, "us-gaap_AssetsCurrent>us-gaap_InventoryNet:1.0"));
    xmlDocPtr m = xmlCopyDoc(f->model, 1);
    xmlXPathContextPtr mx = xpath_ctx(m);
    /* inventories 2002 off by 1000: current assets still add up in 2003 */
    xmlXPathObjectPtr o = nodes(mx, "//m:row[@id='s1r5']/m:cell[@context='I20021231']");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "value", BAD_CAST "6021966");
    xmlXPathFreeObject(o);
    char *out;
    size_t len;
    assert_int_equal(render(m, T_CAL, &out, &len), T2X_OK);
    char *after = calc_arcs(f, "BalanceSheet", out);
    assert_string_equal(after, before);
    free(after);
    free(out);
    /* and 2003 too: no period confirms it any more */
    o = nodes(mx, "//m:row[@id='s1r5']/m:cell[@context='I20031231']");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "value", BAD_CAST "5459865");
    xmlXPathFreeObject(o);
    assert_int_equal(render(m, T_CAL, &out, &len), T2X_OK);
    after = calc_arcs(f, "BalanceSheet", out);
    assert_null(strstr(after, "us-gaap_AssetsCurrent>"));
    assert_non_null(strstr(after, "us-gaap_Assets>us-gaap_AssetsCurrent:1.0")); /* other sums stay */
    free(after);
    free(out);
    free(before);
    xmlXPathFreeContext(mx);
    xmlFreeDoc(m);
}

/* ------------------------------------------------------------------ labels */

typedef struct label {
    char *href, *role, *text;
} label;

/* Every label of the label linkbase, by concept href. No concept has two labels in one role. */
static label *read_labels(const fixture *f, int *n)
{
    xmlXPathContextPtr x = xpath_ctx(f->doc[T_LAB]);
    xmlXPathObjectPtr o = nodes(x, "/link:linkbase/link:labelLink");
    assert_int_equal(count_of(o), 1);
    xmlNodePtr link = o->nodesetval->nodeTab[0];
    xmlXPathFreeObject(o);
    char *lr = attr(link, "role", 1);
    assert_string_equal(lr, "http://www.xbrl.org/2003/role/link");
    free(lr);
    xlink l;
    xlink_read(link, &l);
    label *v = NULL;
    *n = 0;
    for (int i = 0; i < l.n; i++) {
        assert_string_equal(l.v[i].arcrole, "http://www.xbrl.org/2003/arcrole/concept-label");
        /* the resources the arc's `to` names */
        for (xmlNodePtr c = link->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "label")) continue;
            char *lab = attr(c, "label", 1);
            if (strcmp(lab, l.v[i].to) == 0) {
                v = t2x_xrealloc(v, (size_t)(*n + 1) * sizeof *v);
                v[*n].href = t2x_xstrdup(l.v[i].from_href);
                v[*n].role = attr(c, "role", 1);
                xmlChar *t = xmlNodeGetContent(c);
                v[*n].text = t2x_xstrdup((const char *)t);
                xmlFree(t);
                xmlChar *lang = xmlNodeGetLang(c);
                assert_string_equal((const char *)lang, "en-US");
                xmlFree(lang);
                for (int j = 0; j < *n; j++)
                    if (strcmp(v[j].href, v[*n].href) == 0 && strcmp(v[j].role, v[*n].role) == 0)
                        fail_msg("%s: two %s labels for %s", f->name, v[j].role, v[j].href);
                (*n)++;
            }
            free(lab);
        }
    }
    xlink_free(&l);
    xmlXPathFreeContext(x);
    return v;
}

static const char *label_of(const label *v, int n, const char *href, const char *role)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i].href, href) == 0 && strcmp(v[i].role, role) == 0) return v[i].text;
    return NULL;
}

static void check_labels(const fixture *f)
{
    int nl;
    label *labs = read_labels(f, &nl);
    xmlXPathContextPtr sx = xpath_ctx(f->doc[T_SCHEMA]);
    xmlXPathContextPtr lx = xpath_ctx(f->doc[T_LAB]);
    xmlXPathObjectPtr st = statements(f);
    for (int s = 0; s < count_of(st); s++) {
        xmlNodePtr sn = st->nodesetval->nodeTab[s];
        char *role_local = attr(sn, "role", 0), *sid = attr(sn, "id", 0), *title = attr(sn, "title", 0);
        char *role = t2x_xasprintf("%s/role/%s", f->ns, role_local);
        xlink l;
        xlink_read(find_link(f, T_PRE, "presentationLink", role), &l);
        /* the root: an extension root is labelled with the statement's title (told apart by its
         * name when another element has those words) */
        char *sabs = attr(sn, "abstract", 0);
        if (!*sabs) {
            const char *t = label_of(labs, nl, loc_href(&l, "root"), ROLE_LABEL);
            char *nt = normalize(*title ? title : role_local);
            assert_non_null(t);
            if (strcmp(t, nt) != 0 && !(strncmp(t, nt, strlen(nt)) == 0 && strncmp(t + strlen(nt), " (", 2) == 0))
                fail_msg("%s %s: root label '%s', title '%s'", f->name, sid, t, nt);
            free(nt);
        }
        free(sabs);
        for (int i = 0; i < l.n; i++) {
            if (!is_row_label(l.v[i].to)) continue;
            char *q = t2x_xasprintf("/m:filing/m:statement[@id='%s']/m:row[@id='%s']", sid, l.v[i].to);
            xmlXPathObjectPtr ro = nodes(f->mx, q);
            free(q);
            assert_int_equal(count_of(ro), 1);
            xmlNodePtr r = ro->nodesetval->nodeTab[0];
            xmlXPathFreeObject(ro);
            char *text = attr(r, "label", 0), *kind = attr(r, "kind", 0);
            char *printed = normalize(text);
            const char *want_role = *l.v[i].preferred ? l.v[i].preferred : ROLE_LABEL;
            const char *got = label_of(labs, nl, l.v[i].to_href, want_role);
            /* every presented row has words in its arc's role, in a standard role, and they are
             * never a name or a line number */
            if (!got || !*got) fail_msg("%s: no %s label for row %s (%s)", f->name, want_role, l.v[i].to, printed);
            assert_true(strncmp(want_role, "http://www.xbrl.org/2003/role/", 30) == 0 ||
                        strncmp(want_role, "http://www.xbrl.org/2009/role/", 30) == 0);
            char *own = t2x_xasprintf("%s:", f->prefix);
            if (strncmp(got, "us-gaap:", 8) == 0 || strncmp(got, "dei:", 4) == 0 || strncmp(got, "srt:", 4) == 0 ||
                strncmp(got, own, strlen(own)) == 0)
                fail_msg("%s: row %s is labelled with a name, %s", f->name, l.v[i].to, got);
            free(own);
            assert_null(strstr(got, "at line"));
            if (*printed && strcmp(got, printed) != 0) {
                /* another printing of the concept owns the role: its words, or the balance's
                 * words without the year */
                char *q2 = t2x_xasprintf("count(//m:row[@concept='%s'][normalize-space(@label)='%s'])",
                                         strstr(l.v[i].to_href, "#") + 1, got);
                for (char *c = strchr(q2, '_'); c && c < strstr(q2, "']"); c = NULL) *c = ':';
                int other = (int)xn(f->mx, q2) > 0;
                free(q2);
                size_t gl = strlen(got);
                if (!other && !(strncmp(printed, got, gl) == 0 && printed[gl] == ','))
                    fail_msg("%s: row %s printed '%s' is labelled '%s'", f->name, l.v[i].to, printed, got);
            }
            free(printed);
            free(text);
            free(kind);
        }
        xlink_free(&l);
        free(role);
        free(role_local);
        free(sid);
        free(title);
    }
    xmlXPathFreeObject(st);
    /* extension concepts: their declared label as standard label */
    xmlXPathObjectPtr ext = nodes(f->mx, "/m:filing/m:concepts/m:concept[@extension='true']");
    for (int i = 0; i < count_of(ext); i++) {
        char *name = attr(ext->nodesetval->nodeTab[i], "name", 0), *lab = attr(ext->nodesetval->nodeTab[i], "label", 0);
        char *href = concept_href(f, name);
        const char *got = label_of(labs, nl, href, ROLE_LABEL);
        assert_non_null(got);
        char *nlab = normalize(lab);
        assert_string_equal(got, nlab);
        free(nlab);
        free(href);
        free(name);
        free(lab);
    }
    xmlXPathFreeObject(ext);
    /* LRR roles are referenced from their schema */
    xmlXPathObjectPtr neg = nodes(lx, "//link:label/@xlink:role[starts-with(., 'http://www.xbrl.org/2009/role/')]");
    for (int i = 0; i < count_of(neg); i++) {
        xmlChar *r = xmlNodeGetContent(neg->nodesetval->nodeTab[i]);
        char *q = t2x_xasprintf("string(//link:roleRef[@roleURI='%s']/@xlink:href)", (const char *)r);
        char *h = xs(lx, q);
        char *want = t2x_xasprintf("http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#%s",
                                   strrchr((const char *)r, '/') + 1);
        assert_string_equal(h, want);
        free(want);
        free(h);
        free(q);
        xmlFree(r);
    }
    xmlXPathFreeObject(neg);
    for (int i = 0; i < nl; i++) {
        free(labs[i].href);
        free(labs[i].role);
        free(labs[i].text);
    }
    free(labs);
    xmlXPathFreeContext(sx);
    xmlXPathFreeContext(lx);
}

static void test_labels(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) check_labels(&fx[i]);
    /* the equity statement's balances: start, and the yearly ends without their years */
    char *lab = fx[F_10K].out[T_LAB];
    assert_non_null(strstr(lab, "xlink:role=\"http://www.xbrl.org/2003/role/periodStartLabel\" xml:lang=\"en-US\">Balance at January 1, 2001<"));
    assert_non_null(strstr(lab, "xlink:role=\"http://www.xbrl.org/2003/role/periodEndLabel\" xml:lang=\"en-US\">Balance at December 31<"));
    assert_null(strstr(lab, "/role/periodEndLabel-"));
    /* an unlabeled subtotal placed by arithmetic: the words of its concept's name */
    assert_non_null(strstr(lab, ">Property Plant And Equipment Gross<"));
    /* the cover */
    assert_non_null(strstr(lab, "xlink:role=\"http://www.xbrl.org/2003/role/terseLabel\" xml:lang=\"en-US\">Entity Registrant Name<"));
    assert_non_null(strstr(lab, "xlink:role=\"http://www.xbrl.org/2009/role/negatedLabel\" xml:lang=\"en-US\">Interest expense<"));
    /* members and the Total column */
    assert_non_null(strstr(lab, "xlink:role=\"http://www.xbrl.org/2003/role/terseLabel\" xml:lang=\"en-US\">Retained Earnings<"));
    /* model-small's extension concept */
    assert_non_null(strstr(fx[F_SMALL].out[T_LAB], "xlink:role=\"http://www.xbrl.org/2003/role/label\" xml:lang=\"en-US\">Other capital<"));
}

/* ------------------------------------------------------------------ definition */

static void check_definition(const fixture *f)
{
    xmlXPathContextPtr dx = xpath_ctx(f->doc[T_DEF]);
    xmlXPathObjectPtr st = nodes(f->mx, "/m:filing/m:statement[@kind='equity'][m:column[@member]]");
    assert_int_equal((int)xn(dx, "count(//link:definitionLink)"), count_of(st));
    if (count_of(st) > 0) {
        static const char *const ar[] = {"all", "dimension-default", "dimension-domain", "domain-member",
                                         "hypercube-dimension"};
        for (size_t i = 0; i < 5; i++) {
            char *q = t2x_xasprintf("string(//link:arcroleRef[@arcroleURI='" XDT "%s']/@xlink:href)", ar[i]);
            char *h = xs(dx, q);
            char *want = t2x_xasprintf("http://www.xbrl.org/2005/xbrldt-2005.xsd#%s", ar[i]);
            assert_string_equal(h, want);
            free(want);
            free(h);
            free(q);
        }
    }
    for (int s = 0; s < count_of(st); s++) {
        xmlNodePtr sn = st->nodesetval->nodeTab[s];
        char *role_local = attr(sn, "role", 0), *sid = attr(sn, "id", 0);
        char *role = t2x_xasprintf("%s/role/%s", f->ns, role_local);
        xlink l;
        xlink_read(find_link(f, T_DEF, "definitionLink", role), &l);
        int all = 0, hd = 0, dd = 0, def = 0, members = 0, items = 0;
        for (int i = 0; i < l.n; i++) {
            const arc *a = &l.v[i];
            if (strcmp(a->arcrole, XDT "all") == 0) {
                all++;
                assert_non_null(strstr(a->from_href, "#us-gaap_StatementLineItems"));
                assert_non_null(strstr(a->to_href, "#us-gaap_StatementTable"));
                xmlChar *closed = xmlGetNsProp(a->node, BAD_CAST "closed", BAD_CAST "http://xbrl.org/2005/xbrldt");
                xmlChar *ce = xmlGetNsProp(a->node, BAD_CAST "contextElement", BAD_CAST "http://xbrl.org/2005/xbrldt");
                assert_string_equal((const char *)closed, "true");
                assert_string_equal((const char *)ce, "segment");
                xmlFree(closed);
                xmlFree(ce);
            } else if (strcmp(a->arcrole, XDT "hypercube-dimension") == 0) {
                hd++;
                assert_non_null(strstr(a->from_href, "#us-gaap_StatementTable"));
                assert_non_null(strstr(a->to_href, "#us-gaap_StatementEquityComponentsAxis"));
            } else if (strcmp(a->arcrole, XDT "dimension-domain") == 0 || strcmp(a->arcrole, XDT "dimension-default") == 0) {
                if (strcmp(a->arcrole, XDT "dimension-default") == 0) def++;
                else dd++;
                assert_non_null(strstr(a->from_href, "#us-gaap_StatementEquityComponentsAxis"));
                assert_non_null(strstr(a->to_href, "#us-gaap_EquityComponentDomain"));
            } else if (strcmp(a->arcrole, XDT "domain-member") == 0) {
                if (strstr(a->from_href, "#us-gaap_EquityComponentDomain")) {
                    members++;
                    char *m = href_concept(f, a->to_href);
                    char *q = t2x_xasprintf("count(/m:filing/m:statement[@id='%s']/m:column[@member='%s'])", sid, m);
                    assert_true(xn(f->mx, q) >= 1);
                    free(q);
                    free(m);
                } else {
                    assert_non_null(strstr(a->from_href, "#us-gaap_StatementLineItems"));
                    items++;
                    char *c = href_concept(f, a->to_href);
                    char *q = t2x_xasprintf("count(/m:filing/m:statement[@id='%s']/m:row[@concept='%s' or m:cell/@concept='%s'])",
                                            sid, c, c);
                    assert_true(xn(f->mx, q) >= 1);
                    free(q);
                    free(c);
                }
            } else {
                fail_msg("%s: unexpected arcrole %s", f->name, a->arcrole);
            }
        }
        assert_int_equal(all, 1);
        assert_int_equal(hd, 1);
        assert_int_equal(dd, 1);
        assert_int_equal(def, 1);
        char *q = t2x_xasprintf("count(/m:filing/m:statement[@id='%s']/m:column[@member][not(@member = preceding-sibling::m:column/@member)])", sid);
        assert_int_equal(members, (int)xn(f->mx, q));
        free(q);
        /* every concept of the statement, once */
        q = t2x_xasprintf("/m:filing/m:statement[@id='%s']/m:row/@concept | /m:filing/m:statement[@id='%s']/m:row/m:cell/@concept",
                          sid, sid);
        xmlXPathObjectPtr cs = nodes(f->mx, q);
        free(q);
        int distinct = 0;
        for (int i = 0; i < count_of(cs); i++) {
            xmlChar *ci = xmlNodeGetContent(cs->nodesetval->nodeTab[i]);
            int seen = 0;
            for (int j = 0; j < i && !seen; j++) {
                xmlChar *cj = xmlNodeGetContent(cs->nodesetval->nodeTab[j]);
                seen = xmlStrEqual(ci, cj);
                xmlFree(cj);
            }
            distinct += !seen;
            xmlFree(ci);
        }
        xmlXPathFreeObject(cs);
        assert_int_equal(items, distinct);
        xlink_free(&l);
        free(role);
        free(role_local);
        free(sid);
    }
    xmlXPathFreeObject(st);
    xmlXPathFreeContext(dx);
}

static void test_definition(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) check_definition(&fx[i]);
    xmlXPathContextPtr x = xpath_ctx(fx[F_10Q].doc[T_DEF]); /* no equity statement: empty */
    assert_int_equal((int)xn(x, "count(/link:linkbase/*)"), 0);
    xmlXPathFreeContext(x);
    x = xpath_ctx(fx[F_10K].doc[T_DEF]);
    assert_int_equal((int)xn(x, "count(//link:definitionArc[@xlink:arcrole='" XDT "domain-member'][@xlink:from='domain'])"), 5);
    xmlXPathFreeContext(x);
}

/* ------------------------------------------------------------------ a small JSON reader */

typedef enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ } jtype;
typedef struct jval {
    jtype type;
    char *s;              /* string, or the number's text, or "true"/"false" */
    struct jval **item;   /* array items / object values */
    char **key;           /* object keys */
    int n;
} jval;

static void jfree(jval *v)
{
    if (!v) return;
    for (int i = 0; i < v->n; i++) {
        jfree(v->item[i]);
        if (v->key) free(v->key[i]);
    }
    free(v->item);
    free(v->key);
    free(v->s);
    free(v);
}

static void jws(const char **p)
{
    while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r') (*p)++;
}

static char *jstring(const char **p)
{
    if (**p != '"') return NULL;
    (*p)++;
    t2x_buf b = {0};
    t2x_buf_puts(&b, "");
    while (**p && **p != '"') {
        unsigned char c = (unsigned char)**p;
        if (c < 0x20) {
            free(b.data);
            return NULL;
        }
        if (c == '\\') {
            (*p)++;
            char e = **p;
            const char *map = "\"\"\\\\//b\bf\fn\nr\rt\t";
            const char *hit = e ? strchr(map, e) : NULL;
            if (e == 'u') {
                unsigned u = 0;
                for (int k = 1; k <= 4; k++) {
                    char h = (*p)[k];
                    if (!isxdigit((unsigned char)h)) {
                        free(b.data);
                        return NULL;
                    }
                    u = u * 16 + (unsigned)(isdigit((unsigned char)h) ? h - '0' : (tolower((unsigned char)h) - 'a' + 10));
                }
                *p += 4;
                if (u < 0x80) t2x_buf_putc(&b, (char)u);
                else if (u < 0x800) {
                    t2x_buf_putc(&b, (char)(0xc0 | (u >> 6)));
                    t2x_buf_putc(&b, (char)(0x80 | (u & 0x3f)));
                } else {
                    t2x_buf_putc(&b, (char)(0xe0 | (u >> 12)));
                    t2x_buf_putc(&b, (char)(0x80 | ((u >> 6) & 0x3f)));
                    t2x_buf_putc(&b, (char)(0x80 | (u & 0x3f)));
                }
            } else if (hit && ((hit - map) % 2 == 0)) {
                t2x_buf_putc(&b, hit[1]);
            } else {
                free(b.data);
                return NULL;
            }
            (*p)++;
            continue;
        }
        t2x_buf_putc(&b, (char)c);
        (*p)++;
    }
    if (**p != '"') {
        free(b.data);
        return NULL;
    }
    (*p)++;
    return b.data;
}

static jval *jparse(const char **p, int depth)
{
    if (depth > 32) return NULL;
    jws(p);
    jval *v = t2x_xcalloc(1, sizeof *v);
    if (**p == '{' || **p == '[') {
        int obj = **p == '{';
        v->type = obj ? J_OBJ : J_ARR;
        (*p)++;
        jws(p);
        if (**p == (obj ? '}' : ']')) {
            (*p)++;
            return v;
        }
        for (;;) {
            char *key = NULL;
            if (obj) {
                jws(p);
                key = jstring(p);
                jws(p);
                if (!key || **p != ':') {
                    free(key);
                    jfree(v);
                    return NULL;
                }
                (*p)++;
            }
            jval *item = jparse(p, depth + 1);
            if (!item) {
                free(key);
                jfree(v);
                return NULL;
            }
            v->item = t2x_xrealloc(v->item, (size_t)(v->n + 1) * sizeof *v->item);
            if (obj) v->key = t2x_xrealloc(v->key, (size_t)(v->n + 1) * sizeof *v->key);
            v->item[v->n] = item;
            if (obj) v->key[v->n] = key;
            v->n++;
            jws(p);
            if (**p == ',') {
                (*p)++;
                continue;
            }
            if (**p == (obj ? '}' : ']')) {
                (*p)++;
                return v;
            }
            jfree(v);
            return NULL;
        }
    }
    if (**p == '"') {
        v->type = J_STR;
        v->s = jstring(p);
        if (!v->s) {
            jfree(v);
            return NULL;
        }
        return v;
    }
    if (strncmp(*p, "true", 4) == 0 || strncmp(*p, "false", 5) == 0) {
        v->type = J_BOOL;
        v->s = t2x_xstrdup(**p == 't' ? "true" : "false");
        *p += **p == 't' ? 4 : 5;
        return v;
    }
    if (strncmp(*p, "null", 4) == 0) {
        *p += 4;
        return v;
    }
    const char *s = *p;
    if (*s == '-') s++;
    while (isdigit((unsigned char)*s) || *s == '.' || *s == 'e' || *s == 'E' || *s == '+' || *s == '-') s++;
    if (s == *p) {
        jfree(v);
        return NULL;
    }
    v->type = J_NUM;
    v->s = t2x_xstrndup(*p, (size_t)(s - *p));
    *p = s;
    return v;
}

static jval *json_read(const char *text)
{
    const char *p = text;
    jval *v = jparse(&p, 0);
    if (v) {
        jws(&p);
        if (*p) {
            jfree(v);
            v = NULL;
        }
    }
    return v;
}

static const jval *jget(const jval *o, const char *key)
{
    if (!o || o->type != J_OBJ) return NULL;
    for (int i = 0; i < o->n; i++)
        if (strcmp(o->key[i], key) == 0) return o->item[i];
    return NULL;
}

/* ------------------------------------------------------------------ JSON vs instance */

/* XML Schema 1.0 canonical decimal of a lexical decimal. Caller frees. */
static char *canonical_decimal(const char *s)
{
    while (isspace((unsigned char)*s)) s++;
    int neg = *s == '-';
    if (*s == '-' || *s == '+') s++;
    while (*s == '0' && isdigit((unsigned char)s[1])) s++;
    const char *dot = strchr(s, '.');
    size_t il = dot ? (size_t)(dot - s) : strcspn(s, " \t\r\n");
    const char *frac = dot ? dot + 1 : "";
    size_t fl = strcspn(frac, " \t\r\n");
    while (fl > 0 && frac[fl - 1] == '0') fl--;
    char *r = t2x_xasprintf("%s%.*s.%.*s", "", (int)(il ? il : 1), il ? s : "0", (int)(fl ? fl : 1), fl ? frac : "0");
    if (neg && strcmp(r, "0.0") != 0) {
        char *n = t2x_xasprintf("-%s", r);
        free(r);
        r = n;
    }
    return r;
}

/* The day after an ISO date, as an OIM date-time. Caller frees. */
static char *day_after(const char *iso)
{
    int y, m, d;
    assert_int_equal(sscanf(iso, "%d-%d-%d", &y, &m, &d), 3);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int last = mdays[m - 1] + (m == 2 && leap);
    if (++d > last) {
        d = 1;
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    return t2x_xasprintf("%04d-%02d-%02dT00:00:00", y, m, d);
}

/* "{ns}local" of a prefixed name resolved at node n (instance) or in a JSON namespaces map. */
static char *clark_xml(xmlNodePtr n, const char *qname)
{
    const char *colon = strchr(qname, ':');
    assert_non_null(colon);
    char *p = t2x_xstrndup(qname, (size_t)(colon - qname));
    xmlNsPtr ns = xmlSearchNs(n->doc, n, BAD_CAST p);
    if (!ns) fail_msg("prefix %s not declared in the instance", p);
    char *r = t2x_xasprintf("{%s}%s", (const char *)ns->href, colon + 1);
    free(p);
    return r;
}

static char *clark_json(const jval *nsmap, const char *qname)
{
    const char *colon = strchr(qname, ':');
    if (!colon) fail_msg("not a prefixed name: %s", qname);
    char *p = t2x_xstrndup(qname, (size_t)(colon - qname));
    const jval *u = jget(nsmap, p);
    if (!u || u->type != J_STR) fail_msg("prefix %s not in documentInfo.namespaces", p);
    char *r = t2x_xasprintf("{%s}%s", u->s, colon + 1);
    free(p);
    return r;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *text_of(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *r = normalize((const char *)t);
    xmlFree(t);
    return r;
}

/* One line per fact of the instance: concept|entity|period|unit|dimensions|value|decimals. */
static char **instance_facts(const fixture *f, int *n)
{
    xmlDocPtr doc = f->doc[T_INST];
    xmlXPathContextPtr x = xpath_ctx(doc);
    xmlXPathObjectPtr o = nodes(x, "/xbrli:xbrl/*[@contextRef]");
    char **v = t2x_xcalloc((size_t)count_of(o) + 1, sizeof *v);
    *n = count_of(o);
    for (int i = 0; i < *n; i++) {
        xmlNodePtr fact = o->nodesetval->nodeTab[i];
        char *concept = t2x_xasprintf("{%s}%s", (const char *)fact->ns->href, (const char *)fact->name);
        char *ctx = attr(fact, "contextRef", 0), *unit = attr(fact, "unitRef", 0), *dec = attr(fact, "decimals", 0);
        char *q = t2x_xasprintf("/xbrli:xbrl/xbrli:context[@id='%s']", ctx);
        xmlXPathObjectPtr co = nodes(x, q);
        free(q);
        assert_int_equal(count_of(co), 1);
        xmlXPathContextPtr cx = xpath_ctx(doc);
        cx->node = co->nodesetval->nodeTab[0];
        char *scheme = xs(cx, "string(xbrli:entity/xbrli:identifier/@scheme)");
        char *id = xs(cx, "normalize-space(xbrli:entity/xbrli:identifier)");
        char *inst = xs(cx, "normalize-space(xbrli:period/xbrli:instant)");
        char *start = xs(cx, "normalize-space(xbrli:period/xbrli:startDate)");
        char *end = xs(cx, "normalize-space(xbrli:period/xbrli:endDate)");
        char *period;
        if (*inst) period = day_after(inst);
        else {
            char *e = day_after(end);
            period = t2x_xasprintf("%sT00:00:00/%s", start, e);
            free(e);
        }
        t2x_buf dims = {0};
        t2x_buf_puts(&dims, "");
        xmlXPathObjectPtr mo = nodes(cx, "xbrli:entity/xbrli:segment/xbrldi:explicitMember");
        for (int k = 0; k < count_of(mo); k++) { /* one dimension per context in our models */
            xmlNodePtr mn = mo->nodesetval->nodeTab[k];
            char *dq = attr(mn, "dimension", 0), *mv = text_of(mn);
            char *dc = clark_xml(mn, dq), *mc = clark_xml(mn, mv);
            t2x_buf_printf(&dims, "%s=%s;", dc, mc);
            free(dq);
            free(mv);
            free(dc);
            free(mc);
        }
        xmlXPathFreeObject(mo);
        char *unitstr = t2x_xstrdup("");
        if (*unit) {
            free(unitstr);
            q = t2x_xasprintf("/xbrli:xbrl/xbrli:unit[@id='%s']", unit);
            xmlXPathObjectPtr uo = nodes(x, q);
            free(q);
            assert_int_equal(count_of(uo), 1);
            xmlXPathContextPtr ux = xpath_ctx(doc);
            ux->node = uo->nodesetval->nodeTab[0];
            xmlXPathObjectPtr ms = nodes(ux, ".//xbrli:measure");
            t2x_buf ub = {0};
            t2x_buf_puts(&ub, "");
            for (int k = 0; k < count_of(ms); k++) {
                char *mt = text_of(ms->nodesetval->nodeTab[k]);
                char *mc = clark_xml(ms->nodesetval->nodeTab[k], mt);
                t2x_buf_printf(&ub, "%s%s", k ? "/" : "", mc);
                free(mt);
                free(mc);
            }
            unitstr = ub.data;
            if (strcmp(unitstr, "{" NS_XBRLI "}pure") == 0) unitstr[0] = '\0';
            xmlXPathFreeObject(ms);
            xmlXPathFreeContext(ux);
            xmlXPathFreeObject(uo);
        }
        xmlChar *raw = xmlNodeGetContent(fact);
        char *value = *unit ? canonical_decimal((const char *)raw) : t2x_xstrdup((const char *)raw);
        xmlFree(raw);
        v[i] = t2x_xasprintf("%s|{%s}%s|%s|%s|%s|%s|%s", concept, scheme, id, period, unitstr, dims.data, value,
                             *unit && strcmp(dec, "INF") != 0 ? dec : "");
        free(concept);
        free(ctx);
        free(unit);
        free(dec);
        free(scheme);
        free(id);
        free(inst);
        free(start);
        free(end);
        free(period);
        free(dims.data);
        free(unitstr);
        free(value);
        xmlXPathFreeContext(cx);
        xmlXPathFreeObject(co);
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(x);
    qsort(v, (size_t)*n, sizeof *v, cmp_str);
    return v;
}

/* The same lines from the xBRL-JSON report. */
static char **json_facts(const fixture *f, const jval *root, int *n)
{
    const jval *info = jget(root, "documentInfo");
    const jval *nsmap = jget(info, "namespaces");
    const jval *facts = jget(root, "facts");
    assert_non_null(nsmap);
    assert_non_null(facts);
    assert_int_equal(facts->type, J_OBJ);
    *n = facts->n;
    char **v = t2x_xcalloc((size_t)facts->n + 1, sizeof *v);
    for (int i = 0; i < facts->n; i++) {
        /* ids: f1, f2, ... in order */
        char id[32];
        snprintf(id, sizeof id, "f%d", i + 1);
        assert_string_equal(facts->key[i], id);
        const jval *fact = facts->item[i];
        const jval *dims = jget(fact, "dimensions"), *value = jget(fact, "value"), *dec = jget(fact, "decimals");
        assert_non_null(dims);
        assert_non_null(value);
        assert_int_equal(value->type, J_STR);
        const jval *concept = jget(dims, "concept"), *entity = jget(dims, "entity"), *period = jget(dims, "period");
        const jval *unit = jget(dims, "unit");
        assert_non_null(concept);
        assert_non_null(entity);
        assert_non_null(period);
        char *cc = clark_json(nsmap, concept->s), *ec = clark_json(nsmap, entity->s);
        t2x_buf ub = {0}, db = {0};
        t2x_buf_puts(&ub, "");
        t2x_buf_puts(&db, "");
        if (unit) {
            char *copy = t2x_xstrdup(unit->s), *save = NULL;
            int k = 0;
            for (char *tok = strtok_r(copy, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
                char *mc = clark_json(nsmap, tok);
                t2x_buf_printf(&ub, "%s%s", k++ ? "/" : "", mc);
                free(mc);
            }
            free(copy);
        }
        for (int k = 0; k < dims->n; k++) {
            const char *key = dims->key[k];
            if (!strcmp(key, "concept") || !strcmp(key, "entity") || !strcmp(key, "period") || !strcmp(key, "unit")) continue;
            char *dc = clark_json(nsmap, key), *mc = clark_json(nsmap, dims->item[k]->s);
            t2x_buf_printf(&db, "%s=%s;", dc, mc);
            free(dc);
            free(mc);
        }
        if (dec) assert_int_equal(dec->type, J_NUM);
        v[i] = t2x_xasprintf("%s|%s|%s|%s|%s|%s|%s", cc, ec, period->s, ub.data, db.data, value->s, dec ? dec->s : "");
        free(cc);
        free(ec);
        free(ub.data);
        free(db.data);
    }
    (void)f;
    qsort(v, (size_t)*n, sizeof *v, cmp_str);
    return v;
}

static void check_json(const fixture *f)
{
    jval *root = json_read(f->out[T_JSON]);
    if (!root) fail_msg("%s: STEM.json is not JSON", f->name);
    const jval *info = jget(root, "documentInfo");
    assert_string_equal(jget(info, "documentType")->s, "https://xbrl.org/2021/xbrl-json");
    const jval *tax = jget(info, "taxonomy");
    assert_int_equal(tax->type, J_ARR);
    assert_int_equal(tax->n, 1);
    char *xsd = t2x_xasprintf("%s.xsd", f->stem);
    assert_string_equal(tax->item[0]->s, xsd);
    free(xsd);
    assert_string_equal(jget(jget(info, "features"), "xbrl:canonicalValues")->s, "true");
    assert_string_equal(jget(jget(info, "namespaces"), "xbrl")->s, "https://xbrl.org/2021");
    int ni, nj;
    char **a = instance_facts(f, &ni), **b = json_facts(f, root, &nj);
    assert_true(ni > 0);
    if (ni != nj) fail_msg("%s: %d facts in the instance, %d in the JSON", f->name, ni, nj);
    for (int i = 0; i < ni; i++)
        if (strcmp(a[i], b[i]) != 0) fail_msg("%s: fact differs\n  instance %s\n  json     %s", f->name, a[i], b[i]);
    for (int i = 0; i < ni; i++) {
        free(a[i]);
        free(b[i]);
    }
    free(a);
    free(b);
    jfree(root);
}

static void test_json(void **state)
{
    (void)state;
    for (int i = 0; i < NF; i++) check_json(&fx[i]);
    /* spot checks on the 10-K */
    const char *j = fx[F_10K].out[T_JSON];
    assert_non_null(strstr(j, "\"value\": \"-2112000.0\""));     /* treasury stock column */
    assert_non_null(strstr(j, "\"us-gaap:StatementEquityComponentsAxis\": \"us-gaap:TreasuryStockCommonMember\""));
    assert_non_null(strstr(j, "\"period\": \"2004-01-01T00:00:00\""));
    assert_non_null(strstr(j, "\"period\": \"2003-01-01T00:00:00/2004-01-01T00:00:00\""));
    assert_non_null(strstr(j, "\"unit\": \"iso4217:USD/xbrli:shares\""));
    assert_non_null(strstr(j, "\"value\": \"1.38\""));
}

/* Values that need escaping or canonicalizing, and a scheme other than the fallback. */
static void test_json_values(void **state)
{
    (void)state;
    xmlDocPtr m = xmlCopyDoc(fx[F_SMALL].model, 1);
    xmlXPathContextPtr mx = xpath_ctx(m);
    xmlXPathObjectPtr o = nodes(mx, "//m:cover/m:fact[@concept='dei:EntityRegistrantName']");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "value", BAD_CAST "A \"quoted\" \\ name\ttab");
    xmlXPathFreeObject(o);
    o = nodes(mx, "//m:row[@id='s2r13']/m:cell[1]");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "value", BAD_CAST "001.500");
    xmlXPathFreeObject(o);
    o = nodes(mx, "//m:row[@id='s1r7']/m:cell[1]");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "value", BAD_CAST "-0");
    xmlXPathFreeObject(o);
    o = nodes(mx, "/m:filing");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "entity-scheme", BAD_CAST "http://www.sec.gov/CIK");
    xmlSetProp(o->nodesetval->nodeTab[0], BAD_CAST "entity-id", BAD_CAST "0000012345");
    xmlXPathFreeObject(o);
    char *out;
    size_t len;
    assert_int_equal(render(m, T_JSON, &out, &len), T2X_OK);
    jval *root = json_read(out);
    assert_non_null(root);
    assert_non_null(strstr(out, "\"value\": \"A \\\"quoted\\\" \\\\ name\\ttab\""));
    assert_non_null(strstr(out, "\"value\": \"1.5\""));
    assert_null(strstr(out, "\"-0.0\""));
    assert_non_null(strstr(out, "\"entity\": \"cik:0000012345\""));
    assert_string_equal(jget(jget(jget(root, "documentInfo"), "namespaces"), "cik")->s, "http://www.sec.gov/CIK");
    jfree(root);
    free(out);
    xmlXPathFreeContext(mx);
    xmlFreeDoc(m);
    /* the reader itself rejects broken JSON */
    assert_null(json_read("{\"a\": }"));
    assert_null(json_read("{\"a\": \"b\"} x"));
    assert_null(json_read("[\"\x01\"]"));
}

/* ------------------------------------------------------------------ determinism */

static void test_deterministic(void **state)
{
    (void)state;
    for (int t = 0; t < NT; t++) {
        char *out;
        size_t len;
        assert_int_equal(render(fx[F_10K].model, t, &out, &len), T2X_OK);
        assert_int_equal(len, fx[F_10K].len[t]);
        assert_memory_equal(out, fx[F_10K].out[t], len);
        free(out);
    }
}

/* ------------------------------------------------------------------ the report package */

static unsigned rd16(const unsigned char *p) { return (unsigned)p[0] | (unsigned)p[1] << 8; }
static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

typedef struct zentry {
    char *name;
    unsigned char *data;
    size_t len;
    unsigned method;
} zentry;

/* Read a whole ZIP archive (no ZIP64, no data descriptors): the central directory, each local
 * header, each entry inflated and checked against its CRC-32 and sizes. Returns the entries in
 * central directory order. */
static zentry *unzip(const unsigned char *z, size_t zlen, int *n)
{
    assert_true(zlen >= 22);
    const unsigned char *eocd = z + zlen - 22; /* no archive comment */
    assert_int_equal(rd32(eocd), 0x06054b50u);
    assert_int_equal(rd16(eocd + 20), 0);
    unsigned count = rd16(eocd + 10);
    assert_int_equal(rd16(eocd + 8), count);
    uint32_t cdsize = rd32(eocd + 12), cdoff = rd32(eocd + 16);
    assert_int_equal((size_t)cdoff + cdsize, zlen - 22);
    zentry *v = t2x_xcalloc(count + 1, sizeof *v);
    const unsigned char *c = z + cdoff;
    for (unsigned i = 0; i < count; i++) {
        assert_int_equal(rd32(c), 0x02014b50u);
        unsigned method = rd16(c + 10), nlen = rd16(c + 28), xlen = rd16(c + 30), clen = rd16(c + 32);
        uint32_t crc = rd32(c + 16), csize = rd32(c + 20), usize = rd32(c + 24), loff = rd32(c + 42);
        assert_int_equal(rd16(c + 12), 0);            /* 00:00:00 */
        assert_int_equal(rd16(c + 14), (1u << 5) | 1u); /* 1980-01-01 */
        v[i].name = t2x_xstrndup((const char *)c + 46, nlen);
        v[i].method = method;
        const unsigned char *l = z + loff;
        assert_int_equal(rd32(l), 0x04034b50u);
        assert_int_equal(rd16(l + 8), method);
        assert_int_equal(rd32(l + 14), crc);
        assert_int_equal(rd32(l + 18), csize);
        assert_int_equal(rd32(l + 22), usize);
        assert_int_equal(rd16(l + 26), nlen);
        assert_memory_equal(l + 30, v[i].name, nlen);
        const unsigned char *body = l + 30 + nlen + rd16(l + 28);
        assert_true(body + csize <= z + cdoff);
        v[i].data = t2x_xmalloc(usize + 1);
        v[i].len = usize;
        if (method == 0) {
            assert_int_equal(csize, usize);
            memcpy(v[i].data, body, usize);
        } else {
            assert_int_equal(method, 8);
            z_stream s;
            memset(&s, 0, sizeof s);
            assert_int_equal(inflateInit2(&s, -15), Z_OK);
            s.next_in = (Bytef *)(uintptr_t)body;
            s.avail_in = csize;
            s.next_out = v[i].data;
            s.avail_out = usize + 1;
            assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
            assert_int_equal(s.total_out, usize);
            inflateEnd(&s);
        }
        v[i].data[usize] = '\0'; /* text entries can be read as strings */
        assert_int_equal(crc32(crc32(0L, Z_NULL, 0), v[i].data, usize), crc);
        c += 46 + nlen + xlen + clen;
    }
    *n = (int)count;
    return v;
}

static void zentries_free(zentry *v, int n)
{
    for (int i = 0; i < n; i++) {
        free(v[i].name);
        free(v[i].data);
    }
    free(v);
}

static void test_zipwriter(void **state)
{
    (void)state;
    t2x_zip *z = t2x_zip_new();
    char big[20000];
    for (size_t i = 0; i < sizeof big; i++) big[i] = "abcabcabd"[i % 9];
    assert_int_equal(t2x_zip_add_dir(z, "d/"), 0);
    assert_int_equal(t2x_zip_add(z, "d/big.txt", big, sizeof big), 0);
    assert_int_equal(t2x_zip_add(z, "d/one", "x", 1), 0);      /* deflate would grow it: stored */
    assert_int_equal(t2x_zip_add(z, "d/empty", NULL, 0), 0);
    assert_int_equal(t2x_zip_add(z, "d/\xc3\xa9t\xc3\xa9", "e", 1), 0);
    /* bad names */
    assert_int_equal(t2x_zip_add(z, "/abs", "x", 1), -1);
    assert_int_equal(t2x_zip_add(z, "a/../b", "x", 1), -1);
    assert_int_equal(t2x_zip_add(z, "a/./b", "x", 1), -1);
    assert_int_equal(t2x_zip_add(z, "a//b", "x", 1), -1);
    assert_int_equal(t2x_zip_add(z, "a\\b", "x", 1), -1);
    assert_int_equal(t2x_zip_add(z, "dir/", "x", 1), -1);
    assert_int_equal(t2x_zip_add_dir(z, "nodir"), -1);
    assert_int_equal(t2x_zip_add(z, "", "x", 1), -1);
    size_t len;
    char *zip = t2x_zip_finish(z, &len);
    assert_non_null(zip);
    int n;
    zentry *v = unzip((const unsigned char *)zip, len, &n);
    assert_int_equal(n, 5);
    assert_string_equal(v[0].name, "d/");
    assert_int_equal(v[0].len, 0);
    assert_string_equal(v[1].name, "d/big.txt");
    assert_int_equal(v[1].method, 8);
    assert_int_equal(v[1].len, sizeof big);
    assert_memory_equal(v[1].data, big, sizeof big);
    assert_int_equal(v[2].method, 0);
    assert_memory_equal(v[2].data, "x", 1);
    assert_int_equal(v[3].len, 0);
    assert_string_equal(v[4].name, "d/\xc3\xa9t\xc3\xa9");
    zentries_free(v, n);
    free(zip);
    t2x_zip_free(NULL);
    t2x_zip_free(t2x_zip_new());
}

static void test_package(void **state)
{
    (void)state;
    fixture *f = &fx[F_10K];
    static const int parts[] = {T_INST, T_SCHEMA, T_PRE, T_CAL, T_LAB, T_DEF};
    static const char *const suffix[] = {".xbrl", ".xsd", "_pre.xml", "_cal.xml", "_lab.xml", "_def.xml"};
    t2x_package_file pf[6];
    char *names[6];
    for (int i = 0; i < 6; i++) {
        names[i] = t2x_xasprintf("%s%s", f->stem, suffix[i]);
        pf[i] = (t2x_package_file){names[i], f->out[parts[i]], f->len[parts[i]]};
    }
    size_t len, len2;
    char *zip = t2x_package_build(f->stem, pf, 6, &len);
    char *again = t2x_package_build(f->stem, pf, 6, &len2);
    assert_non_null(zip);
    assert_int_equal(len, len2);
    assert_memory_equal(zip, again, len); /* deterministic */
    free(again);
    int n;
    zentry *v = unzip((const unsigned char *)zip, len, &n);
    assert_int_equal(n, 10);
    char *want = t2x_xasprintf("%s/", f->stem);
    for (int i = 0; i < n; i++) assert_true(strncmp(v[i].name, want, strlen(want)) == 0); /* one top-level dir */
    assert_string_equal(v[0].name, want);
    free(want);
    want = t2x_xasprintf("%s/META-INF/reportPackage.json", f->stem);
    assert_string_equal(v[2].name, want);
    free(want);
    jval *rp = json_read((const char *)v[2].data);
    assert_non_null(rp);
    assert_string_equal(jget(jget(rp, "documentInfo"), "documentType")->s, "https://xbrl.org/report-package/2023");
    jfree(rp);
    want = t2x_xasprintf("%s/reports/", f->stem);
    assert_string_equal(v[3].name, want);
    for (int i = 0; i < 6; i++) {
        char *nm = t2x_xasprintf("%s%s", want, names[i]);
        assert_string_equal(v[4 + i].name, nm);
        assert_int_equal(v[4 + i].len, pf[i].len);
        assert_memory_equal(v[4 + i].data, pf[i].data, pf[i].len);
        free(nm);
    }
    free(want);
    zentries_free(v, n);
    free(zip);
    /* names that are not plain file names are refused */
    t2x_package_file badf = {"../x.xml", "x", 1};
    assert_null(t2x_package_build(f->stem, &badf, 1, &len));
    assert_null(t2x_package_build("a/b", pf, 1, &len));
    for (int i = 0; i < 6; i++) free(names[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_validity),
        cmocka_unit_test(test_schema_additions),
        cmocka_unit_test(test_abstract_names),
        cmocka_unit_test(test_presentation),
        cmocka_unit_test(test_calculation),
        cmocka_unit_test(test_calculation_confirmed),
        cmocka_unit_test(test_labels),
        cmocka_unit_test(test_definition),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_json_values),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_zipwriter),
        cmocka_unit_test(test_package),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
