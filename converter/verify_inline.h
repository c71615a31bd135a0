/*
 * verify_inline.h — reading the inline document back (verify_inline.c): the restored source text,
 * its facts, the untagged and statement marks.
 */
#ifndef T2X_VERIFY_INLINE_H
#define T2X_VERIFY_INLINE_H

#include <libxml/tree.h>
#include "util.h"
#include "verify_xml.h"

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
    /* coverage of the statement rows of HTML blocks (tr.t2x-stmt), checked while reading */
    size_t hrows, hnumbers, htagged, hlisted, hmissing;
} t2x_vinline;

/* Read the inline document: structure, header, text restoration, facts and marks; an HTML
 * block (div.t2x-html) is compared with the source bytes src[srclen] it names. Conversion
 * errors are added to r (checks schema, text and spans). */
void t2x_vf_inline_read(xmlDocPtr doc, const char *name, const unsigned char *src, size_t srclen, t2x_vinline *out,
                        t2x_verify_report *r);
void t2x_vf_inline_free(t2x_vinline *in);

#endif
