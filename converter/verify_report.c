/*
 * verify_report.c — the verifier's findings and its report: adding a bounded one-line finding,
 * freeing, and printing the report as text or JSON (docs/verify.md).
 */
#include "verify_report.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const t2x_vf_check_names[VC_COUNT] = {"schema", "text", "facts", "spans", "coverage", "calculations",
                                                  "duplicates"};

/* Cut s (in place) to at most max bytes, on a UTF-8 character boundary, marking the cut with
 * "…": the output of one finding is bounded whatever the outputs hold. */
static char *clip(char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) return s;
    size_t k = max - 3;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
    memcpy(s + k, "\xE2\x80\xA6", 4);
    return s;
}

void t2x_vf_add(t2x_verify_report *r, t2x_vkind kind, int check, long line, const char *concept, const char *context,
           const char *fmt, ...)
{
    r->f = t2x_grow(r->f, &r->capf, r->nf + 1, sizeof *r->f);
    t2x_vfinding *f = &r->f[r->nf++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->check = t2x_xstrdup(t2x_vf_check_names[check]);
    f->line = line;
    f->concept = concept ? clip(t2x_xstrdup(concept), 200) : NULL;
    f->context = context ? clip(t2x_xstrdup(context), 200) : NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    f->message = t2x_xmalloc((size_t)(n > 0 ? n : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(f->message, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    clip(f->message, T2X_VF_MESSAGE_MAX);
    for (char *p = f->message; *p; p++)
        if (*p == '\n' || *p == '\r') *p = ' ';
    if (kind == V_ERROR) r->checks[check].errors++;
}

void t2x_verify_report_free(t2x_verify_report *r)
{
    if (!r) return;
    free(r->source_name);
    free(r->dir);
    free(r->stem);
    for (int i = 0; i < VC_COUNT; i++) free(r->checks[i].detail);
    for (size_t i = 0; i < r->nf; i++) {
        free(r->f[i].check);
        free(r->f[i].concept);
        free(r->f[i].context);
        free(r->f[i].message);
    }
    free(r->f);
    free(r);
}


int t2x_verify_report_faithful(const t2x_verify_report *r) { return r && r->faithful; }

/* ---------------------------------------------------------------- reports */

static const char *kind_name(t2x_vkind k)
{
    return k == V_ERROR ? "error" : k == V_INCONSISTENCY ? "inconsistency" : "note";
}

char *t2x_verify_report_text(const t2x_verify_report *r)
{
    t2x_buf b = {0};
    t2x_buf_printf(&b, "txt2xbrl verify: %s against %s/%s.{htm,xml,xsd}\n", r->source_name, r->dir, r->stem ? r->stem : "?");
    for (int i = 0; i < VC_COUNT; i++) {
        const t2x_vcheck *c = &r->checks[i];
        const char *status = c->errors ? "FAIL" : c->ran ? "ok" : "skip";
        t2x_buf_printf(&b, "  %-13s %-4s  %s\n", c->name, status, c->detail ? c->detail : "not run");
    }
    size_t errors = 0, incons = 0, shown = 0;
    for (size_t i = 0; i < r->nf; i++) {
        errors += r->f[i].kind == V_ERROR;
        incons += r->f[i].kind == V_INCONSISTENCY && !r->f[i].consequence;
    }
    if (errors) {
        t2x_buf_printf(&b, "conversion errors (%zu):\n", errors);
        for (size_t i = 0; i < r->nf; i++)
            if (r->f[i].kind == V_ERROR && shown++ < 50) t2x_buf_printf(&b, "  [%s] %s\n", r->f[i].check, r->f[i].message);
        if (shown > 50) t2x_buf_printf(&b, "  … %zu more (see --json)\n", shown - 50);
    }
    if (incons) {
        t2x_buf_printf(&b, "inconsistencies of the filing itself (%zu; not conversion errors%s):\n", incons,
                       r->strict ? ", but --strict" : "");
        for (size_t i = 0; i < r->nf; i++)
            if (r->f[i].kind == V_INCONSISTENCY) {
                if (r->f[i].line) t2x_buf_printf(&b, "  %sline %ld: %s\n", r->f[i].consequence ? "  " : "", r->f[i].line, r->f[i].message);
                else t2x_buf_printf(&b, "  %s%s\n", r->f[i].consequence ? "  " : "", r->f[i].message);
            }
    }
    t2x_buf_printf(&b, "result: %s\n", r->faithful ? "faithful" : "NOT faithful");
    return b.data;
}


char *t2x_verify_report_json(const t2x_verify_report *r)
{
    t2x_buf b = {0};
    t2x_buf_puts(&b, "{\n  \"tool\": \"txt2xbrl " T2X_VERSION "\",\n  \"source\": {\"name\": ");
    t2x_buf_json_str(&b, r->source_name);
    t2x_buf_printf(&b, ", \"sha256\": \"%s\", \"length\": %zu},\n  \"outputs\": {\"dir\": ", r->sha256, r->source_length);
    t2x_buf_json_str(&b, r->dir);
    t2x_buf_puts(&b, ", \"stem\": ");
    t2x_buf_json_str(&b, r->stem);
    t2x_buf_printf(&b, "},\n  \"strict\": %s,\n  \"faithful\": %s,\n  \"checks\": [", r->strict ? "true" : "false",
                   r->faithful ? "true" : "false");
    for (int i = 0; i < VC_COUNT; i++) {
        const t2x_vcheck *c = &r->checks[i];
        t2x_buf_printf(&b, "%s\n    {\"name\": \"%s\", \"status\": \"%s\", \"errors\": %zu, \"detail\": ", i ? "," : "",
                       c->name, c->errors ? "fail" : c->ran ? "pass" : "skipped", c->errors);
        t2x_buf_json_str(&b, c->detail);
        t2x_buf_putc(&b, '}');
    }
    t2x_buf_puts(&b, "\n  ],\n  \"findings\": [");
    for (size_t i = 0; i < r->nf; i++) {
        const t2x_vfinding *f = &r->f[i];
        t2x_buf_printf(&b, "%s\n    {\"kind\": \"%s\", \"check\": \"%s\", \"line\": %ld, \"concept\": ", i ? "," : "",
                       kind_name(f->kind), f->check, f->line);
        if (f->concept) t2x_buf_json_str(&b, f->concept);
        else t2x_buf_puts(&b, "null");
        t2x_buf_puts(&b, ", \"context\": ");
        if (f->context) t2x_buf_json_str(&b, f->context);
        else t2x_buf_puts(&b, "null");
        t2x_buf_printf(&b, ", \"consequence\": %s, \"message\": ", f->consequence ? "true" : "false");
        t2x_buf_json_str(&b, f->message);
        t2x_buf_putc(&b, '}');
    }
    t2x_buf_puts(&b, "\n  ]\n}\n");
    return b.data;
}
