/*
 * cli.h — the txt2xbrl command line (design §4). A client of the public library header only;
 * it alone turns statuses into exit codes and diagnostics into stderr lines.
 */
#ifndef T2X_CLI_H
#define T2X_CLI_H

#include "txt2xbrl.h"

/* Exit codes (design §4). */
enum {
    EXIT_OK = 0,        /* success */
    EXIT_VERIFY = 1,    /* verification found a conversion error (or, with --strict, a filing inconsistency) */
    EXIT_USAGE = 2,     /* bad command line */
    EXIT_INPUT = 3,     /* unreadable input, not a filing, unsafe HTML, incorporated by reference, no statements */
    EXIT_INTERNAL = 4   /* output, data or internal error */
};

int t2x_cli_convert(int argc, char **argv);
int t2x_cli_inspect(int argc, char **argv);
int t2x_cli_verify(int argc, char **argv);
int t2x_cli_compare(int argc, char **argv);
int t2x_cli_batch(int argc, char **argv);

/* Map a library status to an exit code. */
int t2x_cli_exit_code(t2x_status st);
/* Print diagnostics as "txt2xbrl: FILE:LINE: message" lines; infos only when verbose. */
void t2x_cli_print_diag(const t2x_diag *d, int verbose);
/* Flush standard output: `code` when all of it was written, else EXIT_INTERNAL with one line
 * "txt2xbrl: CMD: cannot write to standard output: REASON" (a full disk, a closed pipe). */
int t2x_cli_stdout_done(const char *cmd, int code);
/* fflush(stdout), remembering a failure for t2x_cli_stdout_done. */
void t2x_cli_flush_stdout(void);
/* Print the short usage to stream `to_stderr ? stderr : stdout`. */
void t2x_cli_usage(int to_stderr);

#endif
