/*
 * untagged.c — every number printed in a statement's lines is a fact or is listed with a
 * reason (design §5.4; see untagged.h). Runs last in the model build: it reads the spans the
 * model already holds (facts of the cover and the statements, issues with a span) and lists
 * what is left, so it composes with every earlier stage that tags or lists numbers.
 */
#include "untagged.h"
#include "util.h"
#include "xmlnode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct span {
    size_t s, e; /* [s, e) in the decoded source */
} span;

typedef struct spans {
    span *v;
    size_t n, cap;
} spans;

static void spans_add(spans *sp, size_t s, size_t e)
{
    sp->v = t2x_grow(sp->v, &sp->cap, sp->n + 1, sizeof *sp->v);
    sp->v[sp->n].s = s;
    sp->v[sp->n].e = e;
    sp->n++;
}

static int cmp_span(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->s < y->s ? -1 : x->s > y->s ? 1 : 0;
}

/* Does any span overlap [s, e)? (sorted by start) */
static int spans_cover(const spans *sp, size_t s, size_t e)
{
    size_t lo = 0, hi = sp->n;
    while (lo < hi) { /* first span starting at or after e */
        size_t mid = (lo + hi) / 2;
        if (sp->v[mid].s < e) lo = mid + 1;
        else hi = mid;
    }
    for (size_t k = lo; k-- > 0;) {
        if (sp->v[k].e > s) return 1;
        if (lo - k > 4) break; /* number spans do not nest; a few steps back is enough */
    }
    return 0;
}

/* Every element under n with both @offset and @length. */
static void collect(xmlNodePtr n, spans *sp)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        size_t off, len;
        if (t2x_xml_attr_size(c, "offset", &off) && t2x_xml_attr_size(c, "length", &len) && len > 0) spans_add(sp, off, off + len);
        collect(c, sp);
    }
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The next number in s[*pos, len): digits, with single ',' or '.' between digits, or a '.'
 * before digits. */
static int next_number(const unsigned char *s, size_t len, size_t *pos, size_t *start, size_t *end)
{
    size_t i = *pos;
    while (i < len && !is_digit(s[i])) i++;
    if (i >= len) {
        *pos = len;
        return 0;
    }
    size_t b = i;
    if (b > *pos && s[b - 1] == '.' && (b < 2 || !is_digit(s[b - 2]))) b--; /* ".28" */
    while (i < len) {
        if (is_digit(s[i])) i++;
        else if ((s[i] == ',' || s[i] == '.') && i + 1 < len && is_digit(s[i + 1])) i++;
        else break;
    }
    *start = b;
    *end = i;
    *pos = i;
    return 1;
}

/* Why a number on line index li of table t is not a fact. */
static const char *reason(const t2x_table *t, size_t li, size_t offset)
{
    if (t->nrows == 0 || li < t->rows[0].first_line) return "in the title or column headings";
    for (size_t r = 0; r < t->nrows; r++) {
        const t2x_row *row = &t->rows[r];
        if (li < row->first_line || li > row->line) continue;
        if (row->kind == T2X_ROW_HEADER) return "in a heading line";
        if (li < row->line) return "in the row label";
        size_t first = (size_t)-1;
        for (int c = 0; c < t->ncols; c++)
            if (row->cells[c].present && row->cells[c].line == li && row->cells[c].offset < first)
                first = row->cells[c].offset;
        return offset < first ? "in the row label" : "beside the amounts of the row";
    }
    return "not in a row of the table (page number, note or a line not read)";
}

void t2x_model_list_untagged(const t2x_filing *f, xmlNodePtr root, xmlNodePtr issues, xmlNsPtr ns)
{
    spans sp = {0};  /* facts and issues with a span, sorted */
    spans add = {0}; /* numbers listed for the current table, in source order */
    collect(root, &sp);
    collect(issues, &sp);
    if (sp.n) qsort(sp.v, sp.n, sizeof *sp.v, cmp_span);
    const t2x_lines *L = &f->lines;
    for (size_t ti = 0; ti < f->ntables; ti++) {
        const t2x_table *t = &f->tables[ti];
        size_t lo = t->title_line < t->first ? t->title_line : t->first;
        add.n = 0;
        for (size_t li = lo; li < t->end && li < L->n; li++) {
            /* the display form: the same numbers as the source bytes, whichever reader made it */
            const t2x_line *ln = &L->v[li];
            const unsigned char *s = (const unsigned char *)ln->text;
            size_t len = (size_t)ln->ncols, pos = 0, a, e;
            while (next_number(s, len, &pos, &a, &e)) {
                size_t off = t2x_line_offset(ln, (int)a), n = t2x_line_end_offset(ln, (int)e) - off;
                if (n != e - a || off + n > f->src.len || memcmp(f->src.data + off, s + a, n) != 0) continue;
                if (spans_cover(&sp, off, off + n) || spans_cover(&add, off, off + n)) continue;
                const char *why = reason(t, li, off);
                char *text = t2x_xstrndup((const char *)s + a, n);
                char *msg = t2x_xasprintf("number %s is not a fact: %s", text, why);
                xmlNodePtr is = xmlNewTextChild(issues, ns, BAD_CAST "issue", BAD_CAST msg);
                xmlNewProp(is, BAD_CAST "severity", BAD_CAST "info");
                xmlNewProp(is, BAD_CAST "code", BAD_CAST "untagged-amount");
                char buf[64];
                snprintf(buf, sizeof buf, "%ld", L->v[li].no);
                xmlNewProp(is, BAD_CAST "line", BAD_CAST buf);
                snprintf(buf, sizeof buf, "s%zu", ti + 1);
                xmlNewProp(is, BAD_CAST "statement", BAD_CAST buf);
                snprintf(buf, sizeof buf, "%zu", off);
                xmlNewProp(is, BAD_CAST "offset", BAD_CAST buf);
                snprintf(buf, sizeof buf, "%zu", n);
                xmlNewProp(is, BAD_CAST "length", BAD_CAST buf);
                xmlNewProp(is, BAD_CAST "text", BAD_CAST text);
                xmlNewProp(is, BAD_CAST "reason", BAD_CAST why);
                free(text);
                free(msg);
                spans_add(&add, off, off + n); /* lines ascend: `add` stays sorted */
            }
        }
        /* statements may share lines (a note inside a statement's region): merge, keep order */
        if (add.n) {
            for (size_t k = 0; k < add.n; k++) spans_add(&sp, add.v[k].s, add.v[k].e);
            qsort(sp.v, sp.n, sizeof *sp.v, cmp_span);
        }
    }
    free(add.v);
    free(sp.v);
}
