/*
 * verify_xml.h — reading outputs as untrusted XML (verify_xml.c): regular files only, bounded
 * sizes and attributes, range-checked integer attributes, contexts, units and facts with their
 * canonical keys. Shared by the verifier and `compare`.
 */
#ifndef T2X_VERIFY_XML_H
#define T2X_VERIFY_XML_H

#include <libxml/tree.h>
#include <stddef.h>
#include "verify_report.h"

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

/* Exact decimal arithmetic helpers for calc: parse "−123.45" into mantissa and exponent. */
int t2x_vf_dec_parse(const char *s, long long *mant, int *exp10);

#endif
