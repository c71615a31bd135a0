/*
 * fuzz_verify.c — libFuzzer target: `verify` and `compare` on mutated outputs (issue 12,
 * README "Fuzzing"). At start the filing tests/data/apple-10q-1997-operations.txt is converted
 * once into a private directory (under /dev/shm when there is one). Each input replaces one
 * output file: its first byte picks the file (low two bits: STEM.htm, STEM.xml, STEM.xsd,
 * STEM_cal.xml) and --strict (bit 2), the rest is the file's new content. Then t2x_verify
 * checks the set against the filing, t2x_compare_paths reads the directory, and the file
 * gets its converted bytes back.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "txt2xbrl.h"
#include "fuzz.h"

static char dir[256], source[4096], *stem;
static const char *const suffix[4] = {".htm", ".xml", ".xsd", "_cal.xml"};
static char *pristine[4];
static size_t pristine_len[4];

static char *path_of(int k)
{
    static char p[512];
    snprintf(p, sizeof p, "%s/%s%s", dir, stem, suffix[k]);
    return p;
}

static int put(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f) return -1;
    int ok = fwrite(data, 1, len, f) == len;
    return fclose(f) == 0 && ok ? 0 : -1;
}

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    for (struct dirent *e; d && (e = readdir(d));) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        char p[600];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    if (d) closedir(d);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(dir, sizeof dir, "%s/t2x-fuzz-verify-XXXXXX", access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
    snprintf(source, sizeof source, "%s/tests/data/apple-10q-1997-operations.txt", t2x_fuzz_data_dir());
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = t2x_fuzz_data_dir();
    opt.formats = T2X_FMT_XBRL | T2X_FMT_DTS | T2X_FMT_IXBRL | T2X_FMT_REPORT;
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    if (!mkdtemp(dir) || t2x_convert_file(source, &opt, &d, &f) != T2X_OK || t2x_filing_write(f, dir, &opt, &d) != T2X_OK) {
        fprintf(stderr, "fuzz_verify: cannot convert %s into %s\n", source, dir);
        exit(1);
    }
    stem = strdup(t2x_filing_stem(f));
    t2x_filing_free(f);
    t2x_diag_free(&d);
    atexit(remove_dir);
    for (int k = 0; k < 4; k++) {
        FILE *in = fopen(path_of(k), "rb");
        if (!in) {
            fprintf(stderr, "fuzz_verify: %s was not written\n", path_of(k));
            exit(1);
        }
        char buf[65536];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
            pristine[k] = realloc(pristine[k], pristine_len[k] + n);
            memcpy(pristine[k] + pristine_len[k], buf, n);
            pristine_len[k] += n;
        }
        fclose(in);
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > T2X_FUZZ_MAX_INPUT) return 0;
    int k = data[0] & 3;
    if (put(path_of(k), data + 1, size - 1) != 0) abort();
    t2x_verify_options vo;
    memset(&vo, 0, sizeof vo);
    vo.data_dir = t2x_fuzz_data_dir();
    vo.stem = stem;
    vo.strict = (data[0] >> 2) & 1;
    t2x_diag d = {0};
    t2x_verify_report *r = NULL;
    t2x_verify(source, dir, &vo, &d, &r);
    if (r) {
        free(t2x_verify_report_text(r));
        free(t2x_verify_report_json(r));
    }
    t2x_verify_report_free(r);
    t2x_diag_free(&d);
    const char *paths[1] = {dir};
    t2x_compare *c = NULL;
    t2x_compare_paths(paths, 1, T2X_COMPARE_EXTENSIONS, &d, &c);
    if (c) {
        free(t2x_compare_text(c));
        free(t2x_compare_json(c));
    }
    t2x_compare_free(c);
    t2x_diag_free(&d);
    if (put(path_of(k), pristine[k], pristine_len[k]) != 0) abort();
    return 0;
}
