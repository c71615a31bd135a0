/*
 * cli_common.c — what every txt2xbrl subcommand shares: the usage text, library statuses to
 * exit codes, diagnostics to stderr lines, and checked writes to standard output.
 */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int t2x_cli_exit_code(t2x_status st)
{
    switch (st) {
    case T2X_OK: return EXIT_OK;
    case T2X_ERR_USAGE: return EXIT_USAGE;
    case T2X_ERR_INPUT:
    case T2X_ERR_NOT_FILING:
    case T2X_ERR_HTML:
    case T2X_ERR_NO_STATEMENTS: return EXIT_INPUT;
    case T2X_ERR_VERIFY: return EXIT_VERIFY;
    default: return EXIT_INTERNAL;
    }
}

void t2x_cli_print_diag(const t2x_diag *d, int verbose)
{
    for (size_t i = 0; i < d->count; i++) {
        const t2x_diag_item *it = &d->items[i];
        if (it->severity == T2X_INFO && !verbose) continue;
        const char *sev = it->severity == T2X_ERROR ? "error: " : it->severity == T2X_WARNING ? "warning: " : "";
        if (it->file && it->line > 0) fprintf(stderr, "txt2xbrl: %s:%ld: %s%s\n", it->file, it->line, sev, it->message);
        else if (it->file) fprintf(stderr, "txt2xbrl: %s: %s%s\n", it->file, sev, it->message);
        else fprintf(stderr, "txt2xbrl: %s%s\n", sev, it->message);
    }
}

void t2x_cli_usage(int to_stderr)
{
    FILE *o = to_stderr ? stderr : stdout;
    fputs("usage: txt2xbrl convert [-o DIR] [--cik N] [--prefix P] [--formats LIST] [--package]\n"
          "                       [--strict] FILE...\n"
          "       txt2xbrl inspect FILE\n"
          "       txt2xbrl verify [--json] [--strict] [--schema] [--stem STEM] FILE DIR\n"
          "       txt2xbrl compare [--json] [--match-extensions] DIR...\n"
          "       txt2xbrl batch [-j N] [--resume] -o DIR [--manifest FILE|-] [--formats LIST]\n"
          "                      [--timeout SEC] [--memory MB] [--jobs-per-worker N] [--no-verify]\n"
          "                      [--progress SEC] [-q] INPUT...\n"
          "       txt2xbrl --help | --version\n"
          "\n"
          "Convert legacy SEC EDGAR filings (10-K, 10-Q, 10-KSB, 10-QSB and their EX-13 annual\n"
          "reports, 1993-2009; plain text, and HTML from 2000) into XBRL 2.1 with the US-GAAP 2023\n"
          "taxonomy. FILE is a .txt, an .htm, a .gz, or a raw EDGAR submission; '-' reads standard\n"
          "input.\n"
          "\n"
          "convert options:\n"
          "  -o, --output DIR    write outputs into DIR (default: the current directory)\n"
          "  --cik N             the registrant's CIK when the filing has no SEC header\n"
          "  --prefix P          extension namespace prefix and file stem (default: registrant initials)\n"
          "  --formats LIST      comma list of: xbrl (STEM.xml), dts (STEM.xsd and the linkbases\n"
          "                      STEM_pre/_cal/_lab/_def.xml), ixbrl (STEM.htm), json (STEM.json,\n"
          "                      xBRL-JSON), model (STEM.model.xml), report (STEM.report.json);\n"
          "                      default xbrl,ixbrl,dts,json,report (what verify reads)\n"
          "  --package           also write STEM.zip, an XBRL Report Package 1.0 holding the instance\n"
          "                      (STEM.xbrl) and its taxonomy (STEM.xsd and linkbases)\n"
          "  --strict            exit 1 when the filing's own arithmetic is inconsistent\n"
          "  --data-dir DIR      where taxonomy/ and templates/ are (default: the installed data)\n"
          "  -v, --verbose       also print informational messages (unmapped rows, ...)\n"
          "\n"
          "inspect prints the statements found: one line per row with its label, concept, sign\n"
          "and values per column, then the rows not mapped to a standard concept and the issues,\n"
          "and a summary of the EX-27 Financial Data Schedule cross-check.\n"
          "\n"
          "verify checks the outputs in DIR of FILE against its raw text (the instance's concepts,\n"
          "periods, types and units against the US-GAAP 2023 concept table — with --schema, full\n"
          "XML Schema validation against the real XBRL and US-GAAP schemas, slower —, the\n"
          "inline text equals the source byte for byte, inline facts = instance facts, each fact's\n"
          "printed number, every number of a statement tagged or listed, calculations, duplicates);\n"
          "it prints a summary (--json: a JSON report) and exits 0 when the conversion is faithful,\n"
          "1 when it is not; the filing's own inconsistencies are listed but fail only with --strict.\n"
          "\n"
          "compare reads the instances (STEM.xml) that convert wrote into each DIR and prints, one\n"
          "line each, the facts two filings report differently for the same concept, period,\n"
          "dimensions and unit (numbers compared after rounding to the smaller decimals); --json\n"
          "prints JSON; --match-extensions also matches company extension concepts by name.\n"
          "compare exits 0 when no fact differs and 1 when some do.\n"
          "\n"
          "batch converts and verifies many filings, each in a fresh worker process forked from a\n"
          "warm parent (-j N at a time, default: the number of cores; --jobs-per-worker N lets a\n"
          "worker take N filings: faster, less isolated), with a time and a memory limit. INPUT\n"
          "is a file, a directory (walked, sorted), @LIST (a file of names, one a line), '-'\n"
          "(names on standard input) or an archive (.tar, .tar.gz, .tgz, .zip; read without\n"
          "unpacking). Outputs go to DIR/CIK/ACCESSION/ (SEC header), else DIR/_/NAME/ (input\n"
          "name without .txt/.gz), each directory moved into place whole. One JSON line per filing\n"
          "goes to DIR/manifest.jsonl (--manifest FILE elsewhere, --manifest - standard output):\n"
          "status ok, warnings, bad-input, timeout, crash, verify-failed or error, counts and\n"
          "output paths. --resume skips inputs the manifest has with the same SHA-256, tool\n"
          "version and options. Defaults: --formats xbrl,ixbrl,dts,json,report, --timeout 60,\n"
          "--memory 1024 (MB; 0 = none). Progress goes to standard error: a bar on a terminal,\n"
          "else a line every --progress seconds (10).\n"
          "batch exits 0 when every input has its manifest line, whatever the filings' statuses.\n"
          "\n"
          "Exit status: 0 ok, 1 verification failed (or --strict inconsistency), 2 usage error,\n"
          "3 bad input (unreadable, not a 10-K/10-Q, unsafe HTML, statements incorporated by\n"
          "reference, no statements), 4 internal error.\n"
          "Messages go to standard error, one line each: txt2xbrl: FILE:LINE: message\n",
          o);
}

static int stdout_errno; /* the first error flushing standard output (0: none) */

void t2x_cli_flush_stdout(void)
{
    errno = 0;
    if (fflush(stdout) != 0 && !stdout_errno) stdout_errno = errno ? errno : EIO;
}

int t2x_cli_stdout_done(const char *cmd, int code)
{
    t2x_cli_flush_stdout();
    if (!stdout_errno && !ferror(stdout)) return code;
    fprintf(stderr, "txt2xbrl: %s: cannot write to standard output: %s\n", cmd, strerror(stdout_errno ? stdout_errno : EIO));
    return EXIT_INTERNAL;
}
