/*
 * abstracts.c — the standard abstract elements a statement model can use (EFM 6.7.16: an
 * extension element may not take the name of a base taxonomy element). Each primary statement's
 * presentation root is the us-gaap abstract of its kind; a group header ("Revenues:") whose words
 * in UpperCamelCase + "Abstract" name an abstract element of us-gaap, dei or srt uses that element
 * rather than an extension of the same name. Written into the model as @abstract (docs/model.md);
 * the templates declare extension abstracts only for the rows and statements without it.
 */
#include "abstracts.h"
#include "model.h"
#include "taxonomy.h"
#include "util.h"
#include "xmlnode.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *root_of(const char *kind)
{
    static const char *const map[][2] = {
        {"balance-sheet", "us-gaap:StatementOfFinancialPositionAbstract"},
        {"income", "us-gaap:IncomeStatementAbstract"},
        {"comprehensive-income", "us-gaap:StatementOfIncomeAndComprehensiveIncomeAbstract"},
        {"cash-flow", "us-gaap:StatementOfCashFlowsAbstract"},
        {"equity", "us-gaap:StatementOfStockholdersEquityAbstract"},
    };
    for (size_t i = 0; kind && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i][0]) == 0) return map[i][1];
    return NULL;
}

/* Printed words -> UpperCamelCase + "Abstract", as common.xsl's t2x:camel-name: apostrophes
 * dropped, an all-capitals label lower-cased first, every other character that is not an ASCII
 * letter or digit separating words. Caller frees. */
static char *camel_abstract(const char *words)
{
    int has_lower = 0;
    for (const char *p = words; *p; p++) has_lower |= islower((unsigned char)*p) != 0;
    t2x_buf b = {0};
    int start = 1;
    for (const unsigned char *p = (const unsigned char *)words; *p; p++) {
        if (*p == '\'') continue;
        if (p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99) { /* U+2019 */
            p += 2;
            continue;
        }
        if (!isalnum(*p) || *p > 0x7F) {
            start = 1;
            continue;
        }
        char c = has_lower ? (char)*p : (char)tolower(*p);
        if (start) c = (char)toupper((unsigned char)c);
        start = 0;
        if (b.len < 100) t2x_buf_putc(&b, c);
    }
    if (!b.len || isdigit((unsigned char)b.data[0])) {
        free(b.data);
        return NULL; /* "Header…": never a base name */
    }
    t2x_buf_puts(&b, "Abstract");
    return b.data;
}

/* The abstract base element named PREFIX:local in us-gaap, dei or srt, or NULL. Caller frees. */
static char *base_abstract(const t2x_data *data, const char *local)
{
    static const char *const prefixes[] = {"us-gaap", "dei", "srt"};
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        char *q = t2x_xasprintf("%s:%s", prefixes[i], local);
        const t2x_concept *c = t2x_concepts_find(data->concepts, q);
        if (c && c->abstract) return q;
        free(q);
    }
    return NULL;
}

void t2x_model_mark_abstracts(const t2x_filing *f, xmlNodePtr root)
{
    for (xmlNodePtr st = root->children; st; st = st->next) {
        if (!t2x_xml_is_el(st, T2X_MODEL_NS, "statement")) continue;
        xmlChar *kind = xmlGetProp(st, BAD_CAST "kind");
        const char *rq = root_of((const char *)kind);
        xmlFree(kind);
        if (rq) t2x_xml_prop(st, "abstract", rq);
        /* each base element once per statement: a second header of the same words under
         * another parent would merge the two groups in the statement's presentation tree */
        char **used = NULL;
        size_t nused = 0, cap = 0;
        for (xmlNodePtr r = st->children; r; r = r->next) {
            if (!t2x_xml_is_el(r, T2X_MODEL_NS, "row")) continue;
            xmlChar *k = xmlGetProp(r, BAD_CAST "kind"), *label = xmlGetProp(r, BAD_CAST "label");
            char *local = k && xmlStrEqual(k, BAD_CAST "header") && label ? camel_abstract((const char *)label) : NULL;
            char *q = local ? base_abstract(f->data, local) : NULL;
            int dup = q && rq && strcmp(q, rq) == 0;
            for (size_t i = 0; q && i < nused && !dup; i++) dup = strcmp(used[i], q) == 0;
            if (q && !dup) {
                t2x_xml_prop(r, "abstract", q);
                used = t2x_grow(used, &cap, nused + 1, sizeof *used);
                used[nused++] = q;
            } else {
                free(q);
            }
            free(local);
            xmlFree(k);
            xmlFree(label);
        }
        for (size_t i = 0; i < nused; i++) free(used[i]);
        free(used);
    }
}
