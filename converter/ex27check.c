/*
 * ex27check.c — the EX-27 cross-check (legacy guide §2.5): every value of every Financial Data
 * Schedule is compared with the fact of the same concept and period in the statement model, and
 * the results are added to the model (<ex27>, docs/model.md), to its issues and to the
 * diagnostics. The check reads the model only — cells and numeric cover facts — never the
 * tables, so it sees exactly what the outputs carry. Disagreements are reported, never fixed.
 *
 * Periods: balance tags (instant concepts) take the column's PERIOD-END; income tags (duration
 * concepts) the duration resolved by t2x_ex27_resolve (10-Q schedules are year to date). Dates
 * match within 7 days either way (52/53-week years print the nominal month end).
 *
 * Tolerance: |statement − FDS × MULTIPLIER| ≤ the rounding of the two printed values: half a
 * unit of the coarser when both are rounded to the same unit, else half of each unit added
 * (statement unit 10^−decimals, FDS unit MULTIPLIER × 10^−printed decimals); plus half an FDS
 * unit per adjustment term; plus 0.01 for per-share values.
 */
#include "ex27.h"
#include "converted.h"
#include "ex27check.h"
#include "model.h"
#include "util.h"
#include "xmlnode.h"

#include <ctype.h>
#include <limits.h>
#include <strings.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ facts of the model */

typedef struct mctx {
    char *id;
    int instant;
    t2x_date start, end;
    int dims;          /* has dimension members: not compared */
} mctx;

typedef struct mfact {
    const char *concept; /* borrowed from `strings` */
    const mctx *ctx;
    char *value;
    int decimals;      /* INT_MIN: INF or absent */
    long line;
} mfact;

typedef struct facts {
    mctx *ctx;
    size_t nctx;
    mfact *v;
    size_t n, cap;
    char **strings;    /* concept names, one per distinct row/cell concept attribute */
    size_t nstr, capstr;
} facts;

static int is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static char *get(xmlNodePtr n, const char *name)
{
    return (char *)xmlGetProp(n, BAD_CAST name);
}

static t2x_date iso_date(const char *s)
{
    t2x_date d = {0, 0, 0};
    if (s && strlen(s) >= 10 && sscanf(s, "%4d-%2d-%2d", &d.y, &d.m, &d.d) == 3 && t2x_date_valid(d)) return d;
    d.y = 0;
    return d;
}

static const char *intern(facts *F, const char *s)
{
    for (size_t i = F->nstr; i-- > 0;)
        if (strcmp(F->strings[i], s) == 0) return F->strings[i];
    F->strings = t2x_grow(F->strings, &F->capstr, F->nstr + 1, sizeof *F->strings);
    F->strings[F->nstr] = t2x_xstrdup(s);
    return F->strings[F->nstr++];
}

static const mctx *find_ctx(const facts *F, const char *id)
{
    for (size_t i = 0; i < F->nctx; i++)
        if (strcmp(F->ctx[i].id, id) == 0) return &F->ctx[i];
    return NULL;
}

static void add_fact(facts *F, const char *concept, xmlNodePtr n)
{
    char *cid = get(n, "context"), *val = get(n, "value"), *dec = get(n, "decimals"), *line = get(n, "line");
    const mctx *c = cid ? find_ctx(F, cid) : NULL;
    if (c && !c->dims && val && concept) {
        F->v = t2x_grow(F->v, &F->cap, F->n + 1, sizeof *F->v);
        mfact *f = &F->v[F->n++];
        f->concept = intern(F, concept);
        f->ctx = c;
        f->value = t2x_xstrdup(val);
        f->decimals = dec && strcmp(dec, "INF") != 0 ? atoi(dec) : INT_MIN;
        f->line = line ? atol(line) : 0;
    }
    xmlFree(cid);
    xmlFree(val);
    xmlFree(dec);
    xmlFree(line);
}

static void facts_load(xmlDocPtr model, facts *F)
{
    memset(F, 0, sizeof *F);
    xmlNodePtr root = xmlDocGetRootElement(model);
    if (!root) return;
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (!is_el(n, "contexts")) continue;
        size_t cap = 0;
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (!is_el(c, "context")) continue;
            F->ctx = t2x_grow(F->ctx, &cap, F->nctx + 1, sizeof *F->ctx);
            mctx *x = &F->ctx[F->nctx++];
            memset(x, 0, sizeof *x);
            char *id = get(c, "id"), *in = get(c, "instant"), *st = get(c, "start"), *en = get(c, "end");
            x->id = t2x_xstrdup(id ? id : "");
            x->instant = in != NULL;
            x->end = iso_date(in ? in : en);
            x->start = iso_date(st);
            for (xmlNodePtr m = c->children; m; m = m->next) x->dims |= is_el(m, "member");
            xmlFree(id);
            xmlFree(in);
            xmlFree(st);
            xmlFree(en);
        }
    }
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (is_el(n, "cover")) {
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (!is_el(c, "fact")) continue;
                char *unit = get(c, "unit"), *concept = get(c, "concept");
                if (unit) add_fact(F, concept, c);
                xmlFree(unit);
                xmlFree(concept);
            }
        } else if (is_el(n, "statement")) {
            for (xmlNodePtr r = n->children; r; r = r->next) {
                if (!is_el(r, "row")) continue;
                char *rc = get(r, "concept");
                for (xmlNodePtr c = r->children; c; c = c->next) {
                    if (!is_el(c, "cell")) continue;
                    char *cc = get(c, "concept");
                    add_fact(F, cc ? cc : rc, c);
                    xmlFree(cc);
                }
                xmlFree(rc);
            }
        }
    }
}

static void facts_free(facts *F)
{
    for (size_t i = 0; i < F->nctx; i++) free(F->ctx[i].id);
    free(F->ctx);
    for (size_t i = 0; i < F->n; i++) free(F->v[i].value);
    free(F->v);
    for (size_t i = 0; i < F->nstr; i++) free(F->strings[i]);
    free(F->strings);
}

#define DATE_SLACK 7 /* days: 52/53-week periods against nominal month ends */

/* The facts of `concept` in the context closest to the wanted period (instant `end`, or
 * duration start..end; start.y == 0: any start, the longest duration up to a year wins).
 * Fills idx[] with up to max fact indexes in that one context; returns how many. */
static int find_facts(const facts *F, const char *concept, int instant, t2x_date start, t2x_date end, size_t *idx,
                      int max)
{
    const mctx *best = NULL;
    long bestd = LONG_MAX;
    for (size_t i = 0; i < F->n; i++) {
        const mfact *f = &F->v[i];
        if (strcmp(f->concept, concept) != 0 || f->ctx->instant != instant) continue;
        long de = labs(t2x_date_diff(end, f->ctx->end));
        if (de > DATE_SLACK) continue;
        long d = de;
        if (!instant) {
            long len = t2x_date_diff(f->ctx->start, f->ctx->end);
            if (start.y) {
                long ds = labs(t2x_date_diff(start, f->ctx->start));
                if (ds > DATE_SLACK) continue;
                d += ds;
            } else {
                if (len > 372) continue;
                d += 400 - len; /* prefer the longest */
            }
        }
        if (d < bestd) {
            bestd = d;
            best = f->ctx;
        }
    }
    int n = 0;
    for (size_t i = 0; i < F->n && best && n < max; i++)
        if (F->v[i].ctx == best && strcmp(F->v[i].concept, concept) == 0) idx[n++] = i;
    return n;
}

/* ------------------------------------------------------------------ comparing */

const char *t2x_ex27_outcome_name(t2x_ex27_outcome o)
{
    switch (o) {
    case T2X_EX27_AGREE: return "agree";
    case T2X_EX27_DISAGREE: return "disagree";
    case T2X_EX27_NO_FACT: return "no-fact";
    case T2X_EX27_ZERO: return "ex27-zero";
    case T2X_EX27_UNMAPPED: return "unmapped";
    case T2X_EX27_NOT_NUMBER: return "not-a-number";
    case T2X_EX27_OTHER: return "other-registrant";
    }
    return "?";
}

static int article_matches(const char *list, const char *article)
{
    if (strcmp(list, "*") == 0) return 1;
    size_t n = strlen(article);
    for (const char *p = list; *p;) {
        const char *q = strchr(p, ',');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        if (len == n && strncmp(p, article, n) == 0) return 1;
        if (!q) break;
        p = q + 1;
    }
    return 0;
}

/* A printed schedule value as an exact XBRL value string, scaled by pow (power of ten). */
static char *value_string(const t2x_ex27_value *v, const t2x_ex27_schedule *s, int monetary)
{
    if (!monetary || s->multiplier_pow >= 0)
        return t2x_num_value_string(v->num.mant, v->num.frac, monetary ? s->multiplier_pow : 0,
                                    v->num.negative && v->num.mant != 0);
    long double x = (long double)v->num.mant * (long double)s->multiplier;
    for (int k = 0; k < v->num.frac; k++) x /= 10;
    return t2x_xasprintf("%s%.0Lf", v->num.negative && v->num.mant ? "-" : "", x);
}

/* The unit (10^-decimals) an FDS value is rounded to, after the multiplier. */
static long double ex27_unit(const t2x_ex27_value *v, const t2x_ex27_schedule *s, int monetary)
{
    long double u = monetary ? (long double)s->multiplier : 1;
    for (int k = 0; k < v->num.frac; k++) u /= 10;
    return u;
}

static long double num_of(const char *s) { return strtold(s, NULL); }

static int value_is_zero(const t2x_ex27_value *v) { return v && v->numeric && v->num.mant == 0; }

static char *fmt_ld(long double x)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.6Lf", x);
    /* trim trailing zeros and point */
    char *dot = strchr(buf, '.');
    if (dot) {
        char *e = buf + strlen(buf) - 1;
        while (e > dot && *e == '0') *e-- = '\0';
        if (e == dot) *e = '\0';
    }
    if (strcmp(buf, "-0") == 0) strcpy(buf, "0");
    return t2x_xstrdup(buf);
}

/* The unit a statement fact is rounded to (10^-decimals); 0 for INF. */
static long double fact_unit(const mfact *f)
{
    return f->decimals == INT_MIN ? 0 : powl(10.0L, (long double)-f->decimals);
}

/* The fact of `concept` in context `ctx`, or -1. */
static long fact_in_ctx(const facts *F, const char *concept, const mctx *ctx)
{
    for (size_t i = 0; i < F->n; i++)
        if (F->v[i].ctx == ctx && strcmp(F->v[i].concept, concept) == 0) return (long)i;
    return -1;
}

/* What a row found in the statements. */
typedef struct found {
    const t2x_ex27_rule *rule;
    char *value;          /* the fact's value, or the sum of the parts */
    const mfact *fact;    /* the (first part's) fact */
    long double expected, tol;
} found;

static void check_one(const facts *F, const t2x_ex27_set *set, size_t si, int col, const t2x_ex27_item *it,
                      const t2x_ex27map *map, t2x_ex27_result *res)
{
    const t2x_ex27_schedule *s = &set->v[si];
    const t2x_ex27_column *c = &s->cols[col];
    const t2x_ex27_value *v = &it->values[col];
    memset(res, 0, sizeof *res);
    res->schedule = si;
    res->col = col;
    res->tag = it->tag;
    res->value = v;
    int nrules = 0;
    for (size_t k = 0; k < map->count; k++)
        nrules += strcmp(map->rules[k].tag, it->tag) == 0 && article_matches(map->rules[k].article, s->article);
    if (!nrules) {
        res->outcome = T2X_EX27_UNMAPPED;
        return;
    }
    if (!v->numeric) {
        res->outcome = T2X_EX27_NOT_NUMBER;
        return;
    }
    const t2x_ex27_rule *first = NULL;
    found best = {0}, agree = {0};
    for (size_t k = 0; k < map->count && !agree.rule; k++) {
        const t2x_ex27_rule *r = &map->rules[k];
        if (strcmp(r->tag, it->tag) != 0 || !article_matches(r->article, s->article)) continue;
        if ((r->mode & T2X_EX27_FALLBACK) && best.rule) continue;
        int applies = 1;
        for (size_t w = 0; w < r->nwhen; w++) {
            const t2x_ex27_value *z = t2x_ex27_get(s, r->when_zero[w], col);
            if (z && !value_is_zero(z)) applies = 0;
        }
        if (!applies) continue;
        if (!first) first = r;
        /* the period of the fact */
        int instant = r->period == T2X_PERIOD_INSTANT;
        t2x_date start = c->start, end = c->period_end;
        if (r->mode & T2X_EX27_OPEN) {
            if (!c->start.y) continue;
            end = t2x_date_add_days(c->start, -1);
        }
        if (!end.y) continue;
        /* the expected value: FDS × MULTIPLIER ± adjustment terms */
        char *vs = value_string(v, s, r->monetary);
        long double expected = num_of(vs);
        free(vs);
        long double uf = ex27_unit(v, s, r->monetary);
        long double adj_tol = 0;
        int adj_ok = 1;
        for (size_t a = 0; a < r->nadjust; a++) {
            const t2x_ex27_value *t = t2x_ex27_get(s, r->adjust[a].tag, col);
            if (!t || !t->numeric) {
                adj_ok = 0;
                break;
            }
            char *ts = value_string(t, s, r->monetary);
            long double tv = num_of(ts);
            free(ts);
            if (r->adjust[a].absolute) tv = fabsl(tv);
            expected += r->adjust[a].sign * tv;
            adj_tol += ex27_unit(t, s, r->monetary) / 2;
        }
        if (!adj_ok) continue;
        /* the statement side: the first part's closest context, the other parts in it */
        size_t idx[8];
        int nf = find_facts(F, r->parts[0], instant, start, end, idx, 8);
        for (int i = 0; i < nf && !agree.rule; i++) {
            const mfact *f = &F->v[idx[i]];
            long double sv = num_of(f->value), us = fact_unit(f), ts = us / 2;
            int parts_ok = 1;
            for (size_t p = 1; p < r->nparts; p++) {
                long j = fact_in_ctx(F, r->parts[p], f->ctx);
                if (j < 0) {
                    parts_ok = 0;
                    break;
                }
                sv += num_of(F->v[j].value);
                ts += fact_unit(&F->v[j]) / 2;
            }
            if (!parts_ok) continue;
            /* the same rounding unit on both sides: both were rounded from one number */
            int same_unit = r->nparts == 1 && fabsl(us - uf) <= 1e-9L * (us > uf ? us : uf);
            long double tol = same_unit ? us / 2 : ts + uf / 2;
            tol += adj_tol;
            if (r->per_share) tol += 0.01L;
            long double a = sv, e = expected;
            if (r->mode & T2X_EX27_ABS) {
                a = fabsl(a);
                e = fabsl(e);
            }
            int ok = fabsl(a - e) <= tol * (1 + 1e-12L) + 1e-9L;
            found *dst = ok ? &agree : !best.rule ? &best : NULL;
            if (!dst) continue;
            dst->rule = r;
            dst->value = r->nparts == 1 ? t2x_xstrdup(f->value) : fmt_ld(sv);
            dst->fact = f;
            dst->expected = expected;
            dst->tol = tol;
        }
    }
    const found *use = agree.rule ? &agree : &best;
    if (!use->rule) {
        res->outcome = T2X_EX27_NO_FACT;
        if (first) {
            res->concept = t2x_xstrdup(first->concept);
            res->ex27_value = value_string(v, s, first->monetary);
        }
        return;
    }
    res->loose = (use->rule->mode & T2X_EX27_LOOSE) != 0;
    if (agree.rule) res->outcome = T2X_EX27_AGREE;
    else res->outcome = value_is_zero(v) && best.rule->nadjust == 0 ? T2X_EX27_ZERO : T2X_EX27_DISAGREE;
    res->concept = t2x_xstrdup(use->rule->concept);
    res->ex27_value = value_string(v, s, use->rule->monetary);
    if (use->rule->nadjust) res->expected = fmt_ld(use->expected);
    res->stmt_value = t2x_xstrdup(use->value);
    res->context = t2x_xstrdup(use->fact->ctx->id);
    res->stmt_line = use->fact->line;
    res->tolerance = (double)use->tol;
    free(agree.value);
    free(best.value);
}

/* A registrant name reduced to its distinctive letters: "Bristol-Myers Squibb Company" →
 * "BRISTOLMYERSSQUIBB" (caller frees). */
static char *name_key(const char *name)
{
    static const char *const noise[] = {"INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "THE",
                                        "LTD", "LIMITED", "LLC", "LP", "PLC", "DE", "NV", NULL};
    t2x_buf b = {0};
    const char *p = name ? name : "";
    while (*p) {
        while (*p && !isalnum((unsigned char)*p)) p++;
        const char *w = p;
        while (*p && (isalnum((unsigned char)*p) || *p == '-' || *p == '\'' || *p == '&')) p++;
        size_t len = (size_t)(p - w);
        if (!len) break;
        int skip = 0;
        for (const char *const *k = noise; *k; k++) skip |= strlen(*k) == len && strncasecmp(w, *k, len) == 0;
        if (skip) continue;
        for (size_t i = 0; i < len; i++)
            if (isalnum((unsigned char)w[i])) t2x_buf_putc(&b, (char)toupper((unsigned char)w[i]));
    }
    return b.data ? b.data : t2x_xstrdup("");
}

/* Does the schedule belong to the registrant of the model (root @registrant, @cik)? */
static int same_registrant(const t2x_ex27_schedule *s, xmlNodePtr root)
{
    if (!s->cik && !s->name) return 1;
    char *cik = root ? get(root, "cik") : NULL, *reg = root ? get(root, "registrant") : NULL;
    int same = 1;
    if (s->cik && cik) same = strtoull(s->cik, NULL, 10) == strtoull(cik, NULL, 10);
    else if (s->name && reg) {
        char *a = name_key(s->name), *b = name_key(reg);
        same = strcmp(a, b) == 0;
        free(a);
        free(b);
    }
    xmlFree(cik);
    xmlFree(reg);
    return same;
}

void t2x_ex27_compare(xmlDocPtr model, const t2x_ex27_set *set, const t2x_ex27map *map, t2x_ex27_results *out)
{
    memset(out, 0, sizeof *out);
    facts F;
    facts_load(model, &F);
    xmlNodePtr root = xmlDocGetRootElement(model);
    for (size_t si = 0; si < set->n; si++) {
        const t2x_ex27_schedule *s = &set->v[si];
        if (s->duplicate_of >= 0 || s->multiplier_bad) continue; /* a bad multiplier: t2x_ex27_to_model says so */
        int other = !same_registrant(s, root);
        for (int col = 0; col < s->ncols; col++)
            for (size_t i = 0; i < s->nitems; i++) {
                if (!s->items[i].values[col].present) continue;
                out->v = t2x_grow(out->v, &out->cap, out->n + 1, sizeof *out->v);
                t2x_ex27_result *r = &out->v[out->n++];
                if (other) {
                    memset(r, 0, sizeof *r);
                    r->schedule = si;
                    r->col = col;
                    r->tag = s->items[i].tag;
                    r->value = &s->items[i].values[col];
                    r->outcome = T2X_EX27_OTHER;
                    continue;
                }
                check_one(&F, set, si, col, &s->items[i], map, r);
                if (r->loose) {
                    out->loose_agree += r->outcome == T2X_EX27_AGREE;
                    out->loose_disagree += r->outcome == T2X_EX27_DISAGREE;
                    continue;
                }
                out->agree += r->outcome == T2X_EX27_AGREE;
                out->disagree += r->outcome == T2X_EX27_DISAGREE;
                out->no_fact += r->outcome == T2X_EX27_NO_FACT;
                out->zero += r->outcome == T2X_EX27_ZERO;
            }
    }
    facts_free(&F);
}

void t2x_ex27_results_free(t2x_ex27_results *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].concept);
        free(r->v[i].context);
        free(r->v[i].ex27_value);
        free(r->v[i].expected);
        free(r->v[i].stmt_value);
    }
    free(r->v);
    memset(r, 0, sizeof *r);
}

/* ------------------------------------------------------------------ into the model */

static void prop_date(xmlNodePtr n, const char *name, t2x_date d)
{
    if (!d.y) return;
    t2x_xml_prop_date(n, name, d);
}

/* The period a result refers to, for messages: "1997-03-31" or "1997-01-01..1997-03-31". */
static void period_text(const t2x_ex27_result *r, const t2x_ex27_schedule *s, char *buf, size_t cap)
{
    const t2x_ex27_column *c = &s->cols[r->col];
    char a[11], b[11];
    t2x_date_iso(c->period_end, b);
    if (r->context && r->context[0] == 'I') snprintf(buf, cap, "%s", b);
    else if (c->start.y) {
        t2x_date_iso(c->start, a);
        snprintf(buf, cap, "%s..%s", a, b);
    } else snprintf(buf, cap, "%s", b);
}

void t2x_ex27_to_model(xmlDocPtr model, const t2x_ex27_set *set, const t2x_ex27_results *res,
                       const t2x_submission *sub, const char *name, t2x_diag *diag)
{
    xmlNodePtr root = xmlDocGetRootElement(model);
    if (!root || set->n == 0) return;
    xmlNsPtr ns = root->ns;
    xmlNodePtr issues = NULL;
    for (xmlNodePtr n = root->children; n; n = n->next)
        if (is_el(n, "issues")) issues = n;
    xmlNodePtr ex = xmlNewChild(root, ns, BAD_CAST "ex27", NULL);
    t2x_xml_propf(ex, "schedules", "%zu", set->n);
    t2x_xml_propf(ex, "comparisons", "%zu", res->agree + res->disagree);
    t2x_xml_propf(ex, "agree", "%zu", res->agree);
    t2x_xml_propf(ex, "disagree", "%zu", res->disagree);
    t2x_xml_propf(ex, "no-fact", "%zu", res->no_fact);
    t2x_xml_propf(ex, "ex27-zero", "%zu", res->zero);
    t2x_xml_propf(ex, "loose-agree", "%zu", res->loose_agree);
    t2x_xml_propf(ex, "loose-disagree", "%zu", res->loose_disagree);
    size_t ri = 0;
    for (size_t si = 0; si < set->n; si++) {
        const t2x_ex27_schedule *s = &set->v[si];
        xmlNodePtr sn = xmlNewChild(ex, ns, BAD_CAST "schedule", NULL);
        t2x_xml_propf(sn, "id", "x%zu", si + 1);
        t2x_xml_propf(sn, "document", "%zu", s->doc + 1);
        if (sub && s->doc < sub->ndocs && sub->docs[s->doc].type[0]) t2x_xml_prop(sn, "type", sub->docs[s->doc].type);
        t2x_xml_prop(sn, "article", s->article);
        if (s->article_inferred) t2x_xml_prop(sn, "article-inferred", "true");
        t2x_xml_propf(sn, "multiplier", "%lld", s->multiplier);
        t2x_xml_prop(sn, "restated", s->restated ? "true" : "false");
        t2x_xml_propf(sn, "first-line", "%ld", s->first_line);
        t2x_xml_propf(sn, "last-line", "%ld", s->last_line > s->first_line ? s->last_line : s->first_line);
        if (s->name) t2x_xml_prop(sn, "name", s->name);
        if (s->cik) t2x_xml_prop(sn, "cik", s->cik);
        if (s->duplicate_of >= 0) t2x_xml_propf(sn, "duplicate-of", "x%d", s->duplicate_of + 1);
        if (s->multiplier_bad && s->duplicate_of < 0) {
            const char *msg = "EX-27 <MULTIPLIER> prints a number of more than 18 digits, which no schedule means; "
                              "its values are not cross-checked";
            if (issues) {
                xmlNodePtr is = xmlNewTextChild(issues, ns, BAD_CAST "issue", BAD_CAST msg);
                t2x_xml_prop(is, "severity", "warning");
                t2x_xml_prop(is, "code", "ex27-multiplier");
                t2x_xml_propf(is, "line", "%ld", s->first_line);
            }
            t2x_diag_add(diag, T2X_WARNING, name, s->first_line, "ex27-multiplier", "%s", msg);
        }
        for (int c = 0; c < s->ncols; c++) {
            const t2x_ex27_column *col = &s->cols[c];
            xmlNodePtr cn = xmlNewChild(sn, ns, BAD_CAST "column", NULL);
            t2x_xml_propf(cn, "id", "x%zuc%d", si + 1, c + 1);
            if (col->period_type) t2x_xml_prop(cn, "period-type", col->period_type);
            prop_date(cn, "fiscal-year-end", col->fiscal_year_end);
            prop_date(cn, "period-start", col->period_start);
            prop_date(cn, "period-end", col->period_end);
            prop_date(cn, "start", col->start);
        }
        for (; ri < res->n && res->v[ri].schedule == si; ri++) {
            const t2x_ex27_result *r = &res->v[ri];
            xmlNodePtr k = xmlNewChild(sn, ns, BAD_CAST "check", NULL);
            t2x_xml_propf(k, "column", "x%zuc%d", si + 1, r->col + 1);
            t2x_xml_prop(k, "tag", r->tag);
            t2x_xml_prop(k, "result", t2x_ex27_outcome_name(r->outcome));
            if (r->loose) t2x_xml_prop(k, "loose", "true");
            t2x_xml_propf(k, "line", "%ld", r->value->line);
            t2x_xml_prop(k, "text", r->value->text);
            if (r->ex27_value) t2x_xml_prop(k, "ex27-value", r->ex27_value);
            if (r->expected) t2x_xml_prop(k, "expected", r->expected);
            if (r->concept) t2x_xml_prop(k, "concept", r->concept);
            if (r->context) t2x_xml_prop(k, "context", r->context);
            if (r->stmt_value) t2x_xml_prop(k, "statement-value", r->stmt_value);
            if (r->stmt_line > 0) t2x_xml_propf(k, "statement-line", "%ld", r->stmt_line);
            if (r->stmt_value) {
                char *t = fmt_ld((long double)r->tolerance);
                t2x_xml_prop(k, "tolerance", t);
                free(t);
            }
            if (r->outcome != T2X_EX27_DISAGREE && r->outcome != T2X_EX27_ZERO) continue;
            char when[32];
            period_text(r, s, when, sizeof when);
            char *msg = t2x_xasprintf("EX-27 %s (%s) is %s%s%s but the statements report %s = %s for %s (line %ld)%s",
                                      r->tag, r->value->text, r->ex27_value, r->expected ? ", expected " : "",
                                      r->expected ? r->expected : "", r->concept, r->stmt_value, when, r->stmt_line,
                                      r->outcome == T2X_EX27_ZERO ? "; a zero in a schedule often means "
                                                                    "\"not applicable\", so this is not counted" : "");
            if (r->outcome == T2X_EX27_DISAGREE && r->loose) {
                t2x_diag_add(diag, T2X_INFO, name, r->value->line, "ex27-loose-mismatch",
                             "%s (a tag filers fill in different ways; not counted)", msg);
            } else if (r->outcome == T2X_EX27_DISAGREE) {
                if (issues) {
                    xmlNodePtr is = xmlNewTextChild(issues, ns, BAD_CAST "issue", NULL);
                    t2x_xml_prop(is, "severity", "warning");
                    t2x_xml_prop(is, "code", "ex27-mismatch");
                    t2x_xml_propf(is, "line", "%ld", r->value->line);
                    t2x_xml_prop(is, "context", r->context);
                    if (!strchr(r->concept, '+')) t2x_xml_prop(is, "concept", r->concept);
                    t2x_xml_prop(is, "tag", r->tag);
                    t2x_xml_prop(is, "ex27-value", r->ex27_value);
                    t2x_xml_prop(is, "statement-value", r->stmt_value);
                    xmlNodeAddContent(is, BAD_CAST msg);
                }
                t2x_diag_add(diag, T2X_WARNING, name, r->value->line, "ex27-mismatch", "%s", msg);
            } else {
                t2x_diag_add(diag, T2X_INFO, name, r->value->line, "ex27-zero", "%s", msg);
            }
            free(msg);
        }
    }
}

/* ------------------------------------------------------------------ the pipeline step */

void t2x_ex27_check(t2x_filing *f)
{
    t2x_ex27_set set;
    t2x_ex27_parse(&f->lines, &f->sub, &set);
    if (set.n > 0 && f->model && f->data && f->data->ex27) {
        t2x_ex27_resolve(&set);
        t2x_ex27_results res;
        t2x_ex27_compare(f->model, &set, f->data->ex27, &res);
        t2x_ex27_to_model(f->model, &set, &res, &f->sub, f->src.name, f->diag);
        t2x_ex27_results_free(&res);
    }
    t2x_ex27_set_free(&set);
}

/* ------------------------------------------------------------------ STEM.report.json */


/* "name": "value" or "name": null, with a leading ", ". */
static void json_member(t2x_buf *b, xmlNodePtr n, const char *attr, const char *name)
{
    char *v = get(n, attr);
    t2x_buf_printf(b, ", \"%s\": ", name);
    if (v) t2x_buf_json_str(b, v);
    else t2x_buf_puts(b, "null");
    xmlFree(v);
}

static void json_number(t2x_buf *b, xmlNodePtr n, const char *attr, const char *name)
{
    char *v = get(n, attr);
    t2x_buf_printf(b, ", \"%s\": %s", name, v ? v : "null");
    xmlFree(v);
}

void t2x_ex27_report_json(xmlDocPtr model, t2x_buf *b)
{
    xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL, ex = NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
        if (is_el(n, "ex27")) ex = n;
    t2x_buf_puts(b, ",\n  \"ex27-summary\": ");
    if (!ex)
        t2x_buf_puts(b, "{\"schedules\": 0, \"comparisons\": 0, \"agree\": 0, \"disagree\": 0, \"no-fact\": 0, "
                        "\"ex27-zero\": 0, \"loose-agree\": 0, \"loose-disagree\": 0}");
    else {
        t2x_buf_puts(b, "{");
        static const char *const keys[] = {"schedules",      "comparisons", "agree",         "disagree",
                                           "no-fact",        "ex27-zero",   "loose-agree",   "loose-disagree"};
        for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
            char *v = get(ex, keys[k]);
            t2x_buf_printf(b, "%s\"%s\": %s", k ? ", " : "", keys[k], v ? v : "0");
            xmlFree(v);
        }
        t2x_buf_puts(b, "}");
    }
    t2x_buf_puts(b, ",\n  \"ex27\": [");
    int first = 1;
    for (xmlNodePtr s = ex ? ex->children : NULL; s; s = s->next) {
        if (!is_el(s, "schedule")) continue;
        for (xmlNodePtr k = s->children; k; k = k->next) {
            if (!is_el(k, "check")) continue;
            char *result = get(k, "result");
            t2x_buf_printf(b, "%s\n    {", first ? "" : ",");
            first = 0;
            char *sid = get(s, "id"), *cid = get(k, "column"), *tag = get(k, "tag");
            t2x_buf_puts(b, "\"schedule\": ");
            t2x_buf_json_str(b, sid);
            t2x_buf_puts(b, ", \"column\": ");
            t2x_buf_json_str(b, cid);
            t2x_buf_puts(b, ", \"tag\": ");
            t2x_buf_json_str(b, tag);
            xmlFree(sid);
            xmlFree(cid);
            xmlFree(tag);
            json_number(b, k, "line", "line");
            json_member(b, k, "concept", "concept");
            json_member(b, k, "context", "context");
            json_member(b, k, "statement-value", "statement-value");
            json_number(b, k, "statement-line", "statement-line");
            json_member(b, k, "ex27-value", "ex27-value");
            json_member(b, k, "expected", "expected");
            json_member(b, k, "tolerance", "tolerance");
            t2x_buf_puts(b, ", \"result\": ");
            t2x_buf_json_str(b, result);
            char *loose = get(k, "loose");
            t2x_buf_printf(b, ", \"loose\": %s", loose ? "true" : "false");
            xmlFree(loose);
            t2x_buf_printf(b, ", \"agree\": %s}",
                           result && strcmp(result, "agree") == 0      ? "true"
                           : result && strcmp(result, "disagree") == 0 ? "false"
                                                                        : "null");
            xmlFree(result);
        }
    }
    t2x_buf_puts(b, first ? "]" : "\n  ]");
}

/* ------------------------------------------------------------------ the review summary */

/* An attribute read for printing: "0" when absent. */
static const char *nz(const char *s) { return s ? s : "0"; }

void t2x_ex27_summary(xmlDocPtr model, t2x_buf *b)
{
    xmlNodePtr root = model ? xmlDocGetRootElement(model) : NULL, ex = NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next)
        if (is_el(n, "ex27")) ex = n;
    if (!ex) {
        t2x_buf_puts(b, "\nEX-27: no Financial Data Schedule in the filing\n");
        return;
    }
    char *comp = get(ex, "comparisons"), *agree = get(ex, "agree"), *nsched = get(ex, "schedules");
    char *nofact = get(ex, "no-fact"), *zero = get(ex, "ex27-zero");
    size_t dups = 0;
    for (xmlNodePtr s = ex->children; s; s = s->next) {
        char *d = is_el(s, "schedule") ? get(s, "duplicate-of") : NULL;
        dups += d != NULL;
        xmlFree(d);
    }
    t2x_buf_printf(b, "\nEX-27 (%s schedule%s", nz(nsched), strcmp(nz(nsched), "1") == 0 ? "" : "s");
    if (dups) t2x_buf_printf(b, ", %zu repeated", dups);
    t2x_buf_printf(b, "): %s of %s comparisons agree", nz(agree), nz(comp));
    t2x_buf dis = {0}, loose = {0};
    size_t unmapped = 0;
    for (xmlNodePtr s = ex->children; s; s = s->next) {
        if (!is_el(s, "schedule")) continue;
        for (xmlNodePtr k = s->children; k; k = k->next) {
            if (!is_el(k, "check")) continue;
            char *res = get(k, "result"), *lo = get(k, "loose");
            if (res && strcmp(res, "unmapped") == 0) unmapped++;
            if (res && strcmp(res, "disagree") == 0) {
                char *tag = get(k, "tag"), *line = get(k, "line"), *ev = get(k, "ex27-value"), *exp = get(k, "expected"),
                     *concept = get(k, "concept"), *sv = get(k, "statement-value"), *ctx = get(k, "context"),
                     *sl = get(k, "statement-line");
                t2x_buf *dst = lo ? &loose : &dis;
                t2x_buf_printf(dst, "%s%s (line %s) %s%s%s vs %s %s in %s (line %s)", dst->len ? "; " : "", nz(tag),
                               nz(line), nz(ev), exp ? " → " : "", exp ? exp : "", nz(concept), nz(sv), nz(ctx),
                               sl ? sl : "?");
                xmlFree(tag);
                xmlFree(line);
                xmlFree(ev);
                xmlFree(exp);
                xmlFree(concept);
                xmlFree(sv);
                xmlFree(ctx);
                xmlFree(sl);
            }
            xmlFree(res);
            xmlFree(lo);
        }
    }
    t2x_buf_printf(b, "; disagreements: %s\n", dis.len ? dis.data : "none");
    t2x_buf_printf(b, "  not compared: %s without a statement fact, %s schedule zeros against an amount, %zu unmapped tags\n",
                   nz(nofact), nz(zero), unmapped);
    if (loose.len) t2x_buf_printf(b, "  loose tags that differ (not counted): %s\n", loose.data);
    free(dis.data);
    free(loose.data);
    xmlFree(comp);
    xmlFree(agree);
    xmlFree(nsched);
    xmlFree(nofact);
    xmlFree(zero);
}
