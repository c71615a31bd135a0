/*
 * filing.h — everything the pipeline (filing.c) works with: the converted-filing record, the
 * taxonomy data, the model builder and the EX-27 cross-check. Internal; a file that needs only
 * one of them includes that header.
 */
#ifndef T2X_FILING_H
#define T2X_FILING_H

#include "converted.h"
#include "data.h"
#include "ex27check.h"
#include "model.h"

#endif
