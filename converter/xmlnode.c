/* xmlnode.c - small libxml2 node helpers; see xmlnode.h. */
#include "xmlnode.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int t2x_xml_is_el(xmlNodePtr n, const char *ns, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST ns) &&
           xmlStrEqual(n->name, BAD_CAST local);
}

int t2x_xml_attr_size(xmlNodePtr n, const char *name, size_t *out)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    if (!v) return 0;
    char *end = NULL;
    unsigned long long x = strtoull((const char *)v, &end, 10);
    int ok = end && *end == '\0' && end != (char *)v;
    xmlFree(v);
    if (ok) *out = (size_t)x;
    return ok;
}

void t2x_xml_prop(xmlNodePtr n, const char *name, const char *value)
{
    if (value) xmlNewProp(n, BAD_CAST name, BAD_CAST value);
}

void t2x_xml_propf(xmlNodePtr n, const char *name, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    xmlNewProp(n, BAD_CAST name, BAD_CAST buf);
}

void t2x_xml_prop_date(xmlNodePtr n, const char *name, t2x_date d)
{
    char s[11];
    t2x_date_iso(d, s);
    t2x_xml_prop(n, name, s);
}
