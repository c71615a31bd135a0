/*
 * cli_convert.c — `txt2xbrl convert`: options, one conversion per FILE, outputs into -o DIR.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int parse_formats(const char *s, unsigned *out)
{
    unsigned f = 0;
    char *copy = strdup(s), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (strcmp(tok, "xbrl") == 0) f |= T2X_FMT_XBRL;
        else if (strcmp(tok, "dts") == 0) f |= T2X_FMT_DTS;
        else if (strcmp(tok, "model") == 0) f |= T2X_FMT_MODEL;
        else if (strcmp(tok, "report") == 0) f |= T2X_FMT_REPORT;
        else if (strcmp(tok, "ixbrl") == 0) f |= T2X_FMT_IXBRL;
        else if (strcmp(tok, "json") == 0) f |= T2X_FMT_JSON;
        else {
            fprintf(stderr, "txt2xbrl: unknown format '%s' (xbrl, dts, ixbrl, json, model, report)\n", tok);
            free(copy);
            return -1;
        }
    }
    free(copy);
    *out = f;
    return f ? 0 : -1;
}

static int has_inconsistency(const t2x_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (strcmp(d->items[i].code, "calc-inconsistency") == 0 || strcmp(d->items[i].code, "duplicate-fact") == 0)
            return 1;
    return 0;
}

int t2x_cli_convert(int argc, char **argv)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    const char *outdir = ".";
    int verbose = 0, nfiles = 0, package = 0;
    char **files = calloc((size_t)argc + 1, sizeof *files);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && val) { outdir = val; i++; }
        else if (strcmp(a, "--cik") == 0 && val) { opt.cik = val; i++; }
        else if (strcmp(a, "--prefix") == 0 && val) { opt.prefix = val; i++; }
        else if (strcmp(a, "--data-dir") == 0 && val) { opt.data_dir = val; i++; }
        else if (strcmp(a, "--formats") == 0 && val) {
            if (parse_formats(val, &opt.formats) != 0) { free(files); return EXIT_USAGE; }
            i++;
        }
        else if (strcmp(a, "--strict") == 0) opt.strict = 1;
        else if (strcmp(a, "--package") == 0) package = 1;
        else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) verbose = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { t2x_cli_usage(0); free(files); return EXIT_OK; }
        else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "txt2xbrl: convert: unknown or incomplete option '%s' (try --help)\n", a);
            free(files);
            return EXIT_USAGE;
        }
        else files[nfiles++] = argv[i];
    }
    if (package) opt.formats = (opt.formats ? opt.formats : T2X_FMT_DEFAULT) | T2X_FMT_PACKAGE;
    if (nfiles == 0) {
        fprintf(stderr, "txt2xbrl: convert: no input file (use '-' for standard input)\n");
        free(files);
        return EXIT_USAGE;
    }
    if (opt.prefix && !t2x_prefix_valid(opt.prefix)) {
        fprintf(stderr, "txt2xbrl: convert: --prefix '%s' is not usable: a letter, then up to 19 letters, digits, "
                        "'-' or '_', not starting with 'xml'\n", opt.prefix);
        free(files);
        return EXIT_USAGE;
    }
    struct stat ost;
    if (stat(outdir, &ost) == 0 && !S_ISDIR(ost.st_mode)) {
        fprintf(stderr, "txt2xbrl: convert: -o %s: exists and is not a directory (-o names the directory the outputs go into)\n",
                outdir);
        free(files);
        return EXIT_USAGE;
    }
    if (opt.cik) {
        size_t n = strlen(opt.cik);
        int ok = n > 0 && n <= 10;
        for (size_t k = 0; k < n; k++) ok &= opt.cik[k] >= '0' && opt.cik[k] <= '9';
        if (!ok) {
            fprintf(stderr, "txt2xbrl: convert: --cik takes up to 10 digits\n");
            free(files);
            return EXIT_USAGE;
        }
    }
    int worst = EXIT_OK;
    for (int k = 0; k < nfiles; k++) {
        t2x_diag d = {0};
        t2x_filing *f = NULL;
        t2x_status st = t2x_convert_file(files[k], &opt, &d, &f);
        if (st == T2X_OK) st = t2x_filing_write_verified(f, outdir, &opt, &d); /* put in place only when faithful */
        t2x_cli_print_diag(&d, verbose);
        int code = t2x_cli_exit_code(st);
        if (code == EXIT_OK && opt.strict && has_inconsistency(&d)) code = EXIT_VERIFY;
        if (code > worst || (worst == EXIT_OK && code != EXIT_OK)) worst = code;
        t2x_filing_free(f);
        t2x_diag_free(&d);
    }
    free(files);
    return worst;
}
