/*
 * cli_compare.c — `txt2xbrl compare [--json] [--match-extensions] DIR...`: list the facts that
 * several converted filings of one company report differently for the same concept, period,
 * dimensions and unit (cross-filing consistency). Exit 0 when none differ, 1 when some do,
 * 2 on a usage error, 3 when a path holds no readable instance.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int t2x_cli_compare(int argc, char **argv)
{
    int json = 0;
    unsigned flags = 0;
    const char **paths = calloc((size_t)argc + 1, sizeof *paths);
    size_t n = 0;
    if (!paths) return EXIT_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) json = 1;
        else if (strcmp(a, "--match-extensions") == 0) flags |= T2X_COMPARE_EXTENSIONS;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            t2x_cli_usage(0);
            free(paths);
            return EXIT_OK;
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "txt2xbrl: compare: unknown option '%s' (try --help)\n", a);
            free(paths);
            return EXIT_USAGE;
        } else paths[n++] = a;
    }
    if (n < 1) {
        fprintf(stderr, "txt2xbrl: compare: give the output directories (or instances) of the filings to compare\n");
        free(paths);
        return EXIT_USAGE;
    }
    t2x_diag d = {0};
    t2x_compare *c = NULL;
    t2x_status st = t2x_compare_paths(paths, n, flags, &d, &c);
    t2x_cli_print_diag(&d, 0);
    t2x_diag_free(&d);
    free(paths);
    if (!c) return st == T2X_ERR_USAGE ? EXIT_USAGE : EXIT_INPUT;
    char *out = json ? t2x_compare_json(c) : t2x_compare_text(c);
    fputs(out, stdout);
    free(out);
    size_t diffs = t2x_compare_differences(c);
    t2x_compare_free(c);
    return t2x_cli_stdout_done("compare", st != T2X_OK ? EXIT_INPUT : diffs ? EXIT_VERIFY : EXIT_OK);
}
