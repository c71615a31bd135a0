/*
 * batch.h — `txt2xbrl batch` (design §4, README "Batch"): convert and verify many filings with
 * a pool of worker processes, each filing in isolation, into one output root with a JSON-lines
 * manifest; resumable after a kill. Command-line side: a client of the public header only.
 *
 * Inputs, in the order given: a file; a directory (walked recursively, entries in byte order,
 * dot-files and the output root skipped); @LIST (a file of names, one a line); '-' (names on
 * standard input, read as they come); an archive (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz,
 * .zip; read with libarchive, each member streamed into memory, nothing unpacked to disk).
 *
 * Processes: the parent loads the taxonomy data, compiles the templates and warms the verifier
 * once (t2x_prepare and one small conversion), then forks `jobs` workers that inherit these
 * caches (copy on write). The parent sends each idle worker one filing at a time over a pipe
 * (a path, or an archive member's bytes); the worker converts, writes the outputs into a
 * staging directory, verifies them, moves the directory into place and reports one result.
 * After `jobs_per_worker` filings (default 1: each filing in a fresh process) a worker exits
 * and a fresh one is forked from the warm parent, so filings are isolated from each other and
 * memory cannot pile up; a larger value reuses a worker's heap for several filings, which saves
 * the page faults of a new process (about 20% of the CPU time) but lets the heap's
 * fragmentation grow to a plateau (+10-15 MB) and puts several filings in one process. A crash,
 * hang or runaway input kills only its worker: that filing gets a crash or timeout line and a
 * new worker takes the next one.
 * Limits: address space per worker (RLIMIT_AS), CPU time per filing (RLIMIT_CPU, raised by
 * the worker before each filing) and wall-clock time per filing (the parent kills the worker).
 * Workers die with the parent (PR_SET_PDEATHSIG).
 *
 * The manifest: one JSON object per filing and line, each line written whole by one write(2)
 * in O_APPEND mode, synced at least once a second; a killed batch leaves only complete lines
 * and at most one partial last line, which --resume cuts off.
 */
#ifndef T2X_BATCH_H
#define T2X_BATCH_H

#include <stddef.h>
#include "txt2xbrl.h"

/* Status of one filing in the manifest. */
typedef enum t2x_batch_status {
    T2X_BS_OK,            /* converted and verified, no warning */
    T2X_BS_WARNINGS,      /* converted and verified, with warnings (inconsistencies, no CIK…) */
    T2X_BS_BAD_INPUT,     /* exit 3 class: unreadable, empty, binary, HTML, not a 10-K/10-Q, no statements */
    T2X_BS_TIMEOUT,       /* killed at the wall-clock or CPU limit */
    T2X_BS_CRASH,         /* died on a signal (segfault, abort, out of memory at the limit) */
    T2X_BS_VERIFY_FAILED, /* converted, but the verifier found a conversion error */
    T2X_BS_ERROR,         /* exit 4 class: an output could not be written, data or internal error */
    T2X_BS_COUNT
} t2x_batch_status;

/* The manifest name of a status ("ok", "warnings", "bad-input", …). */
const char *t2x_batch_status_name(t2x_batch_status s);

/* How the batch is going; passed to the progress callback. */
typedef struct t2x_batch_progress {
    size_t done;                     /* filings finished (lines written) */
    size_t skipped;                  /* filings skipped by --resume */
    size_t total;                    /* inputs known so far */
    int total_known;                 /* every input has been enumerated */
    size_t running;                  /* filings being converted now */
    size_t counts[T2X_BS_COUNT];     /* finished filings by status */
    size_t failed;                   /* bad-input + timeout + crash + verify-failed + error */
    double elapsed_s;                /* since the start */
    double startup_s;                /* of which loading the data and warming up, before the
                                        first worker */
    int final;                       /* the last call: the batch is over */
} t2x_batch_progress;

/*
 * Verification of one converted filing: `source` (a path; archive members are first written to
 * a temporary file) against the outputs with stem `stem` in `dir`. Returns T2X_OK when the
 * conversion is faithful, T2X_ERR_VERIFY when it is not (T2X_ERROR diagnostics say why), any
 * other status when the verification could not run.
 */
typedef t2x_status (*t2x_batch_verify_fn)(const char *source, const char *dir, const char *stem,
                                          const t2x_options *opt, t2x_diag *diag);

/* What to do. Zero-initialise, then set outdir and the inputs. */
typedef struct t2x_batch_config {
    const char *outdir;          /* -o: the output root (created when missing) */
    const char *manifest;        /* manifest file; "-" = standard output; NULL = OUTDIR/manifest.jsonl */
    int jobs;                    /* worker processes (0: the number of online cores) */
    int resume;                  /* skip inputs that the manifest has with the same sha256, tool, options */
    double timeout_s;            /* wall-clock limit per filing (0: 60 s); CPU limit is the same */
    size_t memory_mb;            /* address-space limit per worker in MB (0: none) */
    int jobs_per_worker;         /* filings a worker converts before it is replaced (0 or 1:
                                    a fresh process per filing) */
    t2x_options opt;             /* conversion options (formats, data_dir) */
    t2x_batch_verify_fn verify;  /* NULL: no verification ("verify": "skipped") */
    double progress_interval_s;  /* how often progress() is called (0: never but at the end) */
    void (*progress)(const t2x_batch_progress *p, void *ctx);
    void *progress_ctx;
} t2x_batch_config;

/* Run a batch over inputs[0..ninputs). Returns 0 when every input got its manifest line (or
 * was skipped by --resume), whatever the filings' statuses; 2 on a usage problem (message on
 * stderr); 4 when the batch could not go on (output root or manifest not writable, fork
 * failed); 128+N when stopped by signal N. *result (may be NULL) gets the final counts. */
int t2x_batch_run(const t2x_batch_config *cfg, char *const *inputs, int ninputs,
                  t2x_batch_progress *result);

#endif
