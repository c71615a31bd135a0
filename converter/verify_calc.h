/*
 * verify_calc.h — the filing's arithmetic (Calculations 1.1) and duplicate facts (verify_calc.c).
 */
#ifndef T2X_VERIFY_CALC_H
#define T2X_VERIFY_CALC_H

#include <libxml/tree.h>
#include "verify_xml.h"

/* ---------------------------------------------------------------- calculations */

/* Calculations 1.1 (round-to-nearest intervals) over the instance facts with the summation-item
 * relationships of the calculation linkbase `cal` (NULL: the check is skipped), then duplicate
 * facts with inconsistent values. Inconsistencies of the filing are findings of kind
 * V_INCONSISTENCY with the source lines of the facts (from `inline_facts`). `inst` is the
 * instance (prefix → namespace of the locators' fragments), `xsd` the extension schema. */
void t2x_vf_calc_check(xmlDocPtr cal, xmlDocPtr inst, xmlDocPtr xsd, const t2x_vfacts *facts, const t2x_vfacts *inline_facts,
                  t2x_verify_report *r);
/* Duplicate facts (verify_calc.c): a concept, context and unit stated with values that disagree,
 * in the instance (`facts`) or in the inline document (`inline_facts`), is a conversion error
 * (V_ERROR): the converter never writes one. Consistent duplicates are counted, not reported. */
void t2x_vf_duplicates_check(const t2x_vfacts *facts, const t2x_vfacts *inline_facts, t2x_verify_report *r);

#endif
