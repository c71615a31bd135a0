/*
 * render.c — apply the XSLT templates of templates/ to the statement model (see render.h),
 * and the process-wide XML set-up every XML reader of the library relies on:
 *
 *   - no network: a global external entity loader that resolves every URL through the XML
 *     catalogs loaded so far and then opens local files only; http/https/ftp (any scheme
 *     but file:) is refused;
 *   - no external entities or DTD loading in anything we parse (XSLT's own loader is wrapped
 *     to drop XML_PARSE_NOENT / XML_PARSE_DTDLOAD, and adds XML_PARSE_NONET);
 *   - XSLT may not write files, create directories or use the network, and may read files
 *     only inside the templates directory of the stylesheet being compiled or applied.
 *
 * Stylesheets are compiled once per path and cached (single-threaded library).
 */
#include "render.h"
#include "util.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/catalog.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>
#include <libxml/xmlIO.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <libexslt/exslt.h>

/* ------------------------------------------------------------------ error capture */

/* libxml2/libxslt report errors in fragments through a printf-like callback; collect them
 * into whole lines and add each line to the diagnostics. */
typedef struct capture {
    t2x_diag *diag;
    t2x_severity severity;
    const char *code;
    t2x_buf line;
    size_t lines;
} capture;

static void capture_flush(capture *c)
{
    if (c->line.len == 0) return;
    char *s = t2x_trim(c->line.data);
    if (*s) {
        t2x_diag_add(c->diag, c->severity, NULL, 0, c->code, "%s", s);
        c->lines++;
    }
    c->line.len = 0;
    c->line.data[0] = '\0';
}

static void capture_handler(void *ctx, const char *fmt, ...)
{
    capture *c = ctx;
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    const char *text = small;
    char *big = NULL;
    if ((size_t)n >= sizeof small) {
        big = t2x_xmalloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        text = big;
    }
    for (const char *p = text; *p; p++) {
        if (*p == '\n') capture_flush(c);
        else t2x_buf_putc(&c->line, *p);
    }
    free(big);
}

static void capture_begin(capture *c, t2x_diag *diag, const char *code)
{
    memset(c, 0, sizeof *c);
    c->diag = diag;
    c->severity = T2X_ERROR;
    c->code = code;
    t2x_buf_puts(&c->line, "");
    xmlSetGenericErrorFunc(c, capture_handler);
    xsltSetGenericErrorFunc(c, capture_handler);
}

static void capture_end(capture *c)
{
    capture_flush(c);
    free(c->line.data);
    c->line.data = NULL;
    xmlSetGenericErrorFunc(NULL, NULL);
    xsltSetGenericErrorFunc(NULL, NULL);
}

/* ------------------------------------------------------------------ entity loader */

/* Does `uri` name something other than a local file (a scheme other than file:)? */
static int is_remote(const char *uri)
{
    const char *p = uri;
    if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))) return 0;
    while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
           *p == '+' || *p == '-' || *p == '.')
        p++;
    if (*p != ':') return 0;
    size_t n = (size_t)(p - uri);
    if (n == 4 && t2x_starts_with_ci(uri, "file")) return 0;
    return 1;
}

static xmlParserInputPtr t2x_entity_loader(const char *URL, const char *ID, xmlParserCtxtPtr ctxt)
{
    xmlChar *resolved = NULL;
    if (URL) resolved = xmlCatalogResolveURI((const xmlChar *)URL);
    if (!resolved && (URL || ID)) resolved = xmlCatalogResolve((const xmlChar *)ID, (const xmlChar *)URL);
    const char *target = resolved ? (const char *)resolved : URL;
    if (!target) {
        xmlGenericError(xmlGenericErrorContext, "txt2xbrl: refusing to load an entity with no system id\n");
        return NULL;
    }
    if (is_remote(target)) {
        xmlGenericError(xmlGenericErrorContext,
                        "txt2xbrl: refusing to load %s: no network access and no catalog entry "
                        "maps it to a local file\n", target);
        xmlFree(resolved);
        return NULL;
    }
    xmlParserInputPtr in = xmlNewInputFromFile(ctxt, target);
    xmlFree(resolved);
    return in;
}

/* ------------------------------------------------------------------ XSLT document loader */

static xsltDocLoaderFunc default_doc_loader;

/* Every document libxslt loads (stylesheets, imports, document()) goes through here: the
 * options XSLT asks for minus entity substitution and DTD loading, plus no network. */
static xmlDocPtr t2x_doc_loader(const xmlChar *URI, xmlDictPtr dict, int options, void *ctxt,
                                xsltLoadType type)
{
    options &= ~(XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID |
                 XML_PARSE_XINCLUDE | XML_PARSE_HUGE);
    options |= XML_PARSE_NONET;
    return default_doc_loader(URI, dict, options, ctxt, type);
}

/* ------------------------------------------------------------------ XSLT security */

static xsltSecurityPrefsPtr security;
static char *read_root; /* realpath of the templates dir in use, with a trailing '/' */

static int check_read_file(xsltSecurityPrefsPtr sec, xsltTransformContextPtr tctxt, const char *value)
{
    if (!read_root || !value) return 0;
    const char *path = value;
    if (t2x_starts_with_ci(path, "file://")) path += 7;
    char real[PATH_MAX];
    if (!realpath(path, real)) return 0;
    size_t n = strlen(read_root);
    return strncmp(real, read_root, n) == 0;
}

/* Point the read permission at `templates_dir` (NULL: nothing may be read). */
static void set_read_root(const char *templates_dir)
{
    free(read_root);
    read_root = NULL;
    if (!templates_dir) return;
    char real[PATH_MAX];
    if (!realpath(templates_dir, real)) return;
    read_root = t2x_xasprintf("%s/", real);
}

/* ------------------------------------------------------------------ init */

static int initialized;

void t2x_xml_init(void)
{
    if (initialized) return;
    initialized = 1;
    xmlInitParser();
    LIBXML_TEST_VERSION
    exsltRegisterAll();
    xmlSubstituteEntitiesDefault(0);
    xmlLoadExtDtdDefaultValue = 0;
    xmlSetExternalEntityLoader(t2x_entity_loader);
    if (!default_doc_loader) default_doc_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(t2x_doc_loader);
    if (!security) {
        security = xsltNewSecurityPrefs();
        if (!security) {
            fprintf(stderr, "txt2xbrl: out of memory (XSLT security preferences)\n");
            abort();
        }
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(security, XSLT_SECPREF_READ_FILE, check_read_file);
    }
    xsltSetDefaultSecurityPrefs(security);
}

/* ------------------------------------------------------------------ stylesheet cache */

typedef struct cached_style {
    char *path;             /* data_dir/templates/name */
    char *templates_dir;    /* data_dir/templates */
    xsltStylesheetPtr style;
} cached_style;

static cached_style *cache;
static size_t cache_count, cache_cap;

static int valid_name(const char *name)
{
    if (!name || !*name || name[0] == '.') return 0;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            return 0;
    return strstr(name, "..") == NULL;
}

static cached_style *get_style(const char *data_dir, const char *name, t2x_diag *diag)
{
    char *path = t2x_xasprintf("%s/templates/%s", data_dir, name);
    for (size_t i = 0; i < cache_count; i++)
        if (strcmp(cache[i].path, path) == 0) {
            free(path);
            return &cache[i];
        }
    char *dir = t2x_xasprintf("%s/templates", data_dir);
    set_read_root(dir);
    capture cap;
    capture_begin(&cap, diag, "template");
    xsltStylesheetPtr style = xsltParseStylesheetFile((const xmlChar *)path);
    capture_end(&cap);
    if (!style || style->errors > 0) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "template", "cannot compile the stylesheet");
        if (style) xsltFreeStylesheet(style);
        free(path);
        free(dir);
        return NULL;
    }
    cache = t2x_grow(cache, &cache_cap, cache_count + 1, sizeof *cache);
    cached_style *c = &cache[cache_count++];
    c->path = path;
    c->templates_dir = dir;
    c->style = style;
    return c;
}

/* ------------------------------------------------------------------ render */

t2x_status t2x_render(xmlDocPtr model, const char *data_dir, const char *name,
                      const char **params, char **out, size_t *len, t2x_diag *diag)
{
    if (out) *out = NULL;
    if (len) *len = 0;
    if (!model || !data_dir || !out || !len || !valid_name(name)) {
        t2x_diag_add(diag, T2X_ERROR, NULL, 0, "usage", "t2x_render: bad arguments (template %s)",
                     name ? name : "(null)");
        return T2X_ERR_USAGE;
    }
    t2x_xml_init();
    cached_style *cs = get_style(data_dir, name, diag);
    if (!cs) return T2X_ERR_DATA;

    set_read_root(cs->templates_dir);
    capture cap;
    capture_begin(&cap, diag, "template");
    t2x_status st = T2X_OK;
    xmlDocPtr res = NULL;
    xsltTransformContextPtr tctxt = xsltNewTransformContext(cs->style, model);
    if (!tctxt) {
        capture_end(&cap);
        fprintf(stderr, "txt2xbrl: out of memory (XSLT transform context)\n");
        abort();
    }
    xsltSetCtxtSecurityPrefs(security, tctxt);
    xsltSetTransformErrorFunc(tctxt, &cap, capture_handler);
    if (params && xsltQuoteUserParams(tctxt, params) != 0) {
        st = T2X_ERR_USAGE;
    } else {
        res = xsltApplyStylesheetUser(cs->style, model, NULL, NULL, NULL, tctxt);
        if (!res || tctxt->state == XSLT_STATE_ERROR || tctxt->state == XSLT_STATE_STOPPED)
            st = T2X_ERR_DATA;
    }
    xsltFreeTransformContext(tctxt);
    capture_end(&cap);

    if (st == T2X_OK) {
        xmlChar *buf = NULL;
        int n = 0;
        if (xsltSaveResultToString(&buf, &n, res, cs->style) != 0 || n < 0) {
            st = T2X_ERR_INTERNAL;
        } else {
            *out = t2x_xmalloc((size_t)n + 1);
            if (n) memcpy(*out, buf, (size_t)n);
            (*out)[n] = '\0';
            *len = (size_t)n;
        }
        xmlFree(buf);
    }
    if (res) xmlFreeDoc(res);
    if (st != T2X_OK)
        t2x_diag_add(diag, T2X_ERROR, cs->path, 0, "template", "the transformation failed (%s)",
                     t2x_status_str(st));
    return st;
}

t2x_status t2x_render_load(const char *data_dir, const char *name, t2x_diag *diag)
{
    if (!data_dir || !valid_name(name)) return T2X_ERR_USAGE;
    t2x_xml_init();
    return get_style(data_dir, name, diag) ? T2X_OK : T2X_ERR_DATA;
}

void t2x_render_cleanup(void)
{
    for (size_t i = 0; i < cache_count; i++) {
        xsltFreeStylesheet(cache[i].style);
        free(cache[i].path);
        free(cache[i].templates_dir);
    }
    free(cache);
    cache = NULL;
    cache_count = cache_cap = 0;
    free(read_root);
    read_root = NULL;
    if (security) {
        xsltSetDefaultSecurityPrefs(NULL);
        xsltFreeSecurityPrefs(security);
        security = NULL;
    }
    initialized = 0; /* the next use sets everything up again */
}
