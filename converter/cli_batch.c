/*
 * cli_batch.c — `txt2xbrl batch [-j N] [--resume] -o DIR [options] INPUT...` (design §4,
 * README "Batch"): the options, the progress display (a bar on a terminal, plain lines
 * otherwise, on standard error), the final summary line; the work is batch.c's.
 */
#include "cli.h"
#include "batch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The verifier, as batch.c calls it (batch.h t2x_batch_verify_fn). */
static t2x_status verify_outputs(const char *source, const char *dir, const char *stem, const t2x_options *opt,
                                 t2x_diag *diag)
{
    t2x_verify_options vo;
    memset(&vo, 0, sizeof vo);
    vo.data_dir = opt->data_dir;
    vo.stem = stem;
    t2x_verify_report *r = NULL;
    t2x_status st = t2x_verify(source, dir, &vo, diag, &r);
    t2x_verify_report_free(r);
    return st;
}

typedef struct display {
    int tty;        /* standard error is a terminal: redraw one line */
    int quiet;      /* no progress, no summary */
    int drawn;      /* a bar is on the screen */
} display;

static void fmt_duration(char *buf, size_t n, double s)
{
    long t = (long)(s + 0.5);
    if (t >= 3600) snprintf(buf, n, "%ld:%02ld:%02ld", t / 3600, t / 60 % 60, t % 60);
    else snprintf(buf, n, "%ld:%02ld", t / 60, t % 60);
}

static void show(const t2x_batch_progress *p, void *ctx)
{
    display *d = ctx;
    size_t seen = p->done + p->skipped;
    double rate = p->elapsed_s > 0 ? (double)p->done / p->elapsed_s : 0;
    if (p->final) {
        if (d->drawn) fputs("\r\033[K", stderr);
        if (d->quiet) return;
        fprintf(stderr, "txt2xbrl: batch: %zu filings in %.2f s (%.2f/s; %.2f s loading):", p->done, p->elapsed_s,
                rate, p->startup_s);
        for (int k = 0; k < T2X_BS_COUNT; k++)
            fprintf(stderr, "%s %zu %s", k ? "," : "", p->counts[k], t2x_batch_status_name((t2x_batch_status)k));
        fprintf(stderr, "; %zu skipped (--resume)\n", p->skipped);
        return;
    }
    if (d->quiet) return;
    char eta[32] = "?";
    if (p->total_known && rate > 0 && p->total >= seen)
        fmt_duration(eta, sizeof eta, (double)(p->total - seen) / rate);
    char total[32] = "?";
    if (p->total_known || p->total) snprintf(total, sizeof total, "%s%zu", p->total_known ? "" : ">=", p->total);
    if (d->tty) {
        char bar[31];
        int width = 30, fill = 0;
        if (p->total_known && p->total) fill = (int)((double)seen / (double)p->total * width);
        if (fill > width) fill = width;
        for (int i = 0; i < width; i++) bar[i] = i < fill ? '#' : '.';
        bar[width] = '\0';
        fprintf(stderr, "\r\033[K[%s] %zu/%s  %.1f/s  ETA %s  failures %zu", bar, seen, total, rate, eta, p->failed);
        d->drawn = 1;
    } else {
        fprintf(stderr, "txt2xbrl: batch: %zu/%s done, %.1f/s, ETA %s, %zu failures, %zu skipped\n", seen, total,
                rate, eta, p->failed, p->skipped);
    }
}

static int parse_formats(const char *s, unsigned *out)
{
    static const struct { const char *name; unsigned bit; } names[] = {
        {"xbrl", T2X_FMT_XBRL}, {"dts", T2X_FMT_DTS}, {"ixbrl", T2X_FMT_IXBRL}, {"json", T2X_FMT_JSON},
        {"model", T2X_FMT_MODEL}, {"report", T2X_FMT_REPORT}, {"package", T2X_FMT_PACKAGE}};
    unsigned f = 0;
    const char *p = s;
    while (*p) {
        size_t n = strcspn(p, ",");
        size_t k = 0;
        while (k < sizeof names / sizeof names[0] && !(strlen(names[k].name) == n && strncmp(p, names[k].name, n) == 0))
            k++;
        if (k == sizeof names / sizeof names[0]) {
            fprintf(stderr, "txt2xbrl: batch: unknown format '%.*s'\n", (int)n, p);
            return -1;
        }
        f |= names[k].bit;
        p += n;
        if (*p == ',') p++;
    }
    *out = f;
    return f ? 0 : -1;
}

static int positive(const char *s, double *out, int allow_zero)
{
    char *end = NULL;
    double v = strtod(s, &end);
    if (!end || end == s || *end || v < 0 || (!allow_zero && v == 0) || v > 1e9) return -1;
    *out = v;
    return 0;
}

int t2x_cli_batch(int argc, char **argv)
{
    t2x_batch_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.timeout_s = 60;
    cfg.memory_mb = 1024;
    cfg.verify = verify_outputs;
    cfg.opt.formats = T2X_FMT_XBRL | T2X_FMT_DTS | T2X_FMT_IXBRL | T2X_FMT_JSON | T2X_FMT_REPORT;
    double every = -1;
    display disp = {0, 0, 0};
    char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
    int ninputs = 0;
    if (!inputs) abort();
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        double v;
        if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && val) { cfg.outdir = val; i++; }
        else if ((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && val) {
            if (positive(val, &v, 0) != 0 || v != (int)v || v > 1024) {
                fprintf(stderr, "txt2xbrl: batch: -j takes a number of workers (1-1024)\n");
                free(inputs);
                return EXIT_USAGE;
            }
            cfg.jobs = (int)v;
            i++;
        }
        else if (strncmp(a, "-j", 2) == 0 && a[2] && positive(a + 2, &v, 0) == 0 && v == (int)v && v <= 1024)
            cfg.jobs = (int)v;
        else if (strcmp(a, "--resume") == 0) cfg.resume = 1;
        else if (strcmp(a, "--manifest") == 0 && val) { cfg.manifest = val; i++; }
        else if (strcmp(a, "--data-dir") == 0 && val) { cfg.opt.data_dir = val; i++; }
        else if (strcmp(a, "--formats") == 0 && val) {
            if (parse_formats(val, &cfg.opt.formats) != 0) {
                free(inputs);
                return EXIT_USAGE;
            }
            i++;
        }
        else if (strcmp(a, "--timeout") == 0 && val) {
            if (positive(val, &cfg.timeout_s, 0) != 0) {
                fprintf(stderr, "txt2xbrl: batch: --timeout takes seconds\n");
                free(inputs);
                return EXIT_USAGE;
            }
            i++;
        }
        else if (strcmp(a, "--memory") == 0 && val) {
            if (positive(val, &v, 1) != 0 || v != (double)(size_t)v || (v > 0 && v < 16)) {
                fprintf(stderr, "txt2xbrl: batch: --memory takes megabytes (at least 16; 0 = no limit)\n");
                free(inputs);
                return EXIT_USAGE;
            }
            cfg.memory_mb = (size_t)v;
            i++;
        }
        else if (strcmp(a, "--progress") == 0 && val) {
            if (positive(val, &every, 1) != 0) {
                fprintf(stderr, "txt2xbrl: batch: --progress takes seconds (0 = none)\n");
                free(inputs);
                return EXIT_USAGE;
            }
            i++;
        }
        else if (strcmp(a, "--jobs-per-worker") == 0 && val) {
            if (positive(val, &v, 0) != 0 || v != (int)v || v > 1e6) {
                fprintf(stderr, "txt2xbrl: batch: --jobs-per-worker takes a number of filings (1: a new process each)\n");
                free(inputs);
                return EXIT_USAGE;
            }
            cfg.jobs_per_worker = (int)v;
            i++;
        }
        else if (strcmp(a, "--no-verify") == 0) cfg.verify = NULL;
        else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) disp.quiet = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { t2x_cli_usage(0); free(inputs); return EXIT_OK; }
        else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "txt2xbrl: batch: unknown or incomplete option '%s' (try --help)\n", a);
            free(inputs);
            return EXIT_USAGE;
        }
        else inputs[ninputs++] = argv[i];
    }
    if (!cfg.outdir) {
        fprintf(stderr, "txt2xbrl: batch: -o DIR (the output root) is required\n");
        free(inputs);
        return EXIT_USAGE;
    }
    if (ninputs == 0) {
        fprintf(stderr, "txt2xbrl: batch: no input (files, directories, @LIST, archives; '-' reads names from standard input)\n");
        free(inputs);
        return EXIT_USAGE;
    }
    if (cfg.resume && cfg.manifest && strcmp(cfg.manifest, "-") == 0) {
        fprintf(stderr, "txt2xbrl: batch: --resume needs a manifest file, not standard output\n");
        free(inputs);
        return EXIT_USAGE;
    }
    if (cfg.manifest && strcmp(cfg.manifest, "-") == 0 && isatty(STDOUT_FILENO))
        fprintf(stderr, "txt2xbrl: batch: writing the manifest to the terminal\n");
    disp.tty = isatty(STDERR_FILENO);
    if (every < 0) every = disp.tty ? 0.2 : 10;
    if (!disp.quiet && every > 0) cfg.progress_interval_s = every;
    cfg.progress = show;
    cfg.progress_ctx = &disp;
    t2x_batch_progress res;
    int rc = t2x_batch_run(&cfg, inputs, ninputs, &res);
    free(inputs);
    t2x_cleanup();
    return rc;
}
