/*
 * render.h — the one C entry point that applies any XSLT template of templates/ to the
 * statement model (cmark's renderers on one tree). XML is parsed with no network access and
 * no external entity expansion; XSLT may not read or write files beyond its imports.
 */
#ifndef T2X_RENDER_H
#define T2X_RENDER_H

#include <libxml/tree.h>
#include <stddef.h>
#include "txt2xbrl.h"

/* Process-wide libxml2/libxslt set-up (idempotent): network off, entity loader restricted to
 * local files, XSLT security preferences. Called by every entry point that parses XML. */
void t2x_xml_init(void);

/* Apply `data_dir`/templates/`name` (e.g. "instance.xsl") to `model`, with string parameters
 * given as a NULL-terminated list of name/value pairs (may be NULL). On success *out is a
 * malloc'd buffer (caller frees) of *len bytes. Stylesheets are compiled once and cached.
 * OUT: *out, *len */
t2x_status t2x_render(xmlDocPtr model, const char *data_dir, const char *name,
                      const char **params, char **out, size_t *len, t2x_diag *diag);

/* Compile `data_dir`/templates/`name` into the cache now, without applying it (t2x_prepare:
 * forked workers then share the compiled stylesheet). */
t2x_status t2x_render_load(const char *data_dir, const char *name, t2x_diag *diag);

/* Free the stylesheet cache (tests and valgrind runs call it at exit). */
void t2x_render_cleanup(void);

#endif
