/*
 * model.h — stage 8: the statement model (docs/model.md), the one hand-off between C and the
 * XSLT templates, built with libxml2 from the converted filing (model.c).
 */
#ifndef T2X_MODEL_H
#define T2X_MODEL_H

#define T2X_MODEL_NS "urn:txt2xbrl:model:1"

struct t2x_filing;

/* Build f->model from the filing's tables and cover. */
void t2x_model_build(struct t2x_filing *f);

#endif
