/*
 * abstracts.h — standard abstract elements for statement roots and group headers. Internal;
 * see abstracts.c.
 */
#ifndef T2X_ABSTRACTS_H
#define T2X_ABSTRACTS_H

#include <libxml/tree.h>
#include "converted.h"

/* Set statement/@abstract (the us-gaap abstract of a primary statement's kind) and
 * row[@kind='header']/@abstract (the us-gaap, dei or srt abstract element whose name is the
 * header's words in UpperCamelCase + "Abstract", at most once per statement) on the model's
 * statements under `root`. */
void t2x_model_mark_abstracts(const t2x_filing *f, xmlNodePtr root);

#endif
