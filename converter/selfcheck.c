/*
 * selfcheck.c — `convert` refuses a conversion its own verifier would reject (issue 12 item
 * 7). The outputs are rendered once, written once into the private staging directory of their
 * set (outset.c), and the independent verifier (verify.c) reads them back there, with the
 * decoded source beside them, before the set is put in place: a set that fails is removed, the
 * earlier set stays, nothing is written where the user asked.
 */
#define _POSIX_C_SOURCE 200809L /* openat, unlinkat */
#include "filing.h"
#include "outset.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The name of the decoded source in the staging directory while it is verified (a dot-file: no
 * output is named so, and it never reaches the output directory). */
#define SOURCE_NAME ".t2x-source"

/* The outputs `verify` reads (docs/verify.md). */
#define VERIFY_FORMATS (T2X_FMT_XBRL | T2X_FMT_IXBRL | T2X_FMT_DTS)

typedef struct check_ctx {
    const t2x_filing *f;
    const t2x_options *opt;
    t2x_diag *diag;
    t2x_status st;
} check_ctx;

/* Write the decoded source as `name` in dirfd (a new file, not synced: it is removed after the
 * check). 0 or -1 with errno. */
static int write_source(int dirfd, const char *name, const unsigned char *data, size_t len)
{
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        done += (size_t)w;
    }
    return close(fd);
}

/* t2x_outset_check: verify the staged set in `path` against the source. */
static int check_staged(void *vctx, int fd, const char *path)
{
    check_ctx *c = vctx;
    const t2x_filing *f = c->f;
    if (write_source(fd, SOURCE_NAME, f->src.data, f->src.len) != 0) {
        t2x_diag_add(c->diag, T2X_ERROR, path, 0, "io", "cannot write the source copy to verify the outputs: %s",
                     strerror(errno));
        unlinkat(fd, SOURCE_NAME, 0);
        c->st = T2X_ERR_IO;
        return -1;
    }
    char *src = t2x_xasprintf("%s/%s", path, SOURCE_NAME);
    t2x_verify_options vo;
    memset(&vo, 0, sizeof vo);
    vo.data_dir = c->opt->data_dir;
    vo.stem = f->stem;
    t2x_diag vd = {0};
    t2x_verify_report *r = NULL;
    t2x_status st = t2x_verify(src, path, &vo, &vd, &r);
    if (st != T2X_OK) {
        /* the verifier's findings, named after the input */
        for (size_t i = 0; i < vd.count; i++)
            if (vd.items[i].severity == T2X_ERROR)
                t2x_diag_add(c->diag, T2X_ERROR, f->src.name, vd.items[i].line, vd.items[i].code, "%s",
                             vd.items[i].message);
        t2x_diag_add(c->diag, T2X_ERROR, f->src.name, 0, "self-verify",
                     "the conversion fails its own verification (above); nothing written");
        if (st != T2X_ERR_DATA) st = T2X_ERR_VERIFY;
    }
    t2x_verify_report_free(r);
    t2x_diag_free(&vd);
    free(src);
    unlinkat(fd, SOURCE_NAME, 0);
    c->st = st;
    return st == T2X_OK ? 0 : -1;
}

t2x_status t2x_filing_write_verified(const t2x_filing *f, const char *dir, const t2x_options *opt, t2x_diag *diag)
{
    unsigned want = opt->formats ? opt->formats : T2X_FMT_DEFAULT;
    t2x_options o = *opt;
    o.formats = want | VERIFY_FORMATS; /* what verify reads is rendered too, as scratch */
    t2x_outfile *set;
    size_t n;
    t2x_status st = t2x_filing_outputs(f, &o, &set, &n, diag);
    if (st != T2X_OK) return st;
    for (size_t i = 0; i < n; i++) set[i].scratch = !(set[i].format & want);
    check_ctx c = {f, opt, diag, T2X_OK};
    st = t2x_filing_write_set(f, dir, opt, set, n, check_staged, &c, diag);
    if (st == T2X_ERR_VERIFY && c.st != T2X_OK) st = c.st;
    t2x_filing_outputs_free(set, n);
    return st;
}
