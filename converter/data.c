/*
 * data.c — the taxonomy data every conversion reads (data.h): the concept table, the label
 * rules, the label-fact rules, the EX-27 tag table and the equity share-concept pairs, loaded once
 * per data directory and shared by every conversion of the process (and by forked workers).
 */
#include "data.h"
#include "ex27.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static t2x_data cache;

const char *t2x_default_data_dir(void)
{
    static char dir[4096];
    const char *env = getenv("T2X_DATA_DIR");
    if (env && *env) return env;
    snprintf(dir, sizeof dir, "%s/taxonomy/concepts.tsv", T2X_PKGDATADIR);
    if (t2x_file_exists(dir)) return T2X_PKGDATADIR;
    return T2X_SRCDIR;
}

const char *t2x_data_dir(const t2x_options *opt)
{
    return opt && opt->data_dir ? opt->data_dir : t2x_default_data_dir();
}

const t2x_data *t2x_data_get(const char *dir, t2x_diag *diag)
{
    if (cache.dir && strcmp(cache.dir, dir) == 0) return &cache;
    t2x_data_cleanup();
    char *cp = t2x_xasprintf("%s/taxonomy/concepts.tsv", dir);
    char *lp = t2x_xasprintf("%s/taxonomy/labels.tsv", dir);
    t2x_concepts *cs = t2x_concepts_load(cp, diag);
    t2x_labelmap *lm = cs ? t2x_labelmap_load(lp, cs, diag) : NULL;
    char *fp = t2x_xasprintf("%s/taxonomy/label-facts.tsv", dir);
    t2x_lf_rules *lf = lm ? t2x_lf_load(fp, diag) : NULL;
    /* every label-fact concept must be a numeric element of the taxonomy */
    for (size_t i = 0; lf && i < lf->n; i++) {
        const t2x_concept *c = t2x_concepts_find(cs, lf->v[i].concept);
        if (!c || c->abstract || !t2x_concept_is_numeric(c)) {
            t2x_diag_add(diag, T2X_ERROR, fp, 0, "data", "label-facts rule names %s, which is not a numeric %s concept",
                         lf->v[i].concept, "US-GAAP 2023");
            t2x_lf_free(lf);
            lf = NULL;
        }
    }
    free(cp);
    free(lp);
    free(fp);
    if (!cs || !lm || !lf) {
        if (lm) t2x_labelmap_free(lm);
        if (cs) t2x_concepts_free(cs);
        return NULL;
    }
    /* share-count elements of equity-statement rows: each a shares element of the taxonomy */
    char *sp = t2x_xasprintf("%s/taxonomy/share-concepts.tsv", dir);
    FILE *sf = fopen(sp, "r");
    char sline[512];
    while (sf && fgets(sline, sizeof sline, sf)) {
        sline[strcspn(sline, "\r\n")] = '\0';
        char *tab = strchr(sline, '\t');
        if (sline[0] == '#' || !tab) continue;
        *tab = '\0';
        const t2x_concept *c = t2x_concepts_find(cs, tab + 1);
        if (!c || !strstr(c->type, "shares")) {
            t2x_diag_add(diag, T2X_ERROR, sp, 0, "data", "%s is not a shares element of the taxonomy", tab + 1);
            continue;
        }
        cache.share_pairs = t2x_xrealloc(cache.share_pairs, sizeof(char *) * 2 * (cache.nshare_pairs + 1));
        cache.share_pairs[2 * cache.nshare_pairs] = t2x_xstrdup(sline);
        cache.share_pairs[2 * cache.nshare_pairs + 1] = t2x_xstrdup(tab + 1);
        cache.nshare_pairs++;
    }
    if (sf) fclose(sf);
    free(sp);
    cache.dir = t2x_xstrdup(dir);
    cache.concepts = cs;
    cache.labels = lm;
    cache.label_facts = lf;
    char *xp = t2x_xasprintf("%s/taxonomy/ex27.tsv", dir); /* EX-27 tag table (ex27.h) */
    cache.ex27 = t2x_ex27map_load(xp, cs, diag);
    free(xp);
    if (!cache.ex27) {
        t2x_data_cleanup();
        return NULL;
    }
    return &cache;
}

const char *t2x_share_concept(const t2x_data *d, const char *row_concept)
{
    for (size_t i = 0; i < d->nshare_pairs; i++)
        if (strcmp(d->share_pairs[2 * i], row_concept) == 0) return d->share_pairs[2 * i + 1];
    return NULL;
}

void t2x_data_cleanup(void)
{
    for (size_t i = 0; i < 2 * cache.nshare_pairs; i++) free(cache.share_pairs[i]);
    free(cache.share_pairs);
    if (cache.ex27) t2x_ex27map_free(cache.ex27);
    if (cache.label_facts) t2x_lf_free(cache.label_facts);
    if (cache.labels) t2x_labelmap_free(cache.labels);
    if (cache.concepts) t2x_concepts_free(cache.concepts);
    free(cache.dir);
    memset(&cache, 0, sizeof cache);
}

