/*
 * test_verify.c — the inline document and the round-trip verifier (issue "Inline XBRL 1.1
 * output … and the round-trip verifier", design §5) on the two real samples:
 *   - converted, the outputs verify as faithful; the 10-K reports exactly the filing's own
 *     inconsistency (the 2002 "Total current liabilities" typo) with its line, and the
 *     total it breaks as a consequence, not as a second inconsistency;
 *   - one fact of the instance altered — value, sign, period, concept, decimals, unit — fails,
 *     naming the fact; one tagged number dropped from the inline document fails, naming the
 *     number's line and the fact; one character of the text changed fails, naming the line;
 *   - a source with CR LF line ends, a form feed, Windows-1252 punctuation, bytes XML cannot
 *     hold and no final line feed round-trips byte for byte;
 *   - hostile XML (external entity, billion laughs, deep nesting, a file over the size limit)
 *     is refused with one error line, never parsed into memory;
 *   - integer attributes out of range (issue 12 D1–D3, tests/data/verify-hostile/):
 *     scale="1000000000" (once 75 s and 3.9 GB), scale="4294967302" (once wrapped to 6 and called faithful),
 *     decimals="-2147483648" (once UB in verify_calc.c) are conversion errors, quickly, with a
 *     bounded report; the accepted ranges at their edges.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <libxml/xmlschemas.h>

#include "filing.h"
#include "html.h"
#include "textmodel.h"
#include "render.h"
#include "verify.h"
#include "xbrlvalid.h"
#include "testutil.h"

static char *prop(xmlNodePtr n, const char *name);

typedef struct sample {
    const char *rel;   /* the filing in the source tree */
    char dir[400];     /* its outputs */
    char *stem;
    char *xml, *htm;   /* pristine outputs */
    size_t xml_len, htm_len;
} sample;

static sample tenq = {"samples/alg-10q-2003q1.txt", "", NULL, NULL, NULL, 0, 0};
static sample tenk = {"samples/alg-10k-2003.txt", "", NULL, NULL, NULL, 0, 0};
/* a real HTML filing of the corpus (skipped without ../shared/corpus) */
static sample hq = {"../shared/corpus/bristol-myers-squibb-co_10q_2000-06-30.txt", "", NULL, NULL, NULL, 0, 0};
static int have_hq;
static char tmpdir[256];

static char *path_of(const sample *s, const char *suffix)
{
    static char buf[512];
    snprintf(buf, sizeof buf, "%s/%s%s", s->dir, s->stem, suffix);
    return buf;
}

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static int convert_to(const char *src, const char *dir, char **stem)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    opt.formats = T2X_FMT_XBRL | T2X_FMT_DTS | T2X_FMT_IXBRL | T2X_FMT_REPORT;
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_status st = t2x_convert_file(src, &opt, &d, &f);
    if (st == T2X_OK) st = t2x_filing_write(f, dir, &opt, &d);
    if (st != T2X_OK)
        for (size_t i = 0; i < d.count; i++) fprintf(stderr, "convert: %s\n", d.items[i].message);
    if (f && stem) *stem = t2x_xstrdup(t2x_filing_stem(f));
    t2x_filing_free(f);
    t2x_diag_free(&d);
    return st == T2X_OK ? 0 : -1;
}

static int load(sample *s, const char *sub)
{
    snprintf(s->dir, sizeof s->dir, "%s/%s", tmpdir, sub);
    if (convert_to(srcpath(s->rel), s->dir, &s->stem) != 0) return -1;
    s->xml = slurp(path_of(s, ".xml"), &s->xml_len);
    s->htm = slurp(path_of(s, ".htm"), &s->htm_len);
    return s->xml && s->htm ? 0 : -1;
}

static int setup(void **state)
{
    (void)state;
    t2x_xml_init();
    snprintf(tmpdir, sizeof tmpdir, "/tmp/t2x-test-verify-XXXXXX");
    if (!mkdtemp(tmpdir)) return -1;
    if (load(&tenq, "q") != 0 || load(&tenk, "k") != 0) return -1;
    if (access(srcpath(hq.rel), R_OK) == 0) {
        if (load(&hq, "h") != 0) return -1;
        have_hq = 1;
    }
    return 0;
}

static void rm_rf(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", dir);
}

static int teardown(void **state)
{
    (void)state;
    sample *all[] = {&tenq, &tenk, &hq};
    for (int i = 0; i < 3; i++) {
        free(all[i]->stem);
        free(all[i]->xml);
        free(all[i]->htm);
    }
    rm_rf(tmpdir);
    t2x_data_cleanup();
    t2x_render_cleanup();
    t2x_verify_cleanup();
    t2x_validate_cleanup();
    return 0;
}

/* Verify a sample's outputs; OUT: the report (may be NULL), the diagnostics. */
static t2x_status verify(const sample *s, const t2x_verify_options *o, t2x_verify_report **r, t2x_diag *d)
{
    t2x_verify_options opt;
    memset(&opt, 0, sizeof opt);
    if (o) opt = *o;
    opt.data_dir = getenv("SRCDIR");
    memset(d, 0, sizeof *d);
    return t2x_verify(srcpath(s->rel), s->dir, &opt, d, r);
}

static void restore(const sample *s)
{
    write_file(path_of(s, ".xml"), s->xml, s->xml_len);
    write_file(path_of(s, ".htm"), s->htm, s->htm_len);
}

static void dump(const t2x_verify_report *r)
{
    for (size_t i = 0; r && i < r->nf; i++) fprintf(stderr, "  [%s] %s\n", r->f[i].check, r->f[i].message);
}

/* Verify and expect "not faithful", with an error naming `what` (of the check `check`, any
 * check when NULL). */
static void expect_error(const sample *s, const char *check, const char *what, const char *mutation)
{
    t2x_verify_report *r = NULL;
    t2x_diag d;
    t2x_status st = verify(s, NULL, &r, &d);
    int found = 0;
    for (size_t i = 0; r && i < r->nf; i++)
        found |= r->f[i].kind == V_ERROR && strstr(r->f[i].message, what) && (!check || strcmp(r->f[i].check, check) == 0);
    if (st != T2X_ERR_VERIFY || !found) {
        dump(r);
        fail_msg("%s (%s): status %s, wanted a conversion error naming %s", s->rel, mutation, t2x_status_str(st), what);
    }
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    restore(s);
}

static void expect_failure(const sample *s, const char *what, const char *mutation)
{
    expect_error(s, NULL, what, mutation);
}

/* ------------------------------------------------------------------ faithful */

static void test_samples_faithful(void **state)
{
    (void)state;
    sample *all[] = {&tenq, &tenk, &hq};
    for (int i = 0; i < 2 + have_hq; i++) {
        t2x_verify_report *r = NULL;
        t2x_diag d;
        t2x_status st = verify(all[i], NULL, &r, &d);
        if (st != T2X_OK) dump(r);
        assert_int_equal(st, T2X_OK);
        assert_true(t2x_verify_report_faithful(r));
        for (int c = 0; c < VC_COUNT; c++) {
            assert_int_equal(r->checks[c].errors, 0);
            assert_true(r->checks[c].ran);
        }
        char *text = t2x_verify_report_text(r), *json = t2x_verify_report_json(r);
        assert_non_null(strstr(text, "result: faithful"));
        assert_non_null(strstr(json, "\"faithful\": true"));
        free(text);
        free(json);
        t2x_verify_report_free(r);
        t2x_diag_free(&d);
    }
}

/* The 10-K: exactly the filing's own inconsistencies, with their lines. */
static void test_10k_inconsistencies(void **state)
{
    (void)state;
    t2x_verify_report *r = NULL;
    t2x_diag d;
    assert_int_equal(verify(&tenk, NULL, &r, &d), T2X_OK);
    int typo = 0, taxnote = 0, consequences = 0;
    for (size_t i = 0; i < r->nf; i++) {
        const t2x_vfinding *f = &r->f[i];
        if (f->kind != V_INCONSISTENCY) continue;
        if (f->consequence) {
            consequences++;
            continue;
        }
        if (f->line == 1318 && strcmp(f->concept, "us-gaap:LiabilitiesCurrent") == 0 && strstr(f->message, "44737864") &&
            strstr(f->message, "4737864"))
            typo++;
        /* the tax note prints pre-tax income 3,543,379 (line 1895), the income statement
         * 3,545,379 (line 1381): the statement's figure is the fact, the note's total is not
         * tagged, and the note's domestic and foreign items add up to the note's figure */
        else if (f->line == 1381 && f->check && strcmp(f->check, "calculations") == 0 && strstr(f->message, "3543379") &&
                 strstr(f->message, "3545379"))
            taxnote++;
        else
            fail_msg("unexpected inconsistency at line %ld: %s", f->line, f->message);
    }
    assert_int_equal(typo, 1);
    assert_int_equal(taxnote, 1);
    assert_int_equal(r->checks[VC_DUPLICATES].errors, 0);
    assert_true(consequences <= 1); /* Total liabilities and stockholders' equity, 2002 */
    /* --strict: the same inconsistency fails */
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    t2x_verify_options o;
    memset(&o, 0, sizeof o);
    o.strict = 1;
    assert_int_equal(verify(&tenk, &o, &r, &d), T2X_ERR_VERIFY);
    assert_false(t2x_verify_report_faithful(r));
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    /* the 10-Q is consistent: --strict passes */
    assert_int_equal(verify(&tenq, &o, &r, &d), T2X_OK);
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
}

/* ------------------------------------------------------------------ the model's source section */

/* Bytes of one Windows-1252 character given as UTF-8 (the inverse of the builder's map). */
static int utf8_to_1252(const unsigned char **p)
{
    static const unsigned short hi[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                                          0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D,
                                          0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
    const unsigned char *q = *p;
    unsigned cp;
    if (q[0] < 0x80) { cp = q[0]; *p += 1; }
    else if ((q[0] & 0xE0) == 0xC0) { cp = ((q[0] & 0x1Fu) << 6) | (q[1] & 0x3Fu); *p += 2; }
    else { cp = ((q[0] & 0x0Fu) << 12) | ((q[1] & 0x3Fu) << 6) | (q[2] & 0x3Fu); *p += 3; }
    if (cp < 0x100) return (int)cp;
    for (int i = 0; i < 32; i++)
        if (hi[i] == cp) return 0x80 + i;
    return -1;
}

/* Convert `path` (formats: 0 for the default), build its source section (*x: the XHTML of its
 * HTML blocks, may be NULL) and check it against model.xsd; an XPath context on it with m:. */
static xmlXPathContextPtr source_section(const char *path, unsigned formats, xmlSchemaPtr schema, t2x_filing **f,
                                         xmlDocPtr *doc, t2x_xhtml *x, t2x_diag *d)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    opt.formats = formats;
    assert_int_equal(t2x_convert_file(srcpath(path), &opt, d, f), T2X_OK);
    assert_int_equal(t2x_model_with_source(*f, doc, x, d), T2X_OK);
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(schema);
    assert_int_equal(xmlSchemaValidateDoc(vc, *doc), 0);
    xmlSchemaFreeValidCtxt(vc);
    xmlXPathContextPtr xp = xmlXPathNewContext(*doc);
    xmlXPathRegisterNs(xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
    return xp;
}

/* The segments of the source section, joined, are the source; the section is model.xsd-valid;
 * every n segment is the span of a fact, every u segment has a reason. */
static void test_model_source_section(void **state)
{
    (void)state;
    const char *files[] = {"samples/alg-10q-2003q1.txt", "samples/alg-10k-2003.txt"};
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(srcpath("templates/model.xsd"));
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    assert_non_null(schema);
    for (int i = 0; i < 2; i++) {
        t2x_diag d = {0};
        t2x_filing *f = NULL;
        xmlDocPtr doc = NULL;
        xmlXPathContextPtr xp = source_section(files[i], 0, schema, &f, &doc, NULL, &d);
        xmlXPathObjectPtr segs = xmlXPathEvalExpression(BAD_CAST "/m:filing/m:source/m:block/*", xp);
        t2x_buf b = {0};
        size_t facts = 0;
        for (int k = 0; k < segs->nodesetval->nodeNr; k++) {
            xmlNodePtr n = segs->nodesetval->nodeTab[k];
            if (xmlStrEqual(n->name, BAD_CAST "c")) {
                char *hex = prop(n, "byte");
                t2x_buf_putc(&b, (char)strtol(hex, NULL, 16));
                free(hex);
                continue;
            }
            if (xmlStrEqual(n->name, BAD_CAST "n") || xmlStrEqual(n->name, BAD_CAST "u")) {
                char *off = prop(n, "offset");
                assert_int_equal(strtoul(off, NULL, 10), b.len);
                if (xmlStrEqual(n->name, BAD_CAST "n")) {
                    char q[160];
                    snprintf(q, sizeof q, "count(//m:cell[@offset='%s'] | //m:cover/m:fact[@offset='%s'])", off, off);
                    xmlXPathObjectPtr c = xmlXPathEvalExpression(BAD_CAST q, xp);
                    assert_true(xmlXPathCastToNumber(c) >= 1);
                    xmlXPathFreeObject(c);
                    facts++;
                } else {
                    char *why = prop(n, "reason");
                    assert_true(why && *why);
                    free(why);
                }
                free(off);
            }
            xmlChar *t = xmlNodeGetContent(n);
            for (const unsigned char *p = t; *p;) {
                int c = utf8_to_1252(&p);
                assert_true(c >= 0);
                t2x_buf_putc(&b, (char)c);
            }
            xmlFree(t);
        }
        assert_int_equal(b.len, f->src.len);
        assert_memory_equal(b.data, f->src.data, f->src.len);
        assert_true(facts > 100);
        free(b.data);
        xmlXPathFreeObject(segs);
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        t2x_filing_free(f);
        t2x_diag_free(&d);
    }
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
}

/* ------------------------------------------------------------------ altered instance facts */

static xmlXPathContextPtr xpath(xmlDocPtr doc)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(xp, BAD_CAST "xbrli", BAD_CAST NS_XBRLI);
    xmlXPathRegisterNs(xp, BAD_CAST "us-gaap", BAD_CAST "http://fasb.org/us-gaap/2023");
    xmlXPathRegisterNs(xp, BAD_CAST "h", BAD_CAST NS_XHTML);
    xmlXPathRegisterNs(xp, BAD_CAST "ix", BAD_CAST NS_IX);
    return xp;
}

static xmlNodePtr first_node(xmlXPathContextPtr xp, const char *q)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST q, xp);
    xmlNodePtr n = o && o->nodesetval && o->nodesetval->nodeNr ? o->nodesetval->nodeTab[0] : NULL;
    xmlXPathFreeObject(o);
    return n;
}

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    char *s = v ? t2x_xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static void save(xmlDocPtr doc, const char *path)
{
    xmlChar *mem = NULL;
    int n = 0;
    xmlDocDumpMemoryEnc(doc, &mem, &n, "UTF-8");
    write_file(path, (const char *)mem, (size_t)n);
    xmlFree(mem);
}

/* Write the altered output `doc` as the sample's STEM+suffix (the XPath context and the
 * document freed) and expect verify to fail naming `want`. */
static void save_expect(sample *s, xmlDocPtr doc, xmlXPathContextPtr xp, const char *suffix, const char *want,
                        const char *mutation)
{
    save(doc, path_of(s, suffix));
    xmlXPathFreeContext(xp);
    xmlFreeDoc(doc);
    expect_failure(s, want, mutation);
}

/* Point fact f at another instant context (without dimensions) of the contexts under `root`. */
static void other_context(xmlXPathContextPtr xp, xmlNodePtr f, const char *root, const char *ctx)
{
    char q[400];
    snprintf(q, sizeof q, "%s/xbrli:context[xbrli:period/xbrli:instant and not(xbrli:entity/xbrli:segment) "
                          "and @id != '%s'][1]", root, ctx);
    xmlNodePtr c = first_node(xp, q);
    assert_non_null(c);
    char *id = prop(c, "id");
    xmlSetProp(f, BAD_CAST "contextRef", BAD_CAST id);
    free(id);
}

enum { M_VALUE, M_SIGN, M_PERIOD, M_CONCEPT, M_DECIMALS, M_UNIT };

static void mutate_instance(sample *s, int what)
{
    static const char *const names[] = {"value", "sign", "period", "concept", "decimals", "unit"};
    xmlDocPtr doc = xmlReadMemory(s->xml, (int)s->xml_len, "x.xml", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr xp = xpath(doc);
    /* a monetary fact of the balance sheet: Cash (or its first money fact) at the period end */
    xmlNodePtr f = first_node(xp, "/xbrli:xbrl/*[@unitRef='USD' and starts-with(@contextRef, 'I') and "
                                  "not(contains(@contextRef, '_')) and . != '0'][1]");
    assert_non_null(f);
    char qname[256];
    snprintf(qname, sizeof qname, "%s:%s", f->ns->prefix, f->name);
    char *ctx = prop(f, "contextRef");
    switch (what) {
    case M_VALUE: {
        xmlChar *v = xmlNodeGetContent(f);
        long long x = atoll((const char *)v) + 1;
        char buf[64];
        snprintf(buf, sizeof buf, "%lld", x);
        xmlNodeSetContent(f, BAD_CAST buf);
        xmlFree(v);
        break;
    }
    case M_SIGN: {
        xmlChar *v = xmlNodeGetContent(f);
        char buf[64];
        snprintf(buf, sizeof buf, "%s%s", v[0] == '-' ? "" : "-", (const char *)v + (v[0] == '-'));
        xmlNodeSetContent(f, BAD_CAST buf);
        xmlFree(v);
        break;
    }
    case M_PERIOD: /* another instant context */
        other_context(xp, f, "/xbrli:xbrl", ctx);
        break;
    case M_CONCEPT: { /* another instant monetary concept of the instance */
        char q[300];
        snprintf(q, sizeof q, "/xbrli:xbrl/us-gaap:*[@unitRef='USD' and starts-with(@contextRef, 'I') and "
                              "local-name() != '%s'][1]", (const char *)f->name);
        xmlNodePtr o = first_node(xp, q);
        assert_non_null(o);
        xmlNodeSetName(f, o->name);
        xmlSetNs(f, o->ns);
        break;
    }
    case M_DECIMALS: {
        char *dec = prop(f, "decimals");
        xmlSetProp(f, BAD_CAST "decimals", BAD_CAST(strcmp(dec, "-3") == 0 ? "0" : "-3"));
        free(dec);
        break;
    }
    case M_UNIT:
        xmlSetProp(f, BAD_CAST "unitRef", BAD_CAST "shares");
        break;
    }
    save_expect(s, doc, xp, ".xml", qname, names[what]);
    free(ctx);
}

static void test_altered_instance(void **state)
{
    (void)state;
    sample *all[] = {&tenq, &tenk, &hq};
    for (int i = 0; i < 2 + have_hq; i++)
        for (int m = M_VALUE; m <= M_UNIT; m++) mutate_instance(all[i], m);
}

/* ------------------------------------------------------------------ altered inline document */

static void test_dropped_tag(void **state)
{
    (void)state;
    sample *all[] = {&tenq, &tenk};
    for (int i = 0; i < 2; i++) {
        sample *s = all[i];
        xmlDocPtr doc = xmlReadMemory(s->htm, (int)s->htm_len, "x.htm", NULL, XML_PARSE_NONET);
        xmlXPathContextPtr xp = xpath(doc);
        /* the first tagged number of the first statement: unwrap it, keep its text */
        xmlNodePtr span = first_node(xp, "//h:pre[contains(@class, 't2x-stmt')][1]//h:span[@class='t2x-fact'][1]");
        assert_non_null(span);
        xmlNodePtr ix = first_node(xp, "//h:pre[contains(@class, 't2x-stmt')][1]//h:span[@class='t2x-fact'][1]/ix:nonFraction");
        char *name = prop(ix, "name");
        xmlChar *text = xmlNodeGetContent(span);
        xmlNodePtr t = xmlNewText(text);
        xmlReplaceNode(span, t);
        xmlFreeNode(span);
        xmlFree(text);
        save(doc, path_of(s, ".htm"));
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        expect_failure(s, name, "a tagged number unwrapped"); /* coverage names the fact it would be */

        /* the whole tagged number gone, text and all */
        doc = xmlReadMemory(s->htm, (int)s->htm_len, "x.htm", NULL, XML_PARSE_NONET);
        xp = xpath(doc);
        span = first_node(xp, "//h:pre[contains(@class, 't2x-stmt')][1]//h:span[@class='t2x-fact'][1]");
        xmlUnlinkNode(span);
        xmlFreeNode(span);
        save(doc, path_of(s, ".htm"));
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        expect_failure(s, "the inline text differs from the source", "a tagged number removed");
        free(name);
    }
}

static void test_changed_character(void **state)
{
    (void)state;
    sample *all[] = {&tenq, &tenk};
    for (int i = 0; i < 2; i++) {
        sample *s = all[i];
        /* a letter of the statement titles' block: "Consolidated" -> "Consolidatet" */
        char *h = t2x_xstrndup(s->htm, s->htm_len);
        char *p = strstr(h, "<pre class=\"t2x-src t2x-stmt\"");
        assert_non_null(p);
        p = strstr(strchr(p, '>'), "onsolidated");
        assert_non_null(p);
        p[10] = 't';
        write_file(path_of(s, ".htm"), h, s->htm_len);
        expect_failure(s, "the inline text differs from the source at line", "one letter changed");
        /* a digit inside a tagged number: the text and the fact both differ */
        memcpy(h, s->htm, s->htm_len);
        p = strstr(strstr(h, "<pre class=\"t2x-src t2x-stmt\""), "<ix:nonFraction");
        char *close = strchr(p, '>');
        char *digit = close + 1;
        while (*digit < '1' || *digit > '8') digit++;
        (*digit)++;
        write_file(path_of(s, ".htm"), h, s->htm_len);
        expect_failure(s, "the inline text differs from the source at line", "one digit changed");
        free(h);
    }
}

/* ------------------------------------------------------------------ an HTML filing's inline document */

enum { H_VALUE, H_SIGN, H_PERIOD, H_CONCEPT, H_UNTAGGED, H_CHARACTER, H_OFFSET };

/* Alter the inline document of the HTML sample (its XHTML block, docs/inline.md "HTML
 * filings") and expect verify to name the change. */
static void mutate_html(int what)
{
    static const char *const names[] = {"value", "sign", "period", "concept", "untagged fact", "one character",
                                        "wrong offset"};
    sample *s = &hq;
    xmlDocPtr doc = xmlReadMemory(s->htm, (int)s->htm_len, "x.htm", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr xp = xpath(doc);
    const char *fq = "//h:div[@class='t2x-html']//h:span[@class='t2x-fact'][ix:nonFraction[@unitRef='USD' and "
                     "@scale='6' and not(@sign)]][1]";
    xmlNodePtr span = first_node(xp, fq);
    assert_non_null(span);
    xmlNodePtr ix = span->children;
    while (ix && ix->type != XML_ELEMENT_NODE) ix = ix->next;
    assert_non_null(ix);
    char *name = prop(ix, "name"), *ctx = prop(ix, "contextRef");
    const char *want = name;
    switch (what) {
    case H_VALUE: { /* a digit of the tagged number */
        xmlChar *v = xmlNodeGetContent(ix);
        for (xmlChar *p = v; *p; p++)
            if (*p >= '0' && *p <= '8') {
                (*p)++;
                break;
            }
        xmlNodeSetContent(ix, v);
        xmlFree(v);
        want = "differs from the source's";
        break;
    }
    case H_SIGN:
        xmlSetProp(ix, BAD_CAST "sign", BAD_CAST "-");
        break;
    case H_PERIOD:
        other_context(xp, ix, "//ix:resources", ctx);
        break;
    case H_CONCEPT: /* the fact may be printed twice: the renamed one is not the instance's */
        want = strcmp(name, "us-gaap:Revenues") ? "us-gaap:Revenues" : "us-gaap:CostOfRevenue";
        xmlSetProp(ix, BAD_CAST "name", BAD_CAST want);
        break;
    case H_UNTAGGED: { /* the wrapper removed, the printed number kept (a repeat: coverage finds it) */
        xmlChar *text = xmlNodeGetContent(span);
        xmlNodePtr t = xmlNewText(text);
        xmlReplaceNode(span, t);
        xmlFreeNode(span);
        xmlFree(text);
        want = "neither tagged nor listed";
        break;
    }
    case H_CHARACTER: { /* a letter of the document's text */
        xmlNodePtr t = first_node(xp, "//h:div[@class='t2x-html']//text()[contains(., 'Total')][1]");
        assert_non_null(t);
        xmlChar *v = xmlNodeGetContent(t);
        char *p = strstr((char *)v, "Total");
        p[1] = 'a';
        xmlNodeSetContent(t, v);
        xmlFree(v);
        want = "differs from the source's";
        break;
    }
    case H_OFFSET: { /* the wrapper names the bytes right after the number */
        char *id = prop(span, "id");
        char buf[64];
        snprintf(buf, sizeof buf, "t2x-f%llu", strtoull(id + 5, NULL, 10) + 1);
        xmlSetProp(span, BAD_CAST "id", BAD_CAST buf);
        free(id);
        want = "where the source does not print it";
        break;
    }
    }
    save_expect(s, doc, xp, ".htm", want, names[what]);
    free(name);
    free(ctx);
}

static void test_html_inline(void **state)
{
    (void)state;
    if (!have_hq) skip();
    /* the document is the filing's HTML as XHTML, valid against the Inline XBRL schema */
    assert_non_null(strstr(hq.htm, "<div class=\"t2x-html\" id=\"t2x-b"));
    t2x_verify_options o;
    memset(&o, 0, sizeof o);
    o.schema = 1;
    t2x_verify_report *r = NULL;
    t2x_diag d;
    t2x_status st = verify(&hq, &o, &r, &d);
    if (st != T2X_OK) dump(r);
    assert_int_equal(st, T2X_OK);
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    for (int m = H_VALUE; m <= H_OFFSET; m++) mutate_html(m);
}

/* ------------------------------------------------------------------ inconsistent duplicates */

/* One concept and context stated with two values is a conversion error, in the instance (a
 * copy of a fact with another value) and in the inline document (a tagged number of another
 * concept renamed to a concept already tagged in that context with another value). */
static void test_inconsistent_duplicate(void **state)
{
    (void)state;
    sample *all[] = {&tenq, &tenk};
    for (int i = 0; i < 2; i++) {
        sample *s = all[i];
        xmlDocPtr doc = xmlReadMemory(s->xml, (int)s->xml_len, "x.xml", NULL, XML_PARSE_NONET);
        xmlXPathContextPtr xp = xpath(doc);
        xmlNodePtr f = first_node(xp, "/xbrli:xbrl/*[@unitRef='USD' and . != '0'][1]");
        assert_non_null(f);
        xmlNodePtr copy = xmlCopyNode(f, 1);
        xmlChar *v = xmlNodeGetContent(f);
        char buf[64];
        snprintf(buf, sizeof buf, "%lld", atoll((const char *)v) + 1000);
        xmlFree(v);
        xmlNodeSetContent(copy, BAD_CAST buf);
        xmlAddNextSibling(f, copy);
        save(doc, path_of(s, ".xml"));
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        expect_error(s, "duplicates", "inconsistent duplicate in the instance", "a fact stated twice with two values");

        /* the inline document: two money facts of one context, the second renamed */
        doc = xmlReadMemory(s->htm, (int)s->htm_len, "x.htm", NULL, XML_PARSE_NONET);
        xp = xpath(doc);
        xmlNodePtr a = first_node(xp, "(//h:pre[contains(@class, 't2x-stmt')]//ix:nonFraction[@unitRef='USD' and not(contains(@contextRef, '_'))])[1]");
        assert_non_null(a);
        char *name = prop(a, "name"), *ctx = prop(a, "contextRef");
        char q[512];
        snprintf(q, sizeof q, "(//ix:nonFraction[@unitRef='USD' and @contextRef='%s' and @name != '%s' and "
                              "normalize-space(.) != normalize-space(//ix:nonFraction[@name='%s' and @contextRef='%s'][1])])[1]",
                 ctx, name, name, ctx);
        xmlNodePtr b = first_node(xp, q);
        assert_non_null(b);
        xmlSetProp(b, BAD_CAST "name", BAD_CAST name);
        save(doc, path_of(s, ".htm"));
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        expect_error(s, "duplicates", "inconsistent duplicate in the inline document",
                     "a tagged number renamed to another fact's concept");
        free(name);
        free(ctx);
    }
}

/* ------------------------------------------------------------------ exotic bytes */

static void test_exotic_bytes(void **state)
{
    (void)state;
    size_t n = 0;
    char *q = slurp(srcpath(tenq.rel), &n);
    assert_non_null(q);
    /* CR LF everywhere; a form feed page break; Windows-1252 quotes and dash; 0x81 (undefined
     * in Windows-1252), 0x7F and a vertical tab in a prose line; no final line feed */
    t2x_buf b = {0};
    const char *prose = strstr(q, "FORM 10-Q");
    assert_non_null(prose);
    for (size_t i = 0; i < n; i++) {
        if (q + i == prose) t2x_buf_puts(&b, "\f\r\n\x93Quoted\x94 \x96 dash \x81\x7F\x0B end\r\n");
        if (q[i] == '\n') t2x_buf_puts(&b, "\r\n");
        else t2x_buf_putc(&b, q[i]);
    }
    while (b.len && (b.data[b.len - 1] == '\n' || b.data[b.len - 1] == '\r')) b.len--;
    char src[512], dir[512];
    snprintf(src, sizeof src, "%s/exotic.txt", tmpdir);
    snprintf(dir, sizeof dir, "%s/exotic", tmpdir);
    write_file(src, b.data, b.len);
    free(b.data);
    free(q);
    char *stem = NULL;
    assert_int_equal(convert_to(src, dir, &stem), 0);
    /* the inline document holds the form feed as a marked span, CR as a character reference */
    char hp[600];
    snprintf(hp, sizeof hp, "%s/%s.htm", dir, stem);
    char *htm = slurp(hp, NULL);
    assert_non_null(strstr(htm, "<span class=\"t2x-ctl t2x-x0C\""));
    assert_non_null(strstr(htm, "<span class=\"t2x-ctl t2x-x81\""));
    assert_non_null(strstr(htm, "&#13;"));
    assert_non_null(strstr(htm, "&#8220;Quoted&#8221;")); /* U+201C … U+201D, US-ASCII (EFM 5.2.1.1) */
    for (const char *p = htm; *p; p++) assert_true((unsigned char)*p < 0x80); /* nothing but ASCII */
    for (const char *p = htm; *p; p++) assert_true((unsigned char)*p < 0x80);
    free(htm);
    t2x_verify_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    t2x_diag d = {0};
    t2x_verify_report *r = NULL;
    t2x_status st = t2x_verify(src, dir, &opt, &d, &r);
    if (st != T2X_OK) dump(r);
    assert_int_equal(st, T2X_OK);
    assert_int_equal(r->checks[VC_TEXT].errors, 0);
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    free(stem);
}

/* ------------------------------------------------------------------ hostile files */

static size_t count_errors(const t2x_diag *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++) n += d->items[i].severity == T2X_ERROR;
    return n;
}

/* Put `data` in place of the sample's file `suffix`, verify, expect one error line. */
static void expect_refused(sample *s, const char *suffix, const char *data, size_t len, size_t max, const char *what)
{
    write_file(path_of(s, suffix), data, len);
    t2x_verify_options o;
    memset(&o, 0, sizeof o);
    o.max_xml_bytes = max;
    o.stem = s->stem; /* a hostile STEM.htm does not record the source's hash */
    t2x_verify_report *r = NULL;
    t2x_diag d;
    t2x_status st = verify(s, &o, &r, &d);
    if (st != T2X_ERR_INPUT || count_errors(&d) != 1) {
        for (size_t i = 0; i < d.count; i++) fprintf(stderr, "  %s\n", d.items[i].message);
        fail_msg("%s: status %s with %zu errors, wanted bad input with one error", what, t2x_status_str(st), count_errors(&d));
    }
    assert_null(r);
    assert_null(strchr(d.items[0].message, '\n'));
    t2x_diag_free(&d);
    restore(s);
}

static void test_hostile(void **state)
{
    (void)state;
    sample *s = &tenq;
    const char *xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                      "<xbrli:xbrl xmlns:xbrli=\"http://www.xbrl.org/2003/instance\">&e;</xbrli:xbrl>\n";
    expect_refused(s, ".xml", xxe, strlen(xxe), 0, "external entity");
    const char *laughs = "<?xml version=\"1.0\"?>\n<!-- a comment first -->\n<!DOCTYPE lolz [\n"
                         " <!ENTITY lol \"lol\">\n <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                         " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                         " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                         " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
                         " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
                         " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
                         " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
                         " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
                         " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
                         "]>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><pre class=\"t2x-src\">&lol9;</pre></body></html>\n";
    expect_refused(s, ".htm", laughs, strlen(laughs), 0, "billion laughs");
    t2x_buf deep = {0};
    t2x_buf_puts(&deep, "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>");
    for (int i = 0; i < 100000; i++) t2x_buf_puts(&deep, "<span>");
    for (int i = 0; i < 100000; i++) t2x_buf_puts(&deep, "</span>");
    t2x_buf_puts(&deep, "</body></html>\n");
    expect_refused(s, ".htm", deep.data, deep.len, 0, "deep nesting");
    free(deep.data);
    /* over the size limit: refused before it is read */
    expect_refused(s, ".htm", s->htm, s->htm_len, s->htm_len / 2, "huge file");
    /* not XML at all */
    expect_refused(s, ".xml", "\x01\x02garbage<", 10, 0, "garbage");
}

/* ------------------------------------------------------------------ integer attributes */

static void test_int_attr_ranges(void **state)
{
    (void)state;
    int v = 99;
    assert_int_equal(t2x_vf_int_attr("12", T2X_V_SCALE_MIN, T2X_V_SCALE_MAX, &v), 0);
    assert_int_equal(v, 12);
    assert_int_equal(t2x_vf_int_attr(" -12\n", T2X_V_SCALE_MIN, T2X_V_SCALE_MAX, &v), 0);
    assert_int_equal(v, -12);
    assert_int_equal(t2x_vf_int_attr("+3", T2X_V_SCALE_MIN, T2X_V_SCALE_MAX, &v), 0);
    assert_int_equal(v, 3);
    const char *bad[] = {"13", "-13", "1000000000", "4294967302", "-2147483648", "99999999999999999999999",
                         "", " ", "3x", "x3", "3 3", "--3", "0x10", "1e3", NULL};
    for (int i = 0; bad[i]; i++) {
        v = 99;
        if (t2x_vf_int_attr(bad[i], T2X_V_SCALE_MIN, T2X_V_SCALE_MAX, &v) != -1 || v != 99)
            fail_msg("scale '%s' accepted as %d", bad[i], v);
    }
    assert_int_equal(t2x_vf_decimals("INF", &v), 0);
    assert_int_equal(v, T2X_V_DECIMALS_INF);
    assert_int_equal(t2x_vf_decimals(" -20 ", &v), 0);
    assert_int_equal(v, -20);
    assert_int_equal(t2x_vf_decimals("20", &v), 0);
    const char *baddec[] = {"21", "-21", "-2147483648", "-2000000000", "INFINITY", "inf", "INF 1", NULL};
    for (int i = 0; baddec[i]; i++)
        if (t2x_vf_decimals(baddec[i], &v) != -1) fail_msg("decimals '%s' accepted", baddec[i]);
    /* exact arithmetic refuses more decimal places than any accepted decimals */
    long long m;
    int e;
    assert_int_equal(t2x_vf_dec_parse("0.0000000000000000000000000000000000000001", &m, &e), 0);
    assert_int_equal(t2x_vf_dec_parse("0.00000000000000000000000000000000000000001", &m, &e), -1);
}

/* The reproducers of issue 12 (outputs in tests/data/verify-hostile/DIR edited by a fuzzer):
 * each is a conversion error naming the attribute, found in well under a second, with a short report. */
static void expect_bad_attribute(const char *dir, const char *what)
{
    char src[4200], out[4096];
    snprintf(out, sizeof out, "%s", srcpath(dir));
    snprintf(src, sizeof src, "%s/src.txt", out);
    t2x_verify_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    t2x_diag d = {0};
    t2x_verify_report *r = NULL;
    t2x_status st = t2x_verify(src, out, &opt, &d, &r);
    int named = 0;
    for (size_t i = 0; r && i < r->nf; i++) named |= r->f[i].kind == V_ERROR && strstr(r->f[i].message, what) != NULL;
    if (st != T2X_ERR_VERIFY || !named) {
        dump(r);
        fail_msg("%s: status %s, wanted a conversion error naming %s", dir, t2x_status_str(st), what);
    }
    char *text = t2x_verify_report_text(r), *json = t2x_verify_report_json(r);
    if (strlen(text) > 20000 || strlen(json) > 40000) fail_msg("%s: a report of %zu bytes", dir, strlen(text));
    for (size_t i = 0; i < r->nf; i++) assert_true(strlen(r->f[i].message) <= T2X_VF_MESSAGE_MAX);
    free(text);
    free(json);
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
}

static void test_hostile_attributes(void **state)
{
    (void)state;
    expect_bad_attribute("tests/data/verify-hostile/verify-scale-dos", "scale=\"1000000000\"");
    expect_bad_attribute("tests/data/verify-hostile/verify-scale-int-wrap-accepted", "scale=\"4294967302\"");
    expect_bad_attribute("tests/data/verify-hostile/ubsan-verify-calc-decimals-intmin", "decimals=\"-2147483648\"");
}

/* The outputs of a source are found by the source's hash; another source's outputs are not
 * taken for them. */
static void test_wrong_directory(void **state)
{
    (void)state;
    t2x_verify_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    t2x_diag d = {0};
    t2x_verify_report *r = NULL;
    assert_int_equal(t2x_verify(srcpath(tenk.rel), tenq.dir, &opt, &d, &r), T2X_ERR_VERIFY);
    assert_int_equal(count_errors(&d), 1);
    assert_non_null(strstr(d.items[0].message, "no inline document"));
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
}

/* An HTML filing's source section: model.xsd-valid, its HTML block holding only placed
 * segments, one XHTML buffer per HTML block with one mark per segment; and the same whether the
 * reader kept the XHTML skeleton (one parse) or the document is parsed again (a filing read
 * without the inline document asked for). */
static void test_html_source_section(void **state)
{
    (void)state;
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(srcpath("templates/model.xsd"));
    xmlSchemaPtr schema = xmlSchemaParse(pc);
    assert_non_null(schema);
    xmlChar *dump[2] = {NULL, NULL};
    t2x_xhtml x[2] = {{0}, {0}};
    for (int i = 0; i < 2; i++) {
        t2x_diag d = {0};
        t2x_filing *f = NULL;
        xmlDocPtr doc = NULL; /* 1: read without the inline document asked for, no skeleton kept */
        xmlXPathContextPtr xp = source_section("tests/data/html-balance-sheet.htm", i ? T2X_FMT_XBRL : 0, schema, &f,
                                               &doc, &x[i], &d);
        xmlXPathObjectPtr segs = xmlXPathEvalExpression(BAD_CAST "/m:filing/m:source/m:block[@html = 'true']/*", xp);
        assert_int_equal(x[i].n, 1);
        size_t marks = 0;
        for (size_t k = 0; k < x[i].v[0].len; k++) marks += x[i].v[0].data[k] == T2X_XHTML_MARK;
        assert_true(marks > 10);
        assert_int_equal(marks, (size_t)segs->nodesetval->nodeNr);
        int len = 0;
        xmlDocDumpMemory(doc, &dump[i], &len);
        xmlXPathFreeObject(segs);
        xmlXPathFreeContext(xp);
        xmlFreeDoc(doc);
        t2x_filing_free(f);
        t2x_diag_free(&d);
    }
    assert_string_equal((const char *)dump[0], (const char *)dump[1]);
    assert_int_equal(x[0].v[0].len, x[1].v[0].len);
    assert_memory_equal(x[0].v[0].data, x[1].v[0].data, x[0].v[0].len);
    for (int i = 0; i < 2; i++) {
        xmlFree(dump[i]);
        t2x_xhtml_free(&x[i]);
    }
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_source_section),
        cmocka_unit_test(test_html_source_section),
        cmocka_unit_test(test_samples_faithful),
        cmocka_unit_test(test_10k_inconsistencies),
        cmocka_unit_test(test_altered_instance),
        cmocka_unit_test(test_dropped_tag),
        cmocka_unit_test(test_changed_character),
        cmocka_unit_test(test_html_inline),
        cmocka_unit_test(test_inconsistent_duplicate),
        cmocka_unit_test(test_exotic_bytes),
        cmocka_unit_test(test_hostile),
        cmocka_unit_test(test_wrong_directory),
        cmocka_unit_test(test_int_attr_ranges),
        cmocka_unit_test(test_hostile_attributes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
