/*
 * cli_main.c — txt2xbrl entry point: dispatch to the subcommands, --help, --version.
 */
#include "cli.h"

#include <stdio.h>
#include <string.h>

void t2x_cli_usage(int to_stderr)
{
    FILE *o = to_stderr ? stderr : stdout;
    fputs("usage: txt2xbrl convert [-o DIR] [--cik N] [--prefix P] [--formats LIST] [--package]\n"
          "                       [--strict] FILE...\n"
          "       txt2xbrl inspect FILE\n"
          "       txt2xbrl --help | --version\n"
          "\n"
          "Convert legacy plain-text SEC EDGAR filings (10-K, 10-Q, 10-KSB, 10-QSB and their EX-13\n"
          "annual reports, 1993-2008) into XBRL 2.1 with the US-GAAP 2023 taxonomy.\n"
          "FILE is a .txt, a .gz, or a raw EDGAR submission; '-' reads standard input.\n"
          "\n"
          "convert options:\n"
          "  -o, --output DIR    write outputs into DIR (default: the current directory)\n"
          "  --cik N             the registrant's CIK when the filing has no SEC header\n"
          "  --prefix P          extension namespace prefix and file stem (default: registrant initials)\n"
          "  --formats LIST      comma list of: xbrl (STEM.xml), dts (STEM.xsd), model (STEM.model.xml),\n"
          "                      report (STEM.report.json); default xbrl,dts,report\n"
          "  --package           also write STEM.zip, an XBRL Report Package 1.0 holding the instance\n"
          "                      (STEM.xbrl) and its taxonomy (STEM.xsd and linkbases)\n"
          "  --strict            exit 1 when the filing's own arithmetic is inconsistent\n"
          "  --data-dir DIR      where taxonomy/ and templates/ are (default: the installed data)\n"
          "  -v, --verbose       also print informational messages (unmapped rows, ...)\n"
          "\n"
          "inspect prints the statements found: one line per row with its label, concept, sign\n"
          "and values per column, then the rows not mapped to a standard concept and the issues.\n"
          "\n"
          "Exit status: 0 ok, 1 verification failed (or --strict inconsistency), 2 usage error,\n"
          "3 bad input (unreadable, not a 10-K/10-Q, HTML, no statements), 4 internal error.\n"
          "Messages go to standard error, one line each: txt2xbrl: FILE:LINE: message\n",
          o);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        t2x_cli_usage(1);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        t2x_cli_usage(0);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("txt2xbrl %s (US-GAAP 2023 taxonomy)\n", T2X_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "convert") == 0) return t2x_cli_convert(argc - 1, argv + 1);
    if (strcmp(cmd, "inspect") == 0) return t2x_cli_inspect(argc - 1, argv + 1);
    fprintf(stderr, "txt2xbrl: unknown command '%s' (try --help)\n", cmd);
    return EXIT_USAGE;
}
