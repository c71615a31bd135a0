/*
 * modelfact.h — test helper: the value of a fact in a converted filing's statement model, and
 * a check of it (cmocka). Include after cmocka.h and filing.h.
 */
#ifndef T2X_MODELFACT_H
#define T2X_MODELFACT_H

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* The model's value of concept in context (the first cell), NULL if none (xmlFree). */
static inline char *model_fact(t2x_filing *f, const char *concept, const char *context)
{
    xmlXPathContextPtr xp = xmlXPathNewContext(f->model);
    xmlXPathRegisterNs(xp, BAD_CAST "m", BAD_CAST "urn:txt2xbrl:model:1");
    char q[512];
    snprintf(q, sizeof q, "(//m:cell[@context='%s' and (@concept='%s' or (not(@concept) and ../@concept='%s'))]/@value)[1]",
             context, concept, concept);
    xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST q, xp);
    char *v = r && r->nodesetval && r->nodesetval->nodeNr ? (char *)xmlNodeGetContent(r->nodesetval->nodeTab[0]) : NULL;
    xmlXPathFreeObject(r);
    xmlXPathFreeContext(xp);
    return v;
}

/* Fail unless the model's value of concept in context is `want`; with want NULL, unless there
 * is no such fact. */
static inline void expect_fact(t2x_filing *f, const char *concept, const char *context, const char *want)
{
    char *v = model_fact(f, concept, context);
    if (want && (!v || strcmp(v, want) != 0)) fail_msg("%s in %s is %s, wanted %s", concept, context, v ? v : "(none)", want);
    if (!want && v) fail_msg("%s in %s is %s, wanted no fact", concept, context, v);
    xmlFree(v);
}

#endif
