/*
 * lifecycle.c — the process-wide caches of the library (txt2xbrl.h): t2x_prepare loads the
 * taxonomy data and compiles the templates before a batch forks its workers, so that they share
 * them; t2x_cleanup releases every cache (data, templates, the verifier's schemas, libxml2) for
 * leak checkers at exit. It sits above every stage and below none.
 */
#include "data.h"
#include "render.h"
#include "util.h"
#include "verify.h"
#include "xbrlvalid.h"

#include <stdio.h>
#include <stdlib.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

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
