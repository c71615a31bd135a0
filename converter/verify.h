/*
 * verify.h — the round-trip verifier (design §5; docs/verify.md), internal header shared by
 * verify.c (driver, coverage, report), verify_xml.c (hostile-safe reading, contexts, units,
 * instance facts), verify_inline.c (the inline document: text restoration, its facts and
 * marks) and verify_calc.c (Calculations 1.1, duplicate facts).
 *
 * The verifier reads only the raw filing (gunzip is input decoding, not parsing) and the
 * output files: the instance STEM.xml, its schema STEM.xsd, the inline document STEM.htm and,
 * when present, the calculation linkbase STEM_cal.xml. It never calls the table parser and
 * does not read the statement model.
 */
#ifndef T2X_VERIFY_H
#define T2X_VERIFY_H

#include <libxml/tree.h>
#include <stddef.h>
#include "txt2xbrl.h"
#include "util.h"

/* ---------------------------------------------------------------- findings */

typedef enum t2x_vkind {
    V_ERROR,         /* a conversion error: the outputs are not faithful */
    V_INCONSISTENCY, /* an inconsistency of the filing itself (its own arithmetic, its repeats) */
    V_NOTE           /* information (a check skipped, a consequence of an inconsistency) */
} t2x_vkind;

typedef struct t2x_vfinding {
    t2x_vkind kind;
    char *check;    /* "schema", "text", "facts", "spans", "coverage", "calculations", "duplicates" */
    long line;      /* line in the source, 0 when none */
    char *concept;  /* prefixed name, or NULL */
    char *context;  /* context id, or NULL */
    char *message;  /* one line */
    int consequence;/* an inconsistency explained by another one (listed under it) */
} t2x_vfinding;

/* One check's outcome for the summary. */
typedef struct t2x_vcheck {
    const char *name;
    int ran;        /* 0: skipped (detail says why) */
    size_t errors;  /* conversion errors found */
    char *detail;   /* one line */
} t2x_vcheck;

enum { VC_SCHEMA, VC_TEXT, VC_FACTS, VC_SPANS, VC_COVERAGE, VC_CALC, VC_DUPLICATES, VC_COUNT };

struct t2x_verify_report {
    char *source_name, *dir, *stem;
    char sha256[65];
    size_t source_length;
    int strict;
    t2x_vcheck checks[VC_COUNT];
    t2x_vfinding *f;
    size_t nf, capf;
    int faithful;   /* set by t2x_verify */
};

/* Add a finding (printf-style message, cut to T2X_VF_MESSAGE_MAX bytes; concept and
 * context to 200). */
#define T2X_VF_MESSAGE_MAX 1000
void t2x_vf_add(t2x_verify_report *r, t2x_vkind kind, int check, long line, const char *concept, const char *context,
           const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* ---------------------------------------------------------------- source lines */

typedef struct t2x_vsource {
    const unsigned char *data; /* decoded source (borrowed) */
    size_t len;
    size_t *line_off;          /* start offset of each line (index 0 = line 1) */
    size_t nlines;
} t2x_vsource;

/* 1-based line of a byte offset. */
long t2x_vf_line_of(const t2x_vsource *s, size_t off);

/* ---------------------------------------------------------------- safe XML */

/* Read and parse an output file as untrusted XML: a regular file of at most max_bytes, no
 * DOCTYPE (hence no entity declarations), at most T2X_VF_MAX_ATTRIBUTES attributes per element,
 * no network, no external entities, no DTD loading, libxml2's default depth and text-size limits. On failure returns NULL and adds one error to diag (code
 * "unsafe-xml" when refused, "bad-xml" when not well-formed, "bad-input" when unreadable).
 * OUT: *bytes, *len (the file's bytes, caller frees; both may be NULL). */
xmlDocPtr t2x_vf_read_xml(const char *path, size_t max_bytes, t2x_diag *diag, char **bytes, size_t *len);

/* Open a file for reading only if it is a regular file: O_NONBLOCK (a FIFO does not block the
 * open), then fstat. Returns the descriptor, or -1 with errno set (0: not a regular file).
 * OUT: *size (may be NULL) */
int t2x_vf_open_regular(const char *path, size_t *size);

/* Most attributes (namespace declarations included) an element of an output may have; txt2xbrl
 * writes at most 12. A file with more is refused before libxml2 parses it. */
#define T2X_VF_MAX_ATTRIBUTES 256

/* Read a whole regular file (at most max_bytes). NULL on failure (reason in diag). */
char *t2x_vf_read_file(const char *path, size_t max_bytes, size_t *len, t2x_diag *diag);

/* ---------------------------------------------------------------- integer attributes */

/* What a real filing can carry (docs/verify.md "Untrusted files"): @scale of ix:nonFraction
 * within [-12, 12] (a trillionth to trillions; filings use -6 to 9), @decimals within
 * [-20, 20] or INF (amounts are rounded to at most 10^20; filings use -9 to 6). */
#define T2X_V_SCALE_MIN (-12)
#define T2X_V_SCALE_MAX 12
#define T2X_V_DECIMALS_MAX 20
#define T2X_V_DECIMALS_INF 0x7fffffff /* the parsed value of decimals="INF" */

/* An xs:integer attribute value (white space around it, an optional sign) within [lo, hi]:
 * 0 and *out, or -1 when it is not an integer or out of range (never wraps). */
int t2x_vf_int_attr(const char *s, long lo, long hi, int *out);
/* @decimals: "INF" gives T2X_V_DECIMALS_INF, else an integer within ±T2X_V_DECIMALS_MAX.
 * 0 and *out, or -1. */
int t2x_vf_decimals(const char *s, int *out);

/* ---------------------------------------------------------------- facts */

#define NS_XHTML "http://www.w3.org/1999/xhtml"
#define NS_IX "http://www.xbrl.org/2013/inlineXBRL"
#define NS_XBRLI "http://www.xbrl.org/2003/instance"
#define NS_LINK "http://www.xbrl.org/2003/linkbase"
#define NS_XLINK "http://www.w3.org/1999/xlink"
#define NS_XBRLDI "http://xbrl.org/2006/xbrldi"
#define NS_XSI "http://www.w3.org/2001/XMLSchema-instance"

/* A context or a unit: its id and a canonical signature of its content. */
typedef struct t2x_vres {
    char *id;
    char *key;     /* contexts: "scheme|identifier|period|dim=member;…"; units: "num/den" measures */
    char *label;   /* contexts: "2003-12-31" or "2003-01-01..2003-12-31" (+ " member") */
} t2x_vres;

typedef struct t2x_vresset {
    t2x_vres *v;
    size_t n, cap;
    size_t *by_id;   /* indexes of v sorted by id, then position (t2x_vf_read_resources); NULL before */
    size_t nby_id;   /* entries of by_id: a find searches it when it covers all n */
} t2x_vresset;

const t2x_vres *t2x_vf_res_find(const t2x_vresset *s, const char *id);
void t2x_vf_resset_free(t2x_vresset *s);

/* Contexts and units among the children of `parent` (xbrli:xbrl, or ix:resources), indexed by
 * id (a find is a binary search). Problems (duplicate ids, malformed periods) become errors of
 * check `check`. A signature longer than 256 bytes (thousands of dimension members) is kept
 * as its SHA-256, so that every fact's key stays short. */
void t2x_vf_read_resources(xmlNodePtr parent, t2x_vresset *ctxs, t2x_vresset *units, t2x_verify_report *r, int check);

/* One fact of the instance or of the inline document. */
typedef struct t2x_vfact {
    char *concept;   /* Clark name {ns}local */
    char *qname;     /* prefix:local as written (messages) */
    char *context;   /* context id */
    char *unit;      /* unit id, NULL for non-numeric */
    char *decimals;  /* NULL for non-numeric; canonical ("-3", "INF") when valid, else as written */
    int dec;         /* the parsed decimals (T2X_V_DECIMALS_INF: INF); meaningful when decimals && !dec_bad */
    int dec_bad;     /* decimals is not INF or an integer in range (an error was added) */
    char *value;     /* canonical decimal (numeric) or the text (non-numeric); NULL when nil */
    char *key;       /* identity: concept|context signature|unit signature|decimals|value */
    char *slot;      /* concept|context signature|unit signature: what duplicates share */
    int numeric;
    int hidden;      /* inline: in ix:hidden */
    size_t offset, length; /* inline: source span (length 0: none) */
    long line;       /* inline: source line of the span, 0 when none */
    long xml_line;   /* line in the XML file */
} t2x_vfact;

typedef struct t2x_vfacts {
    t2x_vfact *v;
    size_t n, cap;
} t2x_vfacts;

t2x_vfact *t2x_vf_facts_add(t2x_vfacts *fs);
void t2x_vf_facts_free(t2x_vfacts *fs);

/* Set f->decimals, f->dec and f->dec_bad from the attribute as written (NULL: absent); a
 * bad value is an error of check `check`, `where` naming the file and line for the message. */
void t2x_vf_fact_decimals(t2x_vfact *f, const char *raw, t2x_verify_report *r, int check, const char *where);

/* Fill f->key and f->slot from the resolved context and unit (NULL when unknown). */
void t2x_vf_fact_keys(t2x_vfact *f, const t2x_vres *ctx, const t2x_vres *unit);

/* Canonical decimal of `s` × 10^scale, negated when neg: "-529642", "0.28", "0". Returns NULL
 * when s is not a decimal number ([+-]digits[.digits]). Caller frees. */
char *t2x_vf_decimal(const char *s, int scale, int neg);

/* The facts of an instance document (children of xbrli:xbrl). */
void t2x_vf_instance_facts(xmlDocPtr doc, const t2x_vresset *ctxs, const t2x_vresset *units, t2x_vfacts *out,
                      t2x_verify_report *r);

/* ---------------------------------------------------------------- the inline document */

/* A number listed as untagged, or a statement block, in source offsets. */
typedef struct t2x_vspan {
    size_t s, e;
    char *text;      /* reason (untagged) or statement id and title (blocks) */
} t2x_vspan;

typedef struct t2x_vspans {
    t2x_vspan *v;
    size_t n, cap;
} t2x_vspans;

void t2x_vf_spans_free(t2x_vspans *s);

typedef struct t2x_vinline {
    t2x_buf text;        /* the restored source bytes */
    int text_ok;         /* restoration succeeded (characters all map to bytes) */
    t2x_vfacts facts;        /* every ix:nonFraction / ix:nonNumeric */
    t2x_vresset ctxs, units; /* ix:resources */
    char *schema_ref;    /* href of link:schemaRef in ix:references */
    t2x_vspans untagged;     /* span.t2x-untagged */
    t2x_vspans blocks;       /* pre.t2x-stmt */
    size_t nblocks;      /* all pre.t2x-src blocks */
} t2x_vinline;

/* Read the inline document: structure, header, text restoration, facts and marks. Conversion
 * errors are added to r (checks schema and text). */
void t2x_vf_inline_read(xmlDocPtr doc, const char *name, t2x_vinline *out, t2x_verify_report *r);
void t2x_vf_inline_free(t2x_vinline *in);

/* ---------------------------------------------------------------- calculations */

/* Calculations 1.1 (round-to-nearest intervals) over the instance facts with the summation-item
 * relationships of the calculation linkbase `cal` (NULL: the check is skipped), then duplicate
 * facts with inconsistent values. Inconsistencies of the filing are findings of kind
 * V_INCONSISTENCY with the source lines of the facts (from `inline_facts`). `inst` is the
 * instance (prefix → namespace of the locators' fragments), `xsd` the extension schema. */
void t2x_vf_calc_check(xmlDocPtr cal, xmlDocPtr inst, xmlDocPtr xsd, const t2x_vfacts *facts, const t2x_vfacts *inline_facts,
                  t2x_verify_report *r);
/* The compact instance checks against the concept table and the extension schema
 * (verify_concepts.c); *checked counts the facts looked at. */
void t2x_vf_concept_checks(const t2x_vfacts *facts, const t2x_vresset *ctxs, const t2x_vresset *units,
                           xmlDocPtr xsd, const char *data_dir, t2x_verify_report *r, size_t *checked);
/* Duplicate facts (verify_calc.c): a concept, context and unit stated with values that disagree,
 * in the instance (`facts`) or in the inline document (`inline_facts`), is a conversion error
 * (V_ERROR): the converter never writes one. Consistent duplicates are counted, not reported. */
void t2x_vf_duplicates_check(const t2x_vfacts *facts, const t2x_vfacts *inline_facts, t2x_verify_report *r);

/* Free the cached Inline XBRL schema (tests and leak checkers call it at exit). */
void t2x_verify_cleanup(void);

/* Exact decimal arithmetic helpers for calc: parse "−123.45" into mantissa and exponent. */
int t2x_vf_dec_parse(const char *s, long long *mant, int *exp10);

#endif
