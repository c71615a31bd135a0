/*
 * clash.c — the clash pass (clash.h). One concept, context and unit carrying two values that
 * disagree is the visible sign of a misread (a column read with the wrong period, a segment's
 * figure under a consolidated concept) or of the filing's own disagreement (a note that states
 * a statement's figure otherwise). It is settled here, on the model, before any output is
 * written: the primary statements' figure is the fact; a note's other figure is reported and
 * not tagged; where the statements themselves disagree, no figure of the group is tagged.
 */
#include "clash.h"
#include "model.h"
#include "util.h"
#include "xmlnode.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One fact of the model: a cover fact or a statement cell. */
typedef struct fact {
    xmlNodePtr node;  /* m:fact or m:cell */
    char *key;        /* concept|context|unit */
    char *concept, *context, *value, *text, *sid, *rid;
    int numeric, decimals_inf, decimals;
    int rank;         /* 0 primary statement or cover, 1 note table */
    long line;
    size_t offset, length;
    int has_span;
    int drop;         /* 1 note-disagrees, 2 clash */
    size_t order;
} fact;

typedef struct facts {
    fact *v;
    size_t n, cap;
} facts;

static char *prop(xmlNodePtr n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, BAD_CAST name) : NULL;
    char *s = v ? t2x_xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

static void add_fact(facts *fs, xmlNodePtr n, xmlNodePtr row, xmlNodePtr st)
{
    char *concept = prop(n, "concept");
    if (!concept) concept = prop(row, "concept");
    char *context = prop(n, "context"), *value = prop(n, "value");
    if (!concept || !context || !value) {
        free(concept);
        free(context);
        free(value);
        return;
    }
    fs->v = t2x_grow(fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
    fact *f = &fs->v[fs->n];
    memset(f, 0, sizeof *f);
    f->node = n;
    f->order = fs->n++;
    f->concept = concept;
    f->context = context;
    f->value = value;
    char *unit = prop(n, "unit");
    f->numeric = unit != NULL;
    f->key = t2x_xasprintf("%s|%s|%s", concept, context, unit ? unit : "");
    free(unit);
    char *dec = prop(n, "decimals");
    f->decimals_inf = !dec || strcmp(dec, "INF") == 0;
    f->decimals = dec ? atoi(dec) : 0;
    free(dec);
    char *kind = prop(st, "kind");
    f->rank = kind && strcmp(kind, "note") == 0 ? 1 : 0;
    free(kind);
    f->sid = prop(st, "id");
    f->rid = prop(row, "id");
    f->text = prop(n, "text");
    size_t line = 0;
    f->line = t2x_xml_attr_size(n, "line", &line) ? (long)line : 0;
    f->has_span = t2x_xml_attr_size(n, "offset", &f->offset) && t2x_xml_attr_size(n, "length", &f->length) &&
                  f->length > 0;
}

static void free_facts(facts *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        fact *f = &fs->v[i];
        free(f->key);
        free(f->concept);
        free(f->context);
        free(f->value);
        free(f->text);
        free(f->sid);
        free(f->rid);
    }
    free(fs->v);
}

static int cmp_fact(const void *a, const void *b)
{
    const fact *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

/* Do two facts of one key agree? Numbers: equal once both are rounded to the fewer decimals
 * of the two (1,807 million and 1,806,912 thousand agree; 7 and 8 do not), as EDGAR and the
 * XBRL duplicate rules compare them; text: equal. */
static long double round_to(long double v, int decimals)
{
    long double p = powl(10.0L, (long double)decimals);
    return roundl(v * p) / p;
}

static int agree(const fact *a, const fact *b)
{
    if (!a->numeric || !b->numeric) return strcmp(a->value, b->value) == 0;
    if (strcmp(a->value, b->value) == 0) return 1;
    long double x = strtold(a->value, NULL), y = strtold(b->value, NULL);
    if (a->decimals_inf && b->decimals_inf) return x == y;
    int d = a->decimals_inf ? b->decimals : b->decimals_inf ? a->decimals : a->decimals < b->decimals ? a->decimals : b->decimals;
    long double rx = round_to(x, d), ry = round_to(y, d);
    long double m = fabsl(rx) > fabsl(ry) ? fabsl(rx) : fabsl(ry);
    return fabsl(rx - ry) <= m * 1e-15L;
}

/* Is there a kept fact, or an issue written by this pass, on the printed number of f? */
static int span_taken(const facts *fs, const fact *f, size_t upto_issue)
{
    for (size_t i = 0; i < fs->n; i++) {
        const fact *g = &fs->v[i];
        if (g == f || !g->has_span || g->offset != f->offset) continue;
        if (!g->drop) return 1;
        if (g->order < upto_issue && g->drop) return 1; /* reported with its span already */
    }
    return 0;
}

/* The values of a group as "v (line L), …" for messages. */
static char *group_values(const fact *g, size_t n)
{
    t2x_buf b = {0};
    t2x_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++) seen = g[k].line == g[i].line && strcmp(g[k].value, g[i].value) == 0;
        if (seen) continue;
        t2x_buf_printf(&b, "%s%s (%s line %ld)", b.len ? ", " : "", g[i].value, g[i].rank ? "note" : "statement",
                       g[i].line);
    }
    return b.data;
}

/* Mark the facts of one key [g, g+n) that lose; returns 1 when the group disagreed. */
static int settle(fact *g, size_t n)
{
    int disagree = 0;
    for (size_t i = 0; i < n && !disagree; i++)
        for (size_t k = i + 1; k < n && !disagree; k++) disagree = !agree(&g[i], &g[k]);
    if (!disagree) return 0;
    int best = 1;
    for (size_t i = 0; i < n; i++)
        if (g[i].rank < best) best = g[i].rank;
    int top_agree = 1;
    for (size_t i = 0; i < n && top_agree; i++)
        for (size_t k = i + 1; k < n && top_agree; k++)
            if (g[i].rank == best && g[k].rank == best) top_agree = agree(&g[i], &g[k]);
    for (size_t i = 0; i < n; i++) {
        if (!top_agree) {
            g[i].drop = 2;
            continue;
        }
        if (g[i].rank == best) continue;
        for (size_t k = 0; k < n && !g[i].drop; k++)
            if (g[k].rank == best && !agree(&g[i], &g[k])) g[i].drop = 1;
    }
    return 1;
}

/* Remove a losing fact from the model and report it. */
static void report(t2x_filing *f, facts *fs, fact *x, const fact *g, size_t n, xmlNodePtr issues, xmlNsPtr ns)
{
    const fact *winner = NULL;
    for (size_t k = 0; k < n && !winner; k++)
        if (!g[k].drop) winner = &g[k];
    char *vals = group_values(g, n);
    char *msg;
    if (x->drop == 1)
        msg = t2x_xasprintf("note amount %s (%s) differs from %s in %s stated by the statements (%s at line %ld); "
                            "the statements' figure is the fact, the note's is not tagged",
                            x->text ? x->text : x->value, x->value, x->concept, x->context, winner ? winner->value : "?",
                            winner ? winner->line : 0L);
    else
        msg = t2x_xasprintf("%s in %s is read as %s: the statements disagree and nothing tells which figure is "
                            "right (a misread period, scope or scale); none is tagged",
                            x->concept, x->context, vals);
    const char *code = x->drop == 1 ? "note-disagrees" : "clash";
    xmlNodePtr is = xmlNewTextChild(issues, ns, BAD_CAST "issue", NULL);
    t2x_xml_prop(is, "severity", "warning");
    t2x_xml_prop(is, "code", code);
    if (x->line > 0) t2x_xml_propf(is, "line", "%ld", x->line);
    if (x->sid) t2x_xml_prop(is, "statement", x->sid);
    if (x->rid) t2x_xml_prop(is, "row", x->rid);
    t2x_xml_prop(is, "context", x->context);
    t2x_xml_prop(is, "concept", x->concept);
    /* the printed number becomes a listed, untagged one unless another fact still tags it or
     * an issue of this pass already lists it (one number stated for two periods) */
    if (x->has_span && !span_taken(fs, x, x->order)) {
        t2x_xml_propf(is, "offset", "%zu", x->offset);
        t2x_xml_propf(is, "length", "%zu", x->length);
    }
    xmlNodeAddContent(is, BAD_CAST msg);
    int first = 1; /* a clash is one warning on standard error, however many figures it holds */
    for (size_t k = 0; k < n && x->drop == 2; k++)
        if (g[k].drop == 2 && g[k].order < x->order) first = 0;
    if (first) t2x_diag_add(f->diag, x->drop == 1 ? T2X_INFO : T2X_WARNING, f->src.name, x->line, code, "%s", msg);
    free(msg);
    free(vals);
}

size_t t2x_model_resolve_clashes(t2x_filing *f, xmlNodePtr root, xmlNodePtr issues, xmlNsPtr ns)
{
    facts fs = {0};
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (t2x_xml_is_el(c, T2X_MODEL_NS, "cover")) {
            for (xmlNodePtr x = c->children; x; x = x->next)
                if (t2x_xml_is_el(x, T2X_MODEL_NS, "fact")) add_fact(&fs, x, NULL, NULL);
        } else if (t2x_xml_is_el(c, T2X_MODEL_NS, "statement")) {
            for (xmlNodePtr r = c->children; r; r = r->next) {
                if (!t2x_xml_is_el(r, T2X_MODEL_NS, "row")) continue;
                for (xmlNodePtr x = r->children; x; x = x->next)
                    if (t2x_xml_is_el(x, T2X_MODEL_NS, "cell")) add_fact(&fs, x, r, c);
            }
        }
    }
    qsort(fs.v, fs.n, sizeof *fs.v, cmp_fact);
    size_t groups = 0;
    for (size_t i = 0; i < fs.n;) {
        size_t j = i + 1;
        while (j < fs.n && strcmp(fs.v[j].key, fs.v[i].key) == 0) j++;
        if (j - i > 1) groups += (size_t)settle(&fs.v[i], j - i);
        i = j;
    }
    /* report in document order, then remove */
    fact **drop = t2x_xmalloc(sizeof *drop * (fs.n + 1));
    size_t nd = 0;
    for (size_t i = 0; i < fs.n; i++)
        if (fs.v[i].drop) drop[nd++] = &fs.v[i];
    for (size_t a = 1; a < nd; a++) /* by document order */
        for (size_t b = a; b > 0 && drop[b]->order < drop[b - 1]->order; b--) {
            fact *t = drop[b];
            drop[b] = drop[b - 1];
            drop[b - 1] = t;
        }
    for (size_t k = 0; k < nd; k++) {
        fact *x = drop[k];
        size_t lo = (size_t)(x - fs.v), hi = lo + 1;
        while (lo > 0 && strcmp(fs.v[lo - 1].key, x->key) == 0) lo--;
        while (hi < fs.n && strcmp(fs.v[hi].key, x->key) == 0) hi++;
        report(f, &fs, x, &fs.v[lo], hi - lo, issues, ns);
    }
    for (size_t k = 0; k < nd; k++) {
        xmlUnlinkNode(drop[k]->node);
        xmlFreeNode(drop[k]->node);
    }
    free(drop);
    free_facts(&fs);
    return groups;
}
