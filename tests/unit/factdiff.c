/*
 * factdiff.c — statement facts of a model and the layout oracle (factdiff.h). Both fact lists
 * are sorted by key and value, so one merge walk compares them.
 */
#include "factdiff.h"

#include <stdlib.h>
#include <string.h>

static const char *const primary_kinds[] = {"balance-sheet", "income", "comprehensive-income", "cash-flow",
                                            "equity"};

static const char *kind_static(const char *k)
{
    static const char *const all[] = {"balance-sheet", "income", "comprehensive-income", "cash-flow",
                                      "equity", "note", "cover"};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (strcmp(k, all[i]) == 0) return all[i];
    return "other";
}

static int is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *attr(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v) return NULL;
    char *s = t2x_xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

static int cmp_fact(const void *a, const void *b)
{
    const fd_fact *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : strcmp(x->value, y->value);
}

/* The concept as compared: the filing's own prefix becomes "ext" (each filing names its own
 * namespace); NULL for an unlabeled subtotal's extension (mapping.c: "SubtotalOf<first item>
 * To<last item>", once "SubtotalAtLine<N>"), named after the words around it, which another
 * printing of the statement need not repeat. Caller frees. */
static char *comparable_concept(const char *concept, const char *prefix)
{
    size_t pl = prefix ? strlen(prefix) : 0;
    if (!pl || strncmp(concept, prefix, pl) != 0 || concept[pl] != ':') return t2x_xstrdup(concept);
    const char *local = concept + pl + 1;
    if ((strncmp(local, "SubtotalAtLine", 14) == 0 && strspn(local + 14, "0123456789") == strlen(local + 14)) ||
        strncmp(local, "SubtotalOf", 10) == 0 ||
        (strncmp(local, "Subtotal", 8) == 0 && strspn(local + 8, "0123456789") == strlen(local + 8)))
        return NULL;
    return t2x_xasprintf("ext:%s", local);
}

void fd_collect(xmlDocPtr model, int primary_only, fd_facts *out)
{
    memset(out, 0, sizeof *out);
    xmlNodePtr root = xmlDocGetRootElement(model);
    char *prefix = root ? attr(root, "prefix") : NULL;
    int si = -1;
    for (xmlNodePtr st = root ? root->children : NULL; st; st = st->next) {
        if (!is_el(st, "statement")) continue;
        si++;
        char *kind = attr(st, "kind");
        const char *ks = kind_static(kind ? kind : "");
        free(kind);
        int keep = !primary_only;
        for (size_t i = 0; i < sizeof primary_kinds / sizeof primary_kinds[0]; i++)
            if (strcmp(ks, primary_kinds[i]) == 0) keep = 1;
        if (!keep) continue;
        for (xmlNodePtr row = st->children; row; row = row->next) {
            if (!is_el(row, "row")) continue;
            char *rconcept = attr(row, "concept");
            for (xmlNodePtr c = row->children; c; c = c->next) {
                if (!is_el(c, "cell")) continue;
                char *concept = attr(c, "concept"), *context = attr(c, "context"), *unit = attr(c, "unit");
                char *value = attr(c, "value"), *line = attr(c, "line");
                char *cc = concept || rconcept ? comparable_concept(concept ? concept : rconcept, prefix) : NULL;
                if (!cc && context && value) out->uncomparable++;
                if (cc && context && value) {
                    out->v = t2x_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
                    fd_fact *f = &out->v[out->n++];
                    f->key = t2x_xasprintf("%s|%s|%s", cc, context, unit ? unit : "");
                    f->value = t2x_xstrdup(value);
                    f->statement = si;
                    f->kind = ks;
                    f->line = line ? atol(line) : 0;
                }
                free(concept);
                free(context);
                free(unit);
                free(value);
                free(line);
                free(cc);
            }
            free(rconcept);
        }
    }
    free(prefix);
    if (out->n) qsort(out->v, out->n, sizeof *out->v, cmp_fact);
}

void fd_free(fd_facts *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].key);
        free(f->v[i].value);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

/* [lo, hi) of the facts with key k (the list is sorted). */
static void key_range(const fd_facts *f, const char *k, size_t *lo, size_t *hi)
{
    size_t a = 0, b = f->n;
    while (a < b) {
        size_t m = (a + b) / 2;
        if (strcmp(f->v[m].key, k) < 0) a = m + 1;
        else b = m;
    }
    *lo = a;
    while (a < f->n && strcmp(f->v[a].key, k) == 0) a++;
    *hi = a;
}

static int has_value(const fd_facts *f, size_t lo, size_t hi, const char *v)
{
    for (size_t i = lo; i < hi; i++)
        if (strcmp(f->v[i].value, v) == 0) return 1;
    return 0;
}

static void log_line(t2x_buf *log, int *budget, const char *what, const fd_fact *a, const char *got)
{
    if (!log || !budget || *budget <= 0) return;
    (*budget)--;
    t2x_buf_printf(log, "    %-8s %s  original %s  got %s  (%s, line %ld)\n", what, a->key, a->value,
                   got ? got : "nothing", a->kind, a->line);
}

/* The context part of a key ("concept|context|unit"), copied into buf. */
static const char *key_context(const char *key, char *buf, size_t cap)
{
    const char *a = strchr(key, '|');
    const char *b = a ? strchr(a + 1, '|') : NULL;
    snprintf(buf, cap, "%.*s", a && b ? (int)(b - a - 1) : 0, a ? a + 1 : "");
    return buf;
}

/* Does any fact of the list have this context? */
static int has_context(const fd_facts *f, const char *ctx)
{
    char buf[256];
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(key_context(f->v[i].key, buf, sizeof buf), ctx) == 0) return 1;
    return 0;
}

void fd_compare(const fd_facts *orig, const fd_facts *got, fd_result *res, t2x_buf *log, int *missing_budget,
                int *wrong_budget)
{
    for (size_t i = 0; i < orig->n; i++) {
        const fd_fact *a = &orig->v[i];
        size_t lo, hi;
        key_range(got, a->key, &lo, &hi);
        res->compared++;
        if (lo == hi) {
            res->missing++;
            log_line(log, missing_budget, "missing", a, NULL);
        } else if (has_value(got, lo, hi, a->value)) {
            res->same++;
        } else {
            res->replaced++;
        }
    }
    for (size_t i = 0; i < got->n; i++) {
        const fd_fact *b = &got->v[i];
        if (i > 0 && strcmp(b->key, got->v[i - 1].key) == 0 && strcmp(b->value, got->v[i - 1].value) == 0)
            continue; /* the same fact twice (a statement and a note) */
        size_t lo, hi;
        key_range(orig, b->key, &lo, &hi);
        char ctx[256];
        if (lo == hi && has_context(orig, key_context(b->key, ctx, sizeof ctx))) {
            res->extra++;
            continue;
        }
        if (lo == hi) {
            /* a period (or member) the original statements never report: a misread date */
            res->wrong++;
            if (log && wrong_budget && *wrong_budget > 0) {
                (*wrong_budget)--;
                t2x_buf_printf(log, "    WRONG    %s  = %s: a context the original does not have  (%s, line %ld of the rendering)\n",
                               b->key, b->value, b->kind, b->line);
            }
            continue;
        }
        if (has_value(orig, lo, hi, b->value)) continue;
        res->wrong++;
        if (log && wrong_budget && *wrong_budget > 0) {
            (*wrong_budget)--;
            t2x_buf_printf(log, "    WRONG    %s  original %s  got %s  (%s, line %ld of the rendering)\n", b->key,
                           orig->v[lo].value, b->value, b->kind, b->line);
        }
    }
}

size_t fd_clashes(const fd_facts *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n;) {
        size_t j = i + 1;
        int two = 0;
        for (; j < f->n && strcmp(f->v[j].key, f->v[i].key) == 0; j++)
            if (strcmp(f->v[j].value, f->v[i].value) != 0) two = 1;
        n += two;
        i = j;
    }
    return n;
}
