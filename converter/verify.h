/*
 * verify.h — the round-trip verifier's driver (verify.c: the checks in order, text, facts, spans,
 * coverage). Its parts, each with its own header, depend on none of it: verify_report.c (findings
 * and the report), verify_xml.c (hostile-safe reading, contexts, units,
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

#include <stddef.h>
#include "txt2xbrl.h"
#include "util.h"
#include "verify_calc.h"
#include "verify_concepts.h"
#include "verify_inline.h"
#include "verify_report.h"
#include "verify_xml.h"

/* ---------------------------------------------------------------- source lines */

typedef struct t2x_vsource {
    const unsigned char *data; /* decoded source (borrowed) */
    size_t len;
    size_t *line_off;          /* start offset of each line (index 0 = line 1) */
    size_t nlines;
} t2x_vsource;

/* 1-based line of a byte offset. */
long t2x_vf_line_of(const t2x_vsource *s, size_t off);

/* Free the cached Inline XBRL schema (tests and leak checkers call it at exit). */
void t2x_verify_cleanup(void);

#endif
