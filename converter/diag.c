/*
 * diag.c — the diagnostics list (errors are data: see txt2xbrl.h) and status names.
 */
#include "txt2xbrl.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void t2x_diag_add(t2x_diag *d, t2x_severity sev, const char *file, long line, const char *code,
                  const char *fmt, ...)
{
    if (!d) return;
    d->items = t2x_grow(d->items, &d->cap, d->count + 1, sizeof *d->items);
    t2x_diag_item *it = &d->items[d->count++];
    it->severity = sev;
    it->file = file ? t2x_xstrdup(file) : NULL;
    it->line = line;
    it->code = t2x_xstrdup(code ? code : "");
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    it->message = t2x_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(it->message, (size_t)n + 1, fmt, ap);
    va_end(ap);
    for (char *p = it->message; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
}

void t2x_diag_free(t2x_diag *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].code);
        free(d->items[i].message);
    }
    free(d->items);
    d->items = NULL;
    d->count = d->cap = 0;
}

const char *t2x_status_str(t2x_status st)
{
    switch (st) {
    case T2X_OK: return "ok";
    case T2X_ERR_USAGE: return "usage error";
    case T2X_ERR_INPUT: return "bad input";
    case T2X_ERR_NOT_FILING: return "not a periodic report";
    case T2X_ERR_HTML: return "HTML filing (not supported)";
    case T2X_ERR_NO_STATEMENTS: return "no financial statements found";
    case T2X_ERR_IO: return "output error";
    case T2X_ERR_DATA: return "taxonomy or template data error";
    case T2X_ERR_VERIFY: return "verification failed";
    case T2X_ERR_INTERNAL: return "internal error";
    }
    return "unknown status";
}
