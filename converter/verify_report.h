/*
 * verify_report.h — the verifier's findings and its report (verify_report.c): what each check
 * found, the summary per check, and the report as text or JSON. Every verifier file adds to it;
 * it depends on none of them.
 */
#ifndef T2X_VERIFY_REPORT_H
#define T2X_VERIFY_REPORT_H

#include <stddef.h>
#include "txt2xbrl.h"

/* ---------------------------------------------------------------- findings */

typedef enum t2x_vkind {
    V_ERROR,         /* a conversion error: the outputs are not faithful */
    V_INCONSISTENCY, /* an inconsistency of the filing itself (its own arithmetic, its repeats) */
    V_NOTE           /* information (a check skipped, a consequence of an inconsistency) */
} t2x_vkind;

typedef struct t2x_vfinding {
    t2x_vkind kind;
    char *check;    /* "schema", "text", "facts", "spans", "coverage", "calculations", "duplicates" */
    long line;      /* line in the source, 0 when none */
    char *concept;  /* prefixed name, or NULL */
    char *context;  /* context id, or NULL */
    char *message;  /* one line */
    int consequence;/* an inconsistency explained by another one (listed under it) */
} t2x_vfinding;

/* One check's outcome for the summary. */
typedef struct t2x_vcheck {
    const char *name;
    int ran;        /* 0: skipped (detail says why) */
    size_t errors;  /* conversion errors found */
    char *detail;   /* one line */
} t2x_vcheck;

enum { VC_SCHEMA, VC_TEXT, VC_FACTS, VC_SPANS, VC_COVERAGE, VC_CALC, VC_DUPLICATES, VC_COUNT };

struct t2x_verify_report {
    char *source_name, *dir, *stem;
    char sha256[65];
    size_t source_length;
    int strict;
    t2x_vcheck checks[VC_COUNT];
    t2x_vfinding *f;
    size_t nf, capf;
    int faithful;   /* set by t2x_verify */
};

/* Add a finding (printf-style message, cut to T2X_VF_MESSAGE_MAX bytes; concept and
 * context to 200). */
#define T2X_VF_MESSAGE_MAX 1000
void t2x_vf_add(t2x_verify_report *r, t2x_vkind kind, int check, long line, const char *concept, const char *context,
           const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* The name of each check (VC_*), as reports print it. */
extern const char *const t2x_vf_check_names[VC_COUNT];

#endif
