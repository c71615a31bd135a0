/*
 * selfcheck.c — `convert` refuses a conversion its own verifier would reject (issue 12 item
 * 7): the outputs are written into a private scratch directory with the decoded source, the
 * independent verifier (verify.c) reads them back, and the scratch is removed. Only a faithful
 * conversion goes on to be written where the user asked.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp, nftw */
#include "filing.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int rm_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)ftw;
    if (flag == FTW_DP) rmdir(path);
    else unlink(path);
    return 0;
}

/* Write the decoded source as `path` (a new file). 0 or -1 with errno. */
static int write_source(const char *path, const unsigned char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) {
            close(fd);
            return -1;
        }
        done += (size_t)w;
    }
    return close(fd);
}

t2x_status t2x_filing_self_verify(const t2x_filing *f, const t2x_options *opt, t2x_diag *diag)
{
    /* an HTML filing has no inline document yet (docs/html.md), so the verifier has nothing to
     * read its facts back from: its conversion is not verified, as batch marks it skipped */
    if (f->html) return T2X_OK;
    const char *tmpdir = getenv("TMPDIR");
    char *scratch = t2x_xasprintf("%s/t2x-selfcheck.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (!mkdtemp(scratch)) {
        t2x_diag_add(diag, T2X_ERROR, scratch, 0, "io", "cannot make a scratch directory to verify in: %s",
                     strerror(errno));
        free(scratch);
        return T2X_ERR_IO;
    }
    char *src = t2x_xasprintf("%s/source", scratch), *out = t2x_xasprintf("%s/out", scratch);
    t2x_options o = *opt;
    o.formats = T2X_FMT_XBRL | T2X_FMT_IXBRL | T2X_FMT_DTS; /* what verify reads */
    o.timings = NULL;
    t2x_status st = T2X_OK;
    if (write_source(src, f->src.data, f->src.len) != 0) {
        t2x_diag_add(diag, T2X_ERROR, src, 0, "io", "cannot write the scratch copy to verify: %s", strerror(errno));
        st = T2X_ERR_IO;
    }
    if (st == T2X_OK) st = t2x_filing_write(f, out, &o, diag);
    if (st == T2X_OK) {
        t2x_verify_options vo;
        memset(&vo, 0, sizeof vo);
        vo.data_dir = opt->data_dir;
        vo.stem = f->stem;
        t2x_diag vd = {0};
        t2x_verify_report *r = NULL;
        st = t2x_verify(src, out, &vo, &vd, &r);
        if (st != T2X_OK) {
            /* the verifier's findings, named after the input */
            for (size_t i = 0; i < vd.count; i++)
                if (vd.items[i].severity == T2X_ERROR)
                    t2x_diag_add(diag, T2X_ERROR, f->src.name, vd.items[i].line, vd.items[i].code, "%s",
                                 vd.items[i].message);
            t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "self-verify",
                         "the conversion fails its own verification (above); nothing written");
            if (st != T2X_ERR_DATA) st = T2X_ERR_VERIFY;
        }
        t2x_verify_report_free(r);
        t2x_diag_free(&vd);
    }
    nftw(scratch, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
    free(src);
    free(out);
    free(scratch);
    return st;
}
