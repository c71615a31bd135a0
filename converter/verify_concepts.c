/*
 * verify_concepts.c — the verifier's compact instance checks (design §5.1): instead of
 * compiling XML Schemas for every filing (slow, and ~50 MB of schema documents), every fact is
 * checked against the concept table of taxonomy/concepts.tsv and the filing's own STEM.xsd:
 * the concept exists and is not abstract, its period type fits its context, its unit fits its
 * data type, a numeric value is a decimal number and a non-numeric fact has no unit.
 * `verify --schema` adds the full XML Schema validation (xbrlvalid.c).
 */
#include "verify_concepts.h"
#include "data.h"
#include "util.h"
#include "xbrlvalid.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define NS_XS "http://www.w3.org/2001/XMLSchema"
#define NS_XBRLI_ATTR "http://www.xbrl.org/2003/instance"

/* The standard namespaces of the concept table's prefixes. */
static const struct { const char *ns, *prefix; } std_ns[] = {
    {"http://fasb.org/us-gaap/2023", "us-gaap"},
    {"http://xbrl.sec.gov/dei/2023", "dei"},
    {"http://fasb.org/srt/2023", "srt"},
};

typedef struct ext_decl {
    char *local;
    char *type;      /* local name of the type */
    int instant, abstract;
} ext_decl;

typedef struct ext_set {
    char *ns;
    ext_decl *v;
    size_t n, cap;
} ext_set;

static void read_extension(xmlDocPtr xsd, ext_set *x)
{
    xmlNodePtr root = xsd ? xmlDocGetRootElement(xsd) : NULL;
    if (!root) return;
    xmlChar *tns = xmlGetProp(root, BAD_CAST "targetNamespace");
    x->ns = tns ? t2x_xstrdup((const char *)tns) : NULL;
    xmlFree(tns);
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->ns || !xmlStrEqual(n->ns->href, BAD_CAST NS_XS) ||
            !xmlStrEqual(n->name, BAD_CAST "element"))
            continue;
        xmlChar *name = xmlGetProp(n, BAD_CAST "name"), *type = xmlGetProp(n, BAD_CAST "type");
        xmlChar *per = xmlGetNsProp(n, BAD_CAST "periodType", BAD_CAST NS_XBRLI_ATTR);
        xmlChar *abs = xmlGetProp(n, BAD_CAST "abstract");
        if (name) {
            x->v = t2x_grow(x->v, &x->cap, x->n + 1, sizeof *x->v);
            ext_decl *d = &x->v[x->n++];
            const char *colon = type ? strchr((const char *)type, ':') : NULL;
            d->local = t2x_xstrdup((const char *)name);
            d->type = t2x_xstrdup(colon ? colon + 1 : type ? (const char *)type : "");
            d->instant = per && xmlStrEqual(per, BAD_CAST "instant");
            d->abstract = abs && xmlStrEqual(abs, BAD_CAST "true");
        }
        xmlFree(name);
        xmlFree(type);
        xmlFree(per);
        xmlFree(abs);
    }
}

static void ext_free(ext_set *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].local);
        free(x->v[i].type);
    }
    free(x->v);
    free(x->ns);
}

/* Split a Clark name "{ns}local". */
static int split_clark(const char *c, char *ns, size_t nscap, const char **local)
{
    if (c[0] != '{') return 0;
    const char *close = strchr(c, '}');
    if (!close || (size_t)(close - c - 1) >= nscap) return 0;
    memcpy(ns, c + 1, (size_t)(close - c - 1));
    ns[close - c - 1] = '\0';
    *local = close + 1;
    return 1;
}

/* The period part of a context key "scheme|identifier|Iyyyy-mm-dd…" / "D…". */
static char period_kind(const t2x_vres *ctx)
{
    const char *p = strchr(ctx->key, '|');
    p = p ? strchr(p + 1, '|') : NULL;
    return p ? p[1] : '?';
}

static int is_decimal(const char *v)
{
    if (!v || !*v) return 0;
    const char *p = v;
    if (*p == '-' || *p == '+') p++;
    int digits = 0, point = 0;
    for (; *p; p++) {
        if (isdigit((unsigned char)*p)) digits++;
        else if (*p == '.' && !point) point = 1;
        else return 0;
    }
    return digits > 0;
}

void t2x_vf_concept_checks(const t2x_vfacts *facts, const t2x_vresset *ctxs, const t2x_vresset *units,
                           xmlDocPtr xsd, const char *data_dir, t2x_verify_report *r, size_t *checked)
{
    t2x_diag d = {0};
    const t2x_data *data = t2x_data_get(data_dir, &d);
    t2x_diag_free(&d);
    *checked = 0;
    if (!data) {
        t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "the concept table could not be loaded from %s", data_dir);
        return;
    }
    ext_set ext = {0};
    read_extension(xsd, &ext);
    t2x_diag cd = {0};
    t2x_catalog_load(data_dir, &cd); /* the inline document's schema resolves through it */
    t2x_diag_free(&cd);
    for (size_t i = 0; i < facts->n; i++) {
        const t2x_vfact *f = &facts->v[i];
        char ns[256];
        const char *local = NULL;
        if (!split_clark(f->concept, ns, sizeof ns, &local)) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s: not a namespaced concept", f->qname);
            continue;
        }
        const char *type = NULL;
        int instant = 0, abstract = 0, found = 0;
        for (size_t k = 0; k < sizeof std_ns / sizeof std_ns[0] && !found; k++) {
            if (strcmp(ns, std_ns[k].ns) != 0) continue;
            char *q = t2x_xasprintf("%s:%s", std_ns[k].prefix, local);
            const t2x_concept *c = t2x_concepts_find(data->concepts, q);
            free(q);
            if (c) {
                const char *colon = strchr(c->type, ':');
                type = colon ? colon + 1 : c->type;
                instant = c->period == T2X_PERIOD_INSTANT;
                abstract = c->abstract;
                found = 1;
            }
        }
        if (!found && ext.ns && strcmp(ns, ext.ns) == 0)
            for (size_t k = 0; k < ext.n && !found; k++)
                if (strcmp(ext.v[k].local, local) == 0) {
                    type = ext.v[k].type;
                    instant = ext.v[k].instant;
                    abstract = ext.v[k].abstract;
                    found = 1;
                }
        (*checked)++;
        if (!found) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context,
                       "%s is neither a US-GAAP/dei/srt 2023 element nor declared in the extension schema", f->qname);
            continue;
        }
        if (abstract) t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s is abstract", f->qname);
        const t2x_vres *ctx = t2x_vf_res_find(ctxs, f->context);
        if (!ctx) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s: no context %s", f->qname, f->context);
            continue;
        }
        char pk = period_kind(ctx);
        if ((instant && pk != 'I') || (!instant && pk != 'D'))
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s has period type %s but context %s is %s",
                       f->qname, instant ? "instant" : "duration", f->context, ctx->label);
        int numeric = strstr(type, "monetary") || strstr(type, "shares") || strstr(type, "perShare") ||
                      strstr(type, "decimal") || strstr(type, "integer") || strstr(type, "pure") ||
                      strstr(type, "percent");
        if (numeric != f->numeric) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s is %s but is reported %s", f->qname,
                       numeric ? "numeric" : "non-numeric", f->numeric ? "with a unit" : "without a unit");
            continue;
        }
        if (!numeric) continue;
        if (f->value && !is_decimal(f->value))
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s: value '%s' is not a decimal number",
                       f->qname, f->value);
        const t2x_vres *u = f->unit ? t2x_vf_res_find(units, f->unit) : NULL;
        if (!u) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s: no unit %s", f->qname, f->unit ? f->unit : "");
            continue;
        }
        int money = strstr(u->key, "{http://www.xbrl.org/2003/iso4217}") != NULL;
        int divide = strstr(u->key, "/{") != NULL; /* "{ns}USD/{ns}shares"; a namespace never holds "/{" */
        int shares = strcmp(u->key, "{http://www.xbrl.org/2003/instance}shares") == 0;
        int ok = strstr(type, "monetary") ? money && !divide
                 : strstr(type, "perShare") ? money && divide && strstr(u->key, "}shares") != NULL
                 : strstr(type, "shares")   ? shares
                 : strstr(type, "pure") || strstr(type, "percent") ? strstr(u->key, "}pure") != NULL
                                                                 : 1;
        if (!ok)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, f->line, f->qname, f->context, "%s (%s) cannot take the unit %s", f->qname,
                       type, f->unit);
    }
    ext_free(&ext);
}
