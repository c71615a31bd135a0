/*
 * xbrlvalid.c — offline XML Schema + XBRL 2.1 validation of an instance (see xbrlvalid.h).
 *
 * How the schema set is built for one instance:
 *   1. the official us-gaap, dei and srt 2023 schemas are parsed once (found through the
 *      catalog) and cached, with a table name -> top-level xs:element;
 *   2. for each of them a subset schema text is made: the official xs:schema start tag
 *      (all its namespace declarations), its xs:import elements, and the xs:element
 *      declarations of the concepts the instance uses (facts, dimensions, members), each
 *      serialized verbatim from the official document;
 *   3. a top-level schema imports xbrli, the three namespaces by their official URLs, and the
 *      extension schema; while it compiles, an entity loader serves the subsets (and the
 *      extension) from memory under those URLs, so every import of, say, us-gaap-2023.xsd —
 *      ours or the extension's — gets the subset; every other URL goes to the process loader
 *      (render.c: catalog, local files only).
 */
#include "xbrlvalid.h"
#include "render.h"
#include "util.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/catalog.h>
#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlschemas.h>

#define NS_XS "http://www.w3.org/2001/XMLSchema"
#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_LINK "http://www.xbrl.org/2003/linkbase"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define NS_XBRLDT "http://xbrl.org/2005/xbrldt"
#define NS_ISO4217 "http://www.xbrl.org/2003/iso4217"
#define URL_XBRLI "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
#define EXT_URL_PREFIX "t2x-memory:/"

/* The taxonomy schemas too large to compile whole (us-gaap) or that gain from a subset. */
static const struct {
    const char *ns, *url;
} BIG[] = {
    {"http://fasb.org/us-gaap/2023", "https://xbrl.fasb.org/us-gaap/2023/elts/us-gaap-2023.xsd"},
    {"http://xbrl.sec.gov/dei/2023", "https://xbrl.sec.gov/dei/2023/dei-2023.xsd"},
    {"http://fasb.org/srt/2023", "https://xbrl.fasb.org/srt/2023/elts/srt-2023.xsd"},
};
enum { NBIG = sizeof BIG / sizeof BIG[0] };

/* ------------------------------------------------------------------ the cache */

typedef struct taxonomy {
    char *catalog;               /* data_dir/taxonomy/catalog.xml, loaded into libxml2 */
    xmlDocPtr doc[NBIG];         /* official schema documents */
    xmlHashTablePtr decl[NBIG];  /* local name -> xs:element (borrowed from doc) */
    char *head[NBIG];            /* "<xs:schema ...>" + the xs:import elements */
    char *tail[NBIG];            /* "</xs:schema>" */
} taxonomy;

static taxonomy tax;

static void taxonomy_free(void)
{
    for (int i = 0; i < NBIG; i++) {
        if (tax.decl[i]) xmlHashFree(tax.decl[i], NULL);
        if (tax.doc[i]) xmlFreeDoc(tax.doc[i]);
        free(tax.head[i]);
        free(tax.tail[i]);
    }
    free(tax.catalog);
    memset(&tax, 0, sizeof tax);
}

void t2x_validate_cleanup(void)
{
    if (tax.catalog) xmlCatalogCleanup();
    taxonomy_free();
}

static int is_xs(xmlNodePtr n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST NS_XS) &&
           xmlStrEqual(n->name, BAD_CAST local);
}

static void dump_node(t2x_buf *b, xmlDocPtr doc, xmlNodePtr n)
{
    xmlBufferPtr xb = xmlBufferCreate();
    if (!xb) {
        fprintf(stderr, "txt2xbrl: out of memory (xmlBufferCreate)\n");
        abort();
    }
    xmlNodeDump(xb, doc, n, 0, 0);
    t2x_buf_add(b, (const char *)xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
    xmlBufferFree(xb);
}

/* Parse one official schema and prepare its table and subset head. */
static int load_big(int i, t2x_diag *diag)
{
    xmlChar *local = xmlCatalogResolveURI(BAD_CAST BIG[i].url);
    if (!local) {
        t2x_diag_add(diag, T2X_ERROR, tax.catalog, 0, "taxonomy",
                     "the catalog maps no local file to %s", BIG[i].url);
        return -1;
    }
    xmlDocPtr doc = xmlReadFile((const char *)local, NULL, XML_PARSE_NONET);
    if (!doc || !is_xs(xmlDocGetRootElement(doc), "schema")) {
        t2x_diag_add(diag, T2X_ERROR, (const char *)local, 0, "taxonomy",
                     "cannot read the schema of %s", BIG[i].url);
        if (doc) xmlFreeDoc(doc);
        xmlFree(local);
        return -1;
    }
    xmlFree(local);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlHashTablePtr h = xmlHashCreate(i == 0 ? 32768 : 1024);

    /* head: the start tag with every namespace declaration and attribute of the original */
    t2x_buf head = {0};
    t2x_buf_puts(&head, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xmlDocPtr tmp = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr shallow = xmlDocCopyNode(root, tmp, 2);
    xmlDocSetRootElement(tmp, shallow);
    t2x_buf start = {0};
    dump_node(&start, tmp, shallow);
    xmlFreeDoc(tmp);
    /* "<xs:schema .../>" -> "<xs:schema ...>" */
    if (start.len >= 2 && strcmp(start.data + start.len - 2, "/>") == 0) {
        start.len -= 2;
        start.data[start.len] = '\0';
    }
    t2x_buf_puts(&head, start.data);
    t2x_buf_puts(&head, ">\n");
    free(start.data);

    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || is_xs(c, "annotation")) continue;
        if (!is_xs(c, "element")) {
            /* imports and the schema's own type definitions (dei has some) */
            dump_node(&head, doc, c);
            t2x_buf_putc(&head, '\n');
        } else {
            xmlChar *name = xmlGetProp(c, BAD_CAST "name");
            if (name) {
                xmlHashAddEntry(h, name, c);
                xmlFree(name);
            }
        }
    }
    tax.doc[i] = doc;
    tax.decl[i] = h;
    tax.head[i] = head.data;
    tax.tail[i] = t2x_xasprintf("</%s%s%s>\n", root->ns && root->ns->prefix ? (const char *)root->ns->prefix : "",
                                root->ns && root->ns->prefix ? ":" : "", (const char *)root->name);
    return 0;
}

/* Load the catalog of data_dir and the official schemas (once per data_dir). */
int t2x_catalog_load(const char *data_dir, t2x_diag *diag)
{
    char *catalog = t2x_xasprintf("%s/taxonomy/catalog.xml", data_dir);
    if (tax.catalog && strcmp(tax.catalog, catalog) == 0) {
        free(catalog);
        return 0;
    }
    if (tax.catalog) t2x_validate_cleanup();
    struct stat st;
    if (stat(catalog, &st) != 0) {
        t2x_diag_add(diag, T2X_ERROR, catalog, 0, "taxonomy", "no XML catalog (taxonomy/catalog.xml)");
        free(catalog);
        return -1;
    }
    if (xmlLoadCatalog(catalog) != 0) {
        t2x_diag_add(diag, T2X_ERROR, catalog, 0, "taxonomy", "cannot load the XML catalog");
        free(catalog);
        return -1;
    }
    tax.catalog = catalog;
    return 0;
}

static int taxonomy_load(const char *data_dir, t2x_diag *diag)
{
    if (t2x_catalog_load(data_dir, diag) != 0) return -1;
    for (int i = 0; i < NBIG; i++)
        if (!tax.doc[i] && load_big(i, diag) != 0) {
            t2x_validate_cleanup();
            return -1;
        }
    return 0;
}

/* ------------------------------------------------------------------ serving from memory */

typedef struct served {
    const char *url;
    const char *data;
    size_t len;
} served;

static served *serving;
static size_t nserving;
static xmlExternalEntityLoader outer_loader;

static xmlParserInputPtr memory_loader(const char *URL, const char *ID, xmlParserCtxtPtr ctxt)
{
    for (size_t i = 0; URL && i < nserving; i++) {
        if (strcmp(URL, serving[i].url) != 0) continue;
        xmlParserInputBufferPtr buf =
            xmlParserInputBufferCreateMem(serving[i].data, (int)serving[i].len, XML_CHAR_ENCODING_NONE);
        if (!buf) return NULL;
        xmlParserInputPtr in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
        if (!in) {
            xmlFreeParserInputBuffer(buf);
            return NULL;
        }
        in->filename = (const char *)xmlStrdup(BAD_CAST URL);
        return in;
    }
    return outer_loader(URL, ID, ctxt);
}

/* ------------------------------------------------------------------ errors */

typedef struct errsink {
    t2x_diag *diag;
    const char *name;     /* instance name for messages */
    const char *ext_url;  /* URL the extension schema is served at */
    int errors;           /* errors in the instance or the extension schema */
    int data_errors;      /* errors in the taxonomy set-up */
} errsink;

static void add_error(errsink *s, xmlErrorPtr e, int instance)
{
    if (!e || e->level == XML_ERR_NONE) return;
    int warning = e->level == XML_ERR_WARNING;
    /* several schemas import one namespace by different locations: expected, harmless */
    if (e->domain == XML_FROM_SCHEMASP && e->code == XML_SCHEMAP_WARN_SKIP_SCHEMA) return;
    if (e->domain == XML_FROM_SCHEMASP && e->code == XML_SCHEMAP_FAILED_LOAD) warning = 0;
    char *msg = t2x_xstrdup(e->message ? e->message : "unknown error");
    t2x_trim(msg);
    const char *file = instance ? s->name : e->file;
    int in_ext = !instance && e->file && s->ext_url && strcmp(e->file, s->ext_url) == 0;
    if (warning) {
        t2x_diag_add(s->diag, T2X_WARNING, file, e->line, "xbrl-schema", "%s", msg);
    } else {
        t2x_diag_add(s->diag, T2X_ERROR, file, e->line, instance ? "xbrl-invalid" : "xbrl-schema",
                     "%s%s", in_ext ? "extension schema: " : "", msg);
        if (instance || in_ext) s->errors++;
        else s->data_errors++;
    }
    free(msg);
}

/* Unstructured messages (the entity loader's refusals) while the schema set compiles. */
static t2x_buf generic_line;
static void generic_error(void *ctx, const char *fmt, ...)
{
    errsink *s = ctx;
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    for (const char *p = buf; *p; p++) {
        if (*p != '\n') {
            t2x_buf_putc(&generic_line, *p);
            continue;
        }
        if (generic_line.len) {
            t2x_diag_add(s->diag, T2X_ERROR, NULL, 0, "xbrl-schema", "%s", t2x_trim(generic_line.data));
            s->data_errors++;
        }
        generic_line.len = 0;
    }
}

static void instance_error(void *ctx, xmlErrorPtr e) { add_error(ctx, e, 1); }
static void schema_error(void *ctx, xmlErrorPtr e) { add_error(ctx, e, 0); }

static void xbrl_error(errsink *s, xmlNodePtr n, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void xbrl_error(errsink *s, xmlNodePtr n, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    t2x_diag_add(s->diag, T2X_ERROR, s->name, n ? xmlGetLineNo(n) : 0, "xbrl-invalid", "%s", buf);
    s->errors++;
}

/* ------------------------------------------------------------------ small helpers */

static int in_ns(xmlNodePtr n, const char *ns)
{
    return n && n->ns && xmlStrEqual(n->ns->href, BAD_CAST ns);
}

static int is_el(xmlNodePtr n, const char *ns, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && in_ns(n, ns) && xmlStrEqual(n->name, BAD_CAST local);
}

static xmlNodePtr first_el(xmlNodePtr parent, const char *ns, const char *local)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next)
        if (is_el(c, ns, local)) return c;
    return NULL;
}

/* Resolve a QName `q` in the scope of node `n`. *ns is borrowed; *local points into q.
 * Returns 0 on success. */
static int resolve_qname(xmlNodePtr n, const xmlChar *q, const xmlChar **ns, const xmlChar **local)
{
    const xmlChar *colon = q ? xmlStrchr(q, ':') : NULL;
    xmlNsPtr nsp;
    if (!q) return -1;
    if (colon) {
        xmlChar *prefix = xmlStrndup(q, (int)(colon - q));
        nsp = xmlSearchNs(n->doc, n, prefix);
        xmlFree(prefix);
        *local = colon + 1;
    } else {
        nsp = xmlSearchNs(n->doc, n, NULL);
        *local = q;
    }
    if (!nsp) return -1;
    *ns = nsp->href;
    return 0;
}

/* A QName from text content, trimmed (caller frees). */
static xmlChar *text_qname(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    if (!t) return NULL;
    char *s = t2x_trim((char *)t);
    xmlChar *r = xmlStrdup(BAD_CAST s);
    xmlFree(t);
    return r;
}

static void xml_escape(t2x_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': t2x_buf_puts(b, "&amp;"); break;
        case '<': t2x_buf_puts(b, "&lt;"); break;
        case '>': t2x_buf_puts(b, "&gt;"); break;
        case '"': t2x_buf_puts(b, "&quot;"); break;
        default: t2x_buf_putc(b, *s);
        }
    }
}

/* ------------------------------------------------------------------ the concepts used */

typedef struct needed {
    xmlHashTablePtr seen[NBIG];
    xmlChar **names[NBIG];       /* owned copies, in order of first use */
    size_t count[NBIG], cap[NBIG];
    xmlHashTablePtr ext_decl;    /* extension: local name -> xs:element */
    xmlChar *ext_ns;             /* extension target namespace (owned) */
} needed;

static int big_index(const xmlChar *ns)
{
    for (int i = 0; i < NBIG; i++)
        if (xmlStrEqual(ns, BAD_CAST BIG[i].ns)) return i;
    return -1;
}

static void need(needed *nd, const xmlChar *ns, const xmlChar *local)
{
    int i = big_index(ns);
    if (i < 0) return;
    if (xmlHashLookup(nd->seen[i], local)) return;
    xmlHashAddEntry(nd->seen[i], local, (void *)1);
    nd->names[i] = t2x_grow(nd->names[i], &nd->cap[i], nd->count[i] + 1, sizeof *nd->names[i]);
    nd->names[i][nd->count[i]++] = xmlStrdup(local);
}

/* The declaration of {ns}local, or NULL. */
static xmlNodePtr find_decl(const needed *nd, const xmlChar *ns, const xmlChar *local)
{
    int i = big_index(ns);
    if (i >= 0) return xmlHashLookup(tax.decl[i], local);
    if (nd->ext_ns && xmlStrEqual(ns, nd->ext_ns)) return xmlHashLookup(nd->ext_decl, local);
    return NULL;
}

/* ------------------------------------------------------------------ XBRL checks */

enum { P_INSTANT, P_DURATION, P_FOREVER, P_NONE };
enum { U_OTHER, U_CURRENCY, U_SHARES, U_PURE, U_PER_SHARE };

typedef struct ctxinfo {
    int period;
} ctxinfo;
typedef struct unitinfo {
    int kind;
} unitinfo;

/* What a unit's single xbrli:measure child is: U_CURRENCY, U_SHARES, U_PURE or U_OTHER. */
static int measure_kind(xmlNodePtr parent)
{
    xmlNodePtr only = NULL;
    int count = 0;
    for (xmlNodePtr c = parent->children; c; c = c->next)
        if (is_el(c, NS_XBRLI, "measure")) {
            only = c;
            count++;
        }
    if (count != 1) return U_OTHER;
    xmlChar *q = text_qname(only);
    const xmlChar *ns = NULL, *local = NULL;
    int kind = U_OTHER;
    if (q && resolve_qname(only, q, &ns, &local) == 0) {
        if (xmlStrEqual(ns, BAD_CAST NS_ISO4217)) kind = U_CURRENCY;
        else if (xmlStrEqual(ns, BAD_CAST NS_XBRLI) && xmlStrEqual(local, BAD_CAST "shares")) kind = U_SHARES;
        else if (xmlStrEqual(ns, BAD_CAST NS_XBRLI) && xmlStrEqual(local, BAD_CAST "pure")) kind = U_PURE;
    }
    xmlFree(q);
    return kind;
}

static int unit_kind(xmlNodePtr unit)
{
    xmlNodePtr div = first_el(unit, NS_XBRLI, "divide");
    if (!div) return measure_kind(unit);
    xmlNodePtr num = first_el(div, NS_XBRLI, "unitNumerator");
    xmlNodePtr den = first_el(div, NS_XBRLI, "unitDenominator");
    if (num && den && measure_kind(num) == U_CURRENCY && measure_kind(den) == U_SHARES) return U_PER_SHARE;
    return U_OTHER;
}

static int context_period(xmlNodePtr ctx)
{
    xmlNodePtr p = first_el(ctx, NS_XBRLI, "period");
    if (!p) return P_NONE;
    if (first_el(p, NS_XBRLI, "instant")) return P_INSTANT;
    if (first_el(p, NS_XBRLI, "startDate") && first_el(p, NS_XBRLI, "endDate")) return P_DURATION;
    if (first_el(p, NS_XBRLI, "forever")) return P_FOREVER;
    return P_NONE;
}

/* The data type of a declaration, resolved: {ns}local (borrowed). */
static int decl_type(xmlNodePtr decl, const xmlChar **ns, const xmlChar **local, xmlChar **hold)
{
    *hold = xmlGetProp(decl, BAD_CAST "type");
    if (!*hold) return -1;
    return resolve_qname(decl, *hold, ns, local);
}

static int is_per_share_type(const xmlChar *ns, const xmlChar *local)
{
    return xmlStrEqual(local, BAD_CAST "perShareItemType") &&
           xmlStrncmp(ns, BAD_CAST "http://www.xbrl.org/dtr/type/", 29) == 0;
}

static void check_members(errsink *s, const needed *nd, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!is_el(c, NS_XBRLDI, "explicitMember")) {
            check_members(s, nd, c);
            continue;
        }
        xmlChar *dim = xmlGetProp(c, BAD_CAST "dimension");
        const xmlChar *dns = NULL, *dlocal = NULL;
        if (!dim || resolve_qname(c, dim, &dns, &dlocal) != 0) {
            xbrl_error(s, c, "explicitMember: dimension '%s' is not a resolvable QName",
                       dim ? (const char *)dim : "");
        } else {
            xmlNodePtr d = find_decl(nd, dns, dlocal);
            xmlChar *sg = d ? xmlGetProp(d, BAD_CAST "substitutionGroup") : NULL;
            const xmlChar *sns = NULL, *slocal = NULL;
            if (!d)
                xbrl_error(s, c, "explicitMember: dimension %s is not a concept of the taxonomy", dim);
            else if (!sg || resolve_qname(d, sg, &sns, &slocal) != 0 ||
                     !xmlStrEqual(sns, BAD_CAST NS_XBRLDT) || !xmlStrEqual(slocal, BAD_CAST "dimensionItem"))
                xbrl_error(s, c, "explicitMember: %s is not a dimension (xbrldt:dimensionItem)", dim);
            xmlFree(sg);
        }
        xmlChar *mem = text_qname(c);
        const xmlChar *mns = NULL, *mlocal = NULL;
        if (!mem || resolve_qname(c, mem, &mns, &mlocal) != 0)
            xbrl_error(s, c, "explicitMember: member '%s' is not a resolvable QName",
                       mem ? (const char *)mem : "");
        else if (!find_decl(nd, mns, mlocal))
            xbrl_error(s, c, "explicitMember: member %s is not a concept of the taxonomy", mem);
        xmlFree(mem);
        xmlFree(dim);
    }
}

static void xbrl_checks(errsink *s, xmlDocPtr doc, const needed *nd)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlHashTablePtr ctxs = xmlHashCreate(64), units = xmlHashCreate(16);
    ctxinfo *cinfo = NULL;
    unitinfo *uinfo = NULL;
    size_t nc = 0, nu = 0;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (is_el(c, NS_XBRLI, "context")) nc++;
        else if (is_el(c, NS_XBRLI, "unit")) nu++;
    }
    cinfo = t2x_xcalloc(nc ? nc : 1, sizeof *cinfo);
    uinfo = t2x_xcalloc(nu ? nu : 1, sizeof *uinfo);
    size_t ic = 0, iu = 0;
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (is_el(c, NS_XBRLI, "context")) {
            xmlChar *id = xmlGetProp(c, BAD_CAST "id");
            cinfo[ic].period = context_period(c);
            if (id && xmlHashAddEntry(ctxs, id, &cinfo[ic]) != 0)
                xbrl_error(s, c, "context id %s is not unique", id);
            ic++;
            xmlFree(id);
            check_members(s, nd, c);
        } else if (is_el(c, NS_XBRLI, "unit")) {
            xmlChar *id = xmlGetProp(c, BAD_CAST "id");
            uinfo[iu].kind = unit_kind(c);
            if (id && xmlHashAddEntry(units, id, &uinfo[iu]) != 0)
                xbrl_error(s, c, "unit id %s is not unique", id);
            iu++;
            xmlFree(id);
        }
    }
    for (xmlNodePtr f = root->children; f; f = f->next) {
        if (f->type != XML_ELEMENT_NODE || !f->ns || in_ns(f, NS_XBRLI) || in_ns(f, NS_LINK)) continue;
        xmlNodePtr decl = find_decl(nd, f->ns->href, f->name);
        const char *pfx = f->ns->prefix ? (const char *)f->ns->prefix : "";
        const char *sep = f->ns->prefix ? ":" : "";
        const char *fname = (const char *)f->name;
        if (!decl) {
            xbrl_error(s, f, "%s%s%s: no such concept in {%s}", pfx, sep, fname, f->ns->href);
            continue;
        }
        xmlChar *cref = xmlGetProp(f, BAD_CAST "contextRef");
        ctxinfo *ci = cref ? xmlHashLookup(ctxs, cref) : NULL;
        if (cref && !ci) xbrl_error(s, f, "%s%s%s: contextRef %s names no context", pfx, sep, fname, cref);
        if (ci) {
            xmlChar *pt = xmlGetNsProp(decl, BAD_CAST "periodType", BAD_CAST NS_XBRLI);
            if (pt && xmlStrEqual(pt, BAD_CAST "instant") && ci->period != P_INSTANT)
                xbrl_error(s, f, "%s%s%s: an instant concept in context %s, which is not an instant",
                           pfx, sep, fname, cref);
            else if (pt && xmlStrEqual(pt, BAD_CAST "duration") && ci->period == P_INSTANT)
                xbrl_error(s, f, "%s%s%s: a duration concept in context %s, which is an instant",
                           pfx, sep, fname, cref);
            xmlFree(pt);
        }
        xmlChar *uref = xmlGetProp(f, BAD_CAST "unitRef");
        if (uref) {
            unitinfo *ui = xmlHashLookup(units, uref);
            const xmlChar *tns = NULL, *tlocal = NULL;
            xmlChar *hold = NULL;
            if (!ui) {
                xbrl_error(s, f, "%s%s%s: unitRef %s names no unit", pfx, sep, fname, uref);
            } else if (decl_type(decl, &tns, &tlocal, &hold) == 0) {
                const char *want = NULL;
                int xbrli = xmlStrEqual(tns, BAD_CAST NS_XBRLI);
                if (xbrli && xmlStrEqual(tlocal, BAD_CAST "monetaryItemType") && ui->kind != U_CURRENCY)
                    want = "a single ISO 4217 currency";
                else if (xbrli && xmlStrEqual(tlocal, BAD_CAST "sharesItemType") && ui->kind != U_SHARES)
                    want = "xbrli:shares";
                else if (xbrli && xmlStrEqual(tlocal, BAD_CAST "pureItemType") && ui->kind != U_PURE)
                    want = "xbrli:pure";
                else if (is_per_share_type(tns, tlocal) && ui->kind != U_PER_SHARE)
                    want = "a currency divided by xbrli:shares";
                if (want)
                    xbrl_error(s, f, "%s%s%s (%s): unit %s is not %s", pfx, sep, fname, tlocal, uref, want);
            }
            xmlFree(hold);
        }
        xmlFree(uref);
        xmlFree(cref);
    }
    xmlHashFree(ctxs, NULL);
    xmlHashFree(units, NULL);
    free(cinfo);
    free(uinfo);
}

/* ------------------------------------------------------------------ collecting */

static void collect_members(needed *nd, xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (is_el(c, NS_XBRLDI, "explicitMember") || is_el(c, NS_XBRLDI, "typedMember")) {
            const xmlChar *ns, *local;
            xmlChar *dim = xmlGetProp(c, BAD_CAST "dimension");
            if (dim && resolve_qname(c, dim, &ns, &local) == 0) need(nd, ns, local);
            xmlFree(dim);
            if (is_el(c, NS_XBRLDI, "explicitMember")) {
                xmlChar *mem = text_qname(c);
                if (mem && resolve_qname(c, mem, &ns, &local) == 0) need(nd, ns, local);
                xmlFree(mem);
            }
        } else {
            collect_members(nd, c);
        }
    }
}

/* ------------------------------------------------------------------ validate */

static xmlDocPtr parse_xml(const char *buf, size_t len, const char *url, errsink *s, const char *what)
{
    if (len > (size_t)INT_MAX) {
        t2x_diag_add(s->diag, T2X_ERROR, s->name, 0, "xbrl-invalid", "%s too large", what);
        return NULL;
    }
    xmlSetStructuredErrorFunc(s, instance_error);
    xmlDocPtr doc = xmlReadMemory(buf, (int)len, url, NULL, XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc) {
        t2x_diag_add(s->diag, T2X_ERROR, s->name, 0, "xbrl-invalid", "%s is not well-formed XML", what);
        s->errors++;
        return NULL;
    }
    if (doc->intSubset || doc->extSubset) {
        t2x_diag_add(s->diag, T2X_ERROR, s->name, 0, "xbrl-invalid", "%s has a DTD (not allowed)", what);
        s->errors++;
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

t2x_status t2x_validate_instance(const char *instance_xml, size_t len, const char *ext_xsd,
                                 size_t ext_len, const char *name, const char *data_dir,
                                 t2x_diag *diag)
{
    if (!instance_xml || !data_dir) {
        t2x_diag_add(diag, T2X_ERROR, name, 0, "usage", "t2x_validate_instance: bad arguments");
        return T2X_ERR_USAGE;
    }
    t2x_xml_init();
    if (taxonomy_load(data_dir, diag) != 0) return T2X_ERR_DATA;

    errsink sink = {diag, name, NULL, 0, 0};
    t2x_status st = T2X_OK;
    needed nd;
    memset(&nd, 0, sizeof nd);
    for (int i = 0; i < NBIG; i++) nd.seen[i] = xmlHashCreate(64);
    xmlDocPtr doc = NULL, ext = NULL;
    char *ext_url = NULL;
    t2x_buf subset[NBIG], top = {0};
    memset(subset, 0, sizeof subset);
    xmlSchemaParserCtxtPtr pctxt = NULL;
    xmlSchemaPtr schema = NULL;
    xmlSchemaValidCtxtPtr vctxt = NULL;

    doc = parse_xml(instance_xml, len, name ? name : "instance.xml", &sink, "the instance");
    if (!doc) {
        st = T2X_ERR_VERIFY;
        goto done;
    }
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_el(root, NS_XBRLI, "xbrl")) {
        t2x_diag_add(diag, T2X_ERROR, name, root ? xmlGetLineNo(root) : 0, "xbrl-invalid",
                     "the root element is not xbrli:xbrl");
        st = T2X_ERR_VERIFY;
        goto done;
    }

    /* the extension schema */
    if (ext_xsd) {
        const char *base = "extension.xsd";
        xmlNodePtr sref = first_el(root, NS_LINK, "schemaRef");
        xmlChar *href = sref ? xmlGetNsProp(sref, BAD_CAST "href", BAD_CAST "http://www.w3.org/1999/xlink") : NULL;
        if (href && !xmlStrchr(href, '/') && !xmlStrchr(href, ':') && href[0]) base = (const char *)href;
        ext_url = t2x_xasprintf(EXT_URL_PREFIX "%s", base);
        xmlFree(href);
        sink.ext_url = ext_url;
        ext = parse_xml(ext_xsd, ext_len, ext_url, &sink, "the extension schema");
        xmlNodePtr xroot = ext ? xmlDocGetRootElement(ext) : NULL;
        xmlChar *tns = xroot ? xmlGetProp(xroot, BAD_CAST "targetNamespace") : NULL;
        if (!is_xs(xroot, "schema") || !tns || big_index(tns) >= 0 || xmlStrEqual(tns, BAD_CAST NS_XBRLI)) {
            t2x_diag_add(diag, T2X_ERROR, name, 0, "xbrl-invalid",
                         "the extension schema is not a schema with a targetNamespace of its own");
            xmlFree(tns);
            st = T2X_ERR_VERIFY;
            goto done;
        }
        nd.ext_decl = xmlHashCreate(64);
        nd.ext_ns = xmlStrdup(tns);
        for (xmlNodePtr c = xroot->children; c; c = c->next)
            if (is_xs(c, "element")) {
                xmlChar *n = xmlGetProp(c, BAD_CAST "name");
                if (n) xmlHashAddEntry(nd.ext_decl, n, c);
                xmlFree(n);
            }
        xmlFree(tns);
    }

    /* the concepts the instance uses */
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !c->ns) continue;
        if (is_el(c, NS_XBRLI, "context")) collect_members(&nd, c);
        else if (!in_ns(c, NS_XBRLI) && !in_ns(c, NS_LINK)) need(&nd, c->ns->href, c->name);
    }

    /* the subsets, the top-level schema, and the compilation */
    served srv[NBIG + 1];
    size_t nsrv = 0;
    for (int i = 0; i < NBIG; i++) {
        t2x_buf_puts(&subset[i], tax.head[i]);
        for (size_t k = 0; k < nd.count[i]; k++) {
            xmlNodePtr d = xmlHashLookup(tax.decl[i], nd.names[i][k]);
            if (!d) continue; /* reported by the schema validation and the XBRL checks */
            dump_node(&subset[i], tax.doc[i], d);
            t2x_buf_putc(&subset[i], '\n');
        }
        t2x_buf_puts(&subset[i], tax.tail[i]);
        srv[nsrv++] = (served){BIG[i].url, subset[i].data, subset[i].len};
    }
    if (ext) srv[nsrv++] = (served){ext_url, ext_xsd, ext_len};

    t2x_buf_puts(&top, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<xs:schema xmlns:xs=\"" NS_XS "\" targetNamespace=\"urn:txt2xbrl:validate\""
                       " elementFormDefault=\"qualified\">\n"
                       "  <xs:import namespace=\"" NS_XBRLI "\" schemaLocation=\"" URL_XBRLI "\"/>\n");
    for (int i = 0; i < NBIG; i++)
        t2x_buf_printf(&top, "  <xs:import namespace=\"%s\" schemaLocation=\"%s\"/>\n", BIG[i].ns, BIG[i].url);
    if (ext) {
        t2x_buf_puts(&top, "  <xs:import namespace=\"");
        xml_escape(&top, (const char *)nd.ext_ns);
        t2x_buf_puts(&top, "\" schemaLocation=\"");
        xml_escape(&top, ext_url);
        t2x_buf_puts(&top, "\"/>\n");
    }
    t2x_buf_puts(&top, "</xs:schema>\n");

    serving = srv;
    nserving = nsrv;
    outer_loader = xmlGetExternalEntityLoader();
    xmlSetExternalEntityLoader(memory_loader);
    pctxt = xmlSchemaNewMemParserCtxt(top.data, (int)top.len);
    xmlSchemaSetParserStructuredErrors(pctxt, schema_error, &sink);
    xmlSetStructuredErrorFunc(&sink, schema_error);
    xmlSetGenericErrorFunc(&sink, generic_error);
    schema = xmlSchemaParse(pctxt);
    generic_error(&sink, "\n");
    free(generic_line.data);
    memset(&generic_line, 0, sizeof generic_line);
    xmlSetGenericErrorFunc(NULL, NULL);
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetExternalEntityLoader(outer_loader);
    serving = NULL;
    nserving = 0;
    if (!schema || sink.data_errors || sink.errors) {
        t2x_diag_add(diag, T2X_ERROR, name, 0, "xbrl-schema", "the schema set does not compile");
        st = sink.errors ? T2X_ERR_VERIFY : T2X_ERR_DATA;
        goto done;
    }

    vctxt = xmlSchemaNewValidCtxt(schema);
    xmlSchemaSetValidStructuredErrors(vctxt, instance_error, &sink);
    int rc = xmlSchemaValidateDoc(vctxt, doc);
    if (rc < 0) {
        t2x_diag_add(diag, T2X_ERROR, name, 0, "xbrl-invalid", "internal error of the schema validator");
        st = T2X_ERR_INTERNAL;
        goto done;
    }
    xbrl_checks(&sink, doc, &nd);
    if (rc > 0 || sink.errors) st = T2X_ERR_VERIFY;

done:
    if (vctxt) xmlSchemaFreeValidCtxt(vctxt);
    if (schema) xmlSchemaFree(schema);
    if (pctxt) xmlSchemaFreeParserCtxt(pctxt);
    for (int i = 0; i < NBIG; i++) {
        free(subset[i].data);
        for (size_t k = 0; k < nd.count[i]; k++) xmlFree(nd.names[i][k]);
        free(nd.names[i]);
        xmlHashFree(nd.seen[i], NULL);
    }
    free(top.data);
    if (nd.ext_decl) xmlHashFree(nd.ext_decl, NULL);
    xmlFree(nd.ext_ns);
    if (ext) xmlFreeDoc(ext);
    if (doc) xmlFreeDoc(doc);
    free(ext_url);
    return st;
}

/* ------------------------------------------------------------------ files */

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    t2x_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) t2x_buf_add(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        free(b.data);
        return NULL;
    }
    if (!b.data) t2x_buf_puts(&b, "");
    *len = b.len;
    return b.data;
}

t2x_status t2x_validate_instance_file(const char *path, const char *data_dir, t2x_diag *diag)
{
    size_t len = 0, ext_len = 0;
    char *xml = path ? read_all(path, &len) : NULL;
    if (!xml) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "io", "cannot read the instance");
        return T2X_ERR_INPUT;
    }
    /* the schemaRef: a plain file name next to the instance */
    char *ext = NULL;
    t2x_xml_init();
    xmlDocPtr doc = xmlReadMemory(xml, (int)(len > (size_t)INT_MAX ? 0 : len), path, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNodePtr sref = root ? first_el(root, NS_LINK, "schemaRef") : NULL;
    xmlChar *href = sref ? xmlGetNsProp(sref, BAD_CAST "href", BAD_CAST "http://www.w3.org/1999/xlink") : NULL;
    if (href && href[0] && !xmlStrchr(href, '/') && !xmlStrchr(href, ':')) {
        const char *slash = strrchr(path, '/');
        char *xsd = slash ? t2x_xasprintf("%.*s/%s", (int)(slash - path), path, (const char *)href)
                          : t2x_xstrdup((const char *)href);
        ext = read_all(xsd, &ext_len);
        if (!ext)
            t2x_diag_add(diag, T2X_WARNING, path, 0, "io",
                         "the extension schema %s named by the schemaRef cannot be read", xsd);
        free(xsd);
    }
    xmlFree(href);
    if (doc) xmlFreeDoc(doc);
    t2x_status st = t2x_validate_instance(xml, len, ext, ext_len, path, data_dir, diag);
    free(ext);
    free(xml);
    return st;
}
