/*
 * batch.c — `txt2xbrl batch` (batch.h; design §4, §6; README "Batch"): input enumeration
 * (files, walked directories, @lists, names on standard input, archives through libarchive),
 * the fork-per-filing worker pool with per-filing limits, the output layout
 * (OUT/CIK/ACCESSION/ or OUT/_/NAME/, moved into place whole), the JSON-lines manifest and
 * --resume.
 *
 * Allocation: out-of-memory aborts (as the library). Parent and children are single-threaded.
 */
#include "batch.h"
#include "jsonl.h"
#include "outset.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#define T2X_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define T2X_ASAN 1
#endif
#endif

/* Largest input read into memory (bytes); larger files and members are bad input. */
#define BATCH_MAX_INPUT ((size_t)256 * 1024 * 1024)
/* Bytes of a child's standard error kept for the manifest message of a crash. */
#define ERR_KEEP 4096

/* ---------------------------------------------------------------- small helpers */

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        fputs("txt2xbrl: out of memory\n", stderr);
        abort();
    }
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p) {
        fputs("txt2xbrl: out of memory\n", stderr);
        abort();
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *p = xmalloc(n);
    memcpy(p, s, n);
    return p;
}

static char *xasprintf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
static char *xasprintf(const char *fmt, ...)
{
    t2x_jbuf b = {0};
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    b.data = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
    va_end(ap);
    return b.data;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Write all of buf; 0 or -1 with errno. */
static int write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

static int mkdir_p(const char *path)
{
    char *p = xstrdup(path);
    size_t n = strlen(p);
    for (size_t i = 1; i <= n; i++)
        if (p[i] == '/' || p[i] == '\0') {
            char c = p[i];
            p[i] = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                int e = errno;
                free(p);
                errno = e;
                return -1;
            }
            p[i] = c;
        }
    free(p);
    struct stat st;
    if (stat(path, &st) != 0) return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---------------------------------------------------------------- string sets */

typedef struct strset {
    char **v;    /* open addressing; NULL = empty */
    size_t cap;  /* power of two */
    size_t n;
} strset;

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return h;
}

static int strset_has(const strset *s, const char *key)
{
    if (!s->cap) return 0;
    for (size_t i = fnv1a(key) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->v[i]) return 0;
        if (strcmp(s->v[i], key) == 0) return 1;
    }
}

/* Add a copy of key; 1 when it was new. */
static int strset_add(strset *s, const char *key)
{
    if (strset_has(s, key)) return 0;
    if ((s->n + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        char **v = calloc(cap, sizeof *v);
        if (!v) abort();
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->v[i]) continue;
            size_t j = fnv1a(s->v[i]) & (cap - 1);
            while (v[j]) j = (j + 1) & (cap - 1);
            v[j] = s->v[i];
        }
        free(s->v);
        s->v = v;
        s->cap = cap;
    }
    size_t j = fnv1a(key) & (s->cap - 1);
    while (s->v[j]) j = (j + 1) & (s->cap - 1);
    s->v[j] = xstrdup(key);
    s->n++;
    return 1;
}

static void strset_free(strset *s)
{
    for (size_t i = 0; i < s->cap; i++) free(s->v[i]);
    free(s->v);
    memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------- statuses */

const char *t2x_batch_status_name(t2x_batch_status s)
{
    static const char *const names[T2X_BS_COUNT] = {"ok", "warnings", "bad-input", "timeout",
                                                    "crash", "verify-failed", "error"};
    return (unsigned)s < T2X_BS_COUNT ? names[s] : "error";
}

/* The `txt2xbrl convert` exit code of a status (design §4); -1 when there is none. */
static int status_exit(t2x_batch_status s)
{
    switch (s) {
    case T2X_BS_OK:
    case T2X_BS_WARNINGS: return 0;
    case T2X_BS_VERIFY_FAILED: return 1;
    case T2X_BS_BAD_INPUT: return 3;
    case T2X_BS_ERROR: return 4;
    default: return -1;
    }
}

/* ---------------------------------------------------------------- jobs and enumeration */

/* One filing to convert. */
typedef struct job {
    size_t index;          /* 0-based position in the enumeration order */
    char *input;           /* the path given or found (an archive's path for its members) */
    char *member;          /* archive member name; NULL for a file */
    unsigned char *bytes;  /* member contents; NULL for a file */
    size_t len;
    size_t maplen;         /* bytes mmap'd in the parent (read_member); 0: malloc'd (worker) */
    char *fallback;        /* directory name under OUT/_/ when the filing has no CIK/accession */
    char *error;           /* enumeration error: the parent writes a bad-input line, no child */
} job;

static void job_free(job *j)
{
    free(j->input);
    free(j->member);
    if (j->bytes && j->maplen) munmap(j->bytes, j->maplen);
    else free(j->bytes);
    free(j->fallback);
    free(j->error);
    memset(j, 0, sizeof *j);
}

/* An entry waiting in the queue: a file or archive path, or an error about a path. */
typedef struct qitem {
    char *path;
    char *error;
} qitem;

typedef struct enumr {
    char *const *args;     /* the INPUT arguments */
    int nargs, argi;
    qitem *q;              /* expanded paths waiting, in order */
    size_t qhead, qn, qcap;
    FILE *names;           /* open list of names (@LIST or standard input), NULL */
    char *names_src;       /* its name for messages */
    int stdin_used;
    struct archive *ar;    /* open archive, NULL */
    char *ar_path;
    int have_out;          /* the output root's identity, skipped by walks */
    dev_t out_dev;
    ino_t out_ino;
    strset fallbacks;      /* fallback directory names claimed */
    size_t count;          /* jobs produced */
} enumr;

static void q_push(enumr *e, const char *path, char *error)
{
    if (e->qn == e->qcap) {
        e->qcap = e->qcap ? e->qcap * 2 : 64;
        e->q = xrealloc(e->q, e->qcap * sizeof *e->q);
    }
    e->q[e->qn].path = xstrdup(path);
    e->q[e->qn].error = error;
    e->qn++;
}

static int is_archive_name(const char *p)
{
    static const char *const suffixes[] = {".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz",
                                           ".txz", ".tar.zst", ".zip", NULL};
    size_t n = strlen(p);
    for (const char *const *s = suffixes; *s; s++) {
        size_t k = strlen(*s);
        if (n > k && strcasecmp(p + n - k, *s) == 0) return 1;
    }
    return 0;
}

/* Push the regular files under dir, depth first, entries in byte order. */
static void walk(enumr *e, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        q_push(e, dir, xasprintf("cannot read directory: %s", strerror(errno)));
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue; /* ., .., dot-files, our staging area */
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    if (n > 1) qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t dl = strlen(dir);
        char *p = dl && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, names[i]) : xasprintf("%s/%s", dir, names[i]);
        struct stat ls, st;
        if (lstat(p, &ls) == 0 && stat(p, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                int is_out = e->have_out && st.st_dev == e->out_dev && st.st_ino == e->out_ino;
                if (!S_ISLNK(ls.st_mode) && !is_out) walk(e, p); /* no symlinked directories: no cycles */
            } else if (S_ISREG(st.st_mode)) {
                q_push(e, p, NULL);
            }
        }
        free(p);
        free(names[i]);
    }
    free(names);
}

/* Expand one name (an argument or a list line) into the queue. */
static void expand(enumr *e, const char *name)
{
    struct stat st;
    if (stat(name, &st) == 0 && S_ISDIR(st.st_mode)) walk(e, name);
    else q_push(e, name, NULL); /* a missing file is reported by its child */
}

/* The directory name under OUT/_/ for a filing without CIK and accession: the input's base
 * name without .gz/.txt/.nc, letters, digits, '.', '-', '_' only; "~2", "~3"… when taken. */
static char *claim_fallback(enumr *e, const char *input, const char *member)
{
    const char *path = member ? member : input;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    char *b = xstrdup(*base ? base : "input");
    size_t n = strlen(b);
    static const char *const exts[] = {".gz", ".txt", ".nc", ".htm", ".html", NULL};
    for (int pass = 0; pass < 2; pass++)
        for (const char *const *x = exts; *x; x++) {
            size_t k = strlen(*x);
            if (n > k && strcasecmp(b + n - k, *x) == 0) {
                n -= k;
                b[n] = '\0';
                break;
            }
        }
    for (char *p = b; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
              *p == '_' || *p == '.'))
            *p = '_';
    if (b[0] == '.' || b[0] == '\0') {
        char *t = xasprintf("_%s", b);
        free(b);
        b = t;
    }
    char *name = xstrdup(b);
    for (int k = 2; !strset_add(&e->fallbacks, name); k++) {
        free(name);
        name = xasprintf("%s~%d", b, k);
    }
    free(b);
    return name;
}

static void job_init(enumr *e, job *j, const char *input, const char *member)
{
    memset(j, 0, sizeof *j);
    j->index = e->count++;
    j->input = xstrdup(input);
    j->member = member ? xstrdup(member) : NULL;
    j->fallback = claim_fallback(e, input, member);
}

/* Read the current archive member into an anonymous mapping (returned to the system when
 * the job is freed, so the parent does not keep the largest member's size). */
static int read_member(struct archive *ar, job *j, char **err)
{
    size_t cap = 1 << 20, len = 0;
    unsigned char *buf = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (buf == MAP_FAILED) {
        *err = xasprintf("cannot allocate: %s", strerror(errno));
        return -1;
    }
    for (;;) {
        if (len == cap) {
            if (cap > BATCH_MAX_INPUT) {
                munmap(buf, cap);
                archive_read_data_skip(ar);
                *err = xasprintf("archive member larger than %zu MB", BATCH_MAX_INPUT >> 20);
                return -1;
            }
            size_t ncap = cap * 2;
            unsigned char *nb = mmap(NULL, ncap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (nb == MAP_FAILED) {
                munmap(buf, cap);
                *err = xasprintf("cannot allocate: %s", strerror(errno));
                return -1;
            }
            memcpy(nb, buf, len);
            munmap(buf, cap);
            buf = nb;
            cap = ncap;
        }
        la_ssize_t r = archive_read_data(ar, buf + len, cap - len);
        if (r < 0) {
            munmap(buf, cap);
            *err = xasprintf("cannot read archive member: %s", archive_error_string(ar));
            return -1;
        }
        if (r == 0) break;
        len += (size_t)r;
    }
    j->bytes = buf;
    j->len = len;
    j->maplen = cap;
    return 0;
}

static void close_archive(enumr *e)
{
    if (e->ar) archive_read_free(e->ar);
    e->ar = NULL;
    free(e->ar_path);
    e->ar_path = NULL;
}

/* The next job in enumeration order: 1, or 0 when every input is done. */
static int next_job(enumr *e, job *j)
{
    for (;;) {
        if (e->ar) {
            struct archive_entry *ent;
            int r = archive_read_next_header(e->ar, &ent);
            if (r == ARCHIVE_EOF) {
                close_archive(e);
                continue;
            }
            if (r < ARCHIVE_WARN) {
                job_init(e, j, e->ar_path, NULL);
                j->error = xasprintf("unreadable archive: %s", archive_error_string(e->ar));
                close_archive(e);
                return 1;
            }
            const char *name = archive_entry_pathname(ent);
            const char *base = name ? strrchr(name, '/') : NULL;
            base = base ? base + 1 : name;
            if (!name || archive_entry_filetype(ent) != AE_IFREG || !base || base[0] == '.' || base[0] == '\0') {
                archive_read_data_skip(e->ar);
                continue;
            }
            job_init(e, j, e->ar_path, name);
            char *err = NULL;
            if (read_member(e->ar, j, &err) != 0) j->error = err;
            return 1;
        }
        if (e->qhead < e->qn) {
            qitem it = e->q[e->qhead++];
            if (e->qhead == e->qn) e->qhead = e->qn = 0;
            if (it.error) {
                job_init(e, j, it.path, NULL);
                j->error = it.error;
                free(it.path);
                return 1;
            }
            if (is_archive_name(it.path)) {
                e->ar = archive_read_new();
                archive_read_support_filter_all(e->ar);
                archive_read_support_format_all(e->ar);
                if (archive_read_open_filename(e->ar, it.path, 1 << 16) != ARCHIVE_OK) {
                    job_init(e, j, it.path, NULL);
                    j->error = xasprintf("unreadable archive: %s", archive_error_string(e->ar));
                    archive_read_free(e->ar);
                    e->ar = NULL;
                    free(it.path);
                    return 1;
                }
                e->ar_path = it.path;
                continue;
            }
            job_init(e, j, it.path, NULL);
            free(it.path);
            return 1;
        }
        if (e->names) {
            char *line = NULL;
            size_t cap = 0;
            ssize_t n = getline(&line, &cap, e->names);
            if (n < 0) {
                if (e->names != stdin) fclose(e->names);
                e->names = NULL;
                free(e->names_src);
                e->names_src = NULL;
                free(line);
                continue;
            }
            while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
            if (n > 0) expand(e, line);
            free(line);
            continue;
        }
        if (e->argi < e->nargs) {
            const char *a = e->args[e->argi++];
            if (strcmp(a, "-") == 0) {
                if (!e->stdin_used) {
                    e->stdin_used = 1;
                    e->names = stdin;
                    e->names_src = xstrdup("-");
                }
            } else if (a[0] == '@' && a[1]) {
                e->names = fopen(a + 1, "r");
                if (!e->names) q_push(e, a + 1, xasprintf("cannot open list: %s", strerror(errno)));
                else e->names_src = xstrdup(a + 1);
            } else {
                expand(e, a);
            }
            continue;
        }
        return 0;
    }
}

static void enum_free(enumr *e)
{
    close_archive(e);
    for (size_t i = e->qhead; i < e->qn; i++) {
        free(e->q[i].path);
        free(e->q[i].error);
    }
    free(e->q);
    if (e->names && e->names != stdin) fclose(e->names);
    free(e->names_src);
    strset_free(&e->fallbacks);
}

/* Count the inputs that a plain enumeration gives, when that is cheap: only files,
 * directories and list files (no archive, no standard input). -1 when unknown. */
static long count_inputs(char *const *args, int n, const struct stat *out)
{
    for (int i = 0; i < n; i++)
        if (strcmp(args[i], "-") == 0) return -1;
    enumr e;
    memset(&e, 0, sizeof e);
    e.args = args;
    e.nargs = n;
    if (out) {
        e.have_out = 1;
        e.out_dev = out->st_dev;
        e.out_ino = out->st_ino;
    }
    long count = 0;
    /* expand without opening archives: an archive makes the total unknown */
    for (;;) {
        if (e.qhead < e.qn) {
            qitem it = e.q[e.qhead++];
            if (e.qhead == e.qn) e.qhead = e.qn = 0;
            int arch = !it.error && is_archive_name(it.path);
            free(it.path);
            free(it.error);
            if (arch) {
                enum_free(&e);
                return -1;
            }
            count++;
            continue;
        }
        if (e.names) {
            char *line = NULL;
            size_t cap = 0;
            ssize_t k = getline(&line, &cap, e.names);
            if (k < 0) {
                fclose(e.names);
                e.names = NULL;
                free(line);
                continue;
            }
            while (k > 0 && (line[k - 1] == '\n' || line[k - 1] == '\r')) line[--k] = '\0';
            if (k > 0) expand(&e, line);
            free(line);
            continue;
        }
        if (e.argi < e.nargs) {
            const char *a = e.args[e.argi++];
            if (a[0] == '@' && a[1]) {
                e.names = fopen(a + 1, "r");
                if (!e.names) count++;
            } else {
                expand(&e, a);
            }
            continue;
        }
        break;
    }
    enum_free(&e);
    return count;
}

/* ---------------------------------------------------------------- the run's shared state */

/* One worker process and the filing it is working on. */
typedef struct slot {
    pid_t pid;             /* 0: no worker */
    int job_fd;            /* write end of its job pipe; -1 when closed */
    int res_fd, err_fd;    /* read ends of its result and stderr pipes; -1 when closed */
    int busy;              /* `job` is being worked on */
    int njobs;             /* filings sent to this worker */
    job job;
    double start, deadline;
    int timed_out;         /* the parent killed it at the deadline */
    t2x_jbuf res;          /* what the worker reported about the current filing */
    t2x_jbuf err;          /* the tail of its standard error */
} slot;

typedef struct run {
    const t2x_batch_config *cfg;
    t2x_options opt;
    char *outdir;          /* the output root, without trailing '/' */
    char *staging;         /* OUT/.t2x-staging/HOST.PID (for the verifier, which reads paths) */
    char *staging_name;    /* HOST.PID */
    int out_fd;            /* the output root */
    int stroot_fd;         /* OUT/.t2x-staging: a real directory of this user (outset.h) */
    int staging_fd;        /* OUT/.t2x-staging/HOST.PID: this batch's, mode 0700 */
    char *options_str;     /* the conversion options as the manifest records them */
    char *tool;            /* "txt2xbrl VERSION" */
    t2x_jbuf tool_json, options_json; /* the same, as JSON strings */
    int manifest_fd;
    int manifest_is_file;
    double last_sync;
    strset done_names;     /* --resume: input+member of manifest lines with our tool and options */
    strset done_keys;      /* … with their sha256 */
    strset old_keys;       /* --resume: input+member of every line read */
    size_t superseded;     /* lines written for inputs that had one: the manifest is compacted */
    slot *slots;
    int nslots;
    pid_t parent;
    t2x_batch_progress prog;
    double t0;
} run;

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig) { stop_signal = sig; }

/* input+member key as the manifest writes them (JSON text). */
static char *name_key(const char *input, const char *member)
{
    t2x_jbuf b = {0};
    t2x_jbuf_str(&b, input);
    t2x_jbuf_puts(&b, "\t");
    t2x_jbuf_str(&b, member);
    return b.data;
}

/* ---------------------------------------------------------------- the manifest */

/* Read a previous manifest (R->manifest_fd, open for reading and writing) for --resume:
 * remember the filings done with this tool and these options; cut a partial last line (a
 * batch killed mid-write) so that appending continues on a line boundary. 0, or -1 when the
 * file cannot be read or cut. */
static int resume_load(run *R)
{
    int fd = dup(R->manifest_fd);
    FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
    if (!f) {
        if (fd >= 0) close(fd);
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    off_t good = 0;
    int partial = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        if (line[n - 1] != '\n') {
            partial = 1;
            break;
        }
        good += n;
        const char *v;
        size_t vl;
        const char *in, *mem, *sha;
        size_t inl, meml, shal;
        if (t2x_json_member(line, (size_t)n, "input", &in, &inl) &&
            t2x_json_member(line, (size_t)n, "member", &mem, &meml)) {
            char *nk = xasprintf("%.*s\t%.*s", (int)inl, in, (int)meml, mem);
            strset_add(&R->old_keys, nk);
            free(nk);
        }
        if (!t2x_json_member(line, (size_t)n, "tool", &v, &vl)) continue; /* not one of ours */
        if (vl != R->tool_json.len || memcmp(v, R->tool_json.data, vl) != 0) continue;
        if (!t2x_json_member(line, (size_t)n, "options", &v, &vl)) continue;
        if (vl != R->options_json.len || memcmp(v, R->options_json.data, vl) != 0) continue;
        if (!t2x_json_member(line, (size_t)n, "input", &in, &inl) ||
            !t2x_json_member(line, (size_t)n, "member", &mem, &meml) ||
            !t2x_json_member(line, (size_t)n, "sha256", &sha, &shal))
            continue;
        char *nk = xasprintf("%.*s\t%.*s", (int)inl, in, (int)meml, mem);
        char *fk = xasprintf("%s\t%.*s", nk, (int)shal, sha);
        strset_add(&R->done_names, nk);
        strset_add(&R->done_keys, fk);
        free(nk);
        free(fk);
    }
    free(line);
    fclose(f);
    if (partial && ftruncate(R->manifest_fd, good) != 0) return -1;
    return 0;
}

/* The manifest's path (malloc'd); NULL for standard output. */
static char *manifest_path(const run *R)
{
    const char *m = R->cfg->manifest;
    if (m && strcmp(m, "-") == 0) return NULL;
    return m ? xstrdup(m) : xasprintf("%s/manifest.jsonl", R->outdir);
}

static int manifest_open(run *R)
{
    const char *m = R->cfg->manifest;
    if (m && strcmp(m, "-") == 0) {
        R->manifest_fd = STDOUT_FILENO;
        R->manifest_is_file = 0;
        return 0;
    }
    char *path = manifest_path(R);
    /* never through a symbolic link: one planted there would make us clobber its target */
    int flags = O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC | (R->cfg->resume ? O_RDWR : O_WRONLY | O_TRUNC);
    R->manifest_fd = open(path, flags, 0666);
    if (R->manifest_fd < 0) {
        if (errno == ELOOP)
            fprintf(stderr, "txt2xbrl: %s: the manifest is a symbolic link: refused (remove it or name another "
                            "file with --manifest)\n", path);
        else
            fprintf(stderr, "txt2xbrl: %s: cannot write the manifest: %s\n", path, strerror(errno));
        free(path);
        return -1;
    }
    R->manifest_is_file = 1;
    if (R->cfg->resume && resume_load(R) != 0) {
        fprintf(stderr, "txt2xbrl: %s: cannot read the manifest to resume: %s\n", path, strerror(errno));
        free(path);
        return -1;
    }
    free(path);
    return 0;
}

/* The key "input"\t"member" (JSON text) of a manifest line; NULL when it has none. */
static char *line_key(const char *line, size_t n)
{
    const char *in, *mem;
    size_t inl, meml;
    if (!t2x_json_member(line, n, "input", &in, &inl) || !t2x_json_member(line, n, "member", &mem, &meml))
        return NULL;
    return xasprintf("%.*s\t%.*s", (int)inl, in, (int)meml, mem);
}

/* After a --resume run that converted inputs which had a line (their bytes, the tool or the
 * options changed): keep only the last line of each input, written to a new file beside the
 * manifest (O_EXCL|O_NOFOLLOW), synced and renamed over it. 0, or -1 (the manifest is kept;
 * the next --resume compacts it). */
static int manifest_compact(run *R)
{
    char *path = manifest_path(R);
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0) close(fd);
        free(path);
        return -1;
    }
    char *buf = xmalloc((size_t)st.st_size + 1);
    size_t len = 0;
    for (ssize_t r; len < (size_t)st.st_size && (r = read(fd, buf + len, (size_t)st.st_size - len)) != 0;)
        if (r > 0) len += (size_t)r;
        else if (errno != EINTR) break;
    close(fd);
    /* the lines, then from the last one back: keep a line whose input has no later line */
    size_t nl = 0, cap = 0;
    size_t *start = NULL;
    for (size_t i = 0; i < len;) {
        if (nl == cap) {
            cap = cap ? cap * 2 : 256;
            start = xrealloc(start, cap * sizeof *start);
        }
        start[nl++] = i;
        const char *e = memchr(buf + i, '\n', len - i);
        i = e ? (size_t)(e - buf) + 1 : len;
    }
    char *keep = xmalloc(nl ? nl : 1);
    strset seen = {0};
    for (size_t k = nl; k-- > 0;) {
        size_t end = k + 1 < nl ? start[k + 1] : len;
        char *key = line_key(buf + start[k], end - start[k]);
        keep[k] = !key || strset_add(&seen, key);
        free(key);
    }
    strset_free(&seen);
    char *tmp = xasprintf("%s.%s.tmp", path, t2x_outset_tag());
    int rc = -1;
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, st.st_mode & 0777);
    if (fd >= 0) {
        rc = 0;
        for (size_t k = 0; k < nl && rc == 0; k++) {
            size_t end = k + 1 < nl ? start[k + 1] : len;
            if (keep[k]) rc = write_all(fd, buf + start[k], end - start[k]);
        }
        if (rc == 0) rc = fsync(fd);
        if (close(fd) != 0) rc = -1;
        if (rc == 0) rc = rename(tmp, path);
        if (rc != 0) unlink(tmp);
    }
    if (rc != 0) fprintf(stderr, "txt2xbrl: %s: cannot rewrite the manifest with one line per input: %s\n", path,
                         strerror(errno));
    free(tmp);
    free(keep);
    free(start);
    free(buf);
    free(path);
    return rc;
}

static void manifest_sync(run *R, int force)
{
    if (!R->manifest_is_file) return;
    double t = now_s();
    if (force || t - R->last_sync >= 1.0) {
        fdatasync(R->manifest_fd);
        R->last_sync = t;
    }
}

/* Append one line: the whole line in one write(2). -1 when the manifest cannot be written. */
static int manifest_write(run *R, t2x_jbuf *line)
{
    if (write_all(R->manifest_fd, line->data, line->len) != 0) {
        fprintf(stderr, "txt2xbrl: cannot write the manifest: %s\n", strerror(errno));
        return -1;
    }
    if (R->old_keys.n) { /* --resume: an input that had a line gets a second one */
        char *key = line_key(line->data, line->len);
        if (key && strset_has(&R->old_keys, key)) R->superseded++;
        free(key);
    }
    manifest_sync(R, 0);
    return 0;
}

/* The members of a line that every status has, from "status" on (no braces). */
typedef struct fragment {
    t2x_batch_status status;
    const char *reason, *message;
    const t2x_filing_summary *sum;   /* NULL when nothing was converted */
    const char *dir;                 /* relative to OUT; NULL */
    char **outputs;                  /* relative to OUT */
    size_t noutputs;
    const char *verify;              /* "passed", "failed", "error", "skipped" or NULL */
    size_t warnings;
    const t2x_diag *diags[2];        /* conversion (warnings, errors) and verification (errors):
                                        counted by code */
} fragment;

static void fragment_json(t2x_jbuf *b, const fragment *fr)
{
    t2x_jbuf_puts(b, "\"status\":");
    t2x_jbuf_str(b, t2x_batch_status_name(fr->status));
    int ex = status_exit(fr->status);
    if (ex < 0) t2x_jbuf_puts(b, ",\"exit\":null");
    else t2x_jbuf_printf(b, ",\"exit\":%d", ex);
    t2x_jbuf_puts(b, ",\"reason\":");
    t2x_jbuf_str(b, fr->reason);
    t2x_jbuf_puts(b, ",\"message\":");
    t2x_jbuf_str(b, fr->message);
    const t2x_filing_summary *s = fr->sum;
    t2x_jbuf_puts(b, ",\"form\":");
    t2x_jbuf_str(b, s ? s->form : NULL);
    t2x_jbuf_puts(b, ",\"cik\":");
    t2x_jbuf_str(b, s ? s->cik : NULL);
    t2x_jbuf_puts(b, ",\"accession\":");
    t2x_jbuf_str(b, s ? s->accession : NULL);
    t2x_jbuf_puts(b, ",\"period_end\":");
    t2x_jbuf_str(b, s && s->period_end[0] ? s->period_end : NULL);
    t2x_jbuf_puts(b, ",\"stem\":");
    t2x_jbuf_str(b, s ? s->stem : NULL);
    t2x_jbuf_puts(b, ",\"dir\":");
    t2x_jbuf_str(b, fr->dir);
    t2x_jbuf_puts(b, ",\"outputs\":[");
    for (size_t i = 0; i < fr->noutputs; i++) {
        if (i) t2x_jbuf_puts(b, ",");
        t2x_jbuf_str(b, fr->outputs[i]);
    }
    t2x_jbuf_printf(b, "],\"statements\":%zu,\"facts\":%zu,\"inconsistencies\":%zu", s ? s->statements : 0,
                    s ? s->facts : 0, s ? s->inconsistencies : 0);
    t2x_jbuf_printf(b, ",\"ex27\":{\"schedules\":%zu,\"comparisons\":%zu,\"agree\":%zu,\"disagree\":%zu}",
                    s ? s->ex27_schedules : 0, s ? s->ex27_comparisons : 0, s ? s->ex27_agree : 0,
                    s ? s->ex27_disagree : 0);
    t2x_jbuf_puts(b, ",\"verify\":");
    t2x_jbuf_str(b, fr->verify);
    t2x_jbuf_printf(b, ",\"warnings\":%zu,\"diagnostics\":{", fr->warnings);
    /* counts by code, in order of first appearance */
    const char *codes[64];
    size_t counts[64], nc = 0;
    for (int k = 0; k < 2; k++) {
        const t2x_diag *d = fr->diags[k];
        for (size_t i = 0; d && i < d->count; i++) {
            if (d->items[i].severity < (k ? T2X_ERROR : T2X_WARNING)) continue; /* the verifier's
                warnings repeat the filing's inconsistencies already counted */
            const char *c = d->items[i].code ? d->items[i].code : "error";
            size_t j = 0;
            while (j < nc && strcmp(codes[j], c) != 0) j++;
            if (j == nc) {
                if (nc == 64) continue;
                codes[nc] = c;
                counts[nc++] = 0;
            }
            counts[j]++;
        }
    }
    for (size_t j = 0; j < nc; j++) {
        if (j) t2x_jbuf_puts(b, ",");
        t2x_jbuf_str(b, codes[j]);
        t2x_jbuf_printf(b, ":%zu", counts[j]);
    }
    t2x_jbuf_puts(b, "}");
}

/* The head of a line: index, input, member, sha256 (JSON text or "null"), tool, options. */
static void line_head(run *R, t2x_jbuf *b, const job *j, const char *sha_json)
{
    t2x_jbuf_printf(b, "{\"index\":%zu,\"input\":", j->index);
    t2x_jbuf_str(b, j->input);
    t2x_jbuf_puts(b, ",\"member\":");
    t2x_jbuf_str(b, j->member);
    t2x_jbuf_printf(b, ",\"sha256\":%s,\"tool\":%s,\"options\":%s,", sha_json, R->tool_json.data,
                    R->options_json.data);
}

static void count_status(run *R, t2x_batch_status st)
{
    R->prog.done++;
    R->prog.counts[st]++;
    if (st != T2X_BS_OK && st != T2X_BS_WARNINGS) R->prog.failed++;
}

/* ---------------------------------------------------------------- the workers */

static int read_file(const char *path, unsigned char **out, size_t *len, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(err, errlen, "cannot open: %s", strerror(errno));
        return -1;
    }
    struct stat st;
    size_t cap = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 1 << 16;
    if (cap > BATCH_MAX_INPUT + 1) {
        close(fd);
        snprintf(err, errlen, "input is larger than %zu MB", BATCH_MAX_INPUT >> 20);
        return -1;
    }
    unsigned char *buf = xmalloc(cap);
    size_t n = 0;
    for (;;) {
        if (n == cap) {
            if (cap > BATCH_MAX_INPUT) {
                free(buf);
                close(fd);
                snprintf(err, errlen, "input is larger than %zu MB", BATCH_MAX_INPUT >> 20);
                return -1;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR) continue;
            snprintf(err, errlen, "read error: %s", strerror(errno));
            free(buf);
            close(fd);
            return -1;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    close(fd);
    *out = buf;
    *len = n;
    return 0;
}

/* The sorted file names of a directory. */
static char **list_dir(const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **v = NULL;
    size_t cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.') continue;
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            v = xrealloc(v, cap * sizeof *v);
        }
        v[(*n)++] = xstrdup(de->d_name);
    }
    closedir(d);
    if (*n > 1) qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

static void send(int fd, const char *s, size_t n)
{
    (void)write_all(fd, s, n);
}

static const t2x_diag_item *first_error(const t2x_diag *d)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == T2X_ERROR) return &d->items[i];
    return NULL;
}

static int sanitary(const char *s, int digits_only)
{
    if (!s || !*s || strlen(s) > 40) return 0;
    for (const char *p = s; *p; p++) {
        int digit = *p >= '0' && *p <= '9';
        if (digits_only ? !digit : !(digit || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p == '-'))
            return 0;
    }
    return 1;
}

/* Memory this process does not share with the parent (kB): Private_Clean + Private_Dirty of
 * /proc/self/smaps_rollup; -1 when unknown. */
static long private_kb(void)
{
    FILE *f = fopen("/proc/self/smaps_rollup", "r");
    if (!f) return -1;
    char line[256];
    long kb = 0;
    int found = 0;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "Private_Clean:", 14) == 0 || strncmp(line, "Private_Dirty:", 14) == 0) {
            kb += strtol(line + 14, NULL, 10);
            found++;
        }
    fclose(f);
    return found == 2 ? kb : -1;
}

/* Peak resident set size since the last reset (kB, VmHWM), -1 when unknown; and the reset
 * (writing 5 to /proc/self/clear_refs), so that a worker reports each filing's own peak. */
static long peak_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f) return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "VmHWM:", 6) == 0) kb = strtol(line + 6, NULL, 10);
    fclose(f);
    return kb;
}

static void peak_rss_reset(void)
{
    int fd = open("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
    if (fd < 0) return;
    if (write(fd, "5", 1) != 1) { /* an old kernel: VmHWM stays the worker's peak */ }
    close(fd);
}

/* The record of the input a filing's directory holds the outputs of (not listed as an output). */
#define INPUT_RECORD ".input.json"

/* Render f's outputs into a new staging directory `stage` of R->staging_fd, with the record
 * `rec` of their input. T2X_OK and *fd (OUT: the staging directory, for t2x_outset_publish),
 * or an error in d (the staging removed). */
static t2x_status stage_outputs(run *R, const t2x_filing *f, const char *stage, const t2x_jbuf *rec, int *fd,
                                t2x_diag *d)
{
    t2x_outfile *set;
    size_t n;
    *fd = -1;
    t2x_status st = t2x_filing_outputs(f, &R->opt, &set, &n, d);
    if (st != T2X_OK) return st;
    t2x_rmtree_at(R->staging_fd, stage); /* left by a worker killed on this filing */
    const char *what = stage;
    if (mkdirat(R->staging_fd, stage, 0700) != 0 ||
        (*fd = openat(R->staging_fd, stage, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
        st = T2X_ERR_IO;
    for (size_t i = 0; i < n && st == T2X_OK; i++)
        if (t2x_outset_put(*fd, set[i].name, set[i].data, set[i].len) != 0) {
            what = set[i].name;
            st = T2X_ERR_IO;
        }
    if (st == T2X_OK && t2x_outset_put(*fd, INPUT_RECORD, rec->data, rec->len) != 0) {
        what = INPUT_RECORD;
        st = T2X_ERR_IO;
    }
    if (st != T2X_OK) {
        t2x_diag_add(d, T2X_ERROR, what, 0, "io", "cannot write the outputs into the staging directory: %s",
                     strerror(errno));
        if (*fd >= 0) close(*fd);
        *fd = -1;
        t2x_rmtree_at(R->staging_fd, stage);
    }
    t2x_filing_outputs_free(set, n);
    return st;
}

/* May outputs of the input recorded in `rec` replace directory `leaf` of pfd? Yes when it is
 * absent, has no input record (an older layout), or holds the same input or the same bytes. */
static int may_replace(int pfd, const char *leaf, const t2x_jbuf *rec)
{
    int lfd = openat(pfd, leaf, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (lfd < 0) return 1;
    int mfd = openat(lfd, INPUT_RECORD, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    close(lfd);
    if (mfd < 0) return 1;
    char buf[16384];
    ssize_t n = read(mfd, buf, sizeof buf);
    close(mfd);
    if (n <= 0) return 1;
    const char *a, *b;
    size_t al, bl;
    if (t2x_json_member(buf, (size_t)n, "sha256", &a, &al) && t2x_json_member(rec->data, rec->len, "sha256", &b, &bl) &&
        al == bl && memcmp(a, b, al) == 0)
        return 1;
    char *k1 = line_key(buf, (size_t)n), *k2 = line_key(rec->data, rec->len);
    int same = k1 && k2 && strcmp(k1, k2) == 0;
    free(k1);
    free(k2);
    return same;
}

/* Put the staged directory `stage` (descriptor fd) in place as OUT/BASE, or BASE~2, BASE~3…
 * when that directory holds the outputs of another input with other bytes (a warning in d).
 * Workers claim one at a time, under a lock on the staging root. 0 and *dir (OUT: malloc'd,
 * relative to OUT), or -1 with errno. */
static int publish_claimed(run *R, int fd, const char *stage, const char *base, const t2x_jbuf *rec,
                           const char *name, char **dir, t2x_diag *d)
{
    int lk = openat(R->out_fd, ".t2x-staging", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (lk >= 0) flock(lk, LOCK_EX); /* our own descriptor: released when this process dies */
    int rc = -1, e = EEXIST;
    for (int k = 1; k < 1000 && rc != 0; k++) {
        char *cand = k == 1 ? xstrdup(base) : xasprintf("%s~%d", base, k);
        char *slash = strrchr(cand, '/');
        *slash = '\0';
        int pfd = t2x_dir_open_at(R->out_fd, cand, 1);
        if (pfd < 0) {
            e = errno;
            free(cand);
            break;
        }
        if (may_replace(pfd, slash + 1, rec)) {
            rc = t2x_outset_publish(fd, R->staging_fd, stage, pfd, slash + 1);
            e = errno;
            *slash = '/';
            if (rc == 0) {
                *dir = cand;
                if (k > 1)
                    t2x_diag_add(d, T2X_WARNING, name, 0, "same-accession",
                                 "%s holds the outputs of another input with the same CIK and accession but other "
                                 "bytes: these outputs are in %s", base, cand);
            } else {
                free(cand);
                k = 1000; /* an error, not a claim */
            }
        } else {
            free(cand);
        }
        close(pfd);
    }
    if (lk >= 0) close(lk);
    errno = e;
    return rc;
}

/* Convert, write, verify and publish one filing; report on fd `out`, ending with "end". */
static void work_one(run *R, job *j, int out)
{
    const t2x_batch_config *cfg = R->cfg;
    unsigned char *bytes = j->bytes, *owned = NULL;
    size_t len = j->len;
    char rerr[300] = "";
    if (!bytes && read_file(j->input, &owned, &len, rerr, sizeof rerr) == 0) bytes = owned;

    /* the digest first: the parent records it even if this child dies later */
    char sha[65];
    t2x_jbuf sha_json = {0};
    if (bytes) {
        t2x_input_sha256(bytes, len, sha);
        t2x_jbuf_printf(&sha_json, "\"%s\"", sha);
    } else {
        t2x_jbuf_puts(&sha_json, "null");
    }
    t2x_jbuf msg = {0};
    t2x_jbuf_printf(&msg, "sha256 %s\n", sha_json.data);
    send(out, msg.data, msg.len);
    msg.len = 0;

    /* --resume: done before with the same bytes, tool and options? */
    if (cfg->resume) {
        char *nk = name_key(j->input, j->member);
        if (strset_has(&R->done_names, nk)) {
            char *fk = xasprintf("%s\t%s", nk, sha_json.data);
            int done = strset_has(&R->done_keys, fk);
            free(fk);
            if (done) {
                send(out, "skip\nend\n", 9);
                free(nk);
                free(owned);
                free(sha_json.data);
                free(msg.data);
                return;
            }
        }
        free(nk);
    }

    fragment fr;
    memset(&fr, 0, sizeof fr);
    t2x_diag d = {0}, vd = {0};
    t2x_filing *f = NULL;
    t2x_filing_summary sum;
    char *dir = NULL, *base = NULL;
    char *stage_name = xasprintf("%zu", j->index);
    char *stage = xasprintf("%s/%s", R->staging, stage_name);
    int stage_fd = -1;
    t2x_jbuf rec = {0}; /* the input record (INPUT_RECORD) */
    t2x_jbuf_puts(&rec, "{\"input\":");
    t2x_jbuf_str(&rec, j->input);
    t2x_jbuf_puts(&rec, ",\"member\":");
    t2x_jbuf_str(&rec, j->member);
    t2x_jbuf_printf(&rec, ",\"sha256\":%s}\n", sha_json.data);
    if (!bytes) {
        fr.status = T2X_BS_BAD_INPUT;
        fr.reason = "unreadable";
        fr.message = rerr;
    } else {
        const char *name = j->member ? j->member : j->input;
        t2x_status st = t2x_convert_bytes(bytes, len, name, &R->opt, &d, &f);
        t2x_status vst = T2X_OK;
        if (st == T2X_OK) {
            t2x_filing_summarize(f, &sum);
            fr.sum = &sum;
            if (sum.cik && sanitary(sum.cik, 1) && sum.accession && sanitary(sum.accession, 0)) {
                const char *c = sum.cik;
                while (c[0] == '0' && c[1]) c++; /* EDGAR's directories name the CIK without zeros */
                base = xasprintf("%s/%s", c, sum.accession);
            } else {
                base = xasprintf("_/%s", j->fallback);
            }
            st = stage_outputs(R, f, stage_name, &rec, &stage_fd, &d);
        }
        if (st == T2X_OK && cfg->verify) {
            char *src = NULL;
            if (j->member) { /* the verifier reads a file: give it the member's bytes */
                src = xasprintf("%s.input", stage);
                unlink(src);
                int fd = open(src, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
                if (fd < 0 || write_all(fd, (const char *)bytes, len) != 0) vst = T2X_ERR_IO;
                if (fd >= 0) close(fd);
            }
            if (vst == T2X_OK) vst = cfg->verify(src ? src : j->input, stage, sum.stem, &R->opt, &vd);
            if (src) unlink(src);
            free(src);
            fr.verify = vst == T2X_OK ? "passed" : vst == T2X_ERR_VERIFY ? "failed" : "error";
        } else if (st == T2X_OK) {
            fr.verify = "skipped";
        }
        if (st == T2X_OK) {
            size_t n = 0;
            char **names = list_dir(stage, &n);
            if (publish_claimed(R, stage_fd, stage_name, base, &rec, j->member ? j->member : j->input, &dir, &d) != 0) {
                t2x_diag_add(&d, T2X_ERROR, base, 0, "io", "cannot move the outputs into place: %s", strerror(errno));
                st = T2X_ERR_IO;
                t2x_rmtree_at(R->staging_fd, stage_name);
            } else {
                fr.dir = dir;
            }
            fr.outputs = xmalloc((n ? n : 1) * sizeof *fr.outputs);
            for (size_t i = 0; i < n; i++) {
                fr.outputs[fr.noutputs++] = xasprintf("%s/%s", dir ? dir : base, names[i]);
                free(names[i]);
            }
            free(names);
        } else {
            t2x_rmtree_at(R->staging_fd, stage_name);
        }
        if (stage_fd >= 0) close(stage_fd);
        for (size_t i = 0; i < d.count; i++) fr.warnings += d.items[i].severity == T2X_WARNING;
        const t2x_diag_item *e = first_error(&d);
        switch (st) {
        case T2X_OK:
            if (vst != T2X_OK) {
                const t2x_diag_item *ve = first_error(&vd);
                fr.status = T2X_BS_VERIFY_FAILED;
                fr.reason = ve && ve->code ? ve->code : "verify";
                fr.message = ve ? ve->message : t2x_status_str(vst);
            } else {
                fr.status = fr.warnings ? T2X_BS_WARNINGS : T2X_BS_OK;
            }
            break;
        case T2X_ERR_INPUT:
        case T2X_ERR_NOT_FILING:
        case T2X_ERR_HTML:
        case T2X_ERR_NO_STATEMENTS:
            fr.status = T2X_BS_BAD_INPUT;
            break;
        case T2X_ERR_VERIFY:
            fr.status = T2X_BS_VERIFY_FAILED;
            break;
        default:
            fr.status = T2X_BS_ERROR;
            break;
        }
        if (st != T2X_OK) {
            fr.reason = e && e->code ? e->code : t2x_status_str(st);
            fr.message = e ? e->message : t2x_status_str(st);
            if (st != T2X_ERR_IO) {
                for (size_t i = 0; i < fr.noutputs; i++) free(fr.outputs[i]);
                fr.noutputs = 0;
            }
        }
        fr.diags[0] = &d;
        fr.diags[1] = &vd;
        if (fr.status == T2X_BS_ERROR || fr.status == T2X_BS_BAD_INPUT) fr.dir = NULL;
    }
    t2x_jbuf_printf(&msg, "private %ld\nrss %ld\nline ", private_kb(), peak_rss_kb());
    fragment_json(&msg, &fr);
    t2x_jbuf_puts(&msg, "\nend\n");
    send(out, msg.data, msg.len);
    /* a worker goes on with the next filing: give everything back */
    for (size_t i = 0; i < fr.noutputs; i++) free(fr.outputs[i]);
    free(fr.outputs);
    t2x_filing_free(f);
    t2x_diag_free(&d);
    t2x_diag_free(&vd);
    free(dir);
    free(base);
    free(stage);
    free(stage_name);
    free(rec.data);
    free(owned);
    free(sha_json.data);
    free(msg.data);
}

/* Read exactly n bytes; 0, or -1 at end of file or error. */
static int read_full(int fd, void *buf, size_t n)
{
    char *p = buf;
    while (n) {
        ssize_t r = read(fd, p, n);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) return -1;
        p += r;
        n -= (size_t)r;
    }
    return 0;
}

/* What the parent sends a worker for one filing: this header, then the input, member and
 * fallback names (no NUL), then `len` bytes of member contents (0 for a file). */
typedef struct wire_job {
    uint64_t index;
    uint64_t len;          /* member bytes that follow */
    uint32_t input_len, member_len, fallback_len;
    uint32_t has_member;
} wire_job;

static char *read_str(int fd, uint32_t n)
{
    char *s = xmalloc((size_t)n + 1);
    if (n && read_full(fd, s, n) != 0) {
        free(s);
        return NULL;
    }
    s[n] = '\0';
    return s;
}

/* Receive one job; 0, or -1 at end of file (no more work). */
static int receive_job(int fd, job *j)
{
    wire_job w;
    memset(j, 0, sizeof *j);
    if (read_full(fd, &w, sizeof w) != 0) return -1;
    j->index = (size_t)w.index;
    j->input = read_str(fd, w.input_len);
    j->member = w.has_member ? read_str(fd, w.member_len) : NULL;
    j->fallback = read_str(fd, w.fallback_len);
    if (!j->input || (w.has_member && !j->member) || !j->fallback) return -1;
    if (w.has_member) {
        j->bytes = xmalloc((size_t)w.len + 1);
        j->len = (size_t)w.len;
        j->maplen = 0; /* malloc'd, not mapped */
        if (w.len && read_full(fd, j->bytes, (size_t)w.len) != 0) return -1;
    }
    return 0;
}

/* Send one job to a worker; 0, or -1 when the worker is gone. */
static int send_job(int fd, const job *j)
{
    wire_job w;
    memset(&w, 0, sizeof w);
    w.index = j->index;
    w.len = j->member ? j->len : 0;
    w.input_len = (uint32_t)strlen(j->input);
    w.has_member = j->member != NULL;
    w.member_len = j->member ? (uint32_t)strlen(j->member) : 0;
    w.fallback_len = (uint32_t)strlen(j->fallback);
    t2x_jbuf b = {0};
    t2x_jbuf_add(&b, (const char *)&w, sizeof w);
    t2x_jbuf_add(&b, j->input, w.input_len);
    if (j->member) t2x_jbuf_add(&b, j->member, w.member_len);
    t2x_jbuf_add(&b, j->fallback, w.fallback_len);
    int rc = write_all(fd, b.data, b.len);
    free(b.data);
    if (rc == 0 && j->member && j->len) rc = write_all(fd, (const char *)j->bytes, j->len);
    return rc;
}

/* A worker: limits and plumbing, then filings received on job_r until end of file or
 * `jobs_per_worker` filings. Never returns. */
static void worker_main(run *R, int idx, int job_r, int res_w, int err_w)
{
#ifdef __linux__
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != R->parent) _exit(127); /* the parent died before PDEATHSIG was set */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    /* standard input and output are the parent's (names, manifest): not ours */
    int devnull = open("/dev/null", O_RDWR);
    if (devnull >= 0) {
        dup2(devnull, STDIN_FILENO);
        dup2(devnull, STDOUT_FILENO);
        if (devnull > 2) close(devnull);
    }
    dup2(err_w, STDERR_FILENO);
    if (err_w != STDERR_FILENO) close(err_w);
    if (R->manifest_is_file) close(R->manifest_fd);
    for (int i = 0; i < R->nslots; i++) {
        if (i == idx || !R->slots[i].pid) continue;
        if (R->slots[i].job_fd >= 0) close(R->slots[i].job_fd);
        if (R->slots[i].res_fd >= 0) close(R->slots[i].res_fd);
        if (R->slots[i].err_fd >= 0) close(R->slots[i].err_fd);
    }
    struct rlimit rl;
    rl.rlim_cur = rl.rlim_max = 0;
    setrlimit(RLIMIT_CORE, &rl); /* a crash is a manifest line, not a core file */
#ifndef T2X_ASAN /* ASan reserves terabytes of address space: no RLIMIT_AS under it */
    if (R->cfg->memory_mb) {
        rl.rlim_cur = rl.rlim_max = (rlim_t)R->cfg->memory_mb << 20;
        setrlimit(RLIMIT_AS, &rl);
    }
#endif
    double t = R->cfg->timeout_s > 0 ? R->cfg->timeout_s : 60;
    int per = R->cfg->jobs_per_worker > 0 ? R->cfg->jobs_per_worker : 1;
    for (int n = 0; n < per; n++) {
        job j;
        if (receive_job(job_r, &j) != 0) {
            job_free(&j);
            break;
        }
        /* CPU limit of this filing: what the worker used so far, plus the time limit */
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        rlim_t used = (rlim_t)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec + 1);
        if (getrlimit(RLIMIT_CPU, &rl) == 0) {
            rl.rlim_cur = used + (rlim_t)ceil(t) + 1;
            if (rl.rlim_max != RLIM_INFINITY && rl.rlim_cur > rl.rlim_max) rl.rlim_cur = rl.rlim_max;
            setrlimit(RLIMIT_CPU, &rl);
        }
        peak_rss_reset();
        work_one(R, &j, res_w);
        job_free(&j);
    }
    _exit(0);
}

/* ---------------------------------------------------------------- the parent */

/* A small filing converted and verified once in the parent before any child is forked, so
 * that every cache of the library and of the verifier (taxonomy data, compiled templates, the
 * Inline XBRL schema) is loaded once and shared by all children instead of loaded by each. */
static const char warm_up_filing[] =
    "                                   FORM 10-K\n\n"
    "                          ACME WIDGET CORPORATION\n\n"
    "                                BALANCE SHEETS\n\n"
    "                                                 December 31,\n"
    "                                              2003          2002\n"
    "                                            --------      --------\n"
    "Cash                                        $  1,000      $    900\n"
    "Accounts receivable                              500           400\n"
    "                                            --------      --------\n"
    "     Total current assets                      1,500         1,300\n"
    "                                            --------      --------\n"
    "     Total assets                           $  1,500      $  1,300\n"
    "                                            ========      ========\n\n"
    "Accounts payable                            $    200      $    100\n"
    "Common stock                                   1,300         1,200\n"
    "                                            --------      --------\n"
    "     Total liabilities and stockholders'\n"
    "       equity                               $  1,500      $  1,300\n"
    "                                            ========      ========\n\n"
    "                             STATEMENTS OF INCOME\n\n"
    "                                             Year Ended December 31,\n"
    "                                              2003          2002\n"
    "                                            --------      --------\n"
    "Net sales                                   $  5,000      $  4,000\n"
    "Cost of sales                                  3,000         2,500\n"
    "                                            --------      --------\n"
    "Net income                                  $  2,000      $  1,500\n"
    "                                            ========      ========\n";

static void warm_up(run *R)
{
    char *dir = xasprintf("%s/warm-up", R->staging);
    char *src = xasprintf("%s/warm-up.txt", R->staging); /* in our private directory */
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    t2x_options opt = R->opt;
    opt.cik = "1";
    if (t2x_convert_bytes((const unsigned char *)warm_up_filing, sizeof warm_up_filing - 1, src, &opt, &d, &f) ==
            T2X_OK &&
        t2x_filing_write(f, dir, &opt, &d) == T2X_OK && R->cfg->verify) {
        int fd = openat(R->staging_fd, "warm-up.txt", O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) {
            int ok = write_all(fd, warm_up_filing, sizeof warm_up_filing - 1) == 0;
            close(fd);
            if (ok) R->cfg->verify(src, dir, t2x_filing_stem(f), &opt, &d);
        }
    }
    t2x_filing_free(f);
    t2x_diag_free(&d);
    t2x_rmtree_at(R->staging_fd, "warm-up");
    unlinkat(R->staging_fd, "warm-up.txt", 0);
    free(dir);
    free(src);
#ifdef __GLIBC__
    malloc_trim(0); /* give back what the warm-up freed: children start small */
#endif
}

/* Fork a worker for slot idx (from the warm parent). 0, or -1 with errno. */
static int spawn_worker(run *R, int idx)
{
    slot *s = &R->slots[idx];
    int jp[2], rp[2], ep[2];
    if (pipe2(jp, O_CLOEXEC) != 0) return -1;
    if (pipe2(rp, O_CLOEXEC) != 0) {
        close(jp[0]);
        close(jp[1]);
        return -1;
    }
    if (pipe2(ep, O_CLOEXEC) != 0) {
        close(jp[0]);
        close(jp[1]);
        close(rp[0]);
        close(rp[1]);
        return -1;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(jp[0]);
        close(jp[1]);
        close(rp[0]);
        close(rp[1]);
        close(ep[0]);
        close(ep[1]);
        errno = e;
        return -1;
    }
    if (pid == 0) {
        close(jp[1]);
        close(rp[0]);
        close(ep[0]);
        worker_main(R, idx, jp[0], rp[1], ep[1]);
    }
    close(jp[0]);
    close(rp[1]);
    close(ep[1]);
    s->pid = pid;
    s->job_fd = jp[1];
    s->res_fd = rp[0];
    s->err_fd = ep[0];
    s->busy = 0;
    s->njobs = 0;
    return 0;
}

/* Give slot idx's worker the job in s->job. 0, or -1 when the worker is gone (its end of
 * file then reports the filing). */
static int dispatch(run *R, int idx)
{
    slot *s = &R->slots[idx];
    s->busy = 1;
    s->njobs++;
    s->start = now_s();
    s->deadline = s->start + (R->cfg->timeout_s > 0 ? R->cfg->timeout_s : 60);
    s->timed_out = 0;
    s->res.len = 0;
    s->err.len = 0;
    if (s->res.data) s->res.data[0] = '\0';
    if (s->err.data) s->err.data[0] = '\0';
    R->prog.running++;
    int rc = send_job(s->job_fd, &s->job);
    /* the worker has its own copy of a member's bytes now */
    if (s->job.bytes) {
        if (s->job.maplen) munmap(s->job.bytes, s->job.maplen);
        else free(s->job.bytes);
        s->job.bytes = NULL;
    }
    int per = R->cfg->jobs_per_worker > 0 ? R->cfg->jobs_per_worker : 1;
    if (s->njobs >= per && s->job_fd >= 0) { /* its last filing: it exits after this one */
        close(s->job_fd);
        s->job_fd = -1;
    }
    return rc;
}

/* A line for an input that never reached a child (enumeration error). */
static int write_error_line(run *R, const job *j)
{
    char *nk = name_key(j->input, j->member);
    char *fk = xasprintf("%s\tnull", nk);
    int done = R->cfg->resume && strset_has(&R->done_keys, fk);
    free(nk);
    free(fk);
    if (done) {
        R->prog.skipped++;
        return 0;
    }
    fragment fr;
    memset(&fr, 0, sizeof fr);
    fr.status = T2X_BS_BAD_INPUT;
    fr.reason = "unreadable";
    fr.message = j->error;
    t2x_jbuf b = {0};
    line_head(R, &b, j, "null");
    fragment_json(&b, &fr);
    t2x_jbuf_puts(&b, ",\"ms\":0,\"rss_kb\":0,\"private_kb\":0}\n");
    int rc = manifest_write(R, &b);
    free(b.data);
    count_status(R, T2X_BS_BAD_INPUT);
    return rc;
}

/* The last non-empty line of a child's standard error (a crash's last words). */
static char *last_err_line(const t2x_jbuf *e)
{
    if (!e->len) return NULL;
    size_t end = e->len;
    while (end > 0 && (e->data[end - 1] == '\n' || e->data[end - 1] == '\r')) end--;
    size_t start = end;
    while (start > 0 && e->data[start - 1] != '\n') start--;
    if (start == end) return NULL;
    char *s = xmalloc(end - start + 1);
    memcpy(s, e->data + start, end - start);
    s[end - start] = '\0';
    return s;
}

/* Has the worker of slot s reported its whole result (a last line "end")? */
static int result_complete(const slot *s)
{
    const t2x_jbuf *b = &s->res;
    return b->len >= 4 && memcmp(b->data + b->len - 4, "end\n", 4) == 0 && (b->len == 4 || b->data[b->len - 5] == '\n');
}

/* Write the manifest line of slot idx's filing: from the worker's result when it finished
 * (wstatus < 0), else (it died: wstatus from waitpid, ru its usage) a timeout or crash line.
 * -1 when the manifest cannot be written. */
static int finish_job(run *R, int idx, int wstatus, const struct rusage *ru)
{
    slot *s = &R->slots[idx];
    double ms = (now_s() - s->start) * 1e3;
    R->prog.running--;
    s->busy = 0;
    /* parse what the worker said */
    char *sha = NULL, *frag = NULL;
    long priv = -1, rss = ru ? ru->ru_maxrss : -1;
    int skipped = 0;
    char *p = s->res.data;
    while (p && *p) {
        char *nl = strchr(p, '\n');
        if (!nl) break; /* a partial message: the worker died writing it */
        *nl = '\0';
        if (strncmp(p, "sha256 ", 7) == 0) sha = p + 7;
        else if (strcmp(p, "skip") == 0) skipped = 1;
        else if (strncmp(p, "private ", 8) == 0) priv = strtol(p + 8, NULL, 10);
        else if (strncmp(p, "rss ", 4) == 0 && wstatus < 0) rss = strtol(p + 4, NULL, 10);
        else if (strncmp(p, "line ", 5) == 0) frag = p + 5;
        p = nl + 1;
    }
    int rc = 0;
    if (skipped && wstatus < 0) {
        R->prog.skipped++;
    } else {
        t2x_jbuf b = {0};
        line_head(R, &b, &s->job, sha ? sha : "null");
        t2x_batch_status st;
        if (frag && wstatus < 0) {
            t2x_jbuf_puts(&b, frag);
            const char *v;
            size_t vl;
            t2x_jbuf tmp = {0};
            t2x_jbuf_printf(&tmp, "{%s}", frag);
            st = T2X_BS_ERROR;
            if (t2x_json_member(tmp.data, tmp.len, "status", &v, &vl))
                for (int k = 0; k < T2X_BS_COUNT; k++) {
                    const char *nm = t2x_batch_status_name((t2x_batch_status)k);
                    if (vl == strlen(nm) + 2 && memcmp(v + 1, nm, vl - 2) == 0) st = (t2x_batch_status)k;
                }
            free(tmp.data);
        } else {
            fragment fr;
            memset(&fr, 0, sizeof fr);
            char *last = last_err_line(&s->err);
            char *msg = NULL;
            int sig = wstatus >= 0 && WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
            double limit = R->cfg->timeout_s > 0 ? R->cfg->timeout_s : 60;
            if (s->timed_out) {
                fr.status = T2X_BS_TIMEOUT;
                fr.reason = "wall-clock-limit";
                msg = xasprintf("killed after %g s", limit);
            } else if (sig == SIGXCPU) {
                fr.status = T2X_BS_TIMEOUT;
                fr.reason = "cpu-limit";
                msg = xasprintf("CPU time limit (%g s) reached", ceil(limit) + 1);
            } else {
                fr.status = T2X_BS_CRASH;
                int oom = last && strstr(last, "out of memory") != NULL;
                fr.reason = oom ? "memory-limit" : sig ? "signal" : "no-result";
                if (sig)
                    msg = xasprintf("killed by signal %d (%s)%s%s", sig, strsignal(sig), last ? ": " : "",
                                    last ? last : "");
                else
                    msg = xasprintf("exited with status %d without a result%s%s",
                                    wstatus >= 0 && WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1,
                                    last ? ": " : "", last ? last : "");
            }
            fr.message = msg;
            fragment_json(&b, &fr);
            st = fr.status;
            free(msg);
            free(last);
            /* a worker that died mid-way may leave the filing's staging directory */
            char *stage = xasprintf("%zu", s->job.index);
            t2x_rmtree_at(R->staging_fd, stage);
            free(stage);
        }
        t2x_jbuf_printf(&b, ",\"ms\":%.1f,\"rss_kb\":%ld,\"private_kb\":", ms, rss < 0 ? 0 : rss);
        if (priv >= 0) t2x_jbuf_printf(&b, "%ld}\n", priv);
        else t2x_jbuf_puts(&b, "null}\n");
        rc = manifest_write(R, &b);
        free(b.data);
        count_status(R, st);
    }
    s->res.len = 0;
    if (s->res.data) s->res.data[0] = '\0';
    job_free(&s->job);
    return rc;
}

/* The worker of slot idx has exited (reaped): a filing it was on gets its line. */
static int worker_gone(run *R, int idx, int wstatus, const struct rusage *ru)
{
    slot *s = &R->slots[idx];
    int rc = 0;
    if (s->busy) rc = finish_job(R, idx, wstatus, ru);
    if (s->job_fd >= 0) close(s->job_fd);
    if (s->res_fd >= 0) close(s->res_fd);
    if (s->err_fd >= 0) close(s->err_fd);
    s->job_fd = s->res_fd = s->err_fd = -1;
    s->pid = 0;
    s->busy = 0;
    return rc;
}

static void progress(run *R, int final)
{
    if (!R->cfg->progress) return;
    R->prog.elapsed_s = now_s() - R->t0;
    R->prog.final = final;
    R->cfg->progress(&R->prog, R->cfg->progress_ctx);
}

/* Stop every worker: idle ones by closing their job pipe (graceful), or all with SIGKILL. */
static void kill_all(run *R, int graceful)
{
    for (int i = 0; i < R->nslots; i++) {
        slot *s = &R->slots[i];
        if (!s->pid) continue;
        if (s->job_fd >= 0) close(s->job_fd);
        s->job_fd = -1;
        if (!graceful || s->busy) kill(s->pid, SIGKILL);
        waitpid(s->pid, NULL, 0);
        s->pid = 0;
        if (s->res_fd >= 0) close(s->res_fd);
        if (s->err_fd >= 0) close(s->err_fd);
        s->res_fd = s->err_fd = -1;
        if (s->busy) R->prog.running--;
        s->busy = 0;
        job_free(&s->job);
    }
}

/* Read what is there on fd into b; keep at most `keep` bytes (the tail) when keep > 0.
 * 1 at end of file or error (fd closed and set to -1), else 0. */
static int drain(int *fd, t2x_jbuf *b, size_t keep)
{
    char buf[8192];
    ssize_t r = read(*fd, buf, sizeof buf);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) return 0;
    if (r <= 0) {
        close(*fd);
        *fd = -1;
        return 1;
    }
    t2x_jbuf_add(b, buf, (size_t)r);
    if (keep && b->len > 2 * keep) {
        memmove(b->data, b->data + b->len - keep, keep);
        b->len = keep;
        b->data[keep] = '\0';
    }
    return 0;
}

int t2x_batch_run(const t2x_batch_config *cfg, char *const *inputs, int ninputs, t2x_batch_progress *result)
{
    run R;
    memset(&R, 0, sizeof R);
    R.cfg = cfg;
    R.opt = cfg->opt;
    R.t0 = now_s();
    R.parent = getpid();
    R.manifest_fd = -1;
    R.out_fd = R.stroot_fd = R.staging_fd = -1;
    if (!cfg->outdir || !*cfg->outdir) {
        fprintf(stderr, "txt2xbrl: batch: -o DIR is required\n");
        return 2;
    }
    R.outdir = xstrdup(cfg->outdir);
    for (size_t n = strlen(R.outdir); n > 1 && R.outdir[n - 1] == '/'; n--) R.outdir[n - 1] = '\0';
    if (mkdir_p(R.outdir) != 0) {
        fprintf(stderr, "txt2xbrl: %s: cannot create the output directory: %s\n", R.outdir, strerror(errno));
        free(R.outdir);
        return 4;
    }
    struct stat out_st;
    R.out_fd = open(R.outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (R.out_fd < 0 || fstat(R.out_fd, &out_st) != 0) {
        fprintf(stderr, "txt2xbrl: %s: cannot open the output directory: %s\n", R.outdir, strerror(errno));
        if (R.out_fd >= 0) close(R.out_fd);
        free(R.outdir);
        return 4;
    }

    /* what the manifest records to recognise a filing done before */
    unsigned fmt = R.opt.formats ? R.opt.formats : T2X_FMT_DEFAULT;
    static const struct { unsigned bit; const char *name; } fmts[] = {
        {T2X_FMT_XBRL, "xbrl"}, {T2X_FMT_DTS, "dts"}, {T2X_FMT_IXBRL, "ixbrl"}, {T2X_FMT_JSON, "json"},
        {T2X_FMT_MODEL, "model"}, {T2X_FMT_REPORT, "report"}, {T2X_FMT_PACKAGE, "package"}};
    t2x_jbuf ob = {0};
    t2x_jbuf_puts(&ob, "formats=");
    int first = 1;
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++)
        if (fmt & fmts[i].bit) {
            t2x_jbuf_printf(&ob, "%s%s", first ? "" : ",", fmts[i].name);
            first = 0;
        }
    t2x_jbuf_printf(&ob, ";verify=%s", cfg->verify ? "yes" : "no");
    R.options_str = ob.data;
    R.tool = xstrdup("txt2xbrl " T2X_VERSION);
    t2x_jbuf_str(&R.tool_json, R.tool);
    t2x_jbuf_str(&R.options_json, R.options_str);

    int rc = 0;
    /* OUT/.t2x-staging must be a real directory of ours: never a link, nothing followed in it */
    R.stroot_fd = t2x_staging_root_open(R.out_fd, ".t2x-staging", 0700);
    if (R.stroot_fd < 0) {
        fprintf(stderr, "txt2xbrl: %s/.t2x-staging: %s: refused (it must be a directory of this user, not a "
                        "link, not writable by others)\n", R.outdir, strerror(errno));
        rc = 4;
        goto out;
    }
    t2x_outset_clean_stale(R.stroot_fd, "");
    R.staging_name = xstrdup(t2x_outset_tag());
    R.staging = xasprintf("%s/.t2x-staging/%s", R.outdir, R.staging_name);
    t2x_rmtree_at(R.stroot_fd, R.staging_name); /* a dead batch that had our pid */
    if (mkdirat(R.stroot_fd, R.staging_name, 0700) != 0 ||
        (R.staging_fd = openat(R.stroot_fd, R.staging_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
        fprintf(stderr, "txt2xbrl: %s: cannot create: %s\n", R.staging, strerror(errno));
        rc = 4;
        goto out;
    }
    if (manifest_open(&R) != 0) {
        rc = 4;
        goto out;
    }

    /* load the taxonomy and compile the templates once: every child inherits them */
    t2x_diag pd = {0};
    t2x_status pst = t2x_prepare(&R.opt, &pd);
    if (pst != T2X_OK) {
        for (size_t i = 0; i < pd.count; i++) fprintf(stderr, "txt2xbrl: %s\n", pd.items[i].message);
        fprintf(stderr, "txt2xbrl: batch: cannot load the taxonomy data and templates (%s)\n", t2x_status_str(pst));
        t2x_diag_free(&pd);
        rc = 4;
        goto out;
    }
    t2x_diag_free(&pd);
    warm_up(&R);
    R.prog.startup_s = now_s() - R.t0;

    long known = count_inputs(inputs, ninputs, &out_st);
    R.prog.total_known = known >= 0;
    R.prog.total = known >= 0 ? (size_t)known : 0;

    int jobs = cfg->jobs > 0 ? cfg->jobs : (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (jobs < 1) jobs = 1;
    R.nslots = jobs;
    R.slots = calloc((size_t)jobs, sizeof *R.slots);
    if (!R.slots) abort();
    for (int i = 0; i < jobs; i++) R.slots[i].job_fd = R.slots[i].res_fd = R.slots[i].err_fd = -1;

    struct sigaction sa, old_int, old_term, old_hup, old_pipe, old_chld;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    sa.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &sa, &old_pipe);
    sa.sa_handler = SIG_DFL;
    sigaction(SIGCHLD, &sa, &old_chld);
    stop_signal = 0;

    enumr E;
    memset(&E, 0, sizeof E);
    E.args = inputs;
    E.nargs = ninputs;
    E.have_out = 1;
    E.out_dev = out_st.st_dev;
    E.out_ino = out_st.st_ino;
    int exhausted = 0;
    double interval = cfg->progress_interval_s;
    double next_progress = interval > 0 ? R.t0 + interval : 0;
    struct pollfd *pfd = calloc((size_t)jobs * 2, sizeof *pfd);
    int *pidx = calloc((size_t)jobs * 2, sizeof *pidx);
    if (!pfd || !pidx) abort();

    for (;;) {
        if (stop_signal) break;
        /* give the idle workers a filing each, forking workers where there are none */
        for (int i = 0; i < jobs && !exhausted && !stop_signal; i++) {
            slot *s = &R.slots[i];
            if (s->busy || (s->pid && s->job_fd < 0)) continue; /* busy, or retiring */
            job j;
            for (;;) {
                if (!next_job(&E, &j)) {
                    exhausted = 1;
                    break;
                }
                if (!R.prog.total_known || j.index >= R.prog.total) R.prog.total = j.index + 1;
                if (!j.error) break;
                int w = write_error_line(&R, &j);
                job_free(&j);
                if (w != 0) {
                    rc = 4;
                    goto stop;
                }
            }
            if (exhausted) break;
            if (!s->pid && spawn_worker(&R, i) != 0) {
                fprintf(stderr, "txt2xbrl: batch: cannot start a worker: %s\n", strerror(errno));
                job_free(&j);
                rc = 4;
                goto stop;
            }
            s->job = j;
            dispatch(&R, i); /* a worker gone meanwhile reports the filing at its end of file */
        }
        if (exhausted) {
            R.prog.total_known = 1;
            R.prog.total = E.count;
        }
        int busy = 0;
        for (int i = 0; i < jobs; i++) busy += R.slots[i].busy;
        if (!busy && exhausted) break;

        /* wait for output, an exit, a deadline or the next progress report */
        int np = 0;
        double t = now_s(), wake = t + 1.0;
        for (int i = 0; i < jobs; i++) {
            slot *s = &R.slots[i];
            if (!s->pid) continue;
            if (s->res_fd >= 0) { pfd[np].fd = s->res_fd; pfd[np].events = POLLIN; pidx[np++] = i; }
            if (s->err_fd >= 0) { pfd[np].fd = s->err_fd; pfd[np].events = POLLIN; pidx[np++] = i; }
            if (s->busy && !s->timed_out && s->deadline < wake) wake = s->deadline;
            if (s->res_fd < 0 && s->err_fd < 0 && t + 0.005 < wake) wake = t + 0.005; /* reaping */
        }
        if (next_progress && next_progress < wake) wake = next_progress;
        int timeout_ms = wake > t ? (int)((wake - t) * 1e3) + 1 : 0;
        int pr = poll(pfd, (nfds_t)np, timeout_ms);
        if (stop_signal) break; /* workers stopped by the same signal are not crashes */
        if (pr < 0 && errno != EINTR) {
            fprintf(stderr, "txt2xbrl: batch: poll: %s\n", strerror(errno));
            rc = 4;
            goto stop;
        }
        for (int k = 0; pr > 0 && k < np; k++) {
            if (!pfd[k].revents) continue;
            slot *s = &R.slots[pidx[k]];
            if (pfd[k].fd == s->res_fd) {
                drain(&s->res_fd, &s->res, 0);
                if (s->busy && result_complete(s) && finish_job(&R, pidx[k], -1, NULL) != 0) {
                    rc = 4;
                    goto stop;
                }
            } else if (pfd[k].fd == s->err_fd) {
                drain(&s->err_fd, &s->err, ERR_KEEP);
            }
        }
        t = now_s();
        for (int i = 0; i < jobs; i++) {
            slot *s = &R.slots[i];
            if (!s->pid) continue;
            if (s->busy && !s->timed_out && t >= s->deadline) {
                kill(s->pid, SIGKILL);
                s->timed_out = 1;
            }
            if (s->res_fd >= 0 || s->err_fd >= 0) continue;
            int ws;
            struct rusage ru;
            pid_t w = wait4(s->pid, &ws, WNOHANG, &ru);
            if (w == s->pid && worker_gone(&R, i, ws, &ru) != 0) {
                rc = 4;
                goto stop;
            }
        }
        if (next_progress && t >= next_progress) {
            progress(&R, 0);
            next_progress = t + interval;
        }
    }
stop:
    if (stop_signal) rc = 128 + (int)stop_signal;
    kill_all(&R, rc == 0);
    free(pfd);
    free(pidx);
    enum_free(&E);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    sigaction(SIGPIPE, &old_pipe, NULL);
    sigaction(SIGCHLD, &old_chld, NULL);
    manifest_sync(&R, 1);
    if (rc == 0 && R.superseded && manifest_compact(&R) != 0) rc = 4;
    progress(&R, 1);
out:
    if (R.staging_fd >= 0) {
        close(R.staging_fd);
        t2x_rmtree_at(R.stroot_fd, R.staging_name);
    }
    if (R.stroot_fd >= 0) {
        close(R.stroot_fd);
        unlinkat(R.out_fd, ".t2x-staging", AT_REMOVEDIR); /* only when no other batch uses it */
    }
    close(R.out_fd);
    if (result) *result = R.prog;
    if (R.manifest_fd >= 0 && R.manifest_is_file) close(R.manifest_fd);
    for (int i = 0; i < R.nslots; i++) {
        free(R.slots[i].res.data);
        free(R.slots[i].err.data);
    }
    free(R.slots);
    strset_free(&R.done_names);
    strset_free(&R.done_keys);
    strset_free(&R.old_keys);
    free(R.staging_name);
    free(R.tool_json.data);
    free(R.options_json.data);
    free(R.options_str);
    free(R.tool);
    free(R.staging);
    free(R.outdir);
    return rc;
}
