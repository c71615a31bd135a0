/*
 * cli_verify.c — `txt2xbrl verify [--json] [--strict] [--schema] [--stem STEM] FILE DIR` (design §4, §5):
 * the summary (or the JSON report) on standard output, each conversion error as one line on
 * standard error; exit 0 faithful, 1 not faithful, 2 usage, 3 unreadable or refused input,
 * 4 missing data.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int t2x_cli_verify(int argc, char **argv)
{
    t2x_verify_options opt;
    memset(&opt, 0, sizeof opt);
    int json = 0, nfiles = 0;
    const char *files[2] = {NULL, NULL};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--json") == 0) json = 1;
        else if (strcmp(a, "--strict") == 0) opt.strict = 1;
        else if (strcmp(a, "--schema") == 0) opt.schema = 1;
        else if (strcmp(a, "--stem") == 0 && val) { opt.stem = val; i++; }
        else if (strcmp(a, "--data-dir") == 0 && val) { opt.data_dir = val; i++; }
        else if (strcmp(a, "--max-xml-bytes") == 0 && val) {
            char *end = NULL;
            unsigned long long n = strtoull(val, &end, 10);
            if (!end || *end || n == 0) {
                fprintf(stderr, "txt2xbrl: verify: --max-xml-bytes takes a positive number\n");
                return EXIT_USAGE;
            }
            opt.max_xml_bytes = (size_t)n;
            i++;
        }
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { t2x_cli_usage(0); return EXIT_OK; }
        else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "txt2xbrl: verify: unknown or incomplete option '%s' (try --help)\n", a);
            return EXIT_USAGE;
        }
        else if (nfiles < 2) files[nfiles++] = a;
        else {
            fprintf(stderr, "txt2xbrl: verify: one FILE and one DIR (try --help)\n");
            return EXIT_USAGE;
        }
    }
    if (nfiles != 2) {
        fprintf(stderr, "txt2xbrl: verify: needs FILE (the filing) and DIR (its outputs)\n");
        return EXIT_USAGE;
    }
    if (opt.stem && (strchr(opt.stem, '/') || !opt.stem[0])) {
        fprintf(stderr, "txt2xbrl: verify: --stem takes a file stem such as alg-20031231\n");
        return EXIT_USAGE;
    }
    t2x_diag d = {0};
    t2x_verify_report *r = NULL;
    t2x_status st = t2x_verify(files[0], files[1], &opt, &d, &r);
    if (r) {
        char *out = json ? t2x_verify_report_json(r) : t2x_verify_report_text(r);
        fputs(out, stdout);
        t2x_cli_flush_stdout(); /* the summary before the error lines */
        free(out);
        /* conversion errors, one line each; the filing's inconsistencies are in the summary */
        t2x_diag errs = {0};
        for (size_t i = 0; i < d.count; i++)
            if (d.items[i].severity == T2X_ERROR)
                t2x_diag_add(&errs, T2X_ERROR, d.items[i].file, d.items[i].line, d.items[i].code, "%s", d.items[i].message);
        t2x_cli_print_diag(&errs, 0);
        t2x_diag_free(&errs);
    } else {
        t2x_cli_print_diag(&d, 0);
    }
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    return t2x_cli_stdout_done("verify", t2x_cli_exit_code(st));
}
