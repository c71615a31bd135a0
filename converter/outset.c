/*
 * outset.c — output sets put in place whole (outset.h; design §4; README "Command line",
 * "Batch"): private staging directories, O_EXCL|O_NOFOLLOW files, fsync, renameat2
 * RENAME_EXCHANGE, removal without following symbolic links, and `convert`'s per-stem layout.
 */
#include "outset.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/types.h>

/* The hidden directory of DIR holding convert's sets, one subdirectory per stem. */
#define SETS ".t2x"

static mode_t current_umask(void)
{
    mode_t m = umask(0);
    umask(m);
    return m;
}

const char *t2x_outset_tag(void)
{
    static char tag[300];
    char host[256] = "host";
    gethostname(host, sizeof host - 1);
    host[sizeof host - 1] = '\0';
    for (char *h = host; *h; h++)
        if (*h == '/' || *h == '.') *h = '_';
    snprintf(tag, sizeof tag, "%s.%ld", host, (long)getpid());
    return tag;
}

static int fsync_ok(int fd)
{
    return fsync(fd) == 0 || errno == EINVAL || errno == EROFS ? 0 : -1;
}

int t2x_dir_open_at(int rootfd, const char *rel, int create)
{
    int fd = dup(rootfd);
    if (fd < 0) return -1;
    char *p = t2x_xstrdup(rel), *save = NULL;
    for (char *c = strtok_r(p, "/", &save); c; c = strtok_r(NULL, "/", &save)) {
        if (strcmp(c, ".") == 0) continue;
        if (strcmp(c, "..") == 0) {
            close(fd);
            free(p);
            errno = EINVAL;
            return -1;
        }
        int next = openat(fd, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT && create) {
            if (mkdirat(fd, c, 0777) != 0 && errno != EEXIST) next = -1;
            else next = openat(fd, c, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        int e = errno;
        close(fd);
        if (next < 0) {
            free(p);
            errno = e;
            return -1;
        }
        fd = next;
    }
    free(p);
    return fd;
}

int t2x_staging_root_open(int rootfd, const char *name, int mode)
{
    if (mkdirat(rootfd, name, (mode_t)mode) != 0 && errno != EEXIST) return -1;
    int fd = openat(rootfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return -1; /* ELOOP or ENOTDIR: a symbolic link or a file */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
        ((st.st_mode & S_IWOTH) && !(st.st_mode & S_ISVTX))) {
        close(fd);
        errno = EPERM;
        return -1;
    }
    return fd;
}

int t2x_mkdtemp_at(int dirfd, const char *prefix, char **name)
{
    static const char al[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t x = (uint64_t)ts.tv_nsec * 6364136223846793005ULL ^ (uint64_t)getpid() << 20 ^ (uint64_t)ts.tv_sec;
    const char *tag = t2x_outset_tag();
    for (int tries = 0; tries < 100; tries++) {
        char rnd[7];
        for (int i = 0; i < 6; i++) {
            x = x * 6364136223846793005ULL + 1442695040888963407ULL;
            rnd[i] = al[(x >> 33) % (sizeof al - 1)];
        }
        rnd[6] = '\0';
        char *n = t2x_xasprintf("%s%s.%s", prefix, tag, rnd);
        if (mkdirat(dirfd, n, 0700) == 0) {
            int fd = openat(dirfd, n, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0) {
                *name = n;
                return fd;
            }
            int e = errno;
            unlinkat(dirfd, n, AT_REMOVEDIR);
            free(n);
            errno = e;
            return -1;
        }
        free(n);
        if (errno != EEXIST) return -1;
    }
    errno = EEXIST;
    return -1;
}

int t2x_outset_put(int dirfd, const char *name, const void *data, size_t len)
{
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) return -1;
    const char *p = data;
    size_t off = 0;
    int rc = 0;
    while (off < len && rc == 0) {
        ssize_t w = write(fd, p + off, len - off);
        if (w < 0 && errno != EINTR) rc = -1;
        else if (w > 0) off += (size_t)w;
    }
    if (rc == 0) rc = fsync_ok(fd);
    int e = errno;
    if (close(fd) != 0 && rc == 0) {
        rc = -1;
        e = errno;
    }
    if (rc != 0) {
        unlinkat(dirfd, name, 0);
        errno = e;
    }
    return rc;
}

void t2x_rmtree_at(int dirfd, const char *name)
{
    struct stat st;
    if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return;
    if (!S_ISDIR(st.st_mode)) {
        unlinkat(dirfd, name, 0);
        return;
    }
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) t2x_rmtree_at(fd, e->d_name);
    closedir(d);
    unlinkat(dirfd, name, AT_REMOVEDIR);
}

/* The names in directory `name` of dirfd (dot-files too); NULL when it cannot be read. */
static char **list_names(int dirfd, const char *name, size_t *n)
{
    *n = 0;
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return NULL;
    DIR *d = fdopendir(fd);
    if (!d) {
        close(fd);
        return NULL;
    }
    char **v = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
        v = t2x_grow(v, &cap, *n + 1, sizeof *v);
        v[(*n)++] = t2x_xstrdup(e->d_name);
    }
    closedir(d);
    return v;
}

static void free_names(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void t2x_outset_clean_stale(int dirfd, const char *prefix)
{
    char host[300];
    snprintf(host, sizeof host, "%s", t2x_outset_tag());
    char *dot = strrchr(host, '.');
    if (dot) dot[1] = '\0'; /* "HOST." */
    char *lead = t2x_xasprintf("%s%s", prefix, host);
    size_t ll = strlen(lead), n;
    char **v = list_names(dirfd, ".", &n);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(v[i], lead, ll) != 0) continue;
        char *end;
        long pid = strtol(v[i] + ll, &end, 10);
        if (pid <= 0 || end == v[i] + ll || (*end && *end != '.') || pid == (long)getpid()) continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH) continue; /* still running */
        t2x_rmtree_at(dirfd, v[i]);
    }
    free_names(v, n);
    free(lead);
}

int t2x_outset_publish(int fd, int fromfd, const char *from, int tofd, const char *to)
{
    if (fchmod(fd, 0777 & ~current_umask()) != 0 || fsync_ok(fd) != 0) return -1;
    for (int tries = 0; tries < 8; tries++) {
        if (renameat(fromfd, from, tofd, to) == 0) return fsync_ok(tofd);
        if (errno != ENOTEMPTY && errno != EEXIST && errno != ENOTDIR && errno != EISDIR) return -1;
#ifdef RENAME_EXCHANGE
        if (renameat2(fromfd, from, tofd, to, RENAME_EXCHANGE) == 0) {
            t2x_rmtree_at(fromfd, from); /* now the old set */
            return fsync_ok(tofd);
        }
        if (errno == ENOENT) continue; /* the old set went away meanwhile */
        if (errno != EINVAL && errno != ENOSYS) return -1;
#endif
        /* no exchange on this file system: the old set aside, the new one in (a short gap) */
        char *old = t2x_xasprintf("%s.old", from);
        t2x_rmtree_at(fromfd, old);
        if (renameat(tofd, to, fromfd, old) == 0) {
            int r = renameat(fromfd, from, tofd, to);
            t2x_rmtree_at(fromfd, old);
            free(old);
            if (r == 0) return fsync_ok(tofd);
            continue;
        }
        free(old);
        if (errno != ENOENT) return -1;
    }
    errno = EBUSY;
    return -1;
}

/* Is DIR/name our link to `target`? */
static int is_link_to(int dfd, const char *name, const char *target)
{
    char buf[4096];
    ssize_t r = readlinkat(dfd, name, buf, sizeof buf - 1);
    if (r < 0) return 0;
    buf[r] = '\0';
    return strcmp(buf, target) == 0;
}

/* Make DIR/name a symbolic link to `target`: created in place when the name is free (*made =
 * 1), else through a temporary link renamed over the entry. 0 or -1 with errno. */
static int put_link(int dfd, const char *name, const char *target, int replace, int *made)
{
    *made = 0;
    if (!replace) {
        if (symlinkat(target, dfd, name) == 0) {
            *made = 1;
            return 0;
        }
        return errno == EEXIST ? 1 : -1; /* taken meanwhile: replace it after the exchange */
    }
    char *tmp = t2x_xasprintf(".%s.%s.lnk", name, t2x_outset_tag());
    unlinkat(dfd, tmp, 0); /* left by a killed process of this pid */
    int rc = symlinkat(target, dfd, tmp);
    if (rc == 0 && renameat(dfd, tmp, dfd, name) != 0) {
        int e = errno;
        unlinkat(dfd, tmp, 0);
        errno = e;
        rc = -1;
    }
    free(tmp);
    return rc;
}

int t2x_outset_write_stem(const char *dir, const char *stem, const t2x_outfile *files, size_t n,
                          t2x_outset_check check, void *ctx, const char **what)
{
    sigset_t hold, old, pend;
    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    sigprocmask(SIG_BLOCK, &hold, &old);
    int rc = -1, e = 0, dfd = -1, sfd = -1, tfd = -1, published = 0;
    char *tname = NULL, *pfx = t2x_xasprintf(".%s.", stem);
    char **targets = t2x_xcalloc(n ? n : 1, sizeof *targets);
    int *made = t2x_xcalloc(n ? n : 1, sizeof *made), *later = t2x_xcalloc(n ? n : 1, sizeof *later);
    char **oldn = NULL;
    size_t nold = 0;
    *what = "cannot create the output directory";
    if (t2x_mkdir_p(dir) != 0 || (dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0) goto fail;
    *what = "cannot use the directory " SETS " of the outputs (it must be a directory of this user, not a link)";
    if ((sfd = t2x_staging_root_open(dfd, SETS, 0755)) < 0) goto fail;
    t2x_outset_clean_stale(sfd, pfx);
    *what = "cannot create a staging directory";
    if ((tfd = t2x_mkdtemp_at(sfd, pfx, &tname)) < 0) goto fail;
    *what = "cannot write";
    for (size_t i = 0; i < n; i++)
        if (t2x_outset_put(tfd, files[i].name, files[i].data, files[i].len) != 0) goto fail;
    if (check) {
        *what = "the set fails its check";
        char *path = t2x_xasprintf("%s/" SETS "/%s", dir, tname);
        int c = check(ctx, tfd, path);
        free(path);
        if (c != 0) {
            errno = ECANCELED;
            goto fail;
        }
    }
    *what = "cannot remove a scratch file from";
    for (size_t i = 0; i < n; i++)
        if (files[i].scratch && unlinkat(tfd, files[i].name, 0) != 0) goto fail;
    /* the links first: a name new to DIR shows nothing until the exchange */
    *what = "cannot link";
    for (size_t i = 0; i < n; i++) {
        if (files[i].scratch) continue;
        targets[i] = t2x_xasprintf(SETS "/%s/%s", stem, files[i].name);
        if (is_link_to(dfd, files[i].name, targets[i])) continue;
        struct stat st;
        if (fstatat(dfd, files[i].name, &st, AT_SYMLINK_NOFOLLOW) == 0) {
            later[i] = 1; /* an older file or link: replaced once the set is in place */
            continue;
        }
        int r = put_link(dfd, files[i].name, targets[i], 0, &made[i]);
        if (r < 0) goto fail;
        if (r > 0) later[i] = 1;
    }
    sigpending(&pend);
    if (sigismember(&pend, SIGINT) || sigismember(&pend, SIGTERM) || sigismember(&pend, SIGHUP)) {
        *what = "interrupted before the outputs were put in place";
        errno = EINTR;
        goto fail;
    }
    oldn = list_names(sfd, stem, &nold);
    *what = "cannot move the outputs into place";
    if (t2x_outset_publish(tfd, sfd, tname, sfd, stem) != 0) goto fail;
    published = 1;
    *what = "cannot link";
    for (size_t i = 0; i < n; i++)
        if (later[i] && put_link(dfd, files[i].name, targets[i], 1, &made[i]) != 0) goto fail;
    for (size_t i = 0; i < nold; i++) { /* links to outputs the new set lacks */
        size_t k = 0;
        while (k < n && (files[k].scratch || strcmp(files[k].name, oldn[i]) != 0)) k++;
        char *t = t2x_xasprintf(SETS "/%s/%s", stem, oldn[i]);
        if (k == n && is_link_to(dfd, oldn[i], t)) unlinkat(dfd, oldn[i], 0);
        free(t);
    }
    if (fsync_ok(dfd) != 0) goto fail;
    rc = 0;
    goto done;
fail:
    e = errno;
    if (!published) {
        for (size_t i = 0; i < n; i++)
            if (made[i]) unlinkat(dfd, files[i].name, 0);
        if (tname) t2x_rmtree_at(sfd, tname);
        if (sfd >= 0) unlinkat(dfd, SETS, AT_REMOVEDIR); /* only when no other set is there */
    }
    errno = e;
done:
    if (tfd >= 0) close(tfd);
    if (sfd >= 0) close(sfd);
    if (dfd >= 0) close(dfd);
    for (size_t i = 0; i < n; i++) free(targets[i]);
    free(targets);
    free(made);
    free(later);
    free_names(oldn, nold);
    free(tname);
    free(pfx);
    sigprocmask(SIG_SETMASK, &old, NULL); /* a signal held meanwhile is delivered here */
    if (rc != 0) errno = e;
    return rc;
}
