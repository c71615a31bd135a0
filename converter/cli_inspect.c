/*
 * cli_inspect.c — `txt2xbrl inspect FILE`: the review listing on standard output.
 */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int t2x_cli_inspect(int argc, char **argv)
{
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    const char *file = NULL;
    int verbose = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--cik") == 0 && i + 1 < argc) opt.cik = argv[++i];
        else if (strcmp(argv[i], "--data-dir") == 0 && i + 1 < argc) opt.data_dir = argv[++i];
        else if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "--verbose") == 0) verbose = 1;
        else if (strcmp(argv[i], "--help") == 0) { t2x_cli_usage(0); return EXIT_OK; }
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "txt2xbrl: inspect: unknown option '%s'\n", argv[i]);
            return EXIT_USAGE;
        }
        else if (!file) file = argv[i];
        else {
            fprintf(stderr, "txt2xbrl: inspect: one FILE at a time\n");
            return EXIT_USAGE;
        }
    }
    if (!file) {
        fprintf(stderr, "txt2xbrl: inspect: no input file\n");
        return EXIT_USAGE;
    }
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_status st = t2x_convert_file(file, &opt, &d, &f);
    t2x_cli_print_diag(&d, verbose);
    if (st == T2X_OK) {
        char *s = t2x_filing_inspect(f);
        fputs(s, stdout);
        free(s);
    }
    t2x_filing_free(f);
    t2x_diag_free(&d);
    return t2x_cli_stdout_done("inspect", t2x_cli_exit_code(st));
}
