/*
 * stats.c — what the batch command and make bench need from the library (stats.h,
 * txt2xbrl.h "batch support"): per-stage timings, the summary of a converted filing read from
 * its statement model (docs/model.md), the SHA-256 of a decoded input (the batch resume key),
 * loading the process caches before forking workers, and releasing them for leak checkers.
 */
#include "stats.h"
#include "filing.h"
#include "render.h"
#include "sha256.h"
#include "source.h"
#include "util.h"
#include "verify.h"
#include "xbrlvalid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

/* ---------------------------------------------------------------- timings */

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

/* ---------------------------------------------------------------- summary */

static int is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static size_t attr_count(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    size_t k = v ? strtoul((const char *)v, NULL, 10) : 0;
    xmlFree(v);
    return k;
}

static int attr_is(xmlNodePtr n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    int eq = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return eq;
}

/* Facts: every <cell> and <fact> with a context, at any depth. */
static size_t count_facts(xmlNodePtr n)
{
    size_t k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if ((is_el(c, "cell") || is_el(c, "fact")) && xmlHasProp(c, BAD_CAST "context")) k++;
        k += count_facts(c);
    }
    return k;
}

void t2x_filing_summarize(const t2x_filing *f, t2x_filing_summary *out)
{
    memset(out, 0, sizeof *out);
    if (!f) return;
    out->form = f->form;
    out->cik = f->cik;
    out->accession = f->sub.hdr.accession;
    out->registrant = f->registrant;
    out->stem = f->stem;
    out->sha256 = f->src.sha256[0] ? f->src.sha256 : NULL;
    if (f->period_end.y) t2x_date_iso(f->period_end, out->period_end);
    xmlNodePtr root = f->model ? xmlDocGetRootElement(f->model) : NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (is_el(n, "statement")) out->statements++;
        else if (is_el(n, "ex27")) {
            out->ex27_schedules = attr_count(n, "schedules");
            out->ex27_comparisons = attr_count(n, "comparisons");
            out->ex27_agree = attr_count(n, "agree");
            out->ex27_disagree = attr_count(n, "disagree");
        } else if (is_el(n, "issues")) {
            for (xmlNodePtr i = n->children; i; i = i->next)
                if (is_el(i, "issue") && (attr_is(i, "code", "calc-inconsistency") || attr_is(i, "code", "duplicate-fact")))
                    out->inconsistencies++;
        }
    }
    out->facts = root ? count_facts(root) : 0;
}

/* ---------------------------------------------------------------- input digest */

t2x_status t2x_input_sha256(const unsigned char *bytes, size_t len, char hex[65])
{
    if (len == 0 || !(len >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)) {
        /* not gzip: decoding keeps the bytes as they are, no copy needed */
        t2x_sha256_hex(bytes, len, hex);
        return len ? T2X_OK : T2X_ERR_INPUT;
    }
    t2x_source src;
    t2x_diag quiet = {0};
    t2x_status st = t2x_source_from_bytes(bytes, len, "-", &src, &quiet);
    if (st == T2X_OK) memcpy(hex, src.sha256, 65);
    else t2x_sha256_hex(bytes, len, hex);
    t2x_source_free(&src);
    t2x_diag_free(&quiet);
    return st;
}

/* ---------------------------------------------------------------- process caches */

/* The templates each output format applies (in step with t2x_filing_write; a template that is
 * not installed is skipped here and reported by the conversion that needs it). */
static const struct { unsigned fmt; const char *tmpl; } templates[] = {
    {T2X_FMT_XBRL | T2X_FMT_PACKAGE, "instance.xsl"},
    {T2X_FMT_DTS | T2X_FMT_PACKAGE, "schema.xsl"},
    {T2X_FMT_DTS | T2X_FMT_PACKAGE, "presentation.xsl"},
    {T2X_FMT_DTS | T2X_FMT_PACKAGE, "calculation.xsl"},
    {T2X_FMT_DTS | T2X_FMT_PACKAGE, "label.xsl"},
    {T2X_FMT_DTS | T2X_FMT_PACKAGE, "definition.xsl"},
    {T2X_FMT_IXBRL, "inline.xsl"},
    {T2X_FMT_JSON, "json.xsl"},
};

t2x_status t2x_prepare(const t2x_options *opt, t2x_diag *diag)
{
    const char *dir = t2x_data_dir(opt);
    if (!t2x_data_get(dir, diag)) return T2X_ERR_DATA;
    unsigned fmt = opt && opt->formats ? opt->formats : T2X_FMT_DEFAULT;
    for (size_t i = 0; i < sizeof templates / sizeof templates[0]; i++) {
        if (!(fmt & templates[i].fmt)) continue;
        char *path = t2x_xasprintf("%s/templates/%s", dir, templates[i].tmpl);
        FILE *probe = fopen(path, "r");
        free(path);
        if (!probe) continue;
        fclose(probe);
        t2x_status st = t2x_render_load(dir, templates[i].tmpl, diag);
        if (st != T2X_OK) return st;
    }
    return T2X_OK;
}

void t2x_cleanup(void)
{
    t2x_data_cleanup();
    t2x_render_cleanup();
    t2x_verify_cleanup();
    t2x_validate_cleanup();
    xsltCleanupGlobals();
    xmlCleanupParser();
}
