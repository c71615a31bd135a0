/*
 * inspect.c — a review listing of a converted filing for a person (an accountant checking a
 * mapping at a glance): per statement, one line per row with its label, concept, sign and the
 * values per column; then the rows that were not mapped to a standard concept, and the issues.
 */
#include "ex27.h"
#include "converted.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

static const char *attr(xmlNodePtr n, const char *name, char **hold)
{
    xmlFree(*hold);
    *hold = (char *)xmlGetProp(n, BAD_CAST name);
    return *hold ? *hold : "";
}

static int is(xmlNodePtr n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Collect the model's own words: the listing reads the model, as the templates do. */
char *t2x_filing_inspect(const t2x_filing *f)
{
    t2x_buf b = {0};
    xmlNodePtr root = xmlDocGetRootElement(f->model);
    char *h1 = NULL, *h2 = NULL, *h3 = NULL, *h4 = NULL, *h5 = NULL;
    t2x_buf_printf(&b, "%s  %s  period %s  (%s, %s)\n", attr(root, "registrant", &h1), attr(root, "form", &h2),
                   attr(root, "period-end", &h3), attr(root, "entity-scheme", &h4), attr(root, "entity-id", &h5));
    t2x_buf_printf(&b, "source %s  sha256 %.16s…  stem %s\n", f->src.name, f->src.sha256, f->stem);
    int unmapped_total = 0;
    t2x_buf um = {0};
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (is(n, "cover")) {
            t2x_buf_puts(&b, "\nCOVER (dei)\n");
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (!is(c, "fact")) continue;
                t2x_buf_printf(&b, "  %-45s %-24s %s", attr(c, "concept", &h1), attr(c, "context", &h2),
                               attr(c, "value", &h3));
                if (*attr(c, "line", &h4)) t2x_buf_printf(&b, "   (line %s)", h4);
                t2x_buf_putc(&b, '\n');
            }
            continue;
        }
        if (!is(n, "statement")) continue;
        t2x_buf_printf(&b, "\n%s — %s (lines %s–%s, scale 10^%s)\n", attr(n, "kind", &h1), attr(n, "title", &h2),
                       attr(n, "first-line", &h3), attr(n, "last-line", &h4), attr(n, "scale", &h5));
        /* column headings */
        t2x_buf_printf(&b, "  %-6s %-44s %-52s %-4s", "line", "label", "concept", "sign");
        for (xmlNodePtr c = n->children; c; c = c->next)
            if (is(c, "column")) {
                const char *ctx = attr(c, "context", &h1);
                if (!*ctx) ctx = attr(c, "member", &h1);
                if (!*ctx) ctx = "Total";
                const char *colon = strchr(ctx, ':');
                t2x_buf_printf(&b, " %18.18s", colon ? colon + 1 : ctx);
            }
        t2x_buf_putc(&b, '\n');
        for (xmlNodePtr r = n->children; r; r = r->next) {
            if (!is(r, "row")) continue;
            const char *kind = attr(r, "kind", &h1);
            int depth = atoi(attr(r, "depth", &h2));
            const char *label = attr(r, "label", &h3);
            char lab[64];
            snprintf(lab, sizeof lab, "%*s%s", depth * 2 > 8 ? 8 : depth * 2, "", *label ? label : "(unlabeled subtotal)");
            if (strcmp(kind, "header") == 0) {
                t2x_buf_printf(&b, "  %-6s %-44.44s\n", attr(r, "line", &h2), lab);
                continue;
            }
            const char *mapped = attr(r, "mapped", &h4);
            const char *concept = attr(r, "concept", &h5);
            char cshow[80];
            snprintf(cshow, sizeof cshow, "%s%s", concept,
                     strcmp(mapped, "arithmetic") == 0 ? " [arith]" : strcmp(mapped, "extension") == 0 ? " [ext]" : "");
            char *neg = (char *)xmlGetProp(r, BAD_CAST "negated");
            t2x_buf_printf(&b, "  %-6s %-44.44s %-52.52s %-4s", attr(r, "line", &h2), lab, cshow,
                           neg && strcmp(neg, "true") == 0 ? "neg" : "");
            xmlFree(neg);
            if (strcmp(mapped, "extension") == 0 || strcmp(mapped, "none") == 0) {
                unmapped_total++;
                t2x_buf_printf(&um, "  line %-6s %-50s → %s\n", attr(r, "line", &h2), label, concept);
            }
            for (xmlNodePtr c = n->children; c; c = c->next) {
                if (!is(c, "column")) continue;
                char *cid = (char *)xmlGetProp(c, BAD_CAST "id");
                const char *v = "";
                char *hold = NULL;
                for (xmlNodePtr cell = r->children; cell; cell = cell->next)
                    if (is(cell, "cell")) {
                        char *col = (char *)xmlGetProp(cell, BAD_CAST "column");
                        if (col && cid && strcmp(col, cid) == 0) v = attr(cell, "value", &hold);
                        xmlFree(col);
                    }
                t2x_buf_printf(&b, " %18s", v);
                xmlFree(hold);
                xmlFree(cid);
            }
            t2x_buf_putc(&b, '\n');
        }
    }
    t2x_buf_printf(&b, "\nNOT MAPPED TO A STANDARD CONCEPT (%d rows, extension concepts):\n", unmapped_total);
    if (um.data) t2x_buf_puts(&b, um.data);
    free(um.data);
    t2x_buf_puts(&b, "\nISSUES:\n");
    for (xmlNodePtr n = root->children; n; n = n->next) {
        if (!is(n, "issues")) continue;
        for (xmlNodePtr i = n->children; i; i = i->next) {
            if (!is(i, "issue")) continue;
            const char *code = attr(i, "code", &h1);
            if (strcmp(code, "unmapped-row") == 0) continue;
            xmlChar *msg = xmlNodeGetContent(i);
            t2x_buf_printf(&b, "  %-8s %-20s line %-6s %s\n", attr(i, "severity", &h2), code, attr(i, "line", &h3),
                           (const char *)msg);
            xmlFree(msg);
        }
    }
    t2x_ex27_summary(f->model, &b); /* EX-27 cross-check (ex27check.c) */
    xmlFree(h1); xmlFree(h2); xmlFree(h3); xmlFree(h4); xmlFree(h5);
    return b.data;
}
