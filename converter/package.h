/*
 * package.h — the filing's XBRL Report Package 1.0 (STEM.zip), built in memory on the ZIP
 * writer (zipwriter.h). Not installed.
 *
 * Layout (Report Packages 1.0, REC 2023; the unconstrained package type, whose extension is
 * .zip):
 *   STEM/                                  the single top-level directory
 *   STEM/META-INF/reportPackage.json       {"documentInfo": {"documentType":
 *                                           "https://xbrl.org/report-package/2023"}}
 *   STEM/reports/STEM.xbrl                 the XBRL 2.1 instance (a report is found by its
 *                                           extension: .xbrl, not .xml)
 *   STEM/reports/STEM.xsd, STEM_*.xml      the extension taxonomy the instance references
 */
#ifndef T2X_PACKAGE_H
#define T2X_PACKAGE_H

#include <stddef.h>

/* One file of the reports folder: its name there and its bytes (borrowed). */
typedef struct t2x_package_file {
    const char *name;   /* file name, no directory part, e.g. "alg-20031231.xbrl" */
    const char *data;   /* the bytes */
    size_t len;         /* how many */
} t2x_package_file;

/* The documentType of the package's META-INF/reportPackage.json. */
#define T2X_REPORT_PACKAGE_TYPE "https://xbrl.org/report-package/2023"

/* Build the package of `stem` holding `files` (in this order) in its reports folder.
 * Returns the ZIP bytes (caller frees with free()), or NULL when a name is not a plain file
 * name or the package would exceed the ZIP limits. OUT: *len */
char *t2x_package_build(const char *stem, const t2x_package_file *files, size_t n, size_t *len);

#endif
