/* xmlnode.h - small libxml2 node helpers shared by the model writers (model.c, ex27check.c) and
 * by the readers of the model and of the outputs (textmodel.c, untagged.c, verify_*.c).
 */
#ifndef T2X_XMLNODE_H
#define T2X_XMLNODE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "dates.h"

/* Is n an element named local in namespace ns? NULL-safe. */
int t2x_xml_is_el(xmlNodePtr n, const char *ns, const char *local);

/* Reads attribute name as a non-negative decimal integer; 0 if absent or not a number. */
int t2x_xml_attr_size(xmlNodePtr n, const char *name, size_t *out);

/* Sets attribute name to value; nothing when value is NULL. */
void t2x_xml_prop(xmlNodePtr n, const char *name, const char *value);

/* Sets attribute name to a printf-formatted value (at most 255 bytes). */
void t2x_xml_propf(xmlNodePtr n, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Sets attribute name to the date as YYYY-MM-DD. */
void t2x_xml_prop_date(xmlNodePtr n, const char *name, t2x_date d);

#endif
