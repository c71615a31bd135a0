/*
 * cli_main.c — txt2xbrl entry point: dispatch to the subcommands, --help, --version.
 * The helpers every subcommand shares are in cli_common.c.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        t2x_cli_usage(1);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        t2x_cli_usage(0);
        return t2x_cli_stdout_done("--help", EXIT_OK);
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("txt2xbrl %s (US-GAAP 2023 taxonomy)\n", T2X_VERSION);
        return t2x_cli_stdout_done("--version", EXIT_OK);
    }
    if (strcmp(cmd, "convert") == 0) return t2x_cli_convert(argc - 1, argv + 1);
    if (strcmp(cmd, "inspect") == 0) return t2x_cli_inspect(argc - 1, argv + 1);
    if (strcmp(cmd, "verify") == 0) return t2x_cli_verify(argc - 1, argv + 1);
    if (strcmp(cmd, "compare") == 0) return t2x_cli_compare(argc - 1, argv + 1);
    if (strcmp(cmd, "batch") == 0) return t2x_cli_batch(argc - 1, argv + 1);
    fprintf(stderr, "txt2xbrl: unknown command '%s' (try --help)\n", cmd);
    return EXIT_USAGE;
}
