/* ere.c - parse label-rule patterns into a small tree and match them by backtracking.
 * See ere.h for the syntax handled and why this exists.
 */
#include "ere.h"

#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

enum { N_SET, N_BOL, N_EOL, N_GROUP };

enum {
    MAX_TEXT = 1024,     /* longer texts are left to regexec: recursion depth grows with length */
    MAX_STEPS = 200000,  /* per search; backtracking past this gives up (-1) */
    MAX_REPEAT = 255,    /* RE_DUP_MAX */
    MAX_DEPTH = 32       /* group nesting */
};

typedef struct ere_seq ere_seq;

typedef struct ere_node {
    int type;
    int min, max;           /* repetitions; max < 0: unbounded */
    unsigned char set[32];  /* N_SET: the bytes it matches, both cases */
    ere_seq *alts;          /* N_GROUP: its alternatives */
    size_t nalts;
} ere_node;

struct ere_seq {
    ere_node *items;
    size_t n, cap;
};

struct t2x_ere {
    ere_seq top;             /* one N_GROUP node: the pattern's alternatives */
    int anchored;            /* every alternative starts with '^' */
    int nullable;            /* the pattern can match the empty string (then first is unused) */
    unsigned char first[32]; /* every byte a non-empty match can start with */
};

/* ---------------------------------------------------------------- sets */

static void set_add(unsigned char *set, unsigned c)
{
    set[c >> 3] |= (unsigned char)(1u << (c & 7));
    if (c < 128 && isalpha((int)c)) { /* REG_ICASE */
        unsigned o = islower((int)c) ? (unsigned)toupper((int)c) : (unsigned)tolower((int)c);
        set[o >> 3] |= (unsigned char)(1u << (o & 7));
    }
}

static int set_has(const unsigned char *set, unsigned c) { return (set[c >> 3] >> (c & 7)) & 1; }

static void set_invert(unsigned char *set)
{
    for (int i = 0; i < 32; i++) set[i] = (unsigned char)~set[i];
    set[0] &= (unsigned char)~1u; /* never the terminating NUL */
}

static void set_class(unsigned char *set, int (*is)(int))
{
    for (unsigned c = 1; c < 128; c++)
        if (is((int)c)) set_add(set, c);
}

static int is_word(int c) { return isalnum(c) || c == '_'; }

/* "[:name:]" at p: adds the class, returns the length consumed, 0 if unknown */
static size_t bracket_class(const char *p, unsigned char *set)
{
    static const struct {
        const char *name;
        int (*is)(int);
    } classes[] = {{"alpha", isalpha}, {"digit", isdigit}, {"alnum", isalnum},
                   {"space", isspace}, {"punct", ispunct}, {"blank", isblank},
                   {"xdigit", isxdigit}, {"print", isprint}, {"graph", isgraph},
                   {"cntrl", iscntrl}};
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        size_t n = strlen(classes[i].name);
        if (strncmp(p + 2, classes[i].name, n) == 0 && strncmp(p + 2 + n, ":]", 2) == 0) {
            set_class(set, classes[i].is);
            return n + 4;
        }
    }
    return 0; /* upper/lower under REG_ICASE, or a typo: leave to regcomp */
}

/* ---------------------------------------------------------------- parser */

typedef struct {
    const char *p;
    int depth;
} parser;

static int parse_alts(parser *ps, ere_node *group);

static void seq_free(ere_seq *s);

static void node_free(ere_node *n)
{
    for (size_t i = 0; i < n->nalts; i++) seq_free(&n->alts[i]);
    free(n->alts);
}

static void seq_free(ere_seq *s)
{
    for (size_t i = 0; i < s->n; i++) node_free(&s->items[i]);
    free(s->items);
}

/* The bracket expression at ps->p (after '['); 0 on anything unusual. */
static int parse_bracket(parser *ps, unsigned char *set)
{
    const char *p = ps->p;
    int neg = *p == '^';
    if (neg) p++;
    int first = 1;
    while (*p && (*p != ']' || first)) {
        first = 0;
        if (p[0] == '[' && (p[1] == '.' || p[1] == '=')) return 0;
        if (p[0] == '[' && p[1] == ':') {
            size_t n = bracket_class(p, set);
            if (!n) return 0;
            p += n;
            continue;
        }
        unsigned lo = (unsigned char)*p++;
        if (p[0] == '-' && p[1] && p[1] != ']') {
            unsigned hi = (unsigned char)p[1];
            if (hi == '[' || hi < lo) return 0;
            for (unsigned c = lo; c <= hi; c++) set_add(set, c);
            p += 2;
        } else {
            set_add(set, lo);
        }
    }
    if (*p != ']') return 0;
    ps->p = p + 1;
    if (neg) set_invert(set);
    return 1;
}

static int parse_count(const char **pp, int *out)
{
    const char *p = *pp;
    if (!isdigit((unsigned char)*p)) return 0;
    int v = 0;
    while (isdigit((unsigned char)*p)) {
        v = v * 10 + (*p++ - '0');
        if (v > MAX_REPEAT) return 0;
    }
    *out = v;
    *pp = p;
    return 1;
}

/* A quantifier after an atom, if any; 0 on a malformed or doubled one. */
static int parse_quantifier(parser *ps, ere_node *n)
{
    const char *p = ps->p;
    n->min = n->max = 1;
    if (*p == '*') n->min = 0, n->max = -1, p++;
    else if (*p == '+') n->min = 1, n->max = -1, p++;
    else if (*p == '?') n->min = 0, n->max = 1, p++;
    else if (*p == '{') {
        p++;
        if (!parse_count(&p, &n->min)) return 0;
        n->max = n->min;
        if (*p == ',') {
            p++;
            n->max = -1;
            if (isdigit((unsigned char)*p) && !parse_count(&p, &n->max)) return 0;
        }
        if (*p != '}' || (n->max >= 0 && n->max < n->min)) return 0;
        p++;
    } else {
        return 1;
    }
    if (*p == '*' || *p == '+' || *p == '?' || *p == '{') return 0;
    ps->p = p;
    return 1;
}

static int parse_atom(parser *ps, ere_node *n)
{
    const char *p = ps->p;
    *n = (ere_node){.type = N_SET, .min = 1, .max = 1};
    switch (*p) {
    case '(':
        if (++ps->depth > MAX_DEPTH) return 0;
        ps->p = p + 1;
        n->type = N_GROUP;
        if (!parse_alts(ps, n) || *ps->p != ')') return 0;
        ps->p++;
        ps->depth--;
        return parse_quantifier(ps, n);
    case '[':
        ps->p = p + 1;
        if (!parse_bracket(ps, n->set)) return 0;
        return parse_quantifier(ps, n);
    case '.':
        memset(n->set, 0xFF, sizeof n->set);
        n->set[0] &= (unsigned char)~1u;
        ps->p = p + 1;
        return parse_quantifier(ps, n);
    case '^':
    case '$':
        n->type = *p == '^' ? N_BOL : N_EOL;
        ps->p = p + 1;
        /* a quantified anchor is legal but meaningless: leave it to regcomp */
        return !strchr("*+?{", *ps->p) || !*ps->p;
    case '\\':
        if (p[1] == 's' || p[1] == 'S') set_class(n->set, isspace);
        else if (p[1] == 'w' || p[1] == 'W') set_class(n->set, is_word);
        else if (p[1] && ispunct((unsigned char)p[1])) set_add(n->set, (unsigned char)p[1]);
        else return 0; /* back-references, \b \< \> ..., or a trailing backslash */
        if (p[1] == 'S' || p[1] == 'W') set_invert(n->set);
        ps->p = p + 2;
        return parse_quantifier(ps, n);
    case '*':
    case '+':
    case '?':
    case '{':
    case ')':
    case '\0':
        return 0;
    default:
        set_add(n->set, (unsigned char)*p);
        ps->p = p + 1;
        return parse_quantifier(ps, n);
    }
}

static int parse_seq(parser *ps, ere_seq *s)
{
    while (*ps->p && *ps->p != '|' && *ps->p != ')') {
        s->items = t2x_grow(s->items, &s->cap, s->n + 1, sizeof *s->items);
        ere_node *n = &s->items[s->n];
        int ok = parse_atom(ps, n);
        s->n++; /* owned by s from here, even half-built */
        if (!ok) return 0;
    }
    return 1;
}

static int parse_alts(parser *ps, ere_node *group)
{
    size_t cap = 0;
    for (;;) {
        group->alts = t2x_grow(group->alts, &cap, group->nalts + 1, sizeof *group->alts);
        ere_seq *s = &group->alts[group->nalts++];
        *s = (ere_seq){0};
        if (!parse_seq(ps, s)) return 0;
        if (*ps->p != '|') return 1;
        ps->p++;
    }
}

/* Adds to set every byte that can start a match of s from item i on; 1 if s from i can match
 * the empty string (what follows s may then start the match). Anchors count as empty. */
static int seq_first(const ere_seq *s, size_t i, unsigned char *set)
{
    for (; i < s->n; i++) {
        const ere_node *n = &s->items[i];
        int empty = n->type == N_BOL || n->type == N_EOL || n->min == 0;
        if (n->type == N_SET)
            for (int b = 0; b < 32; b++) set[b] |= n->set[b];
        else if (n->type == N_GROUP)
            for (size_t a = 0; a < n->nalts; a++) empty |= seq_first(&n->alts[a], 0, set);
        if (!empty) return 0;
    }
    return 1;
}

t2x_ere *t2x_ere_compile(const char *pattern)
{
    if (!pattern) return NULL;
    t2x_ere *re = t2x_xcalloc(1, sizeof *re);
    re->top.items = t2x_xcalloc(1, sizeof *re->top.items);
    re->top.n = re->top.cap = 1;
    ere_node *root = &re->top.items[0];
    root->type = N_GROUP;
    root->min = root->max = 1;
    parser ps = {pattern, 0};
    if (!parse_alts(&ps, root) || *ps.p) {
        t2x_ere_free(re);
        return NULL;
    }
    re->anchored = 1;
    for (size_t i = 0; i < root->nalts; i++)
        if (root->alts[i].n == 0 || root->alts[i].items[0].type != N_BOL) re->anchored = 0;
    re->nullable = seq_first(&re->top, 0, re->first);
    return re;
}

void t2x_ere_free(t2x_ere *re)
{
    if (!re) return;
    seq_free(&re->top);
    free(re);
}

/* ---------------------------------------------------------------- matcher
 * Continuation passing: a frame says what must match after the current sequence ends. A frame
 * with rep set closes one iteration of the group node seq->items[idx].
 */

typedef struct frame {
    const ere_seq *seq;
    size_t idx;
    const ere_node *rep; /* the group whose iteration this frame closes, or NULL */
    int count;           /* iterations of rep done once this one closes */
    size_t start;        /* where this iteration started */
    const struct frame *next;
} frame;

typedef struct {
    const unsigned char *text;
    size_t len;
    long steps;
} matcher;

static int match_seq(matcher *m, const ere_seq *s, size_t i, size_t pos, const frame *k);

static int match_node(matcher *m, const ere_seq *s, size_t i, int count, size_t pos,
                      const frame *k)
{
    const ere_node *n = &s->items[i];
    switch (n->type) {
    case N_BOL:
        return pos == 0 && match_seq(m, s, i + 1, pos, k);
    case N_EOL:
        return pos == m->len && match_seq(m, s, i + 1, pos, k);
    case N_SET: {
        size_t run = 0;
        while ((n->max < 0 || run < (size_t)n->max) && pos + run < m->len &&
               set_has(n->set, m->text[pos + run]))
            run++;
        for (size_t j = run + 1; j-- > 0;) {
            if (j < (size_t)n->min) break;
            if (match_seq(m, s, i + 1, pos + j, k)) return 1;
            if (m->steps > MAX_STEPS) return 0;
        }
        return 0;
    }
    default: /* N_GROUP */
        if (n->max < 0 || count < n->max) {
            frame f = {s, i, n, count + 1, pos, k};
            for (size_t a = 0; a < n->nalts; a++) {
                if (match_seq(m, &n->alts[a], 0, pos, &f)) return 1;
                if (m->steps > MAX_STEPS) return 0;
            }
        }
        return count >= n->min && match_seq(m, s, i + 1, pos, k);
    }
}

static int match_seq(matcher *m, const ere_seq *s, size_t i, size_t pos, const frame *k)
{
    if (++m->steps > MAX_STEPS) return 0;
    if (i < s->n) return match_node(m, s, i, 0, pos, k);
    if (!k) return 1;
    if (k->rep) {
        /* an empty iteration past the minimum changes nothing: refuse it, or loop forever */
        if (pos == k->start && k->count > k->rep->min) return 0;
        return match_node(m, k->seq, k->idx, k->count, pos, k->next);
    }
    return match_seq(m, k->seq, k->idx, pos, k->next);
}

int t2x_ere_match(const t2x_ere *re, const char *text)
{
    if (!re || !text) return 0;
    size_t len = strlen(text);
    if (len > MAX_TEXT) return -1;
    matcher m = {(const unsigned char *)text, len, 0};
    size_t last = re->anchored ? 0 : len;
    for (size_t start = 0; start <= last; start++) {
        /* a match of a pattern that cannot be empty starts with one of its first bytes */
        if (!re->nullable && (start == len || !set_has(re->first, m.text[start]))) continue;
        if (match_node(&m, &re->top, 0, 0, start, NULL)) return 1;
        if (m.steps > MAX_STEPS) return -1;
    }
    return 0;
}
