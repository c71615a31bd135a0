/*
 * generality.c — the figures of issue 9 ("Measured"), per filing and in total: EX-27 key-fact
 * agreement (the cross-check of ex27check.c: comparisons that agree / disagree, read from the
 * model's <ex27>), the disagreements that are the filer's own proven errors (a TSV of
 * FILE<TAB>TAG<TAB>CONTEXT<TAB>reason, the evidence written down), and clashes: one
 * concept+context+unit with two values among the facts of one conversion. Run by
 * bench/generality.sh (`make generality`); not part of make check.
 *
 *   t2x-generality [--errors FILE.tsv] [--group NAME] FILE...
 * prints one line per filing, "GROUP FILE comparisons agree disagree excused clashes no-fact", and
 * with -v each disagreement and clash.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "factdiff.h"
#include "filing.h"

typedef struct excuse {
    char *file, *tag, *context;
} excuse;

static excuse *excuses;
static size_t nexcuses;

/* FILE TAG CONTEXT reason — '#' comments. */
static void load_excuses(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "t2x-generality: cannot read %s\n", path);
        exit(2);
    }
    char line[2048];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        char *file = strtok(line, "\t\n"), *tag = strtok(NULL, "\t\n"), *ctx = strtok(NULL, "\t\n");
        if (!file || !tag || !ctx) continue;
        excuses = t2x_grow(excuses, &cap, nexcuses + 1, sizeof *excuses);
        excuses[nexcuses].file = t2x_xstrdup(file);
        excuses[nexcuses].tag = t2x_xstrdup(tag);
        excuses[nexcuses].context = t2x_xstrdup(ctx);
        nexcuses++;
    }
    fclose(f);
}

static int excused(const char *file, const char *tag, const char *ctx)
{
    const char *base = strrchr(file, '/') ? strrchr(file, '/') + 1 : file;
    for (size_t i = 0; i < nexcuses; i++)
        if (strcmp(excuses[i].file, base) == 0 && strcmp(excuses[i].tag, tag) == 0 &&
            strcmp(excuses[i].context, ctx) == 0)
            return 1;
    return 0;
}

static const char *prop(xmlNodePtr n, const char *name, char *buf, size_t cap)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    snprintf(buf, cap, "%s", v ? (const char *)v : "");
    xmlFree(v);
    return buf;
}

/* Disagreements of the model's EX-27 cross-check (loose tags left out, as in its counts), minus
 * the excused ones; the values without a statement fact. OUT: *excused_n, *no_fact */
static size_t disagreements(const char *file, xmlDocPtr model, int verbose, size_t *excused_n, size_t *no_fact)
{
    size_t n = 0;
    *excused_n = 0;
    *no_fact = 0;
    xmlNodePtr root = xmlDocGetRootElement(model);
    for (xmlNodePtr ex = root->children; ex; ex = ex->next) {
        if (ex->type != XML_ELEMENT_NODE || strcmp((const char *)ex->name, "ex27") != 0) continue;
        char nf[32];
        *no_fact += (size_t)atol(prop(ex, "no-fact", nf, sizeof nf));
        for (xmlNodePtr s = ex->children; s; s = s->next)
            for (xmlNodePtr k = s->type == XML_ELEMENT_NODE ? s->children : NULL; k; k = k->next) {
                char res[32], tag[64], ctx[128], ev[64], sv[64], concept[160], loose[8];
                if (k->type != XML_ELEMENT_NODE || strcmp(prop(k, "result", res, sizeof res), "disagree") != 0) continue;
                if (strcmp(prop(k, "loose", loose, sizeof loose), "true") == 0) continue; /* not counted */
                prop(k, "tag", tag, sizeof tag);
                prop(k, "context", ctx, sizeof ctx);
                if (excused(file, tag, ctx)) {
                    (*excused_n)++;
                    continue;
                }
                n++;
                if (verbose)
                    printf("    disagree %-24s %-24s ex27 %s  statement %s  (%s)\n", tag, ctx,
                           prop(k, "ex27-value", ev, sizeof ev), prop(k, "statement-value", sv, sizeof sv),
                           prop(k, "concept", concept, sizeof concept));
            }
    }
    return n;
}

int main(int argc, char **argv)
{
    const char *group = "-";
    int verbose = 0, status = 0;
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("T2X_DATA_DIR");
    opt.formats = T2X_FMT_MODEL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--errors") == 0 && i + 1 < argc) {
            load_excuses(argv[++i]);
            continue;
        }
        if (strcmp(argv[i], "--group") == 0 && i + 1 < argc) {
            group = argv[++i];
            continue;
        }
        if (strcmp(argv[i], "-v") == 0) {
            verbose = 1;
            continue;
        }
        t2x_diag d = {0};
        t2x_filing *f = NULL;
        t2x_status st = t2x_convert_file(argv[i], &opt, &d, &f);
        const char *base = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        if (st != T2X_OK) {
            printf("%s %s status=%s\n", group, base, t2x_status_str(st));
            t2x_diag_free(&d);
            continue;
        }
        t2x_filing_summary sum;
        t2x_filing_summarize(f, &sum);
        size_t exc = 0, nofact = 0;
        if (verbose) printf("  %s\n", base);
        size_t dis = disagreements(argv[i], f->model, verbose, &exc, &nofact);
        fd_facts facts;
        fd_collect(f->model, 0, &facts);
        size_t clashes = fd_clashes(&facts);
        if (verbose)
            for (size_t k = 0; k < facts.n;) {
                size_t j = k + 1;
                int two = 0;
                for (; j < facts.n && strcmp(facts.v[j].key, facts.v[k].key) == 0; j++)
                    two |= strcmp(facts.v[j].value, facts.v[k].value) != 0;
                if (two)
                    for (size_t q = k; q < j; q++)
                        printf("    clash    %s = %s (%s, line %ld)\n", facts.v[q].key, facts.v[q].value,
                               facts.v[q].kind, facts.v[q].line);
                k = j;
            }
        printf("%s %s %zu %zu %zu %zu %zu %zu\n", group, base, sum.ex27_comparisons, sum.ex27_agree, dis, exc, clashes,
               nofact);
        fd_free(&facts);
        t2x_filing_free(f);
        t2x_diag_free(&d);
    }
    t2x_cleanup();
    return status;
}
