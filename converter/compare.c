/*
 * compare.c — cross-filing consistency (`txt2xbrl compare`): read the XBRL 2.1 instances that
 * `convert` wrote for several filings of one company and list the facts the filings report
 * differently for the same concept, period, dimensions and unit (txt2xbrl.h).
 *
 * Reading: each path is an instance file or a directory whose *.xml instances are read (the
 * linkbases STEM_pre/_cal/_lab/_def.xml and STEM.model.xml are skipped, as is any document
 * whose root is not xbrli:xbrl). Files are read as verify reads them (t2x_vf_read_xml: regular
 * files only, the same size limit, no DOCTYPE, a bound on attributes per element, no network);
 * decimals outside verify's range refuse the fact.
 *
 * Grouping key: entity (scheme + identifier), concept (namespace URI + local name), period
 * (instant, start..end or forever), dimensions (explicit and typed members, sorted by
 * dimension) and unit (measures, numerator/denominator). Company extension concepts live in a
 * namespace of their own per filing, so they match only with T2X_COMPARE_EXTENSIONS (by local
 * name). dei:Document* and dei:Amendment* facts describe the document, not the company, and
 * are not compared.
 *
 * Values: numeric facts are consistent when they are equal after rounding both to the smaller
 * @decimals (XBRL 2.1 §4.6.6 — "1807000000" at −6 and "1806912000" at −3 agree); other facts
 * when equal after collapsing white space.
 */
#include "txt2xbrl.h"
#include "render.h"
#include "util.h"
#include "verify_xml.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/parser.h>
#include <libxml/tree.h>


/* One instance read. */
typedef struct cfile {
    char *path;
    char *entity;       /* "scheme identifier" of its first context */
    size_t facts;       /* facts read from it */
} cfile;

/* One fact of one instance. */
typedef struct cfact {
    size_t file;        /* index in t2x_compare.files */
    char *key;          /* grouping key (see the file comment) */
    char *concept;      /* as written: "us-gaap:Inventory" */
    char *period;       /* "2002-12-31", "2002-01-01..2002-12-31", "forever" */
    char *dims;         /* "" or "us-gaap:StatementEquityComponentsAxis=us-gaap:RetainedEarningsMember" */
    char *unit;         /* "" (non-numeric), "iso4217:USD", "iso4217:USD/xbrli:shares" */
    char *value;        /* the value, white space collapsed */
    int numeric;        /* has a unitRef */
    int decimals;       /* INT_MAX: INF or absent */
} cfact;

/* Two facts of one group that disagree. */
typedef struct cdiff {
    size_t a, b;        /* indexes in t2x_compare.facts, a's file before b's */
} cdiff;

struct t2x_compare {
    cfile *files;
    size_t nfiles, capfiles;
    cfact *facts;
    size_t nfacts, capfacts;
    cdiff *diffs;
    size_t ndiffs, capdiffs;
    size_t shared;      /* groups reported by more than one file */
    size_t entities;    /* distinct entities among the files */
};

/* ------------------------------------------------------------------ small helpers */

static int is_ns(xmlNodePtr n, const char *uri, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, uri) == 0 &&
           (!name || strcmp((const char *)n->name, name) == 0);
}

static xmlNodePtr child(xmlNodePtr n, const char *uri, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (is_ns(c, uri, name)) return c;
    return NULL;
}

/* Text content with runs of white space collapsed and trimmed (caller frees). */
static char *text_of(xmlNodePtr n)
{
    xmlChar *raw = xmlNodeGetContent(n);
    t2x_buf b = {0};
    int space = 0;
    for (const unsigned char *p = raw ? raw : (const xmlChar *)""; *p; p++) {
        if (isspace(*p)) {
            space = b.len > 0;
            continue;
        }
        if (space) t2x_buf_putc(&b, ' ');
        space = 0;
        t2x_buf_putc(&b, (char)*p);
    }
    xmlFree(raw);
    return b.data ? b.data : t2x_xstrdup("");
}

/* A QName written in text or an attribute, resolved against `scope`: "{uri}local" into
 * *expanded; the written form stays as it is. Returns 0 when the prefix is unknown. */
static int expand_qname(xmlNodePtr scope, const char *qname, char **expanded)
{
    const char *colon = strchr(qname, ':');
    char *prefix = colon ? t2x_xstrndup(qname, (size_t)(colon - qname)) : NULL;
    xmlNsPtr ns = xmlSearchNs(scope->doc, scope, BAD_CAST prefix);
    free(prefix);
    if (!ns) {
        *expanded = t2x_xstrdup(qname);
        return 0;
    }
    *expanded = t2x_xasprintf("{%s}%s", (const char *)ns->href, colon ? colon + 1 : qname);
    return 1;
}

static int is_standard_ns(const char *uri)
{
    static const char *const std[] = {"http://fasb.org/", "http://xbrl.sec.gov/", "http://www.xbrl.org/",
                                      "http://xbrl.org/", "http://www.w3.org/", NULL};
    for (const char *const *s = std; *s; s++)
        if (strncmp(uri, *s, strlen(*s)) == 0) return 1;
    return 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* ------------------------------------------------------------------ contexts and units */

typedef struct cctx {
    char *id;
    char *entity;   /* "scheme identifier" */
    char *period;   /* display and key form */
    char *dims;     /* display form, sorted */
    char *dimkey;   /* expanded form, sorted */
} cctx;

typedef struct cunit {
    char *id;
    char *display;  /* "iso4217:USD" or "iso4217:USD/xbrli:shares" */
    char *key;      /* expanded */
} cunit;

static void read_members(xmlNodePtr container, char ***disp, char ***keys, size_t *n, size_t *cap)
{
    for (xmlNodePtr m = container ? container->children : NULL; m; m = m->next) {
        if (!is_ns(m, NS_XBRLDI, NULL)) continue;
        int typed = strcmp((const char *)m->name, "typedMember") == 0;
        if (!typed && strcmp((const char *)m->name, "explicitMember") != 0) continue;
        char *dim = (char *)xmlGetProp(m, BAD_CAST "dimension");
        char *val = text_of(m);
        char *dexp, *vexp;
        expand_qname(m, dim ? dim : "", &dexp);
        if (typed) vexp = t2x_xstrdup(val);
        else expand_qname(m, val, &vexp);
        size_t k = *n;
        if (k + 1 > *cap) {
            *cap = *cap ? *cap * 2 : 4;
            *disp = t2x_xrealloc(*disp, *cap * sizeof **disp);
            *keys = t2x_xrealloc(*keys, *cap * sizeof **keys);
        }
        (*disp)[k] = t2x_xasprintf("%s=%s", dim ? dim : "", val);
        (*keys)[k] = t2x_xasprintf("%s=%s", dexp, vexp);
        (*n)++;
        xmlFree(dim);
        free(val);
        free(dexp);
        free(vexp);
    }
}

static char *join_sorted(char **v, size_t n, const char *sep)
{
    if (n > 1) qsort(v, n, sizeof *v, cmp_str);
    t2x_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        if (i) t2x_buf_puts(&b, sep);
        t2x_buf_puts(&b, v[i]);
        free(v[i]);
    }
    free(v);
    return b.data ? b.data : t2x_xstrdup("");
}

static void read_context(xmlNodePtr c, cctx *x)
{
    memset(x, 0, sizeof *x);
    char *id = (char *)xmlGetProp(c, BAD_CAST "id");
    x->id = t2x_xstrdup(id ? id : "");
    xmlFree(id);
    xmlNodePtr ent = child(c, NS_XBRLI, "entity"), ident = child(ent, NS_XBRLI, "identifier");
    char *scheme = ident ? (char *)xmlGetProp(ident, BAD_CAST "scheme") : NULL;
    char *idv = ident ? text_of(ident) : t2x_xstrdup("");
    x->entity = t2x_xasprintf("%s %s", scheme ? scheme : "", idv);
    xmlFree(scheme);
    free(idv);
    xmlNodePtr per = child(c, NS_XBRLI, "period");
    xmlNodePtr in = child(per, NS_XBRLI, "instant"), st = child(per, NS_XBRLI, "startDate"),
               en = child(per, NS_XBRLI, "endDate");
    if (in) x->period = text_of(in);
    else if (st && en) {
        char *a = text_of(st), *b = text_of(en);
        x->period = t2x_xasprintf("%s..%s", a, b);
        free(a);
        free(b);
    } else x->period = t2x_xstrdup("forever");
    char **disp = NULL, **keys = NULL;
    size_t n = 0, cap = 0;
    read_members(child(ent, NS_XBRLI, "segment"), &disp, &keys, &n, &cap);
    read_members(child(c, NS_XBRLI, "scenario"), &disp, &keys, &n, &cap);
    x->dims = join_sorted(disp, n, " ");
    x->dimkey = join_sorted(keys, n, " ");
}

static void measures(xmlNodePtr parent, char **disp, char **key)
{
    char **d = NULL, **k = NULL;
    size_t n = 0;
    for (xmlNodePtr m = parent ? parent->children : NULL; m; m = m->next) {
        if (!is_ns(m, NS_XBRLI, "measure")) continue;
        d = t2x_xrealloc(d, (n + 1) * sizeof *d);
        k = t2x_xrealloc(k, (n + 1) * sizeof *k);
        d[n] = text_of(m);
        expand_qname(m, d[n], &k[n]);
        n++;
    }
    *disp = join_sorted(d, n, "*");
    *key = join_sorted(k, n, "*");
}

static void read_unit(xmlNodePtr u, cunit *x)
{
    char *id = (char *)xmlGetProp(u, BAD_CAST "id");
    x->id = t2x_xstrdup(id ? id : "");
    xmlFree(id);
    xmlNodePtr div = child(u, NS_XBRLI, "divide");
    if (div) {
        char *nd, *nk, *dd, *dk;
        measures(child(div, NS_XBRLI, "unitNumerator"), &nd, &nk);
        measures(child(div, NS_XBRLI, "unitDenominator"), &dd, &dk);
        x->display = t2x_xasprintf("%s/%s", nd, dd);
        x->key = t2x_xasprintf("%s/%s", nk, dk);
        free(nd);
        free(nk);
        free(dd);
        free(dk);
    } else measures(u, &x->display, &x->key);
}

/* ------------------------------------------------------------------ finding by id */

/* An index of an array of records whose first member is their id (cctx, cunit), sorted by id,
 * then position: a lookup is a binary search, and of two records with one id the first wins. */
typedef struct id_index {
    const char *base;   /* the records */
    size_t stride;      /* the size of one */
    size_t *ix;         /* positions sorted by id */
    size_t n;
} id_index;

static const id_index *sort_index; /* qsort has no argument: the index being sorted */

static const char *id_at(const id_index *x, size_t i) { return *(char *const *)(x->base + i * x->stride); }

static int cmp_id_pos(const void *a, const void *b)
{
    size_t p = *(const size_t *)a, q = *(const size_t *)b;
    int c = strcmp(id_at(sort_index, p), id_at(sort_index, q));
    return c ? c : (p < q ? -1 : p > q);
}

static void index_ids(id_index *x, const void *base, size_t n, size_t stride)
{
    x->base = base;
    x->stride = stride;
    x->n = n;
    x->ix = t2x_xmalloc((n + 1) * sizeof *x->ix);
    for (size_t i = 0; i < n; i++) x->ix[i] = i;
    sort_index = x;
    qsort(x->ix, n, sizeof *x->ix, cmp_id_pos);
    sort_index = NULL;
}

/* The position of the first record with this id, or -1. */
static long find_id(const id_index *x, const char *id)
{
    size_t lo = 0, hi = x->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(id_at(x, x->ix[mid]), id) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < x->n && strcmp(id_at(x, x->ix[lo]), id) == 0 ? (long)x->ix[lo] : -1;
}

/* ------------------------------------------------------------------ reading one instance */

static int skipped_concept(const char *uri, const char *local)
{
    return strncmp(uri, "http://xbrl.sec.gov/dei/", 24) == 0 &&
           (strncmp(local, "Document", 8) == 0 || strncmp(local, "Amendment", 9) == 0);
}

static t2x_status read_instance(t2x_compare *c, const char *path, unsigned flags, t2x_diag *diag)
{
    /* verify's reader and limits: a regular file of at most T2X_VERIFY_MAX_XML bytes, no
     * DOCTYPE, at most T2X_VF_MAX_ATTRIBUTES attributes per element, no network */
    xmlDocPtr doc = t2x_vf_read_xml(path, T2X_VERIFY_MAX_XML, diag, NULL, NULL);
    if (!doc) return T2X_ERR_INPUT;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root || !is_ns(root, NS_XBRLI, "xbrl")) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "compare-input", "not an XBRL instance (root is not xbrli:xbrl)");
        xmlFreeDoc(doc);
        return T2X_ERR_INPUT;
    }
    int bad = 0; /* a fact refused */
    cctx *ctx = NULL;
    cunit *units = NULL;
    size_t nctx = 0, capctx = 0, nunits = 0, capunits = 0;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (is_ns(n, NS_XBRLI, "context")) {
            ctx = t2x_grow(ctx, &capctx, nctx + 1, sizeof *ctx);
            read_context(n, &ctx[nctx++]);
        } else if (is_ns(n, NS_XBRLI, "unit")) {
            units = t2x_grow(units, &capunits, nunits + 1, sizeof *units);
            read_unit(n, &units[nunits++]);
        }
    }
    c->files = t2x_grow(c->files, &c->capfiles, c->nfiles + 1, sizeof *c->files);
    size_t fi = c->nfiles++;
    cfile *file = &c->files[fi];
    file->path = t2x_xstrdup(path);
    file->entity = t2x_xstrdup(nctx ? ctx[0].entity : "");
    file->facts = 0;
    id_index ctx_ix, unit_ix;
    index_ids(&ctx_ix, ctx, nctx, sizeof *ctx);
    index_ids(&unit_ix, units, nunits, sizeof *units);
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->ns) continue;
        const char *uri = (const char *)n->ns->href;
        if (strcmp(uri, NS_XBRLI) == 0 || strcmp(uri, NS_LINK) == 0) continue;
        char *cref = (char *)xmlGetProp(n, BAD_CAST "contextRef");
        if (!cref) continue; /* a tuple or a footnote link: not compared */
        long xi = find_id(&ctx_ix, cref);
        const cctx *x = xi >= 0 ? &ctx[xi] : NULL;
        if (!x || skipped_concept(uri, (const char *)n->name)) {
            if (!x) t2x_diag_add(diag, T2X_WARNING, path, xmlGetLineNo(n), "compare-input",
                                 "fact %s names a missing context %s", (const char *)n->name, cref);
            xmlFree(cref);
            continue;
        }
        xmlFree(cref);
        char *uref = (char *)xmlGetProp(n, BAD_CAST "unitRef");
        long ui = uref ? find_id(&unit_ix, uref) : -1;
        const cunit *u = ui >= 0 ? &units[ui] : NULL;
        char *dec = (char *)xmlGetProp(n, BAD_CAST "decimals");
        int decimals = T2X_V_DECIMALS_INF;
        if (dec && t2x_vf_decimals(dec, &decimals) != 0) {
            /* rounding to 10^2000000000 would make every value agree: refuse the fact */
            t2x_diag_add(diag, T2X_ERROR, path, xmlGetLineNo(n), "compare-input",
                         "fact %.100s has decimals=\"%.40s\", not INF or an integer in [%d, %d]; not compared",
                         (const char *)n->name, dec, -T2X_V_DECIMALS_MAX, T2X_V_DECIMALS_MAX);
            bad = 1;
            xmlFree(uref);
            xmlFree(dec);
            continue;
        }
        char *nil = (char *)xmlGetNsProp(n, BAD_CAST "nil", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");
        c->facts = t2x_grow(c->facts, &c->capfacts, c->nfacts + 1, sizeof *c->facts);
        cfact *f = &c->facts[c->nfacts++];
        memset(f, 0, sizeof *f);
        f->file = fi;
        const char *prefix = n->ns->prefix ? (const char *)n->ns->prefix : "";
        f->concept = t2x_xasprintf("%s%s%s", prefix, *prefix ? ":" : "", (const char *)n->name);
        f->period = t2x_xstrdup(x->period);
        f->dims = t2x_xstrdup(x->dims);
        f->unit = t2x_xstrdup(u ? u->display : uref ? uref : "");
        f->numeric = uref != NULL;
        f->decimals = decimals == T2X_V_DECIMALS_INF ? INT_MAX : decimals;
        f->value = nil && strcmp(nil, "true") == 0 ? t2x_xstrdup("(nil)") : text_of(n);
        char *cname = is_standard_ns(uri) || !(flags & T2X_COMPARE_EXTENSIONS)
                          ? t2x_xasprintf("{%s}%s", uri, (const char *)n->name)
                          : t2x_xasprintf("{extension}%s", (const char *)n->name);
        f->key = t2x_xasprintf("%s\x1f%s\x1f%s\x1f%s\x1f%s", x->entity, cname, x->period, x->dimkey,
                               u ? u->key : uref ? uref : "");
        free(cname);
        file->facts++;
        xmlFree(uref);
        xmlFree(dec);
        xmlFree(nil);
    }
    free(ctx_ix.ix);
    free(unit_ix.ix);
    for (size_t i = 0; i < nctx; i++) {
        free(ctx[i].id);
        free(ctx[i].entity);
        free(ctx[i].period);
        free(ctx[i].dims);
        free(ctx[i].dimkey);
    }
    free(ctx);
    for (size_t i = 0; i < nunits; i++) {
        free(units[i].id);
        free(units[i].display);
        free(units[i].key);
    }
    free(units);
    xmlFreeDoc(doc);
    return bad ? T2X_ERR_INPUT : T2X_OK;
}

/* Is this file name an instance written by convert (STEM.xml, not a linkbase or the model)? */
static int instance_name(const char *name)
{
    size_t n = strlen(name);
    if (n < 5 || strcmp(name + n - 4, ".xml") != 0 || name[0] == '.') return 0;
    static const char *const not_inst[] = {"_pre.xml", "_cal.xml", "_lab.xml", "_def.xml", ".model.xml", NULL};
    for (const char *const *s = not_inst; *s; s++) {
        size_t k = strlen(*s);
        if (n > k && strcmp(name + n - k, *s) == 0) return 0;
    }
    return 1;
}

/* ------------------------------------------------------------------ comparing */

/* Numeric consistency: equal after rounding both to the smaller decimals. */
static int numbers_agree(const cfact *a, const cfact *b)
{
    char *ea, *eb;
    long double x = strtold(a->value, &ea), y = strtold(b->value, &eb);
    if (*ea || *eb || ea == a->value || eb == b->value) return strcmp(a->value, b->value) == 0;
    int d = a->decimals < b->decimals ? a->decimals : b->decimals; /* within ±T2X_V_DECIMALS_MAX (read_instance) */
    if (d != INT_MAX) {
        long double s = powl(10.0L, (long double)d);
        x = roundl(x * s) / s;
        y = roundl(y * s) / s;
    }
    long double m = fabsl(x) > fabsl(y) ? fabsl(x) : fabsl(y);
    return fabsl(x - y) <= m * 1e-15L;
}

static int facts_agree(const cfact *a, const cfact *b)
{
    if (a->numeric && b->numeric) return numbers_agree(a, b);
    return strcmp(a->value, b->value) == 0;
}

static const t2x_compare *sort_ctx; /* qsort has no argument: the array being sorted */

static int cmp_idx(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const cfact *x = &sort_ctx->facts[a], *y = &sort_ctx->facts[b];
    int k = strcmp(x->key, y->key);
    if (k) return k;
    if (x->file != y->file) return x->file < y->file ? -1 : 1;
    return a < b ? -1 : a > b;
}

static void find_differences(t2x_compare *c)
{
    size_t *idx = t2x_xmalloc((c->nfacts + 1) * sizeof *idx);
    for (size_t i = 0; i < c->nfacts; i++) idx[i] = i;
    sort_ctx = c;
    if (c->nfacts > 1) qsort(idx, c->nfacts, sizeof *idx, cmp_idx);
    sort_ctx = NULL;
    for (size_t g = 0; g < c->nfacts;) {
        size_t e = g + 1;
        while (e < c->nfacts && strcmp(c->facts[idx[e]].key, c->facts[idx[g]].key) == 0) e++;
        int files = 0;
        for (size_t i = g; i < e; i++) files += i == g || c->facts[idx[i]].file != c->facts[idx[i - 1]].file;
        if (files > 1) {
            c->shared++;
            for (size_t i = g; i < e; i++) {
                /* the first fact of each file stands for the file (its duplicates are the
                   converter's own business, reported by convert) */
                if (i > g && c->facts[idx[i]].file == c->facts[idx[i - 1]].file) continue;
                for (size_t j = i + 1; j < e; j++) {
                    if (c->facts[idx[j]].file == c->facts[idx[i]].file) continue;
                    if (j > i + 1 && c->facts[idx[j]].file == c->facts[idx[j - 1]].file) continue;
                    if (facts_agree(&c->facts[idx[i]], &c->facts[idx[j]])) continue;
                    c->diffs = t2x_grow(c->diffs, &c->capdiffs, c->ndiffs + 1, sizeof *c->diffs);
                    c->diffs[c->ndiffs].a = idx[i];
                    c->diffs[c->ndiffs].b = idx[j];
                    c->ndiffs++;
                }
            }
        }
        g = e;
    }
    free(idx);
}

t2x_status t2x_compare_paths(const char *const *paths, size_t n, unsigned flags, t2x_diag *diag, t2x_compare **out)
{
    *out = NULL;
    t2x_xml_init();
    t2x_compare *c = t2x_xcalloc(1, sizeof *c);
    t2x_status worst = T2X_OK;
    for (size_t k = 0; k < n; k++) {
        struct stat st;
        if (stat(paths[k], &st) != 0) {
            t2x_diag_add(diag, T2X_ERROR, paths[k], 0, "compare-input", "cannot read: %s", strerror(errno));
            worst = T2X_ERR_INPUT;
            continue;
        }
        if (!S_ISDIR(st.st_mode)) {
            if (read_instance(c, paths[k], flags, diag) != T2X_OK) worst = T2X_ERR_INPUT;
            continue;
        }
        DIR *d = opendir(paths[k]);
        if (!d) {
            t2x_diag_add(diag, T2X_ERROR, paths[k], 0, "compare-input", "cannot open the directory: %s", strerror(errno));
            worst = T2X_ERR_INPUT;
            continue;
        }
        char **names = NULL;
        size_t nn = 0, capn = 0;
        for (struct dirent *de; (de = readdir(d));) {
            if (!instance_name(de->d_name)) continue;
            names = t2x_grow(names, &capn, nn + 1, sizeof *names);
            names[nn++] = t2x_xstrdup(de->d_name);
        }
        closedir(d);
        if (nn > 1) qsort(names, nn, sizeof *names, cmp_str); /* deterministic order */
        size_t before = c->nfiles;
        for (size_t i = 0; i < nn; i++) {
            size_t len = strlen(paths[k]);
            char *p = t2x_xasprintf("%s%s%s", paths[k], len && paths[k][len - 1] == '/' ? "" : "/", names[i]);
            t2x_diag tmp = {0};
            t2x_status st2 = read_instance(c, p, flags, &tmp);
            /* in a directory, other XML files (not instances) are passed over quietly */
            for (size_t m = 0; m < tmp.count; m++)
                if (st2 == T2X_OK || !strstr(tmp.items[m].message, "not an XBRL instance"))
                    t2x_diag_add(diag, tmp.items[m].severity, tmp.items[m].file, tmp.items[m].line, tmp.items[m].code, "%s",
                                 tmp.items[m].message);
            if (st2 != T2X_OK && !(tmp.count && strstr(tmp.items[0].message, "not an XBRL instance"))) worst = T2X_ERR_INPUT;
            t2x_diag_free(&tmp);
            free(p);
            free(names[i]);
        }
        free(names);
        if (c->nfiles == before) {
            t2x_diag_add(diag, T2X_ERROR, paths[k], 0, "compare-input", "no XBRL instance (STEM.xml) in the directory");
            worst = T2X_ERR_INPUT;
        }
    }
    if (c->nfiles == 0) {
        t2x_compare_free(c);
        return worst != T2X_OK ? worst : T2X_ERR_USAGE;
    }
    /* entities: facts of different entities never share a key; say so */
    char **ents = t2x_xmalloc(c->nfiles * sizeof *ents);
    for (size_t i = 0; i < c->nfiles; i++) ents[i] = c->files[i].entity;
    qsort(ents, c->nfiles, sizeof *ents, cmp_str);
    c->entities = 1;
    for (size_t i = 1; i < c->nfiles; i++) c->entities += strcmp(ents[i], ents[i - 1]) != 0;
    free(ents);
    if (c->entities > 1) {
        for (size_t i = 1; i < c->nfiles; i++)
            if (strcmp(c->files[i].entity, c->files[0].entity) != 0)
                t2x_diag_add(diag, T2X_WARNING, c->files[i].path, 0, "compare-entity",
                             "entity %s differs from %s in %s; facts of different entities are not compared",
                             c->files[i].entity, c->files[0].entity, c->files[0].path);
    }
    find_differences(c);
    *out = c;
    return worst;
}

size_t t2x_compare_differences(const t2x_compare *c) { return c ? c->ndiffs : 0; }

/* ------------------------------------------------------------------ output */

char *t2x_compare_text(const t2x_compare *c)
{
    t2x_buf b = {0};
    for (size_t i = 0; i < c->ndiffs; i++) {
        const cfact *x = &c->facts[c->diffs[i].a], *y = &c->facts[c->diffs[i].b];
        t2x_buf_printf(&b, "%s  %s", x->concept, x->period);
        if (x->dims[0]) t2x_buf_printf(&b, "  [%s]", x->dims);
        if (x->unit[0]) t2x_buf_printf(&b, "  %s", x->unit);
        t2x_buf_printf(&b, "  %s: %s  %s: %s\n", c->files[x->file].path, x->value, c->files[y->file].path, y->value);
    }
    t2x_buf_printf(&b, "%zu difference%s among %zu filing%s (%zu facts reported by more than one filing)\n", c->ndiffs,
                   c->ndiffs == 1 ? "" : "s", c->nfiles, c->nfiles == 1 ? "" : "s", c->shared);
    return b.data;
}


static void json_side(t2x_buf *b, const t2x_compare *c, const cfact *f)
{
    t2x_buf_puts(b, "{\"file\": ");
    t2x_buf_json_str(b, c->files[f->file].path);
    t2x_buf_puts(b, ", \"value\": ");
    t2x_buf_json_str(b, f->value);
    if (f->numeric && f->decimals != INT_MAX) t2x_buf_printf(b, ", \"decimals\": %d", f->decimals);
    else if (f->numeric) t2x_buf_puts(b, ", \"decimals\": \"INF\"");
    t2x_buf_putc(b, '}');
}

char *t2x_compare_json(const t2x_compare *c)
{
    t2x_buf b = {0};
    t2x_buf_puts(&b, "{\n  \"filings\": [");
    for (size_t i = 0; i < c->nfiles; i++) {
        t2x_buf_printf(&b, "%s\n    {\"file\": ", i ? "," : "");
        t2x_buf_json_str(&b, c->files[i].path);
        t2x_buf_puts(&b, ", \"entity\": ");
        t2x_buf_json_str(&b, c->files[i].entity);
        t2x_buf_printf(&b, ", \"facts\": %zu}", c->files[i].facts);
    }
    t2x_buf_printf(&b, "\n  ],\n  \"shared\": %zu,\n  \"entities\": %zu,\n  \"differences\": [", c->shared, c->entities);
    for (size_t i = 0; i < c->ndiffs; i++) {
        const cfact *x = &c->facts[c->diffs[i].a], *y = &c->facts[c->diffs[i].b];
        t2x_buf_printf(&b, "%s\n    {\"concept\": ", i ? "," : "");
        t2x_buf_json_str(&b, x->concept);
        t2x_buf_puts(&b, ", \"period\": ");
        t2x_buf_json_str(&b, x->period);
        t2x_buf_puts(&b, ", \"dimensions\": ");
        t2x_buf_json_str(&b, x->dims);
        t2x_buf_puts(&b, ", \"unit\": ");
        if (x->unit[0]) t2x_buf_json_str(&b, x->unit);
        else t2x_buf_puts(&b, "null");
        t2x_buf_puts(&b, ", \"a\": ");
        json_side(&b, c, x);
        t2x_buf_puts(&b, ", \"b\": ");
        json_side(&b, c, y);
        t2x_buf_putc(&b, '}');
    }
    t2x_buf_puts(&b, c->ndiffs ? "\n  ]\n}\n" : "]\n}\n");
    return b.data;
}

void t2x_compare_free(t2x_compare *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->nfiles; i++) {
        free(c->files[i].path);
        free(c->files[i].entity);
    }
    free(c->files);
    for (size_t i = 0; i < c->nfacts; i++) {
        cfact *f = &c->facts[i];
        free(f->key);
        free(f->concept);
        free(f->period);
        free(f->dims);
        free(f->unit);
        free(f->value);
    }
    free(c->facts);
    free(c->diffs);
    free(c);
}
