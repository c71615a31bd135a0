/*
 * fuzz_convert.c — libFuzzer target: t2x_convert_bytes on arbitrary bytes (issue 12, README
 * "Fuzzing"). The first byte picks options (bit 0 --strict, bit 1 a --cik, bit 2 a --prefix);
 * the rest is the filing (plain text, gzip or an EDGAR submission). A successful conversion is
 * also listed (inspect) and serialized (the statement model); nothing is written to disk.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "txt2xbrl.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    t2x_fuzz_data_dir();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > T2X_FUZZ_MAX_INPUT) return 0;
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = t2x_fuzz_data_dir();
    opt.strict = data[0] & 1;
    if (data[0] & 2) opt.cik = "320193";
    if (data[0] & 4) opt.prefix = "fz";
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_status st = t2x_convert_bytes(data + 1, size - 1, "fuzz.txt", &opt, &d, &f);
    if (st == T2X_OK && f) {
        free(t2x_filing_inspect(f));
        size_t len = 0;
        free(t2x_filing_model_xml(f, &len));
    }
    t2x_filing_free(f);
    t2x_diag_free(&d);
    return 0;
}
