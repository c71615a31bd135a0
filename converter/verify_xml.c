/*
 * verify_xml.c — the verifier's reading of untrusted output files (design §5, issue "Inline
 * XBRL … verifier", security): a size limit, no document type declaration at all (so no
 * entity can be declared: no external entities, no billion laughs), no DTD loading, no
 * network, libxml2's default depth (256) and text-node (10 MB) limits. Then the XBRL pieces
 * the checks compare: contexts and units as canonical signatures, facts with canonical values.
 */
#include "verify_xml.h"
#include "sha256.h"
#include "util.h"
#include "xmlnode.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* ---------------------------------------------------------------- files */

int t2x_vf_open_regular(const char *path, size_t *size)
{
    /* O_NONBLOCK: opening a FIFO does not wait for a writer; fstat then turns it away */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = 0;
        return -1;
    }
    if (size) *size = (size_t)st.st_size;
    return fd;
}

char *t2x_vf_read_file(const char *path, size_t max_bytes, size_t *len, t2x_diag *diag)
{
    size_t size = 0;
    int fd = t2x_vf_open_regular(path, &size);
    if (fd < 0) {
        if (errno) t2x_diag_add(diag, T2X_ERROR, path, 0, "bad-input", "cannot read: %s", strerror(errno));
        else t2x_diag_add(diag, T2X_ERROR, path, 0, "bad-input", "not a regular file (a FIFO, device or directory is not read)");
        return NULL;
    }
    if (size > max_bytes) {
        close(fd);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "unsafe-xml", "refused: %zu bytes, more than the limit of %zu", size, max_bytes);
        return NULL;
    }
    t2x_buf b = {0};
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            free(b.data);
            t2x_diag_add(diag, T2X_ERROR, path, 0, "bad-input", "read error: %s", strerror(e));
            return NULL;
        }
        if (n == 0) break;
        if (b.len + (size_t)n > max_bytes) { /* grew while we read */
            close(fd);
            free(b.data);
            t2x_diag_add(diag, T2X_ERROR, path, 0, "unsafe-xml", "refused: more than the limit of %zu bytes", max_bytes);
            return NULL;
        }
        t2x_buf_add(&b, chunk, (size_t)n);
    }
    close(fd);
    if (!b.data) t2x_buf_puts(&b, "");
    *len = b.len;
    return b.data;
}

/* Does the prolog hold a document type declaration? (before the root element: skip the BOM,
 * white space, the XML declaration, processing instructions and comments) */
static int has_doctype(const char *p, size_t n)
{
    size_t i = 0;
    if (n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB && (unsigned char)p[2] == 0xBF) i = 3;
    for (;;) {
        while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' || p[i] == '\n')) i++;
        if (i + 1 >= n || p[i] != '<') return 0;
        if (p[i + 1] == '?') {
            const char *e = NULL;
            for (size_t k = i + 2; k + 1 < n; k++)
                if (p[k] == '?' && p[k + 1] == '>') {
                    e = p + k;
                    break;
                }
            if (!e) return 0;
            i = (size_t)(e - p) + 2;
        } else if (i + 3 < n && p[i + 1] == '!' && p[i + 2] == '-' && p[i + 3] == '-') {
            const char *e = NULL;
            for (size_t k = i + 4; k + 2 < n; k++)
                if (p[k] == '-' && p[k + 1] == '-' && p[k + 2] == '>') {
                    e = p + k;
                    break;
                }
            if (!e) return 0;
            i = (size_t)(e - p) + 3;
        } else {
            return p[i + 1] == '!'; /* <!DOCTYPE (or any other declaration) */
        }
    }
}

/* Does an element have more than `max` attributes (namespace declarations included)? A linear
 * scan of the start tags, skipping comments, CDATA sections, processing instructions and
 * quoted attribute values, done before libxml2 sees the bytes: libxml2 checks an element's
 * attributes for duplicates pairwise, so 200,000 attributes on one element cost minutes
 * (issue 12 D13). On well-formed XML the count is exact; on anything else the scan stops and
 * leaves the verdict to the parser. OUT: *line, the element's line */
static int too_many_attributes(const char *p, size_t n, size_t max, long *line)
{
    long ln = 1;
    size_t i = 0;
    while (i < n) {
        char c = p[i];
        if (c == '\n') ln++;
        if (c != '<') {
            i++;
            continue;
        }
        const char *close = NULL;
        if (i + 3 < n && p[i + 1] == '!' && p[i + 2] == '-' && p[i + 3] == '-') close = "-->";
        else if (i + 8 < n && memcmp(p + i + 1, "![CDATA[", 8) == 0) close = "]]>";
        else if (i + 1 < n && p[i + 1] == '?') close = "?>";
        else if (i + 1 < n && (p[i + 1] == '/' || p[i + 1] == '!')) close = ">";
        if (close) { /* skip to the end of the construct, counting lines */
            size_t cl = strlen(close);
            for (i++; i < n && !(i + cl <= n && memcmp(p + i, close, cl) == 0); i++)
                if (p[i] == '\n') ln++;
            i += cl;
            continue;
        }
        /* a start tag: the name, then name="value" pairs up to > or /> */
        long tag_line = ln;
        size_t count = 0;
        for (i++; i < n && p[i] != '>' && p[i] != '/'; i++) {
            if (p[i] == '\n') ln++;
            if (p[i] != '"' && p[i] != '\'') continue;
            char q = p[i];
            for (i++; i < n && p[i] != q; i++)
                if (p[i] == '\n') ln++;
            if (++count > max) {
                *line = tag_line;
                return 1;
            }
        }
    }
    return 0;
}

/* The first parser error, as one line. */
typedef struct first_error {
    char msg[300];
    int line;
    int set;
} first_error;

static void on_error(void *ctx, xmlErrorPtr e)
{
    first_error *fe = ctx;
    if (fe->set || !e || e->level < XML_ERR_ERROR) return;
    fe->set = 1;
    fe->line = e->line;
    snprintf(fe->msg, sizeof fe->msg, "%s", e->message ? e->message : "error");
    for (char *q = fe->msg; *q; q++)
        if (*q == '\n' || *q == '\r') *q = ' ';
    t2x_trim(fe->msg);
}

xmlDocPtr t2x_vf_read_xml(const char *path, size_t max_bytes, t2x_diag *diag, char **bytes, size_t *len)
{
    size_t n = 0;
    if (bytes) *bytes = NULL;
    if (len) *len = 0;
    char *buf = t2x_vf_read_file(path, max_bytes, &n, diag);
    if (!buf) return NULL;
    if (n > (size_t)0x7fffffff) {
        free(buf);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "unsafe-xml", "refused: larger than 2 GB");
        return NULL;
    }
    if (has_doctype(buf, n)) {
        free(buf);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "unsafe-xml",
                     "refused: the file has a document type declaration (DTD, entities), which no output of txt2xbrl has");
        return NULL;
    }
    long aline = 0;
    if (too_many_attributes(buf, n, T2X_VF_MAX_ATTRIBUTES, &aline)) {
        free(buf);
        t2x_diag_add(diag, T2X_ERROR, path, aline, "unsafe-xml",
                     "refused: an element with more than %d attributes, which no output of txt2xbrl has", T2X_VF_MAX_ATTRIBUTES);
        return NULL;
    }
    first_error fe;
    memset(&fe, 0, sizeof fe);
    xmlSetStructuredErrorFunc(&fe, on_error);
    xmlDocPtr doc = xmlReadMemory(buf, (int)n, path, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!doc || fe.set) {
        if (doc) xmlFreeDoc(doc);
        free(buf);
        t2x_diag_add(diag, T2X_ERROR, path, fe.set ? fe.line : 0, "bad-xml", "not well-formed XML: %s",
                     fe.set ? fe.msg : "cannot parse");
        return NULL;
    }
    if (doc->intSubset || doc->extSubset || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        free(buf);
        t2x_diag_add(diag, T2X_ERROR, path, 0, "unsafe-xml", "refused: a DTD or no root element");
        return NULL;
    }
    if (bytes) *bytes = buf;
    else free(buf);
    if (len) *len = n;
    return doc;
}

/* ---------------------------------------------------------------- integer attributes */

int t2x_vf_int_attr(const char *s, long lo, long hi, int *out)
{
    if (!s) return -1;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    int minus = 0;
    if (*s == '+' || *s == '-') minus = *s++ == '-';
    if (*s < '0' || *s > '9') return -1;
    long v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        v = v * 10 + (*s - '0');
        if (v > 1000000L) return -1; /* far out of any range we accept; no overflow */
    }
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (*s) return -1;
    if (minus) v = -v;
    if (v < lo || v > hi) return -1;
    *out = (int)v;
    return 0;
}

int t2x_vf_decimals(const char *s, int *out)
{
    if (!s) return -1;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (strncmp(s, "INF", 3) == 0) {
        const char *p = s + 3;
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
        if (*p) return -1;
        *out = T2X_V_DECIMALS_INF;
        return 0;
    }
    return t2x_vf_int_attr(s, -T2X_V_DECIMALS_MAX, T2X_V_DECIMALS_MAX, out);
}

void t2x_vf_fact_decimals(t2x_vfact *f, const char *raw, t2x_verify_report *r, int check, const char *where)
{
    free(f->decimals);
    f->decimals = NULL;
    f->dec = T2X_V_DECIMALS_INF;
    f->dec_bad = 0;
    if (!raw) return;
    int d;
    if (t2x_vf_decimals(raw, &d) == 0) {
        f->dec = d;
        f->decimals = d == T2X_V_DECIMALS_INF ? t2x_xstrdup("INF") : t2x_xasprintf("%d", d);
        return;
    }
    f->dec_bad = 1;
    f->decimals = t2x_xstrdup(raw);
    t2x_vf_add(r, V_ERROR, check, 0, f->qname, f->context, "%s: %s in %s has decimals=\"%.40s\", not INF or an integer in [%d, %d]",
               where, f->qname, f->context, raw, -T2X_V_DECIMALS_MAX, T2X_V_DECIMALS_MAX);
}

/* ---------------------------------------------------------------- decimals */

char *t2x_vf_decimal(const char *s, int scale, int neg)
{
    if (!s) return NULL;
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    int minus = 0;
    if (*s == '+' || *s == '-') minus = *s++ == '-';
    t2x_buf d = {0};
    int frac = 0, point = 0, digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            t2x_buf_putc(&d, *s);
            digits++;
            if (point) frac++;
        } else if (*s == '.' && !point) {
            point = 1;
        } else {
            break;
        }
    }
    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') s++;
    if (*s || !digits) {
        free(d.data);
        return NULL;
    }
    long e = (long)scale - frac;
    /* strip leading zeros */
    size_t lead = 0;
    while (lead + 1 < d.len && d.data[lead] == '0') lead++;
    const char *D = d.data + lead;
    size_t L = d.len - lead;
    int zero = L == 1 && D[0] == '0';
    t2x_buf out = {0};
    if (zero) {
        t2x_buf_putc(&out, '0');
    } else {
        if (minus != neg) t2x_buf_putc(&out, '-');
        if (e >= 0) {
            t2x_buf_add(&out, D, L);
            for (long k = 0; k < e; k++) t2x_buf_putc(&out, '0');
        } else {
            long ip = (long)L + e; /* digits before the point */
            if (ip > 0) t2x_buf_add(&out, D, (size_t)ip);
            else t2x_buf_putc(&out, '0');
            t2x_buf frac_part = {0};
            for (long k = ip; k < 0; k++) t2x_buf_putc(&frac_part, '0');
            t2x_buf_add(&frac_part, D + (ip > 0 ? ip : 0), (size_t)(ip > 0 ? (long)L - ip : (long)L));
            size_t fl = frac_part.len;
            while (fl > 0 && frac_part.data[fl - 1] == '0') fl--;
            if (fl) {
                t2x_buf_putc(&out, '.');
                t2x_buf_add(&out, frac_part.data, fl);
            }
            free(frac_part.data);
        }
    }
    free(d.data);
    return out.data;
}

int t2x_vf_dec_parse(const char *s, long long *mant, int *exp10)
{
    if (!s) return -1;
    int minus = 0;
    if (*s == '-' || *s == '+') minus = *s++ == '-';
    long long m = 0;
    int e = 0, point = 0, any = 0;
    for (; *s; s++) {
        if (*s == '.') {
            if (point) return -1;
            point = 1;
            continue;
        }
        if (*s < '0' || *s > '9') return -1;
        if (m > (long long)(9e17)) return -1; /* too many digits for exact arithmetic */
        m = m * 10 + (*s - '0');
        any = 1;
        if (point && --e < -40) return -1; /* more decimal places than any decimals we accept */
    }
    if (!any) return -1;
    *mant = minus ? -m : m;
    *exp10 = e;
    return 0;
}

/* ---------------------------------------------------------------- names */

static xmlNodePtr child_el(xmlNodePtr p, const char *ns, const char *local)
{
    for (xmlNodePtr c = p ? p->children : NULL; c; c = c->next)
        if (t2x_xml_is_el(c, ns, local)) return c;
    return NULL;
}

/* Trimmed text content (caller frees). */
static char *text_of(xmlNodePtr n)
{
    xmlChar *t = xmlNodeGetContent(n);
    char *s = t2x_xstrdup(t ? (const char *)t : "");
    xmlFree(t);
    t2x_trim(s);
    return s;
}

/* {ns}local of a QName written in element n's scope (caller frees), NULL if unresolvable. */
static char *clark(xmlNodePtr n, const char *qname)
{
    if (!qname) return NULL;
    const char *colon = strchr(qname, ':');
    xmlNsPtr ns = NULL;
    if (colon) {
        char *pfx = t2x_xstrndup(qname, (size_t)(colon - qname));
        ns = xmlSearchNs(n->doc, n, BAD_CAST pfx);
        free(pfx);
        if (!ns) return NULL;
        return t2x_xasprintf("{%s}%s", (const char *)ns->href, colon + 1);
    }
    ns = xmlSearchNs(n->doc, n, NULL);
    return t2x_xasprintf("{%s}%s", ns ? (const char *)ns->href : "", qname);
}

/* ---------------------------------------------------------------- contexts and units */

const t2x_vres *t2x_vf_res_find(const t2x_vresset *s, const char *id)
{
    if (!id) return NULL;
    if (s->by_id && s->nby_id == s->n) { /* the first of that id */
        size_t lo = 0, hi = s->n;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (strcmp(s->v[s->by_id[mid]].id, id) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo < s->n && strcmp(s->v[s->by_id[lo]].id, id) == 0 ? &s->v[s->by_id[lo]] : NULL;
    }
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->v[i].id, id) == 0) return &s->v[i];
    return NULL;
}

static const t2x_vresset *sort_set; /* qsort has no argument: the set being indexed */

static int cmp_by_id(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(sort_set->v[x].id, sort_set->v[y].id);
    return c ? c : (x < y ? -1 : x > y);
}

/* Sort the set's index by id; each id after its first is an error. */
static void index_set(t2x_vresset *s, const char *what, t2x_verify_report *r, int check)
{
    free(s->by_id);
    s->by_id = t2x_xmalloc(sizeof *s->by_id * (s->n + 1));
    for (size_t i = 0; i < s->n; i++) s->by_id[i] = i;
    sort_set = s;
    qsort(s->by_id, s->n, sizeof *s->by_id, cmp_by_id);
    sort_set = NULL;
    s->nby_id = s->n;
    for (size_t i = 1; i < s->n; i++)
        if (strcmp(s->v[s->by_id[i]].id, s->v[s->by_id[i - 1]].id) == 0)
            t2x_vf_add(r, V_ERROR, check, 0, NULL, s->v[s->by_id[i]].id, "%s id %.100s is not unique", what, s->v[s->by_id[i]].id);
}

/* A signature of at most 256 bytes: longer ones become "#" and their SHA-256. */
static char *short_key(char *key)
{
    if (strlen(key) <= 256) return key;
    char hex[65];
    t2x_sha256_hex(key, strlen(key), hex);
    free(key);
    return t2x_xasprintf("#%s", hex);
}

void t2x_vf_resset_free(t2x_vresset *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].id);
        free(s->v[i].key);
        free(s->v[i].label);
    }
    free(s->v);
    free(s->by_id);
    memset(s, 0, sizeof *s);
}

static int cmp_cstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Dimension members of a segment or scenario, sorted: "{ns}Axis={ns}Member;" */
static void members(xmlNodePtr holder, const char *tag, t2x_buf *key, t2x_buf *label)
{
    if (!holder) return;
    char **v = NULL;
    size_t n = 0, cap = 0;
    for (xmlNodePtr m = holder->children; m; m = m->next) {
        if (m->type != XML_ELEMENT_NODE) continue;
        xmlChar *dim = xmlGetProp(m, BAD_CAST "dimension");
        char *d = clark(m, dim ? (const char *)dim : NULL);
        char *val = text_of(m);
        char *mv = t2x_xml_is_el(m, NS_XBRLDI, "explicitMember") ? clark(m, val) : NULL;
        v = t2x_grow(v, &cap, n + 1, sizeof *v);
        v[n++] = t2x_xasprintf("%s:%s=%s", tag, d ? d : (dim ? (const char *)dim : "?"), mv ? mv : val);
        const char *colon = strchr(val, ':');
        t2x_buf_printf(label, " %s", colon ? colon + 1 : val);
        free(d);
        free(mv);
        free(val);
        xmlFree(dim);
    }
    if (n) qsort(v, n, sizeof *v, cmp_cstr);
    for (size_t i = 0; i < n; i++) {
        t2x_buf_printf(key, "|%s", v[i]);
        free(v[i]);
    }
    free(v);
}

static void add_res(t2x_vresset *s, const char *id, char *key, char *label)
{
    s->v = t2x_grow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    s->v[s->n].id = t2x_xstrdup(id);
    s->v[s->n].key = key;
    s->v[s->n].label = label;
    s->n++;
}

static char *measures(xmlNodePtr holder)
{
    char **v = NULL;
    size_t n = 0, cap = 0;
    for (xmlNodePtr m = holder ? holder->children : NULL; m; m = m->next) {
        if (!t2x_xml_is_el(m, NS_XBRLI, "measure")) continue;
        char *t = text_of(m);
        char *c = clark(m, t);
        v = t2x_grow(v, &cap, n + 1, sizeof *v);
        v[n++] = c ? c : t2x_xstrdup(t);
        free(t);
    }
    if (n) qsort(v, n, sizeof *v, cmp_cstr);
    t2x_buf b = {0};
    t2x_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        t2x_buf_printf(&b, "%s%s", i ? "*" : "", v[i]);
        free(v[i]);
    }
    free(v);
    return b.data;
}

void t2x_vf_read_resources(xmlNodePtr parent, t2x_vresset *ctxs, t2x_vresset *units, t2x_verify_report *r, int check)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
        if (t2x_xml_is_el(c, NS_XBRLI, "context")) {
            xmlChar *id = xmlGetProp(c, BAD_CAST "id");
            if (!id) {
                t2x_vf_add(r, V_ERROR, check, 0, NULL, NULL, "a context without an id");
                continue;
            }
            xmlNodePtr ent = child_el(c, NS_XBRLI, "entity");
            xmlNodePtr ident = child_el(ent, NS_XBRLI, "identifier");
            xmlNodePtr per = child_el(c, NS_XBRLI, "period");
            t2x_buf key = {0}, label = {0};
            xmlChar *scheme = ident ? xmlGetProp(ident, BAD_CAST "scheme") : NULL;
            char *ival = ident ? text_of(ident) : t2x_xstrdup("");
            t2x_buf_printf(&key, "%s|%s|", scheme ? (const char *)scheme : "", ival);
            free(ival);
            xmlFree(scheme);
            xmlNodePtr inst = child_el(per, NS_XBRLI, "instant"), sd = child_el(per, NS_XBRLI, "startDate"),
                       ed = child_el(per, NS_XBRLI, "endDate");
            if (inst) {
                char *t = text_of(inst);
                t2x_buf_printf(&key, "I%s", t);
                t2x_buf_puts(&label, t);
                free(t);
            } else if (sd && ed) {
                char *a = text_of(sd), *b = text_of(ed);
                t2x_buf_printf(&key, "D%s..%s", a, b);
                t2x_buf_printf(&label, "%s..%s", a, b);
                free(a);
                free(b);
            } else if (child_el(per, NS_XBRLI, "forever")) {
                t2x_buf_puts(&key, "F");
                t2x_buf_puts(&label, "forever");
            } else {
                t2x_vf_add(r, V_ERROR, check, 0, NULL, (const char *)id, "context %s has no valid period", id);
                t2x_buf_puts(&key, "?");
                t2x_buf_puts(&label, "?");
            }
            members(child_el(ent, NS_XBRLI, "segment"), "seg", &key, &label);
            members(child_el(c, NS_XBRLI, "scenario"), "scen", &key, &label);
            add_res(ctxs, (const char *)id, short_key(key.data), label.data);
            xmlFree(id);
        } else if (t2x_xml_is_el(c, NS_XBRLI, "unit")) {
            xmlChar *id = xmlGetProp(c, BAD_CAST "id");
            if (!id) {
                t2x_vf_add(r, V_ERROR, check, 0, NULL, NULL, "a unit without an id");
                continue;
            }
            xmlNodePtr div = child_el(c, NS_XBRLI, "divide");
            char *key;
            if (div) {
                char *a = measures(child_el(div, NS_XBRLI, "unitNumerator"));
                char *b = measures(child_el(div, NS_XBRLI, "unitDenominator"));
                key = t2x_xasprintf("%s/%s", a, b);
                free(a);
                free(b);
            } else {
                key = measures(c);
            }
            add_res(units, (const char *)id, short_key(key), t2x_xstrdup((const char *)id));
            xmlFree(id);
        }
    }
    index_set(ctxs, "context", r, check);
    index_set(units, "unit", r, check);
}

/* ---------------------------------------------------------------- facts */

t2x_vfact *t2x_vf_facts_add(t2x_vfacts *fs)
{
    fs->v = t2x_grow(fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
    t2x_vfact *f = &fs->v[fs->n++];
    memset(f, 0, sizeof *f);
    return f;
}

void t2x_vf_facts_free(t2x_vfacts *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        t2x_vfact *f = &fs->v[i];
        free(f->concept);
        free(f->qname);
        free(f->context);
        free(f->unit);
        free(f->decimals);
        free(f->value);
        free(f->key);
        free(f->slot);
    }
    free(fs->v);
    memset(fs, 0, sizeof *fs);
}

void t2x_vf_fact_keys(t2x_vfact *f, const t2x_vres *ctx, const t2x_vres *unit)
{
    free(f->key);
    free(f->slot);
    f->slot = t2x_xasprintf("%s|%s|%s", f->concept ? f->concept : "?",
                            ctx ? ctx->key : (f->context ? f->context : "?"),
                            f->numeric ? (unit ? unit->key : (f->unit ? f->unit : "?")) : "");
    f->key = t2x_xasprintf("%s|%s|%s", f->slot, f->decimals ? f->decimals : "",
                           f->value ? f->value : "(nil)");
}

void t2x_vf_instance_facts(xmlDocPtr doc, const t2x_vresset *ctxs, const t2x_vresset *units, t2x_vfacts *out,
                      t2x_verify_report *r)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!c->ns) {
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, NULL, NULL, "instance line %ld: element %s has no namespace",
                  (long)xmlGetLineNo(c), c->name);
            continue;
        }
        if (xmlStrEqual(c->ns->href, BAD_CAST NS_XBRLI) || xmlStrEqual(c->ns->href, BAD_CAST NS_LINK)) continue;
        t2x_vfact *f = t2x_vf_facts_add(out);
        f->concept = t2x_xasprintf("{%s}%s", (const char *)c->ns->href, (const char *)c->name);
        f->qname = c->ns->prefix ? t2x_xasprintf("%s:%s", (const char *)c->ns->prefix, (const char *)c->name)
                                 : t2x_xstrdup((const char *)c->name);
        f->xml_line = (long)xmlGetLineNo(c);
        xmlChar *cref = xmlGetProp(c, BAD_CAST "contextRef"), *uref = xmlGetProp(c, BAD_CAST "unitRef");
        xmlChar *dec = xmlGetProp(c, BAD_CAST "decimals"), *nil = xmlGetNsProp(c, BAD_CAST "nil", BAD_CAST NS_XSI);
        f->context = t2x_xstrdup(cref ? (const char *)cref : "");
        f->numeric = uref != NULL;
        if (uref) f->unit = t2x_xstrdup((const char *)uref);
        if (dec) {
            char where[64];
            snprintf(where, sizeof where, "instance line %ld", f->xml_line);
            t2x_vf_fact_decimals(f, (const char *)dec, r, VC_SCHEMA, where);
        }
        int isnil = nil && (xmlStrEqual(nil, BAD_CAST "true") || xmlStrEqual(nil, BAD_CAST "1"));
        for (xmlNodePtr k = c->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE) {
                t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "instance line %ld: %s has element content (a tuple)",
                      f->xml_line, f->qname);
                break;
            }
        if (!isnil) {
            char *t = text_of(c);
            if (f->numeric) {
                f->value = t2x_vf_decimal(t, 0, 0);
                if (!f->value) {
                    t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "instance line %ld: %s in %s has the value '%.40s', not a number",
                          f->xml_line, f->qname, f->context, t);
                    f->value = t2x_xstrdup(t);
                }
                free(t);
            } else {
                f->value = t;
            }
        }
        if (!cref) t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, NULL, "instance line %ld: %s has no contextRef", f->xml_line, f->qname);
        const t2x_vres *cx = t2x_vf_res_find(ctxs, f->context), *ux = f->unit ? t2x_vf_res_find(units, f->unit) : NULL;
        if (cref && !cx)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "instance line %ld: %s names context %s, which is not there",
                  f->xml_line, f->qname, f->context);
        if (uref && !ux)
            t2x_vf_add(r, V_ERROR, VC_SCHEMA, 0, f->qname, f->context, "instance line %ld: %s names unit %s, which is not there",
                  f->xml_line, f->qname, f->unit);
        t2x_vf_fact_keys(f, cx, ux);
        xmlFree(cref);
        xmlFree(uref);
        xmlFree(dec);
        xmlFree(nil);
    }
}
