/*
 * ex27check.h — the cross-check of the submission's EX-27 Financial Data Schedules against the
 * converted statements (ex27check.c). Internal.
 */
#ifndef T2X_EX27CHECK_H
#define T2X_EX27CHECK_H

#include "converted.h"

/* Cross-check the EX-27 Financial Data Schedules of the submission against f->model and add
 * the results to it (<ex27>, ex27-mismatch issues and warnings). */
void t2x_ex27_check(t2x_filing *f);

#endif
