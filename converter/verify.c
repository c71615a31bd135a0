/*
 * verify.c — `txt2xbrl verify FILE DIR` (design §5, docs/verify.md): the driver and the checks
 * that compare the outputs with the raw source.
 *
 *   1 schema        the instance and its extension schema are schema-valid (xbrlvalid.c); the
 *                   inline document is valid Inline XBRL 1.1 XHTML (the ix schemas through the
 *                   catalog) and its header's schemaRef, contexts and units are the instance's
 *   2 text          the inline text blocks restore the source byte for byte
 *     facts         the inline facts, as a set, are the instance facts (concept, context,
 *                   unit, decimals, value); a fact printed several times is one fact
 *   3 spans         each tagged number is a whole printed number of the source; a fact kept
 *                   in ix:hidden names the printed number it shares
 *   4 coverage      every number in a statement's lines is tagged or listed with a reason
 *   5 calculations  Calculations 1.1 with STEM_cal.xml, and duplicate facts (verify_calc.c):
 *                   inconsistencies of the filing, reported with their lines, not errors
 *
 * Nothing here calls the table parser or reads the statement model.
 */
#include "verify.h"
#include "render.h"
#include "source.h"
#include "util.h"
#include "xbrlvalid.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/catalog.h>
#include <libxml/xmlschemas.h>

#define IX_SCHEMA_URL "http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd"

/* ---------------------------------------------------------------- source lines */

long t2x_vf_line_of(const t2x_vsource *s, size_t off)
{
    size_t lo = 0, hi = s->nlines;
    while (lo < hi) { /* last line starting at or before off */
        size_t mid = (lo + hi) / 2;
        if (s->line_off[mid] <= off) lo = mid + 1;
        else hi = mid;
    }
    return lo ? (long)lo : 1;
}

static void index_source(t2x_vsource *s, const unsigned char *d, size_t len)
{
    size_t cap = 0;
    s->data = d;
    s->len = len;
    s->line_off = NULL;
    s->nlines = 0;
    size_t i = 0;
    while (i < len) {
        s->line_off = t2x_grow(s->line_off, &cap, s->nlines + 1, sizeof *s->line_off);
        s->line_off[s->nlines++] = i;
        while (i < len && d[i] != '\n' && d[i] != '\r') i++;
        if (i < len && d[i] == '\r') i++;
        if (i < len && d[i] == '\n') i++; /* LF, or the LF of CR LF (as lines.c) */
    }
    if (!s->nlines) {
        s->line_off = t2x_xmalloc(sizeof *s->line_off);
        s->line_off[0] = 0;
        s->nlines = 1;
    }
}

/* ---------------------------------------------------------------- the ix schema (cached) */

static xmlSchemaPtr ix_schema;
static int ix_schema_tried;

static void ignore_error(void *ctx, xmlErrorPtr e) { (void)ctx; (void)e; }

typedef struct collect_ctx {
    t2x_verify_report *r;
    const char *name;
    int n;
} collect_ctx;

static void collect_invalid(void *ctx, xmlErrorPtr e)
{
    collect_ctx *c = ctx;
    if (!e || e->level < XML_ERR_ERROR) return;
    if (++c->n > 20) return;
    char msg[400];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "invalid");
    t2x_trim(msg);
    for (char *p = msg; *p; p++)
        if (*p == '\n') *p = ' ';
    t2x_vf_add(c->r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s line %d: not valid Inline XBRL 1.1 XHTML: %s", c->name, e->line, msg);
}

static void validate_inline_schema(xmlDocPtr doc, const char *name, t2x_verify_report *r, int *ran)
{
    *ran = 0;
    if (!ix_schema && !ix_schema_tried) {
        ix_schema_tried = 1;
        xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(IX_SCHEMA_URL);
        if (pc) {
            xmlSchemaSetParserStructuredErrors(pc, ignore_error, NULL);
            xmlSetStructuredErrorFunc(NULL, ignore_error);
            ix_schema = xmlSchemaParse(pc);
            xmlSetStructuredErrorFunc(NULL, NULL);
            xmlSchemaFreeParserCtxt(pc);
        }
    }
    if (!ix_schema) return;
    xmlSchemaValidCtxtPtr vc = xmlSchemaNewValidCtxt(ix_schema);
    if (!vc) return;
    collect_ctx cc = {r, name, 0};
    xmlSchemaSetValidStructuredErrors(vc, collect_invalid, &cc);
    int rc = xmlSchemaValidateDoc(vc, doc);
    xmlSchemaFreeValidCtxt(vc);
    if (rc < 0) return;
    if (cc.n > 20) t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s: %d more schema errors", name, cc.n - 20);
    *ran = 1;
}

void t2x_verify_cleanup(void)
{
    if (ix_schema) xmlSchemaFree(ix_schema);
    ix_schema = NULL;
    ix_schema_tried = 0;
}

/* ---------------------------------------------------------------- finding the outputs */

/* Does the head of an inline document record this source hash? */
static int records_hash(const char *path, const char *sha)
{
    int fd = t2x_vf_open_regular(path, NULL); /* a FIFO named *.htm does not block the search */
    if (fd < 0) return 0;
    char head[8193];
    size_t n = 0;
    while (n < sizeof head - 1) {
        ssize_t k = read(fd, head + n, sizeof head - 1 - n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        n += (size_t)k;
    }
    close(fd);
    head[n] = '\0';
    /* the t2x-source processing instruction of the prolog (docs/inline.md "Provenance"); the
     * <meta name="t2x-source-sha256"> of the head in outputs of txt2xbrl before 2026-12-02 */
    char want[128];
    snprintf(want, sizeof want, "<?t2x-source sha256=\"%s\"", sha);
    const char *pi = strstr(head, want), *root = strstr(head, "<html");
    if (pi && (!root || pi < root)) return 1;
    snprintf(want, sizeof want, "<meta name=\"t2x-source-sha256\" content=\"%s\"", sha);
    return strstr(head, want) != NULL;
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The stem of the outputs of this source in dir; NULL with a diagnostic when none or several. */
static char *find_stem(const char *dir, const char *sha, const char *srcname, t2x_diag *diag, int *unreadable)
{
    *unreadable = 0;
    DIR *d = opendir(dir);
    if (!d) {
        t2x_diag_add(diag, T2X_ERROR, dir, 0, "bad-input", "cannot read the output directory: %s", strerror(errno));
        *unreadable = 1;
        return NULL;
    }
    char **hits = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".htm") != 0) continue;
        char *p = t2x_xasprintf("%s/%s", dir, e->d_name);
        if (records_hash(p, sha)) {
            hits = t2x_grow(hits, &cap, n + 1, sizeof *hits);
            hits[n++] = t2x_xstrndup(e->d_name, l - 4);
        }
        free(p);
    }
    closedir(d);
    if (n) qsort(hits, n, sizeof *hits, cmp_cstr);
    char *stem = NULL;
    if (n == 1) {
        stem = hits[0];
    } else if (n == 0) {
        t2x_diag_add(diag, T2X_ERROR, srcname, 0, "no-output",
                     "%s holds no inline document (STEM.htm) of this source (sha256 %.12s…); convert it with "
                     "--formats including ixbrl, or name the outputs with --stem", dir, sha);
    } else {
        t2x_diag_add(diag, T2X_ERROR, srcname, 0, "no-output",
                     "%s holds %zu inline documents of this source (%s, %s…); name one with --stem", dir, n, hits[0], hits[1]);
    }
    for (size_t i = 0; i < n; i++)
        if (hits[i] != stem) free(hits[i]);
    free(hits);
    return stem;
}

static int exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* ---------------------------------------------------------------- facts */

static int cmp_fact_key(const void *a, const void *b)
{
    const t2x_vfact *x = *(const t2x_vfact *const *)a, *y = *(const t2x_vfact *const *)b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    return (x->line ? x->line : x->xml_line) < (y->line ? y->line : y->xml_line) ? -1 : 0;
}

/* Distinct facts by key, sorted (first occurrence = lowest line). */
static const t2x_vfact **distinct(const t2x_vfacts *fs, size_t *n)
{
    const t2x_vfact **v = t2x_xmalloc(sizeof *v * (fs->n + 1));
    for (size_t i = 0; i < fs->n; i++) v[i] = &fs->v[i];
    qsort(v, fs->n, sizeof *v, cmp_fact_key);
    size_t k = 0;
    for (size_t i = 0; i < fs->n; i++)
        if (!k || strcmp(v[k - 1]->key, v[i]->key) != 0) v[k++] = v[i];
    *n = k;
    return v;
}

static void describe(t2x_buf *b, const t2x_vfact *f)
{
    t2x_buf_printf(b, "%s", f->value ? f->value : "nil");
    if (f->numeric) t2x_buf_printf(b, " (unit %s, decimals %s)", f->unit ? f->unit : "?", f->decimals ? f->decimals : "?");
}

static int cmp_fact_slot_key(const void *a, const void *b)
{
    const t2x_vfact *x = *(const t2x_vfact *const *)a, *y = *(const t2x_vfact *const *)b;
    int c = strcmp(x->slot, y->slot);
    return c ? c : strcmp(x->key, y->key);
}

/* The first fact (by key) of v[0..n), sorted by slot then key, whose slot is `slot`; NULL. */
static const t2x_vfact *first_of_slot(const t2x_vfact **v, size_t n, const char *slot)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strcmp(v[mid]->slot, slot) < 0) lo = mid + 1;
        else hi = mid;
    }
    return lo < n && strcmp(v[lo]->slot, slot) == 0 ? v[lo] : NULL;
}

static void facts_check(const t2x_vfacts *inst, const t2x_vfacts *inl, t2x_verify_report *r)
{
    size_t ni, nl;
    const t2x_vfact **a = distinct(inst, &ni), **b = distinct(inl, &nl);
    const t2x_vfact **only_a = t2x_xmalloc(sizeof *only_a * (ni + 1)), **only_b = t2x_xmalloc(sizeof *only_b * (nl + 1));
    size_t na = 0, nb = 0, i = 0, j = 0;
    while (i < ni || j < nl) {
        int c = i >= ni ? 1 : j >= nl ? -1 : strcmp(a[i]->key, b[j]->key);
        if (c == 0) {
            i++;
            j++;
        } else if (c < 0) {
            only_a[na++] = a[i++];
        } else {
            only_b[nb++] = b[j++];
        }
    }
    /* pair the differences of one concept, context and unit (binary searches by slot) */
    const t2x_vfact **a_slot = t2x_xmalloc(sizeof *a_slot * (na + 1)), **b_slot = t2x_xmalloc(sizeof *b_slot * (nb + 1));
    memcpy(a_slot, only_a, sizeof *a_slot * na);
    memcpy(b_slot, only_b, sizeof *b_slot * nb);
    qsort(a_slot, na, sizeof *a_slot, cmp_fact_slot_key);
    qsort(b_slot, nb, sizeof *b_slot, cmp_fact_slot_key);
    for (size_t x = 0; x < na; x++) {
        const t2x_vfact *f = only_a[x];
        t2x_buf m = {0};
        const t2x_vfact *g = first_of_slot(b_slot, nb, f->slot);
        if (g) {
            t2x_buf_printf(&m, "%s in %s: the instance has ", f->qname, f->context);
            describe(&m, f);
            t2x_buf_puts(&m, ", the inline document ");
            describe(&m, g);
            if (g->line) t2x_buf_printf(&m, " at line %ld", g->line);
        } else {
            t2x_buf_printf(&m, "%s in %s = ", f->qname, f->context);
            describe(&m, f);
            t2x_buf_printf(&m, " (instance line %ld) is not a fact of the inline document", f->xml_line);
        }
        t2x_vf_add(r, V_ERROR, VC_FACTS, g ? g->line : 0, f->qname, f->context, "%s", m.data);
        free(m.data);
    }
    for (size_t y = 0; y < nb; y++) {
        const t2x_vfact *g = only_b[y];
        if (first_of_slot(a_slot, na, g->slot)) continue; /* paired above */
        t2x_buf m = {0};
        t2x_buf_printf(&m, "%s in %s = ", g->qname, g->context);
        describe(&m, g);
        if (g->line) t2x_buf_printf(&m, ", tagged at line %ld,", g->line);
        t2x_buf_puts(&m, " is not a fact of the instance");
        t2x_vf_add(r, V_ERROR, VC_FACTS, g->line, g->qname, g->context, "%s", m.data);
        free(m.data);
    }
    r->checks[VC_FACTS].ran = 1;
    r->checks[VC_FACTS].detail = t2x_xasprintf("%zu inline tags give %zu distinct facts; the instance has %zu; %zu and %zu differ",
                                               inl->n, nl, ni, na, nb);
    free(a);
    free(b);
    free(only_a);
    free(only_b);
    free(a_slot);
    free(b_slot);
}

/* ---------------------------------------------------------------- spans */

static int digit(unsigned char c) { return c >= '0' && c <= '9'; }

typedef struct span_key {
    size_t offset, length;
} span_key;

static int cmp_span_key(const void *a, const void *b)
{
    const span_key *x = a, *y = b;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    return x->length < y->length ? -1 : x->length > y->length;
}

static void spans_check(const t2x_vsource *src, t2x_vinline *in, t2x_verify_report *r)
{
    size_t visible = 0, hidden = 0, derived = 0;
    /* the spans of the visible facts, for the hidden facts that name one */
    span_key *vis = t2x_xmalloc(sizeof *vis * (in->facts.n + 1));
    size_t nvis = 0;
    for (size_t i = 0; i < in->facts.n; i++)
        if (!in->facts.v[i].hidden) vis[nvis++] = (span_key){in->facts.v[i].offset, in->facts.v[i].length};
    qsort(vis, nvis, sizeof *vis, cmp_span_key);
    for (size_t i = 0; i < in->facts.n; i++) {
        t2x_vfact *f = &in->facts.v[i];
        if (f->length == 0) {
            if (f->numeric)
                t2x_vf_add(r, V_ERROR, VC_SPANS, 0, f->qname, f->context, "%s in %s = %s has no printed number in the source",
                      f->qname, f->context, f->value ? f->value : "nil");
            else derived++;
            continue;
        }
        size_t s = f->offset, e = f->offset + f->length;
        if (e > src->len || s >= e) {
            t2x_vf_add(r, V_ERROR, VC_SPANS, 0, f->qname, f->context, "%s in %s: its span is outside the source", f->qname, f->context);
            continue;
        }
        const unsigned char *d = src->data;
        f->line = t2x_vf_line_of(src, s);
        if (f->hidden) {
            hidden++;
            /* the printed number a visible fact wraps */
            span_key want = {s, f->length};
            int shared = bsearch(&want, vis, nvis, sizeof *vis, cmp_span_key) != NULL;
            if (!shared)
                t2x_vf_add(r, V_ERROR, VC_SPANS, f->line, f->qname, f->context,
                      "%s in %s (ix:hidden) names a printed number at line %ld that no visible fact wraps", f->qname,
                      f->context, f->line);
            continue;
        }
        visible++;
        int bad = 0;
        for (size_t k = s; k < e; k++) bad |= d[k] == '\n' || d[k] == '\r';
        int has_digit = 0;
        for (size_t k = s; k < e; k++) has_digit |= digit(d[k]);
        if (has_digit) {
            if (s > 0 && (digit(d[s - 1]) || ((d[s - 1] == ',' || d[s - 1] == '.') && s > 1 && digit(d[s - 2])))) bad = 1;
            if (e < src->len && (digit(d[e]) || ((d[e] == ',' || d[e] == '.') && e + 1 < src->len && digit(d[e + 1])))) bad = 1;
        } else if (!f->value || strcmp(f->value, "0") != 0) {
            bad = 1; /* only a zero may be printed without digits (a dash) */
        }
        if (bad) {
            char *t = t2x_xstrndup((const char *)d + s, f->length);
            t2x_vf_add(r, V_ERROR, VC_SPANS, f->line, f->qname, f->context,
                  "%s in %s: the tagged text '%.40s' at line %ld is not a whole printed number", f->qname, f->context, t, f->line);
            free(t);
        }
    }
    free(vis);
    r->checks[VC_SPANS].ran = 1;
    r->checks[VC_SPANS].detail = t2x_xasprintf("%zu tagged numbers are whole printed numbers; %zu hidden facts share one; "
                                               "%zu cover facts are derived (no span)", visible, hidden, derived);
}

/* ---------------------------------------------------------------- coverage */

typedef struct cover_span {
    size_t s, e;
} cover_span;

static int cmp_cover(const void *a, const void *b)
{
    const cover_span *x = a, *y = b;
    return x->s < y->s ? -1 : x->s > y->s;
}

static int covered(const cover_span *v, size_t n, size_t s, size_t e)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid].s < e) lo = mid + 1;
        else hi = mid;
    }
    for (size_t k = lo; k-- > 0 && lo - k <= 4;)
        if (v[k].e > s) return 1;
    return 0;
}

/* " (the instance's us-gaap:X in C is this number)": instance facts whose magnitude is the
 * printed number at scale 0, 3 or 6 — what an untagged number most likely should have been. */
static void hint(t2x_buf *b, const char *printed, const t2x_vfacts *inst)
{
    t2x_buf digits = {0};
    for (const char *p = printed; *p; p++)
        if (*p != ',') t2x_buf_putc(&digits, *p);
    int shown = 0;
    for (int scale = 0; scale <= 6 && shown < 2; scale += 3) {
        char *v = t2x_vf_decimal(digits.data ? digits.data : "", scale, 0);
        for (size_t i = 0; v && i < inst->n && shown < 2; i++) {
            const t2x_vfact *f = &inst->v[i];
            if (!f->numeric || !f->value) continue;
            const char *mag = f->value[0] == '-' ? f->value + 1 : f->value;
            if (strcmp(mag, v) != 0 || strcmp(v, "0") == 0) continue;
            t2x_buf_printf(b, "%s%s in %s = %s", shown ? "; " : " (the instance has ", f->qname, f->context, f->value);
            shown++;
        }
        free(v);
    }
    if (shown) t2x_buf_putc(b, ')');
    free(digits.data);
}

static void coverage_check(const t2x_vsource *src, const t2x_vinline *in, const t2x_vfacts *inst, t2x_verify_report *r)
{
    size_t n = 0;
    cover_span *tagged = t2x_xmalloc(sizeof *tagged * (in->facts.n + 1));
    cover_span *listed = t2x_xmalloc(sizeof *listed * (in->untagged.n + 1));
    for (size_t i = 0; i < in->facts.n; i++)
        if (!in->facts.v[i].hidden && in->facts.v[i].length)
            tagged[n++] = (cover_span){in->facts.v[i].offset, in->facts.v[i].offset + in->facts.v[i].length};
    qsort(tagged, n, sizeof *tagged, cmp_cover);
    size_t nl = 0;
    for (size_t i = 0; i < in->untagged.n; i++) {
        const t2x_vspan *u = &in->untagged.v[i];
        const char *why = u->text && strncmp(u->text, "not tagged: ", 12) == 0 ? u->text + 12 : NULL;
        if (!why || !*why) {
            t2x_vf_add(r, V_ERROR, VC_COVERAGE, t2x_vf_line_of(src, u->s), NULL, NULL,
                  "line %ld: a number marked untagged without a reason (title \"not tagged: …\")", t2x_vf_line_of(src, u->s));
            continue;
        }
        listed[nl++] = (cover_span){u->s, u->e};
    }
    qsort(listed, nl, sizeof *listed, cmp_cover);
    size_t numbers = 0, ntag = 0, nlist = 0, missing = 0;
    for (size_t b = 0; b < in->blocks.n; b++) {
        const t2x_vspan *blk = &in->blocks.v[b];
        if (blk->e <= blk->s || blk->e > src->len) continue;
        long first = t2x_vf_line_of(src, blk->s), last = t2x_vf_line_of(src, blk->e - 1);
        for (long ln = first; ln <= last; ln++) {
            size_t ls = src->line_off[ln - 1];
            size_t le = (size_t)ln < src->nlines ? src->line_off[ln] : src->len;
            const unsigned char *d = src->data;
            size_t i = ls;
            while (i < le) {
                if (!digit(d[i])) {
                    i++;
                    continue;
                }
                size_t s = i;
                if (s > ls && d[s - 1] == '.' && (s - 1 == ls || !digit(d[s - 2]))) s--;
                while (i < le && (digit(d[i]) || ((d[i] == ',' || d[i] == '.') && i + 1 < le && digit(d[i + 1])))) i++;
                numbers++;
                if (covered(tagged, n, s, i)) ntag++;
                else if (covered(listed, nl, s, i)) nlist++;
                else {
                    missing++;
                    char *t = t2x_xstrndup((const char *)d + s, i - s);
                    const char *title = strchr(blk->text, ' ');
                    t2x_buf h = {0};
                    t2x_buf_puts(&h, "");
                    if (missing <= 50) hint(&h, t, inst); /* a scan of the instance: for the first 50 only */
                    t2x_vf_add(r, V_ERROR, VC_COVERAGE, ln, NULL, NULL,
                          "line %ld: the number %s in statement %.*s (%s) is neither tagged nor listed as untagged%s", ln, t,
                          (int)(title ? (size_t)(title - blk->text) : strlen(blk->text)), blk->text, title ? title + 1 : "",
                          h.data);
                    free(h.data);
                    free(t);
                }
            }
        }
    }
    r->checks[VC_COVERAGE].ran = 1;
    if (in->hrows) /* the statement rows of HTML blocks, checked as the document was read */
        r->checks[VC_COVERAGE].detail = t2x_xasprintf(
            "%zu numbers in %zu statement blocks and %zu HTML statement rows: %zu tagged, %zu listed with a reason, %zu neither",
            numbers + in->hnumbers, in->blocks.n, in->hrows, ntag + in->htagged, nlist + in->hlisted, missing + in->hmissing);
    else
        r->checks[VC_COVERAGE].detail = t2x_xasprintf("%zu numbers in %zu statement blocks: %zu tagged, %zu listed with a reason, %zu neither",
                                                      numbers, in->blocks.n, ntag, nlist, missing);
    free(tagged);
    free(listed);
}

/* ---------------------------------------------------------------- header = instance */

static void same_resources(const t2x_vresset *a, const t2x_vresset *b, const char *what, t2x_verify_report *r)
{
    for (size_t i = 0; i < a->n; i++) {
        const t2x_vres *x = &a->v[i], *y = t2x_vf_res_find(b, x->id);
        if (!y) t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, x->id, "%s %s of the instance is not in the inline header", what, x->id);
        else if (strcmp(x->key, y->key) != 0)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, x->id, "%s %s differs: instance %s, inline header %s", what, x->id, x->label,
                  y->label);
    }
    for (size_t i = 0; i < b->n; i++)
        if (!t2x_vf_res_find(a, b->v[i].id))
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, b->v[i].id, "%s %s of the inline header is not in the instance", what,
                  b->v[i].id);
}

static char *instance_schema_ref(xmlDocPtr doc)
{
    for (xmlNodePtr c = xmlDocGetRootElement(doc)->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && c->ns && xmlStrEqual(c->ns->href, BAD_CAST NS_LINK) &&
            xmlStrEqual(c->name, BAD_CAST "schemaRef")) {
            xmlChar *h = xmlGetNsProp(c, BAD_CAST "href", BAD_CAST NS_XLINK);
            char *s = h ? t2x_xstrdup((const char *)h) : NULL;
            xmlFree(h);
            return s;
        }
    return NULL;
}

/* ---------------------------------------------------------------- the driver */

t2x_status t2x_verify(const char *source, const char *dir, const t2x_verify_options *opt, t2x_diag *diag,
                      t2x_verify_report **out)
{
    *out = NULL;
    if (!source || !dir) {
        t2x_diag_add(diag, T2X_ERROR, NULL, 0, "usage", "t2x_verify: bad arguments");
        return T2X_ERR_USAGE;
    }
    t2x_xml_init();
    size_t max = opt && opt->max_xml_bytes ? opt->max_xml_bytes : T2X_VERIFY_MAX_XML;
    const char *data_dir = opt && opt->data_dir ? opt->data_dir : t2x_default_data_dir();

    t2x_source src;
    t2x_status st = t2x_source_read(source, &src, diag);
    if (st != T2X_OK) {
        t2x_source_free(&src);
        return st;
    }
    int unreadable = 0;
    char *stem = opt && opt->stem ? t2x_xstrdup(opt->stem) : find_stem(dir, src.sha256, source, diag, &unreadable);
    if (!stem) {
        t2x_source_free(&src);
        return unreadable ? T2X_ERR_INPUT : T2X_ERR_VERIFY;
    }
    char *p_htm = t2x_xasprintf("%s/%s.htm", dir, stem), *p_xml = t2x_xasprintf("%s/%s.xml", dir, stem),
         *p_xsd = t2x_xasprintf("%s/%s.xsd", dir, stem), *p_cal = t2x_xasprintf("%s/%s_cal.xml", dir, stem);
    char *n_htm = t2x_xasprintf("%s.htm", stem), *n_xml = t2x_xasprintf("%s.xml", stem);

    t2x_verify_report *r = t2x_xcalloc(1, sizeof *r);
    r->source_name = t2x_xstrdup(source);
    r->dir = t2x_xstrdup(dir);
    r->stem = stem;
    memcpy(r->sha256, src.sha256, sizeof r->sha256);
    r->source_length = src.len;
    r->strict = opt ? opt->strict : 0;
    for (int i = 0; i < VC_COUNT; i++) r->checks[i].name = t2x_vf_check_names[i];

    xmlDocPtr htm = NULL, xml = NULL, xsd = NULL, cal = NULL;
    char *xml_bytes = NULL, *xsd_bytes = NULL;
    size_t xml_len = 0, xsd_len = 0;
    t2x_vinline in;
    memset(&in, 0, sizeof in);
    t2x_vfacts inst = {0};
    t2x_vresset ictx = {0}, iunit = {0};
    t2x_vsource vs;
    index_source(&vs, src.data, src.len);
    st = T2X_OK;

    /* read everything first: a refused or unreadable file stops here with one line */
    const char *missing = !exists(p_htm) ? p_htm : !exists(p_xml) ? p_xml : !exists(p_xsd) ? p_xsd : NULL;
    if (missing) {
        t2x_diag_add(diag, T2X_ERROR, source, 0, "no-output", "the output %s is missing", missing);
        st = T2X_ERR_VERIFY;
        goto done;
    }
    if (!(htm = t2x_vf_read_xml(p_htm, max, diag, NULL, NULL)) || !(xml = t2x_vf_read_xml(p_xml, max, diag, &xml_bytes, &xml_len)) ||
        !(xsd = t2x_vf_read_xml(p_xsd, max, diag, &xsd_bytes, &xsd_len)) ||
        (exists(p_cal) && !(cal = t2x_vf_read_xml(p_cal, max, diag, NULL, NULL)))) {
        st = T2X_ERR_INPUT;
        goto done;
    }

    /* 1 schema: the instance and its schema (XML Schema with --schema, else the compact
     * concept-table checks below), then the inline document */
    int full_schema = opt && opt->schema;
    if (full_schema) {
        t2x_diag vd = {0};
        t2x_status vst = t2x_validate_instance(xml_bytes, xml_len, xsd_bytes, xsd_len, n_xml, data_dir, &vd);
        for (size_t i = 0; i < vd.count; i++)
            if (vd.items[i].severity == T2X_ERROR)
                t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s%s%ld: %s", n_xml, vd.items[i].line ? " line " : "",
                      vd.items[i].line, vd.items[i].message);
        t2x_diag_free(&vd);
        if (vst == T2X_ERR_DATA) {
            t2x_diag_add(diag, T2X_ERROR, data_dir, 0, "data", "the taxonomy schemas or catalog are missing");
            st = T2X_ERR_DATA;
            goto done;
        }
        if (vst != T2X_OK && vst != T2X_ERR_VERIFY)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s: the schema validation did not run (%s)", n_xml, t2x_status_str(vst));
    }
    xmlNodePtr iroot = xmlDocGetRootElement(xml);
    if (!iroot->ns || !xmlStrEqual(iroot->ns->href, BAD_CAST NS_XBRLI) || !xmlStrEqual(iroot->name, BAD_CAST "xbrl")) {
        t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "%s: the root element is not xbrli:xbrl", n_xml);
    } else {
        t2x_vf_read_resources(iroot, &ictx, &iunit, r, VC_SCHEMA);
        t2x_vf_instance_facts(xml, &ictx, &iunit, &inst, r);
    }
    size_t concept_checked = 0;
    if (!full_schema) t2x_vf_concept_checks(&inst, &ictx, &iunit, xsd, data_dir, r, &concept_checked);
    int ix_ran = 0;
    if (full_schema) validate_inline_schema(htm, n_htm, r, &ix_ran);
    t2x_vf_inline_read(htm, n_htm, src.data, src.len, &in, r);
    {
        char *ref = instance_schema_ref(xml);
        if (!in.schema_ref || !ref || strcmp(in.schema_ref, ref) != 0)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "the inline document's schemaRef (%s) is not the instance's (%s)",
                  in.schema_ref ? in.schema_ref : "none", ref ? ref : "none");
        free(ref);
    }
    same_resources(&ictx, &in.ctxs, "context", r);
    same_resources(&iunit, &in.units, "unit", r);
    r->checks[VC_SCHEMA].ran = 1;
    r->checks[VC_SCHEMA].detail = t2x_xasprintf("instance: %zu facts, %zu contexts, %zu units%s; inline document: %s, header = instance's",
                                                 inst.n, ictx.n, iunit.n,
                                                 r->checks[VC_SCHEMA].errors ? ""
                                                 : full_schema ? ", schema-valid"
                                                               : ", concepts, periods, types and units checked against the 2023 concept table",
                                                 ix_ran ? "Inline XBRL 1.1 XHTML schema checked"
                                                 : full_schema ? "ix schema not available" : "ix header read (--schema: XHTML schema)");

    /* 2 text */
    r->checks[VC_TEXT].ran = 1;
    int text_equal = in.text_ok && in.text.len == src.len && memcmp(in.text.data, src.data, src.len) == 0;
    if (!text_equal) {
        size_t k = 0, m = in.text.len < src.len ? in.text.len : src.len;
        while (k < m && (unsigned char)in.text.data[k] == src.data[k]) k++;
        long ln = t2x_vf_line_of(&vs, k);
        size_t col = k - vs.line_off[ln - 1] + 1;
        char *a = t2x_xstrndup((const char *)src.data + k, src.len - k < 24 ? src.len - k : 24);
        char *b = t2x_xstrndup(in.text.data + k, in.text.len - k < 24 ? in.text.len - k : 24);
        for (char *q = a; *q; q++)
            if ((unsigned char)*q < 0x20) *q = ' ';
        for (char *q = b; *q; q++)
            if ((unsigned char)*q < 0x20) *q = ' ';
        if (k < m || in.text.len != src.len)
            t2x_vf_add(r, V_ERROR, VC_TEXT, ln, NULL, NULL,
                  "the inline text differs from the source at line %ld, column %zu (byte %zu): source \"%s\", inline \"%s\"%s",
                  ln, col, k, a, b, in.text.len != src.len ? " (lengths differ)" : "");
        free(a);
        free(b);
        r->checks[VC_TEXT].detail = t2x_xasprintf("%zu source bytes, %zu restored: not equal", src.len, in.text.len);
    } else {
        r->checks[VC_TEXT].detail = t2x_xasprintf("%zu bytes restored byte for byte from %zu text blocks", src.len, in.nblocks);
    }

    /* facts; their source lines (for every message) when the text is the source's */
    if (text_equal)
        for (size_t i = 0; i < in.facts.n; i++)
            if (in.facts.v[i].length && in.facts.v[i].offset < src.len) in.facts.v[i].line = t2x_vf_line_of(&vs, in.facts.v[i].offset);
    facts_check(&inst, &in.facts, r);

    /* 3 spans, 4 coverage: in source offsets, so only when the text is the source's */
    if (text_equal) {
        spans_check(&vs, &in, r);
        coverage_check(&vs, &in, &inst, r);
    } else {
        r->checks[VC_SPANS].detail = t2x_xstrdup("skipped: the text differs from the source");
        r->checks[VC_COVERAGE].detail = t2x_xstrdup("skipped: the text differs from the source");
    }

    /* 5 calculations and duplicates (the filing's own arithmetic) */
    t2x_vf_calc_check(cal, xml, xsd, &inst, &in.facts, r);
    t2x_vf_duplicates_check(&inst, &in.facts, r);

done:
    if (st == T2X_OK) {
        size_t errors = 0, incons = 0;
        for (size_t i = 0; i < r->nf; i++) {
            errors += r->f[i].kind == V_ERROR;
            incons += r->f[i].kind == V_INCONSISTENCY && !r->f[i].consequence;
        }
        r->faithful = errors == 0 && (!r->strict || incons == 0);
        for (size_t i = 0; i < r->nf; i++) {
            const t2x_vfinding *f = &r->f[i];
            if (f->kind == V_NOTE || f->consequence) continue;
            t2x_diag_add(diag, f->kind == V_ERROR ? T2X_ERROR : T2X_WARNING, source, f->line,
                         f->kind == V_ERROR ? "conversion-error" : "filing-inconsistency", "%s", f->message);
        }
        st = r->faithful ? T2X_OK : T2X_ERR_VERIFY;
        *out = r;
        r = NULL;
    } else if (st == T2X_ERR_VERIFY) {
        r->faithful = 0;
        *out = r;
        r = NULL;
    }
    t2x_verify_report_free(r);
    if (htm) xmlFreeDoc(htm);
    if (xml) xmlFreeDoc(xml);
    if (xsd) xmlFreeDoc(xsd);
    if (cal) xmlFreeDoc(cal);
    free(xml_bytes);
    free(xsd_bytes);
    t2x_vf_inline_free(&in);
    t2x_vf_facts_free(&inst);
    t2x_vf_resset_free(&ictx);
    t2x_vf_resset_free(&iunit);
    free(vs.line_off);
    free(p_htm);
    free(p_xml);
    free(p_xsd);
    free(p_cal);
    free(n_htm);
    free(n_xml);
    t2x_source_free(&src);
    return st;
}
