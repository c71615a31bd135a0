/*
 * stats.c — what the batch manifest needs to know of a conversion (txt2xbrl.h "batch
 * support"): the summary of a converted filing read from its statement model (docs/model.md)
 * and the SHA-256 of a decoded input (the batch resume key).
 */
#include "converted.h"
#include "sha256.h"
#include "source.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <libxml/parser.h>
#include <libxslt/xslt.h>

/* ---------------------------------------------------------------- summary */

static int is_el(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static size_t attr_count(xmlNodePtr n, const char *name)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    size_t k = v ? strtoul((const char *)v, NULL, 10) : 0;
    xmlFree(v);
    return k;
}

static int attr_is(xmlNodePtr n, const char *name, const char *value)
{
    xmlChar *v = xmlGetProp(n, BAD_CAST name);
    int eq = v && strcmp((const char *)v, value) == 0;
    xmlFree(v);
    return eq;
}

/* Facts: every <cell> and <fact> with a context, at any depth. */
static size_t count_facts(xmlNodePtr n)
{
    size_t k = 0;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if ((is_el(c, "cell") || is_el(c, "fact")) && xmlHasProp(c, BAD_CAST "context")) k++;
        k += count_facts(c);
    }
    return k;
}

void t2x_filing_summarize(const t2x_filing *f, t2x_filing_summary *out)
{
    memset(out, 0, sizeof *out);
    if (!f) return;
    out->form = f->form;
    out->cik = f->cik;
    out->accession = f->sub.hdr.accession;
    out->registrant = f->registrant;
    out->stem = f->stem;
    out->sha256 = f->src.sha256[0] ? f->src.sha256 : NULL;
    out->html = f->html;
    if (f->period_end.y) t2x_date_iso(f->period_end, out->period_end);
    xmlNodePtr root = f->model ? xmlDocGetRootElement(f->model) : NULL;
    for (xmlNodePtr n = root ? root->children : NULL; n; n = n->next) {
        if (is_el(n, "statement")) out->statements++;
        else if (is_el(n, "ex27")) {
            out->ex27_schedules = attr_count(n, "schedules");
            out->ex27_comparisons = attr_count(n, "comparisons");
            out->ex27_agree = attr_count(n, "agree");
            out->ex27_disagree = attr_count(n, "disagree");
        } else if (is_el(n, "issues")) {
            for (xmlNodePtr i = n->children; i; i = i->next)
                if (is_el(i, "issue") && (attr_is(i, "code", "calc-inconsistency") || attr_is(i, "code", "duplicate-fact")))
                    out->inconsistencies++;
        }
    }
    out->facts = root ? count_facts(root) : 0;
}

/* ---------------------------------------------------------------- input digest */

t2x_status t2x_input_sha256(const unsigned char *bytes, size_t len, char hex[65])
{
    if (len == 0 || !(len >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)) {
        /* not gzip: decoding keeps the bytes as they are, no copy needed */
        t2x_sha256_hex(bytes, len, hex);
        return len ? T2X_OK : T2X_ERR_INPUT;
    }
    t2x_source src;
    t2x_diag quiet = {0};
    t2x_status st = t2x_source_from_bytes(bytes, len, "-", &src, &quiet);
    if (st == T2X_OK) memcpy(hex, src.sha256, 65);
    else t2x_sha256_hex(bytes, len, hex);
    t2x_source_free(&src);
    t2x_diag_free(&quiet);
    return st;
}
