/*
 * outset.h — output sets put in place whole (design §4; README "Command line", "Batch").
 *
 * A set of output files is written into a private staging directory beside its target (made
 * like mkdtemp, mode 0700 while written; files created with O_EXCL|O_NOFOLLOW, each fsynced,
 * then the directory) and moved into place with one rename: renameat2(RENAME_EXCHANGE) when a
 * set is already there, so that readers and a crash see the earlier set or the new one, never a
 * mix. Below the root a caller names, no symbolic link is followed and nothing outside it is
 * opened for writing or removed. `convert` and `batch` share this code. Not installed.
 */
#ifndef T2X_OUTSET_H
#define T2X_OUTSET_H

#include <stddef.h>
#include "txt2xbrl.h"

/* One output file of a set: its name (no '/'), its bytes (not owned), the T2X_FMT_* format it
 * belongs to, and whether it is scratch: written into the staging directory for the set's check
 * only, removed before the set is put in place. */
typedef struct t2x_outfile {
    const char *name;
    const char *data;
    size_t len;
    unsigned format;
    int scratch;
} t2x_outfile;

/* A check of a staged set (t2x_outset_write_stem): called once every file is written into the
 * private staging directory `path` (descriptor `fd`), before anything is put in place. 0 lets
 * the set go on; anything else cancels it (the staging is removed, the earlier set stays). The
 * check may add files to the staging directory; it removes them itself. */
typedef int (*t2x_outset_check)(void *ctx, int fd, const char *path);

/* Render the outputs `opt` asks for into memory (filing.c): *out (OUT: the caller frees it
 * with t2x_filing_outputs_free) holds *nout files named STEM.SUFFIX. Nothing is written. */
t2x_status t2x_filing_outputs(const t2x_filing *f, const t2x_options *opt, t2x_outfile **out, size_t *nout,
                              t2x_diag *diag);
void t2x_filing_outputs_free(t2x_outfile *set, size_t n);

/* Put the rendered `set` of f in place in `dir` (t2x_outset_write_stem, with `check` when not
 * NULL). T2X_OK; T2X_ERR_VERIFY when the check cancelled the set (the check reports why);
 * T2X_ERR_IO with a diagnostic when it cannot be written. The earlier set stays on failure. */
t2x_status t2x_filing_write_set(const t2x_filing *f, const char *dir, const t2x_options *opt, const t2x_outfile *set,
                                size_t n, t2x_outset_check check, void *ctx, t2x_diag *diag);

/* "HOST.PID" of this process (dots and slashes of the host name as '_'): the tag of its
 * staging directories. Static storage, computed per call. */
const char *t2x_outset_tag(void);

/* Open the directory `rel` (components separated by '/') under `rootfd`, one component at a
 * time, never following a symbolic link; create missing components (mode 0777 & ~umask) when
 * `create`. Returns a descriptor or -1 with errno (ELOOP or ENOTDIR at a symbolic link). */
int t2x_dir_open_at(int rootfd, const char *rel, int create);

/* Open `name` under `rootfd` (creating it with `mode` & ~umask when missing) as a directory for
 * staging: not a symbolic link, a real directory, owned by this user, not writable by others
 * unless sticky. Returns a descriptor, or -1 with errno (EPERM when someone else owns it). */
int t2x_staging_root_open(int rootfd, const char *name, int mode);

/* Make a new private directory PREFIX + tag + ".XXXXXX" in `dirfd` (mode 0700). Returns its
 * descriptor and its name in *name (OUT: malloc'd), or -1 with errno. */
int t2x_mkdtemp_at(int dirfd, const char *prefix, char **name);

/* Create `name` in the staging directory `dirfd` (O_EXCL|O_NOFOLLOW, mode 0666 & ~umask), write
 * `len` bytes and fsync. 0, or -1 with errno (the partial file removed). */
int t2x_outset_put(int dirfd, const char *name, const void *data, size_t len);

/* Seal the staging directory `fd` (mode 0777 & ~umask, fsync) and move `from` (in fromfd) to
 * `to` (in tofd), exchanging it atomically with a directory already there, whose old contents
 * are then removed; the parent is synced. 0, or -1 with errno (the staging left to the
 * caller). */
int t2x_outset_publish(int fd, int fromfd, const char *from, int tofd, const char *to);

/* Remove a file or a directory tree `name` in `dirfd` without following symbolic links. */
void t2x_rmtree_at(int dirfd, const char *name);

/* Remove the staging directories PREFIX + "HOST." + PID [+ "." …] in `dirfd` of this host whose
 * process is gone (left by a killed run). */
void t2x_outset_clean_stale(int dirfd, const char *prefix);

/* `convert`'s layout: make `files` the set of outputs of `stem` in `dir` (created when
 * missing). The files live in DIR/.t2x/STEM/, exchanged whole; DIR/NAME are symbolic links
 * ".t2x/STEM/NAME" (made before the exchange, so that they show the new set at the instant of
 * the exchange); links of names the new set lacks are removed. When `check` is given it runs
 * on the staged files (scratch ones included) and may cancel the set (errno ECANCELED); the
 * scratch files are then removed. SIGINT, SIGTERM and SIGHUP are held meanwhile: one arriving
 * before the exchange cancels it (the earlier set stays), and is delivered on return. 0, or -1
 * with errno and *what (OUT: static text) the step that failed; nothing of the new set is then
 * left. */
int t2x_outset_write_stem(const char *dir, const char *stem, const t2x_outfile *files, size_t n,
                          t2x_outset_check check, void *ctx, const char **what);

#endif
