/*
 * verify_concepts.h — the instance's facts against the concept table and the extension schema
 * (verify_concepts.c).
 */
#ifndef T2X_VERIFY_CONCEPTS_H
#define T2X_VERIFY_CONCEPTS_H

#include <libxml/tree.h>
#include "verify_xml.h"

/* The compact instance checks against the concept table and the extension schema
 * (verify_concepts.c); *checked counts the facts looked at. */
void t2x_vf_concept_checks(const t2x_vfacts *facts, const t2x_vresset *ctxs, const t2x_vresset *units,
                           xmlDocPtr xsd, const char *data_dir, t2x_verify_report *r, size_t *checked);

#endif
