/*
 * timing.h — timing hooks of the pipeline (t2x_options.timings, make bench; timing.c). Internal.
 */
#ifndef T2X_TIMING_H
#define T2X_TIMING_H

#include "txt2xbrl.h"

/* Milliseconds on CLOCK_MONOTONIC. */
double t2x_now_ms(void);
/* Add the time since *t0 to *acc and restart the lap: *t0 = now. */
void t2x_timing_lap(double *acc, double *t0);
/* Add one produced output (template or C writer `name`, a static string) to the timings. */
void t2x_timing_output(t2x_timings *t, const char *name, double ms, size_t bytes);

#endif
