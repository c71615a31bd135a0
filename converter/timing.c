/*
 * timing.c — the per-stage timing hooks of the pipeline (t2x_options.timings, make bench;
 * timing.h).
 */
#include "timing.h"

#include <string.h>
#include <time.h>

double t2x_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

void t2x_timing_lap(double *acc, double *t0)
{
    double t = t2x_now_ms();
    *acc += t - *t0;
    *t0 = t;
}

void t2x_timing_output(t2x_timings *t, const char *name, double ms, size_t bytes)
{
    size_t i = 0;
    while (i < t->noutputs && strcmp(t->outputs[i].name, name) != 0) i++;
    if (i == t->noutputs) {
        if (i == T2X_TIMING_OUTPUTS) return; /* table full: not timed */
        t->noutputs++;
        t->outputs[i].name = name;
        t->outputs[i].ms = 0;
        t->outputs[i].bytes = 0;
        t->outputs[i].count = 0;
    }
    t->outputs[i].ms += ms;
    t->outputs[i].bytes += bytes;
    t->outputs[i].count++;
}
