/*
 * package.c — the XBRL Report Package 1.0 of one filing (see package.h): a top-level
 * directory named after the stem, META-INF/reportPackage.json and the reports folder,
 * deterministic bytes (zipwriter.c fixes timestamps and permissions).
 */
#include "package.h"
#include "util.h"
#include "zipwriter.h"

#include <stdlib.h>
#include <string.h>

/* A file name usable as one path part: not empty, no '/', '\\', "." or "..". */
static int plain_name(const char *s)
{
    return s && *s && !strchr(s, '/') && !strchr(s, '\\') && strcmp(s, ".") != 0 && strcmp(s, "..") != 0;
}

char *t2x_package_build(const char *stem, const t2x_package_file *files, size_t n, size_t *len)
{
    *len = 0;
    if (!plain_name(stem)) return NULL;
    for (size_t i = 0; i < n; i++)
        if (!plain_name(files[i].name)) return NULL;
    static const char json[] = "{\n  \"documentInfo\": {\n    \"documentType\": \"" T2X_REPORT_PACKAGE_TYPE
                               "\"\n  }\n}\n";
    t2x_zip *z = t2x_zip_new();
    char *top = t2x_xasprintf("%s/", stem);
    char *meta = t2x_xasprintf("%s/META-INF/", stem);
    char *rp = t2x_xasprintf("%s/META-INF/reportPackage.json", stem);
    char *reports = t2x_xasprintf("%s/reports/", stem);
    int rc = t2x_zip_add_dir(z, top);
    if (rc == 0) rc = t2x_zip_add_dir(z, meta);
    if (rc == 0) rc = t2x_zip_add(z, rp, json, sizeof json - 1);
    if (rc == 0) rc = t2x_zip_add_dir(z, reports);
    for (size_t i = 0; i < n && rc == 0; i++) {
        char *name = t2x_xasprintf("%s%s", reports, files[i].name);
        rc = t2x_zip_add(z, name, files[i].data, files[i].len);
        free(name);
    }
    free(top);
    free(meta);
    free(rp);
    free(reports);
    if (rc != 0) {
        t2x_zip_free(z);
        return NULL;
    }
    return t2x_zip_finish(z, len);
}
