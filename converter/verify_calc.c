/*
 * verify_calc.c — design §5.5: the filing's own arithmetic, checked on the instance facts.
 *
 * Calculations 1.1 (XBRL International, 2023), round-to-nearest: a fact v with decimals d
 * stands for the interval [v − ½·10^−d, v + ½·10^−d] (a point for INF); a summation-item
 * relationship binds a total fact to the facts of its items in the same context and unit; it
 * is consistent when the total's interval meets the weighted sum of the items' intervals.
 * Consistent duplicates count once (the intersection of their intervals); a binding that
 * touches inconsistent duplicates is left to the duplicates check, where any inconsistent
 * duplicate of the instance or of the inline document is a conversion error. All arithmetic is exact
 * (integers at a common power of ten; a binding too large for 64 bits is skipped).
 *
 * An inconsistency whose total becomes consistent once an inconsistent item is replaced by its
 * own items' sum is a consequence of that item's inconsistency (the typo in "Total current
 * liabilities" also breaks "Total liabilities and stockholders' equity"): it is listed under
 * it, not counted again.
 */
#include "verify_calc.h"
#include "util.h"
#include "xmlnode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- exact intervals */

typedef struct dec {
    long long m; /* value = m × 10^e */
    int e;
} dec;

/* m × 10^(from − to), to ≤ from; 0 on overflow */
static int rescale(long long m, int from, int to, long long *out)
{
    long long v = m;
    for (int k = from; k > to; k--)
        if (__builtin_mul_overflow(v, 10LL, &v)) return 0;
    *out = v;
    return 1;
}

/* A fact's interval [lo, hi] at power `e` (e at most the value's and the half-unit's). */
typedef struct ival {
    long long lo, hi;
} ival;

/* The powers of ten a fact needs: its value's and half a unit of its last decimal. */
static int fact_min_exp(const t2x_vfact *f, dec *v)
{
    if (f->dec_bad || t2x_vf_dec_parse(f->value, &v->m, &v->e) != 0) return 1000;
    int e = v->e;
    if (f->decimals && f->dec != T2X_V_DECIMALS_INF && -f->dec - 1 < e) e = -f->dec - 1;
    return e;
}

static int fact_ival(const t2x_vfact *f, int e, ival *out)
{
    dec v;
    if (f->dec_bad || t2x_vf_dec_parse(f->value, &v.m, &v.e) != 0 || v.e < e) return 0;
    long long x, half = 0;
    if (!rescale(v.m, v.e, e, &x)) return 0;
    if (f->decimals && f->dec != T2X_V_DECIMALS_INF && !rescale(5, -f->dec - 1, e, &half)) return 0;
    if (__builtin_sub_overflow(x, half, &out->lo) || __builtin_add_overflow(x, half, &out->hi)) return 0;
    return 1;
}

/* ---------------------------------------------------------------- slots */

/* The facts of one concept, context and unit. */
typedef struct slot {
    const char *key;      /* t2x_vfact.slot */
    const t2x_vfact **f;      /* its facts (borrowed) */
    size_t n, cap;
    int inconsistent;     /* duplicates that do not agree */
} slot;

typedef struct slots {
    slot *v;
    size_t n;
} slots;

static int cmp_fact_slot(const void *a, const void *b)
{
    const t2x_vfact *x = *(const t2x_vfact *const *)a, *y = *(const t2x_vfact *const *)b;
    int c = strcmp(x->slot, y->slot);
    return c ? c : (x->xml_line < y->xml_line ? -1 : x->xml_line > y->xml_line);
}

/* Interval of a slot at power e: the intersection of its facts' intervals. 0 if none/overflow. */
static int slot_ival(const slot *s, int e, ival *out)
{
    int have = 0;
    for (size_t i = 0; i < s->n; i++) {
        ival v;
        if (!s->f[i]->value || !fact_ival(s->f[i], e, &v)) return 0;
        if (!have || v.lo > out->lo) out->lo = v.lo;
        if (!have || v.hi < out->hi) out->hi = v.hi;
        have = 1;
    }
    return have;
}

static int slot_min_exp(const slot *s)
{
    int e = 1000;
    for (size_t i = 0; i < s->n; i++) {
        dec v;
        int x = s->f[i]->value ? fact_min_exp(s->f[i], &v) : 1000;
        if (x < e) e = x;
    }
    return e;
}

/* Do the facts of a slot agree (their intervals meet; equal text for non-numeric)? */
static int slot_consistent(const slot *s)
{
    if (s->n < 2) return 1;
    if (!s->f[0]->numeric) {
        for (size_t i = 1; i < s->n; i++)
            if (strcmp(s->f[i]->value ? s->f[i]->value : "", s->f[0]->value ? s->f[0]->value : "") != 0) return 0;
        return 1;
    }
    int e = slot_min_exp(s);
    if (e > 999) return 1; /* nil or unparsable: reported elsewhere */
    ival x;
    if (!slot_ival(s, e, &x)) {
        /* overflow: fall back to exact equality */
        for (size_t i = 1; i < s->n; i++)
            if (strcmp(s->f[i]->value ? s->f[i]->value : "", s->f[0]->value ? s->f[0]->value : "") != 0) return 0;
        return 1;
    }
    return x.lo <= x.hi;
}

static int cmp_fact_slot_key_line(const void *a, const void *b)
{
    const t2x_vfact *x = *(const t2x_vfact *const *)a, *y = *(const t2x_vfact *const *)b;
    int c = strcmp(x->slot, y->slot);
    if (!c) c = strcmp(x->key, y->key);
    return c ? c : (x->xml_line < y->xml_line ? -1 : x->xml_line > y->xml_line);
}

static void build_slots(const t2x_vfacts *facts, slots *out)
{
    const t2x_vfact **v = t2x_xmalloc(sizeof *v * (facts->n + 1));
    for (size_t i = 0; i < facts->n; i++) v[i] = &facts->v[i];
    qsort(v, facts->n, sizeof *v, cmp_fact_slot_key_line);
    out->v = t2x_xcalloc(facts->n + 1, sizeof *out->v);
    out->n = 0;
    for (size_t i = 0; i < facts->n; i++) {
        if (!out->n || strcmp(out->v[out->n - 1].key, v[i]->slot) != 0) out->v[out->n++].key = v[i]->slot;
        slot *s = &out->v[out->n - 1];
        /* exact repeats (same value and decimals) are one fact: the first in the document
         * (sorted by key, a repeat follows its first; no pairwise scan) */
        if (s->n && strcmp(s->f[s->n - 1]->key, v[i]->key) == 0) continue;
        s->f = t2x_grow(s->f, &s->cap, s->n + 1, sizeof *s->f);
        s->f[s->n++] = v[i];
    }
    for (size_t i = 0; i < out->n; i++) /* each slot's facts in document order */
        if (out->v[i].n > 1) qsort(out->v[i].f, out->v[i].n, sizeof *out->v[i].f, cmp_fact_slot);
    for (size_t i = 0; i < out->n; i++) out->v[i].inconsistent = !slot_consistent(&out->v[i]);
    free(v);
}

static void free_slots(slots *s)
{
    for (size_t i = 0; i < s->n; i++) free(s->v[i].f);
    free(s->v);
}

static slot *find_slot(const slots *s, const char *key)
{
    size_t lo = 0, hi = s->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(s->v[mid].key, key);
        if (c == 0) return &s->v[mid];
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return NULL;
}

/* ---------------------------------------------------------------- source lines of facts */

typedef struct keyline {
    const char *key;
    long line;
} keyline;

static int cmp_keyline(const void *a, const void *b)
{
    const keyline *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->line < y->line ? -1 : x->line > y->line);
}

typedef struct lines_index {
    keyline *v;
    size_t n;
} lines_index;

static void index_lines(const t2x_vfacts *inl, lines_index *ix)
{
    ix->v = t2x_xmalloc(sizeof *ix->v * (inl->n + 1));
    ix->n = 0;
    for (size_t i = 0; i < inl->n; i++)
        if (inl->v[i].line > 0 && inl->v[i].key) ix->v[ix->n++] = (keyline){inl->v[i].key, inl->v[i].line};
    qsort(ix->v, ix->n, sizeof *ix->v, cmp_keyline);
}

/* First source line where a fact (by key) is printed; 0 if none. */
static long line_of(const lines_index *ix, const char *key)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(ix->v[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < ix->n && strcmp(ix->v[lo].key, key) == 0 ? ix->v[lo].line : 0;
}

/* "lines 1318, 1402" of every printing of a fact */
static void lines_text(const lines_index *ix, const char *key, t2x_buf *b)
{
    size_t lo = 0, hi = ix->n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(ix->v[mid].key, key) < 0) lo = mid + 1;
        else hi = mid;
    }
    int n = 0;
    for (size_t i = lo; i < ix->n && strcmp(ix->v[i].key, key) == 0 && n < 6; i++, n++)
        t2x_buf_printf(b, "%s%ld", n ? ", " : "line ", ix->v[i].line);
    if (!n) t2x_buf_puts(b, "no printed line");
}

/* ---------------------------------------------------------------- the linkbase */

typedef struct rel {
    char *role;
    char *parent, *child; /* Clark names */
    long long wm;         /* weight = wm × 10^we */
    int we;
} rel;

typedef struct rels {
    rel *v;
    size_t n, cap;
} rels;

static char *xattr(xmlNodePtr n, const char *ns, const char *name)
{
    xmlChar *v = ns ? xmlGetNsProp(n, BAD_CAST name, BAD_CAST ns) : xmlGetProp(n, BAD_CAST name);
    char *s = v ? t2x_xstrdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

/* A locator's concept: the extension schema's element with that id, or an official schema's
 * "prefix_Local" id with the prefix the instance declares. */
static char *loc_concept(const char *href, xmlDocPtr inst, xmlDocPtr xsd)
{
    const char *hash = href ? strchr(href, '#') : NULL;
    if (!hash || !hash[1]) return NULL;
    const char *frag = hash + 1;
    int local_file = memchr(href, '/', (size_t)(hash - href)) == NULL && memchr(href, ':', (size_t)(hash - href)) == NULL;
    if (local_file && xsd) {
        xmlNodePtr root = xmlDocGetRootElement(xsd);
        char *tns = xattr(root, NULL, "targetNamespace");
        for (xmlNodePtr c = root ? root->children : NULL; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || !xmlStrEqual(c->name, BAD_CAST "element")) continue;
            char *id = xattr(c, NULL, "id");
            if (id && strcmp(id, frag) == 0) {
                char *name = xattr(c, NULL, "name");
                char *r = t2x_xasprintf("{%s}%s", tns ? tns : "", name ? name : "");
                free(name);
                free(id);
                free(tns);
                return r;
            }
            free(id);
        }
        free(tns);
    }
    const char *us = strchr(frag, '_');
    if (!us) return NULL;
    char *pfx = t2x_xstrndup(frag, (size_t)(us - frag));
    xmlNsPtr ns = xmlSearchNs(inst, xmlDocGetRootElement(inst), BAD_CAST pfx);
    free(pfx);
    return ns ? t2x_xasprintf("{%s}%s", (const char *)ns->href, us + 1) : NULL;
}

static void read_linkbase(xmlDocPtr cal, xmlDocPtr inst, xmlDocPtr xsd, rels *out, t2x_verify_report *r)
{
    xmlNodePtr root = xmlDocGetRootElement(cal);
    if (!t2x_xml_is_el(root, NS_LINK, "linkbase")) {
        t2x_vf_add(r, V_ERROR, VC_CALC, 0, NULL, NULL, "the calculation linkbase's root is not link:linkbase");
        return;
    }
    for (xmlNodePtr cl = root->children; cl; cl = cl->next) {
        if (!t2x_xml_is_el(cl, NS_LINK, "calculationLink")) continue;
        char *role = xattr(cl, NS_XLINK, "role");
        /* locators: label → concept */
        char **labels = NULL, **concepts = NULL;
        size_t nl = 0, capl = 0, capc = 0;
        for (xmlNodePtr c = cl->children; c; c = c->next) {
            if (!t2x_xml_is_el(c, NS_LINK, "loc")) continue;
            char *label = xattr(c, NS_XLINK, "label"), *href = xattr(c, NS_XLINK, "href");
            char *concept = loc_concept(href, inst, xsd);
            if (!concept)
                t2x_vf_add(r, V_NOTE, VC_CALC, 0, NULL, NULL, "calculation locator %s: no concept found", href ? href : "(no href)");
            labels = t2x_grow(labels, &capl, nl + 1, sizeof *labels);
            concepts = t2x_grow(concepts, &capc, nl + 1, sizeof *concepts);
            labels[nl] = label ? label : t2x_xstrdup("");
            concepts[nl] = concept;
            nl++;
            free(href);
        }
        for (xmlNodePtr c = cl->children; c; c = c->next) {
            if (!t2x_xml_is_el(c, NS_LINK, "calculationArc")) continue;
            char *arcrole = xattr(c, NS_XLINK, "arcrole"), *from = xattr(c, NS_XLINK, "from"),
                 *to = xattr(c, NS_XLINK, "to"), *weight = xattr(c, NULL, "weight"), *use = xattr(c, NULL, "use");
            int ok = arcrole && strcmp(arcrole, "http://www.xbrl.org/2003/arcrole/summation-item") == 0 &&
                     !(use && strcmp(use, "prohibited") == 0);
            long long wm = 0;
            int we = 0;
            if (ok && (!weight || t2x_vf_dec_parse(weight, &wm, &we) != 0)) {
                t2x_vf_add(r, V_ERROR, VC_CALC, 0, NULL, NULL, "calculation arc %s → %s: bad weight '%s'", from ? from : "?",
                      to ? to : "?", weight ? weight : "");
                ok = 0;
            }
            while (ok && we < 0 && wm % 10 == 0) { /* "1.0" → 1 */
                wm /= 10;
                we++;
            }
            for (size_t a = 0; ok && a < nl; a++) {
                if (!from || strcmp(labels[a], from) != 0 || !concepts[a]) continue;
                for (size_t b = 0; b < nl; b++) {
                    if (!to || strcmp(labels[b], to) != 0 || !concepts[b]) continue;
                    out->v = t2x_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
                    rel *x = &out->v[out->n++];
                    x->role = t2x_xstrdup(role ? role : "");
                    x->parent = t2x_xstrdup(concepts[a]);
                    x->child = t2x_xstrdup(concepts[b]);
                    x->wm = wm;
                    x->we = we;
                }
            }
            free(arcrole);
            free(from);
            free(to);
            free(weight);
            free(use);
        }
        for (size_t k = 0; k < nl; k++) {
            free(labels[k]);
            free(concepts[k]);
        }
        free(labels);
        free(concepts);
        free(role);
    }
}

/* ---------------------------------------------------------------- bindings */

typedef struct item {
    const slot *s;    /* the item's facts */
    long long wm;     /* weight = wm × 10^we */
    int we;
} item;

typedef struct binding {
    const char *role;
    const slot *total;
    item *it;         /* the items reported in the total's context and unit */
    size_t n, cap;
    int consistent;
    int checked;      /* 0: skipped (duplicates, overflow) */
    int cause;        /* index of the binding it is a consequence of, −1 */
    char *computed;   /* the items' sum (value centre), for messages */
} binding;

/* The binding's sum interval at power e, with item `sub` (or NULL) replaced by `sub_iv`. */
static int binding_sum(const binding *b, int e, const slot *sub, const ival *sub_iv, ival *out)
{
    long long lo = 0, hi = 0;
    for (size_t i = 0; i < b->n; i++) {
        ival v;
        if (b->it[i].s == sub && sub_iv && b->it[i].we == 0) v = *sub_iv;
        else if (!slot_ival(b->it[i].s, e - b->it[i].we, &v)) return 0;
        /* weight × interval at power e: values at e − we times wm */
        long long a, c;
        if (__builtin_mul_overflow(v.lo, b->it[i].wm, &a) || __builtin_mul_overflow(v.hi, b->it[i].wm, &c)) return 0;
        if (a > c) {
            long long t = a;
            a = c;
            c = t;
        }
        if (__builtin_add_overflow(lo, a, &lo) || __builtin_add_overflow(hi, c, &hi)) return 0;
    }
    out->lo = lo;
    out->hi = hi;
    return 1;
}

static int binding_exp(const binding *b)
{
    int e = slot_min_exp(b->total);
    for (size_t i = 0; i < b->n; i++) {
        int x = slot_min_exp(b->it[i].s) + b->it[i].we;
        if (x < e) e = x;
    }
    return e;
}

/* The centre of an interval at power e, as a canonical decimal. */
static char *ival_centre(ival v, int e)
{
    long long sum;
    if (__builtin_add_overflow(v.lo, v.hi, &sum)) return t2x_xstrdup("?");
    int neg = sum < 0;
    unsigned long long a = neg ? 0ULL - (unsigned long long)sum : (unsigned long long)sum;
    char digits[48];
    snprintf(digits, sizeof digits, "%llu%s", a / 2, a % 2 ? ".5" : "");
    char *t = t2x_vf_decimal(digits, e, neg);
    return t ? t : t2x_xstrdup("?");
}

void t2x_vf_calc_check(xmlDocPtr cal, xmlDocPtr inst, xmlDocPtr xsd, const t2x_vfacts *facts, const t2x_vfacts *inline_facts,
                  t2x_verify_report *r)
{
    t2x_vcheck *ck = &r->checks[VC_CALC];
    if (!cal) {
        ck->ran = 0;
        ck->detail = t2x_xstrdup("skipped: no calculation linkbase (STEM_cal.xml) beside the instance");
        return;
    }
    ck->ran = 1;
    rels rs = {0};
    read_linkbase(cal, inst, xsd, &rs, r);
    slots sl;
    build_slots(facts, &sl);
    lines_index ix;
    index_lines(inline_facts, &ix);

    /* group relationships by (role, parent) */
    binding *bs = NULL;
    size_t nb = 0, capb = 0, skipped = 0;
    for (size_t i = 0; i < rs.n; i++) {
        int first = 1; /* only the first relationship of each (role, parent) starts a group */
        for (size_t k = 0; k < i && first; k++)
            if (strcmp(rs.v[k].role, rs.v[i].role) == 0 && strcmp(rs.v[k].parent, rs.v[i].parent) == 0) first = 0;
        if (!first) continue;
        /* every total fact of this concept */
        for (size_t s = 0; s < sl.n; s++) {
            const slot *tot = &sl.v[s];
            if (!tot->f[0]->numeric || strcmp(tot->f[0]->concept, rs.v[i].parent) != 0) continue;
            /* the items in the same context and unit: slot key with the child's concept */
            const char *rest = tot->key + strlen(rs.v[i].parent);
            binding b;
            memset(&b, 0, sizeof b);
            b.role = rs.v[i].role;
            b.total = tot;
            b.cause = -1;
            for (size_t k = i; k < rs.n; k++) {
                if (strcmp(rs.v[k].role, rs.v[i].role) != 0 || strcmp(rs.v[k].parent, rs.v[i].parent) != 0) continue;
                char *key = t2x_xasprintf("%s%s", rs.v[k].child, rest);
                const slot *found = find_slot(&sl, key);
                free(key);
                if (!found) continue;
                b.it = t2x_grow(b.it, &b.cap, b.n + 1, sizeof *b.it);
                b.it[b.n].s = found;
                b.it[b.n].wm = rs.v[k].wm;
                b.it[b.n].we = rs.v[k].we;
                b.n++;
            }
            if (!b.n) continue; /* no item reported: not bound */
            bs = t2x_grow(bs, &capb, nb + 1, sizeof *bs);
            bs[nb++] = b;
        }
    }

    /* evaluate */
    size_t incons = 0;
    for (size_t i = 0; i < nb; i++) {
        binding *b = &bs[i];
        int dup = b->total->inconsistent;
        for (size_t k = 0; k < b->n; k++) dup |= b->it[k].s->inconsistent;
        int e = binding_exp(b);
        ival t, s;
        if (dup || e > 999 || !slot_ival(b->total, e, &t) || !binding_sum(b, e, NULL, NULL, &s)) {
            skipped++;
            continue;
        }
        b->checked = 1;
        b->consistent = t.lo <= s.hi && s.lo <= t.hi;
        b->computed = ival_centre(s, e);
    }
    /* consequences: consistent once an inconsistent item total is replaced by its items' sum */
    for (size_t i = 0; i < nb; i++) {
        binding *b = &bs[i];
        if (!b->checked || b->consistent) continue;
        for (size_t k = 0; k < b->n && b->cause < 0; k++)
            for (size_t j = 0; j < nb && b->cause < 0; j++) {
                binding *c = &bs[j];
                if (j == i || !c->checked || c->consistent || c->total != b->it[k].s || b->it[k].we != 0) continue;
                int e = binding_exp(b), ec = binding_exp(c);
                int em = e < ec ? e : ec;
                ival sub, t, s;
                if (!binding_sum(c, em, NULL, NULL, &sub) || !slot_ival(b->total, em, &t)) continue;
                /* c's sum is at power em; b's items at em too */
                if (!binding_sum(b, em, c->total, &sub, &s)) continue;
                if (t.lo <= s.hi && s.lo <= t.hi) b->cause = (int)j;
            }
    }
    for (size_t i = 0; i < nb; i++) {
        binding *b = &bs[i];
        if (!b->checked || b->consistent) continue;
        const t2x_vfact *tf = b->total->f[0];
        long line = line_of(&ix, tf->key);
        const char *role = strrchr(b->role, '/');
        role = role ? role + 1 : b->role;
        if (b->cause < 0) {
            incons++;
            t2x_buf items = {0};
            for (size_t k = 0; k < b->n; k++) {
                const t2x_vfact *f = b->it[k].s->f[0];
                t2x_buf_printf(&items, "%s%s%s %s", k ? ", " : "", b->it[k].wm < 0 ? "-" : "+", f->qname, f->value ? f->value : "nil");
            }
            t2x_vf_add(r, V_INCONSISTENCY, VC_CALC, line, tf->qname, tf->context,
                  "%s in %s is %s, but its items add up to %s (role %s: %s)", tf->qname, tf->context,
                  tf->value ? tf->value : "nil", b->computed ? b->computed : "?", role, items.data ? items.data : "");
            free(items.data);
            for (size_t j = 0; j < nb; j++) {
                const binding *c = &bs[j];
                if (c->cause != (int)i) continue;
                const t2x_vfact *cf = c->total->f[0];
                t2x_vf_add(r, V_INCONSISTENCY, VC_CALC, line_of(&ix, cf->key), cf->qname, cf->context,
                      "consequence: %s in %s is %s, its items add up to %s only because of %s above", cf->qname,
                      cf->context, cf->value ? cf->value : "nil", c->computed ? c->computed : "?", tf->qname);
                r->f[r->nf - 1].consequence = 1;
            }
        } else if (bs[b->cause].cause >= 0) {
            /* a consequence of a consequence: name it under its own cause's cause */
            t2x_vf_add(r, V_INCONSISTENCY, VC_CALC, line, tf->qname, tf->context,
                  "consequence: %s in %s is %s, its items add up to %s", tf->qname, tf->context,
                  tf->value ? tf->value : "nil", b->computed ? b->computed : "?");
            r->f[r->nf - 1].consequence = 1;
        }
    }
    size_t checked = 0;
    for (size_t i = 0; i < nb; i++) checked += bs[i].checked;
    ck->detail = t2x_xasprintf("%zu summations checked (Calculations 1.1, %zu relationships), %zu inconsistent in the filing%s%s",
                               checked, rs.n, incons, skipped ? ", skipped for duplicates: " : "",
                               skipped ? "see duplicates" : "");
    for (size_t i = 0; i < nb; i++) {
        free(bs[i].it);
        free(bs[i].computed);
    }
    free(bs);
    for (size_t i = 0; i < rs.n; i++) {
        free(rs.v[i].role);
        free(rs.v[i].parent);
        free(rs.v[i].child);
    }
    free(rs.v);
    free(ix.v);
    free_slots(&sl);
}

/* The inconsistent duplicates of one document's facts: each one an error (a fact stated with two
 * values is a conversion error: the converter settles every clash before writing, clash.c),
 * naming the values and the lines they were printed on. Slots listed in `skip` (the
 * instance's, when this is the inline document) are not reported again. Returns the slots
 * found; *repeated counts the slots with more than one fact. */
static size_t duplicates_in(const t2x_vfacts *facts, const lines_index *ix, const char *doc, const slots *skip,
                            size_t *repeated, t2x_verify_report *r, slots *out)
{
    build_slots(facts, out);
    size_t bad = 0;
    for (size_t i = 0; i < out->n; i++) {
        const slot *s = &out->v[i];
        if (s->n > 1) (*repeated)++;
        if (!s->inconsistent) continue;
        const slot *again = skip ? find_slot(skip, s->key) : NULL;
        if (again && again->inconsistent) continue;
        bad++;
        t2x_buf m = {0};
        long first = 0;
        for (size_t k = 0; k < s->n; k++) {
            if (k == 8) { /* the message names 8 values; the first line counts all of them */
                t2x_buf_printf(&m, " and %zu more", s->n - 8);
                for (size_t j = k; j < s->n; j++) {
                    long l = line_of(ix, s->f[j]->key);
                    if (l && (!first || l < first)) first = l;
                }
                break;
            }
            t2x_buf_printf(&m, "%s%s (", k ? " but " : "", s->f[k]->value ? s->f[k]->value : "nil");
            lines_text(ix, s->f[k]->key, &m);
            t2x_buf_putc(&m, ')');
            long l = line_of(ix, s->f[k]->key);
            if (l && (!first || l < first)) first = l;
        }
        t2x_vf_add(r, V_ERROR, VC_DUPLICATES, first, s->f[0]->qname, s->f[0]->context,
                   "%s in %s is tagged as %s: an inconsistent duplicate in the %s", s->f[0]->qname,
                   s->f[0]->context, m.data, doc);
        free(m.data);
    }
    return bad;
}

void t2x_vf_duplicates_check(const t2x_vfacts *facts, const t2x_vfacts *inline_facts, t2x_verify_report *r)
{
    t2x_vcheck *ck = &r->checks[VC_DUPLICATES];
    ck->ran = 1;
    lines_index ix;
    index_lines(inline_facts, &ix);
    size_t repeated = 0, irepeated = 0;
    slots sl, isl;
    size_t bad = duplicates_in(facts, &ix, "instance", NULL, &repeated, r, &sl);
    size_t ibad = duplicates_in(inline_facts, &ix, "inline document", &sl, &irepeated, r, &isl);
    ck->detail = t2x_xasprintf("%zu facts reported more than once with other decimals or values, %zu of them "
                               "inconsistent (instance), %zu more in the inline document",
                               repeated, bad, ibad);
    free(ix.v);
    free_slots(&sl);
    free_slots(&isl);
}
