/*
 * stats.h — timing hooks of the pipeline (t2x_options.timings, make bench) and the summary of a
 * converted filing (t2x_filing_summarize, the batch manifest). Internal.
 */
#ifndef T2X_STATS_H
#define T2X_STATS_H

#include "txt2xbrl.h"

/* Milliseconds on CLOCK_MONOTONIC. */
double t2x_now_ms(void);
/* Add the time since *t0 to *acc and restart the lap: *t0 = now. */
void t2x_timing_lap(double *acc, double *t0);
/* Add one produced output (template or C writer `name`, a static string) to the timings. */
void t2x_timing_output(t2x_timings *t, const char *name, double ms, size_t bytes);

#endif
