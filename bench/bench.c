/*
 * bench.c — t2x-bench, the per-stage half of `make bench` (design §6; bench/bench.sh runs it):
 * converts and verifies each FILE in this one process, REPEAT times after one warm-up
 * conversion, with the library's stage timings (t2x_options.timings), and prints per stage the
 * milliseconds per filing, the throughput in MB of input per second and the share of the
 * total, then the peak resident set size of the process (VmHWM).
 *
 *   usage: t2x-bench [-n REPEAT] [--formats LIST] [--no-verify] [--label TEXT] FILE...
 *
 * Uses the public header only. Files that do not convert (bad input) are counted and left out
 * of the timings.
 */
#include "txt2xbrl.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void rm_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    char p[4096];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static long vm_kb(const char *key)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kb = -1;
    size_t n = strlen(key);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0 && line[n] == ':') kb = strtol(line + n + 1, NULL, 10);
    fclose(f);
    return kb;
}

static unsigned parse_formats(const char *s)
{
    unsigned f = 0;
    if (strstr(s, "xbrl") && (strncmp(s, "xbrl", 4) == 0 || strstr(s, ",xbrl"))) f |= T2X_FMT_XBRL;
    if (strstr(s, "ixbrl")) f |= T2X_FMT_IXBRL;
    if (strstr(s, "dts")) f |= T2X_FMT_DTS;
    if (strstr(s, "json")) f |= T2X_FMT_JSON;
    if (strstr(s, "report")) f |= T2X_FMT_REPORT;
    if (strstr(s, "model")) f |= T2X_FMT_MODEL;
    if (strstr(s, "package")) f |= T2X_FMT_PACKAGE;
    return f;
}

/* Convert, write and verify one file; add the verify time to *verify_ms. 0 on success. */
static int run_one(const char *path, const t2x_options *opt, const char *dir, int verify, double *verify_ms)
{
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_status st = t2x_convert_file(path, opt, &d, &f);
    if (st == T2X_OK) st = t2x_filing_write(f, dir, opt, &d);
    if (st == T2X_OK && verify) {
        t2x_verify_options vo;
        memset(&vo, 0, sizeof vo);
        vo.data_dir = opt->data_dir;
        vo.stem = t2x_filing_stem(f);
        t2x_verify_report *r = NULL;
        double t0 = now_ms();
        t2x_status vst = t2x_verify(path, dir, &vo, &d, &r);
        *verify_ms += now_ms() - t0;
        t2x_verify_report_free(r);
        if (vst != T2X_OK) fprintf(stderr, "t2x-bench: %s: verification: %s\n", path, t2x_status_str(vst));
    }
    t2x_filing_free(f);
    t2x_diag_free(&d);
    rm_dir(dir);
    return st == T2X_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    int repeat = 3, verify = 1, nfiles = 0;
    const char *label = "files";
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.formats = T2X_FMT_XBRL | T2X_FMT_DTS | T2X_FMT_IXBRL | T2X_FMT_JSON | T2X_FMT_REPORT;
    char **files = calloc((size_t)argc, sizeof *files);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) repeat = atoi(argv[++i]);
        else if (strcmp(argv[i], "--formats") == 0 && i + 1 < argc) opt.formats = parse_formats(argv[++i]);
        else if (strcmp(argv[i], "--no-verify") == 0) verify = 0;
        else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc) label = argv[++i];
        else files[nfiles++] = argv[i];
    }
    if (nfiles == 0 || repeat < 1) {
        fprintf(stderr, "usage: t2x-bench [-n REPEAT] [--formats LIST] [--no-verify] [--label TEXT] FILE...\n");
        free(files);
        return 2;
    }
    char dir[64];
    snprintf(dir, sizeof dir, "/tmp/t2x-bench.%ld", (long)getpid());

    /* warm-up: taxonomy data, compiled templates, the verifier's schema */
    double w0 = now_ms(), wv = 0;
    int warm = -1;
    for (int i = 0; i < nfiles && warm != 0; i++) warm = run_one(files[i], &opt, dir, verify, &wv);
    double warm_ms = now_ms() - w0;
    long rss_warm = vm_kb("VmRSS");

    t2x_timings tm;
    memset(&tm, 0, sizeof tm);
    opt.timings = &tm;
    double verify_ms = 0, total_ms = 0, bytes = 0;
    int ok = 0, failed = 0;
    for (int r = 0; r < repeat; r++)
        for (int i = 0; i < nfiles; i++) {
            struct stat st;
            t2x_timings before = tm;
            double v0 = verify_ms;
            double t0 = now_ms();
            if (run_one(files[i], &opt, dir, verify, &verify_ms) == 0) {
                total_ms += now_ms() - t0;
                ok++;
                if (stat(files[i], &st) == 0) bytes += (double)st.st_size;
            } else {
                tm = before; /* a failed input does not count in the timings */
                verify_ms = v0;
                if (r == 0) failed++;
            }
        }
    opt.timings = NULL;
    if (!ok) {
        fprintf(stderr, "t2x-bench: no file converted\n");
        free(files);
        return 1;
    }
    double mb = bytes / 1e6;
    printf("%s: %d filings converted (%d not: bad input), %.2f MB each round, %d rounds; warm-up %.0f ms\n",
           label, ok / repeat, failed, mb / repeat, repeat, warm_ms);
    printf("  %-20s %12s %10s %7s\n", "stage", "ms/filing", "MB/s", "share");
    struct { const char *name; double ms; } rows[64];
    int nr = 0;
    rows[nr].name = "read";  rows[nr++].ms = tm.read_ms;
    rows[nr].name = "parse"; rows[nr++].ms = tm.parse_ms;
    rows[nr].name = "map";   rows[nr++].ms = tm.map_ms;
    rows[nr].name = "model"; rows[nr++].ms = tm.model_ms;
    for (size_t i = 0; i < tm.noutputs && nr < 60; i++) {
        rows[nr].name = tm.outputs[i].name;
        rows[nr++].ms = tm.outputs[i].ms;
    }
    rows[nr].name = "write (fsync, exchange)"; rows[nr++].ms = tm.write_ms;
    if (verify) { rows[nr].name = "verify"; rows[nr++].ms = verify_ms; }
    double sum = 0;
    for (int i = 0; i < nr; i++) sum += rows[i].ms;
    for (int i = 0; i < nr; i++)
        printf("  %-20s %12.2f %10.1f %6.1f%%\n", rows[i].name, rows[i].ms / ok,
               rows[i].ms > 0 ? mb / (rows[i].ms / 1e3) : 0.0, sum > 0 ? 100 * rows[i].ms / sum : 0.0);
    printf("  %-20s %12.2f %10.1f %6.1f%%\n", "total", total_ms / ok, mb / (total_ms / 1e3), 100.0);
    printf("  peak RSS %.1f MB (VmHWM; %.1f MB after the warm-up)\n", (double)vm_kb("VmHWM") / 1024,
           (double)rss_warm / 1024);
    free(files);
    t2x_cleanup();
    return 0;
}
