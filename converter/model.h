/*
 * model.h — stage 8: the statement model (docs/model.md), the one hand-off between C and the
 * XSLT templates. Built with libxml2 by t2x_model_build (filing.h).
 */
#ifndef T2X_MODEL_H
#define T2X_MODEL_H

#define T2X_MODEL_NS "urn:txt2xbrl:model:1"

#endif
