/*
 * mapping.c — rows → concepts (mapping.h).
 */
#include "mapping.h"
#include "arith.h"
#include "util.h"
#include "dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void lower(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; s && *s && n + 1 < cap; s++) out[n++] = (char)tolower((unsigned char)*s);
    out[n] = '\0';
}

/* ---------------------------------------------------------------- sections */

void t2x_sections_assign(t2x_table *t)
{
    const char *sec = "";
    if (t->kind == T2X_STMT_BALANCE) sec = "assets";
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        char u[512];
        lower(row->label, u, sizeof u);
        int is_total = strncmp(u, "total", 5) == 0;
        if (t->kind == T2X_STMT_BALANCE) {
            if (!is_total && strstr(u, "current assets")) sec = "current-assets";
            else if (!is_total && strstr(u, "current liabilities")) sec = "current-liabilities";
            else if (row->kind == T2X_ROW_HEADER && !is_total && strstr(u, "liabilities") &&
                     !strstr(u, "current"))
                sec = "liabilities";
            else if (!is_total && strcmp(sec, "equity") != 0 &&
                     (strstr(u, "stockholders") || strstr(u, "shareholders") || strstr(u, "shareowners") ||
                      strstr(u, "stockholder's") || strstr(u, "shareholder's")) &&
                     (strstr(u, "equity") || strstr(u, "investment")) && !strstr(u, "liabilities and"))
                sec = "equity";
            else if (!is_total && strcmp(sec, "equity") != 0 && strcmp(sec, "assets") != 0 &&
                     strcmp(sec, "current-assets") != 0 &&
                     (strncmp(u, "common stock", 12) == 0 || strncmp(u, "preferred stock", 15) == 0 ||
                      strncmp(u, "capital stock", 13) == 0))
                sec = "equity";
        } else if (t->kind == T2X_STMT_CASHFLOW && row->kind == T2X_ROW_HEADER) {
            if (strstr(u, "operating activities") || strstr(u, "operations:")) sec = "operating";
            else if (strstr(u, "investing activities")) sec = "investing";
            else if (strstr(u, "financing activities")) sec = "financing";
            else if (strstr(u, "supplement") || strstr(u, "cash paid") || strstr(u, "noncash") ||
                     strstr(u, "non-cash"))
                sec = "supplemental";
        } else if (t->kind == T2X_STMT_CASHFLOW && !*sec && strstr(u, "operating activities")) {
            sec = "operating";
        }
        snprintf(row->section, sizeof row->section, "%s", sec);
        if (t->kind == T2X_STMT_BALANCE) {
            if (strncmp(u, "total current assets", 20) == 0) sec = "assets";
            else if (strncmp(u, "total assets", 12) == 0) sec = "liabilities";
            else if (strncmp(u, "total current liabilities", 25) == 0) sec = "liabilities";
            else if (strncmp(u, "total liabilities", 17) == 0 && !strstr(u, " and ")) sec = "equity";
        } else if (t->kind == T2X_STMT_CASHFLOW) {
            if ((strncmp(u, "net cash", 8) == 0 || is_total) && strstr(u, "financing")) sec = "";
        }
    }
}

/* ---------------------------------------------------------------- concept facts */

const t2x_ext_concept *t2x_ext_find(const t2x_extensions *x, const char *qname)
{
    for (size_t i = 0; i < x->n; i++)
        if (strcmp(x->v[i].qname, qname) == 0) return &x->v[i];
    return NULL;
}

void t2x_extensions_free(t2x_extensions *x)
{
    for (size_t i = 0; i < x->n; i++) {
        free(x->v[i].qname);
        free(x->v[i].type);
        free(x->v[i].label);
        free(x->v[i].key);
    }
    free(x->v);
    free(x->prefix);
    memset(x, 0, sizeof *x);
}

int t2x_concept_info(const char *qname, const t2x_concepts *cs, const t2x_extensions *ext,
                     const char **type, t2x_period_type *period, t2x_balance *balance)
{
    const t2x_concept *c = t2x_concepts_find(cs, qname);
    if (c) {
        *type = c->type;
        *period = c->period;
        *balance = c->balance;
        return 1;
    }
    const t2x_ext_concept *e = ext ? t2x_ext_find(ext, qname) : NULL;
    if (e) {
        *type = e->type;
        *period = e->period;
        *balance = e->balance;
        return 1;
    }
    return 0;
}

int t2x_row_unit_kind(const t2x_row *r, int ncols, const t2x_concepts *cs, const t2x_extensions *ext)
{
    const char *type;
    t2x_period_type p;
    t2x_balance b;
    if (r->concept && t2x_concept_info(r->concept, cs, ext, &type, &p, &b)) {
        if (strstr(type, "percent") || strstr(type, "pure")) return T2X_UNIT_PURE;
        if (strstr(type, "perShare")) return T2X_UNIT_PER_SHARE;
        if (strstr(type, "shares")) return T2X_UNIT_SHARES;
        if (strstr(type, "monetary")) return T2X_UNIT_MONEY;
    }
    if (!t2x_row_is_per_share_or_shares(r, ncols)) return T2X_UNIT_MONEY;
    char u[512];
    lower(r->label, u, sizeof u);
    int frac = 0;
    for (int c = 0; c < ncols; c++)
        if (r->cells[c].present && r->cells[c].num.frac) frac = 1;
    if (strstr(u, "per ") || strstr(u, "basic") || strstr(u, "diluted") || strstr(u, "primary") || frac)
        return T2X_UNIT_PER_SHARE;
    return T2X_UNIT_SHARES;
}

/* ---------------------------------------------------------------- extensions */

static int connector_word(const char *w, size_t n)
{
    static const char *const words[] = {"in", "and", "of", "at", "on", "for", "to", "or", "from", "by", "as", "with"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0) return 1;
    return 0;
}

/* The local name of an extension concept from a label: its words in CamelCase, at most `max`
 * characters, cut between words. With `words_only`, a word holding a digit (an amount, a share
 * count, a year, "$1") is left out, with the small words that only tie it into the phrase
 * ("…shares in 1992 and 12,763,884 in 1993, at cost" → "…SharesAtCost"), and a note
 * reference ("(Note 9)"): a printed label
 * names the concept by its words. */
static char *camel(const char *label, size_t max, int words_only)
{
    typedef struct { const char *s; size_t n; int num, punct_after, drop; } word;
    word v[64];
    int nw = 0;
    for (const char *p = label; *p && nw < 64;) {
        while (*p && !isalnum((unsigned char)*p)) p++;
        if (!*p) break;
        const char *w = p;
        int digits = 0;
        while (*p && (isalnum((unsigned char)*p) || *p == '\'')) digits |= isdigit((unsigned char)*p++) != 0;
        while (digits && (*p == ',' || *p == '.') && isdigit((unsigned char)p[1])) { /* "4,000,000", "16.5" */
            p++;
            while (isalnum((unsigned char)*p)) p++;
        }
        const char *q = p;
        while (*q == ' ') q++;
        v[nw].s = w;
        v[nw].n = (size_t)(p - w);
        v[nw].num = digits;
        v[nw].punct_after = *q && !isalnum((unsigned char)*q);
        v[nw].drop = words_only && digits;
        nw++;
    }
    if (words_only)
        for (int k = 0; k < nw; k++) {
            if (!v[k].num) continue;
            int ends = k + 1 >= nw || v[k].punct_after || (!v[k + 1].num && connector_word(v[k + 1].s, v[k + 1].n));
            if (!ends) continue;
            if (k > 0 && !v[k - 1].num && connector_word(v[k - 1].s, v[k - 1].n)) v[k - 1].drop = 1;
            if (k + 1 < nw && !v[k].punct_after && !v[k + 1].num && connector_word(v[k + 1].s, v[k + 1].n))
                v[k + 1].drop = 1;
        }
    for (int k = 0; words_only && k + 1 < nw; k++) /* "(Note 9)", "(Notes 6 and 8)": a reference */
        if (v[k + 1].num && ((v[k].n == 4 && strncasecmp(v[k].s, "note", 4) == 0) ||
                             (v[k].n == 5 && strncasecmp(v[k].s, "notes", 5) == 0)))
            v[k].drop = 1;
    t2x_buf b = {0};
    for (int k = 0; k < nw; k++) {
        if (v[k].drop) continue;
        size_t add = 0;
        for (size_t i = 0; i < v[k].n; i++) add += isalnum((unsigned char)v[k].s[i]) != 0;
        if (b.len && b.len + add > max) break;
        int first = 1;
        for (size_t i = 0; i < v[k].n && b.len < max; i++) {
            unsigned char c = (unsigned char)v[k].s[i];
            if (!isalnum(c)) continue;
            if (b.len == 0 && isdigit(c)) t2x_buf_putc(&b, 'X');
            t2x_buf_putc(&b, (char)(first ? toupper(c) : c));
            first = 0;
        }
    }
    if (!b.data) return t2x_xstrdup("Item");
    return b.data;
}

/* Is `local` the name of a us-gaap, dei or srt element? (EFM 6.7.16: an extension element may
 * not take a base element's name.) */
static int base_name(const t2x_concepts *cs, const char *local)
{
    static const char *const prefixes[] = {"us-gaap", "dei", "srt"};
    int found = 0;
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0] && !found; i++) {
        char *q = t2x_xasprintf("%s:%s", prefixes[i], local);
        found = t2x_concepts_find(cs, q) != NULL;
        free(q);
    }
    return found;
}

/* The words of an unlabeled subtotal: what it adds up, by the labels of its first and last
 * items ("Subtotal of Preferred stock to Retained earnings"), so that viewers show words, not a
 * line number. Caller frees. */
static char *subtotal_label(const t2x_table *t, size_t r)
{
    const char *first = NULL, *last = NULL;
    for (size_t k = 0; k < r; k++)
        if (t->rows[k].parent == (int)r && t->rows[k].label[0]) {
            if (!first) first = t->rows[k].label;
            last = t->rows[k].label;
        }
    if (!first) return t2x_xstrdup("Subtotal");
    if (first == last) return t2x_xasprintf("Subtotal of %.60s", first);
    return t2x_xasprintf("Subtotal of %.60s to %.60s", first, last);
}

static const char *add_extension(t2x_extensions *x, const t2x_concepts *cs, const char *label, int words_only,
                                 const char *key, const char *type, t2x_period_type period, t2x_balance balance)
{
    char *local = camel(label, 56, words_only); /* with a "2"… suffix, 60 characters at most */
    for (int n = 1;; n++) {
        char *q = n == 1 ? t2x_xasprintf("%s:%s", x->prefix, local)
                         : t2x_xasprintf("%s:%s%d", x->prefix, local, n);
        if (cs && base_name(cs, strchr(q, ':') + 1)) { /* "OtherInvestments" -> "OtherInvestments2" */
            free(q);
            continue;
        }
        const t2x_ext_concept *e = t2x_ext_find(x, q);
        if (!e) {
            x->v = t2x_grow(x->v, &x->cap, x->n + 1, sizeof *x->v);
            t2x_ext_concept *nc = &x->v[x->n++];
            nc->qname = q;
            nc->type = t2x_xstrdup(type);
            nc->period = period;
            nc->balance = balance;
            nc->label = t2x_xstrdup(label);
            nc->key = t2x_xstrdup(key);
            free(local);
            return nc->qname;
        }
        if (strcmp(e->type, type) == 0 && e->period == period && e->balance == balance &&
            strcmp(e->key, key) == 0) {
            free(q);
            free(local);
            return e->qname;
        }
        free(q);
    }
}

/* ---------------------------------------------------------------- polarity */

/* Balance of the statement total a row rolls into. */
static t2x_balance top_balance(const t2x_table *t, const t2x_row *row)
{
    switch (t->kind) {
    case T2X_STMT_BALANCE:
        return (strcmp(row->section, "assets") == 0 || strcmp(row->section, "current-assets") == 0)
                   ? T2X_BAL_DEBIT
                   : T2X_BAL_CREDIT;
    case T2X_STMT_CASHFLOW: return T2X_BAL_DEBIT;
    default: return T2X_BAL_CREDIT;
    }
}

/* Is a label a total of expenses or costs ("Total railway operating expenses", "Total costs
 * and expenses"), not of income, revenues or profit? */
static int expense_total_label(const char *label)
{
    char u[160];
    size_t n = 0;
    for (const char *p = label ? label : ""; *p && n + 1 < sizeof u; p++) u[n++] = (char)tolower((unsigned char)*p);
    u[n] = '\0';
    return strncmp(u, "total ", 6) == 0 && (strstr(u, "expense") || strstr(u, "costs")) && !strstr(u, "income") &&
           !strstr(u, "revenue") && !strstr(u, "profit") && !strstr(u, "sales") && !strstr(u, "earning");
}

/* The balance a row's printed direction is measured against: the statement's (top_balance),
 * except in an income statement for a row of a tree whose root is an expense total ("Total
 * expenses" that nothing is read to subtract from sales): its rows' directions run toward that
 * total, so they are signed against its debit balance, as a note table is against its own total. */
static t2x_balance reference_balance(const t2x_table *t, const t2x_row *row, const t2x_concepts *cs)
{
    if (t->kind == T2X_STMT_INCOME || t->kind == T2X_STMT_COMPREHENSIVE) {
        const t2x_row *root = row;
        while (root->parent >= 0) root = &t->rows[root->parent];
        int children = 0; /* a total with rows read to add up to it, not a lone row */
        for (size_t k = 0; k < t->nrows && !children; k++)
            children = t->rows[k].parent >= 0 && &t->rows[t->rows[k].parent] == root;
        const t2x_concept *c = root->concept && children ? t2x_concepts_find(cs, root->concept) : NULL;
        if (c && c->balance == T2X_BAL_DEBIT) return T2X_BAL_DEBIT;
        /* an extension total printed as expenses ("Total railway operating expenses") is one too */
        if (!c && children && expense_total_label(root->label)) return T2X_BAL_DEBIT;
    }
    return top_balance(t, row);
}

static int polarity_of(const t2x_table *t, const t2x_row *row, t2x_balance bal, int forced,
                       const t2x_concepts *cs)
{
    if (forced) return forced;
    if (bal == T2X_BAL_NONE) return 1;
    /* supplemental disclosures (interest paid, taxes paid) are amounts, not cash movements */
    if (t->kind == T2X_STMT_CASHFLOW && strcmp(row->section, "supplemental") == 0) return 1;
    if (t->kind == T2X_STMT_NOTE) {
        /* a note table rolls into its own total: polarity against that total's balance */
        const t2x_row *top = row;
        while (top->parent >= 0) top = &t->rows[top->parent];
        if (top == row || !top->concept) return 1;
        const t2x_concept *c = t2x_concepts_find(cs, top->concept);
        if (!c || c->balance == T2X_BAL_NONE) return 1;
        return bal == c->balance ? 1 : -1;
    }
    return bal == reference_balance(t, row, cs) ? 1 : -1;
}

/* ---------------------------------------------------------------- subtotals by children */

static int child_has(const t2x_table *t, size_t r, const char *const *names)
{
    for (size_t k = 0; k < t->nrows; k++) {
        if (t->rows[k].parent != (int)r || !t->rows[k].concept) continue;
        for (const char *const *n = names; *n; n++)
            if (strcmp(t->rows[k].concept, *n) == 0) return 1;
    }
    return 0;
}

static int children_all_balance(const t2x_table *t, size_t r, const t2x_concepts *cs, t2x_balance want)
{
    int any = 0;
    for (size_t k = 0; k < t->nrows; k++) {
        if (t->rows[k].parent != (int)r) continue;
        if (!t->rows[k].concept) return 0;
        const t2x_concept *c = t2x_concepts_find(cs, t->rows[k].concept);
        if (!c || c->balance != want) return 0;
        any = 1;
    }
    return any;
}

static int children_in_section(const t2x_table *t, size_t r, const char *sec)
{
    int any = 0;
    for (size_t k = 0; k < t->nrows; k++) {
        if (t->rows[k].parent != (int)r) continue;
        if (strcmp(t->rows[k].section, sec) != 0) return 0;
        any = 1;
    }
    return any;
}

/* Are all children in sections ending with `sec` ("assets" covers "current-assets")? */
static int children_within(const t2x_table *t, size_t r, const char *sec)
{
    int any = 0;
    for (size_t k = 0; k < t->nrows; k++) {
        if (t->rows[k].parent != (int)r) continue;
        if (!t2x_section_matches(sec, t->rows[k].section)) return 0;
        any = 1;
    }
    return any;
}

static int used_in_table(const t2x_table *t, const char *qname)
{
    for (size_t k = 0; k < t->nrows; k++)
        if (t->rows[k].concept && strcmp(t->rows[k].concept, qname) == 0) return 1;
    return 0;
}

/* The row holding `qname` when it is one of the two or more rows that subtotal r adds up (its
 * parent is r), itself no subtotal; else NULL. */
static t2x_row *part_with_concept(t2x_table *t, size_t r, const char *qname)
{
    if (!t->rows[r].is_subtotal) return NULL;
    int parts = 0; /* parts with an amount: a "sum" of one row (and dashes) is one figure printed twice */
    for (size_t k = 0; k < t->nrows; k++) {
        int amount = 0;
        for (int c = 0; c < t->ncols && t->rows[k].parent == (int)r; c++)
            amount |= t->rows[k].cells[c].present && t->rows[k].cells[c].num.mant != 0;
        parts += amount;
    }
    if (parts < 2) return NULL;
    for (size_t k = 0; k < t->nrows; k++)
        if (t->rows[k].concept && strcmp(t->rows[k].concept, qname) == 0)
            return t->rows[k].parent == (int)r && !t->rows[k].is_subtotal && t->rows[k].mapped == T2X_MAP_LABEL
                       ? &t->rows[k]
                       : NULL;
    return NULL;
}

static const char *infer_subtotal(const t2x_table *t, size_t r, const t2x_concepts *cs)
{
    static const char *const revenue[] = {"us-gaap:Revenues",
                                          "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax",
                                          "us-gaap:RevenueFromContractWithCustomerIncludingAssessedTax", NULL};
    static const char *const cost[] = {"us-gaap:CostOfGoodsAndServicesSold", "us-gaap:CostOfRevenue", NULL};
    static const char *const gross[] = {"us-gaap:GrossProfit", NULL};
    static const char *const ppe_parts[] = {
        "us-gaap:Land", "us-gaap:BuildingsAndImprovementsGross", "us-gaap:MachineryAndEquipmentGross",
        "us-gaap:FurnitureAndFixturesGross", "us-gaap:LeaseholdImprovementsGross",
        "us-gaap:ConstructionInProgressGross", "us-gaap:LandAndLandImprovements",
        "us-gaap:PropertyPlantAndEquipmentOther", "us-gaap:LandBuildingsAndImprovements", NULL};
    static const char *const ppe_gross[] = {"us-gaap:PropertyPlantAndEquipmentGross", NULL};
    static const char *const accdep[] = {
        "us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", NULL};
    const char *pick = NULL;
    switch (t->kind) {
    case T2X_STMT_INCOME:
        if (child_has(t, r, revenue) && child_has(t, r, cost)) pick = "us-gaap:GrossProfit";
        else if (child_has(t, r, gross)) pick = "us-gaap:OperatingIncomeLoss";
        else if (children_all_balance(t, r, cs, T2X_BAL_DEBIT))
            pick = child_has(t, r, cost) ? "us-gaap:CostsAndExpenses" : "us-gaap:OperatingExpenses";
        break;
    case T2X_STMT_BALANCE:
        if (child_has(t, r, ppe_gross) && child_has(t, r, accdep)) pick = "us-gaap:PropertyPlantAndEquipmentNet";
        else if (child_has(t, r, ppe_parts) && children_all_balance(t, r, cs, T2X_BAL_DEBIT))
            pick = "us-gaap:PropertyPlantAndEquipmentGross";
        else if (child_has(t, r, (const char *const[]){"us-gaap:InventoryFinishedGoodsNetOfReserves",
                                                        "us-gaap:InventoryWorkInProcessNetOfReserves",
                                                        "us-gaap:InventoryRawMaterialsAndSuppliesNetOfReserves",
                                                        "us-gaap:InventoryPartsAndComponentsNetOfReserves", NULL}))
            pick = "us-gaap:InventoryNet";
        else if (child_has(t, r, (const char *const[]){"us-gaap:AssetsCurrent", NULL}) &&
                 children_within(t, r, "assets"))
            pick = "us-gaap:Assets"; /* the unlabeled total of the assets side */
        else if (child_has(t, r, (const char *const[]){"us-gaap:StockholdersEquity",
                                                        "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest", NULL}) &&
                 child_has(t, r, (const char *const[]){"us-gaap:LiabilitiesCurrent", "us-gaap:Liabilities", NULL}))
            pick = "us-gaap:LiabilitiesAndStockholdersEquity";
        else if (children_in_section(t, r, "current-assets")) pick = "us-gaap:AssetsCurrent";
        else if (children_in_section(t, r, "current-liabilities")) pick = "us-gaap:LiabilitiesCurrent";
        else if (children_in_section(t, r, "liabilities")) pick = "us-gaap:LiabilitiesNoncurrent";
        break;
    case T2X_STMT_NOTE: {
        static const char *const inv[] = {"us-gaap:InventoryFinishedGoodsNetOfReserves",
                                           "us-gaap:InventoryWorkInProcessNetOfReserves",
                                           "us-gaap:InventoryRawMaterialsAndSuppliesNetOfReserves",
                                           "us-gaap:InventoryPartsAndComponentsNetOfReserves", NULL};
        static const char *const lifo[] = {"us-gaap:InventoryLIFOReserve", NULL};
        static const char *const domestic[] = {"us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesDomestic", NULL};
        static const char *const foreign[] = {"us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesForeign", NULL};
        if (child_has(t, r, inv) && !child_has(t, r, lifo) && children_all_balance(t, r, cs, T2X_BAL_DEBIT))
            pick = "us-gaap:InventoryGross";
        else if (child_has(t, r, domestic) && child_has(t, r, foreign))
            pick = "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest";
        break;
    }
    default: break;
    }
    if (pick && used_in_table(t, pick)) return NULL;
    return pick;
}

/* ---------------------------------------------------------------- mapping */

/* A one-word label ("Basic", "Diluted", "Federal") means nothing without its group header. */
static int short_label(const char *s)
{
    return *s && !strchr(s, ' ');
}

static const t2x_row *header_of(const t2x_table *t, size_t r)
{
    for (size_t k = r; k-- > 0;) {
        const t2x_row *h = &t->rows[k];
        if (h->kind == T2X_ROW_HEADER && (h->indent < t->rows[r].indent || t->rows[r].indent < 0)) return h;
        if (h->kind == T2X_ROW_HEADER) {
            /* at the same indent (HTML cells often carry none), a header still leads the run
             * of one-word labels right under it ("Average Common Shares Outstanding" / "Basic" /
             * "Diluted") */
            if (h->indent != t->rows[r].indent || h->label[strlen(h->label) - 1] == ':' ) return NULL;
            for (size_t q = k + 1; q <= r; q++)
                if (t->rows[q].kind != T2X_ROW_ITEM || t->rows[q].indent != h->indent || !short_label(t->rows[q].label))
                    return NULL;
            return h;
        }
        if (h->indent >= 0 && t->rows[r].indent >= 0 && h->indent < t->rows[r].indent - 1) return NULL;
    }
    return NULL;
}

/* The heading row r is printed under: the nearest heading above at the row's indent or less
 * (NULL when none). */
static const t2x_row *heading_above(const t2x_table *t, size_t r)
{
    for (size_t k = r; k-- > 0;) {
        const t2x_row *h = &t->rows[k];
        if (h->kind != T2X_ROW_HEADER) continue;
        if (h->indent >= 0 && t->rows[r].indent >= 0 && h->indent > t->rows[r].indent) continue;
        return h;
    }
    return NULL;
}

/* Is row r printed under a heading that makes its amounts per-share figures ("AMOUNTS PER SHARE
 * OF COMMON STOCK", "Per common share:", "Earnings per share data")? A scale caption's "except
 * per share" is no such heading. */
static int under_per_share_heading(const t2x_table *t, size_t r)
{
    const t2x_row *h = heading_above(t, r);
    if (!h) return 0;
    char u[512];
    lower(h->label, u, sizeof u);
    return !strstr(u, "except") && (strstr(u, "per share") || strstr(u, "per common share") || strstr(u, "per-share"));
}

/* The kind of earnings per share a lower-case heading names ("diluted earnings per share:",
 * "per share - basic:"): "basic and diluted", "diluted", "basic", or NULL when it names none. */
static const char *qualifier_named(const char *lowered)
{
    int basic = strstr(lowered, "basic") || strstr(lowered, "primary"), diluted = strstr(lowered, "dilut") != NULL;
    return basic && diluted ? "basic and diluted" : diluted ? "diluted" : basic ? "basic" : NULL;
}

/* The kind of earnings per share the heading above row r names (qualifier_named), or NULL. The
 * heading qualifies every row under it, worded or not. */
static const char *per_share_kind(const t2x_table *t, size_t r)
{
    const t2x_row *h = heading_above(t, r);
    if (!h) return NULL;
    char u[512];
    lower(h->label, u, sizeof u);
    return qualifier_named(u);
}

/* Does a normalised heading speak of amounts per share (not "… except per share amounts")? */
static int names_per_share(const char *norm)
{
    return !strstr(norm, "except") && (strstr(norm, "per share") || strstr(norm, "per common share"));
}

/* Is a normalised heading a qualifier alone ("Basic", "Assuming dilution")? */
static int bare_qualifier(const char *norm)
{
    static const char *const alone[] = {"basic", "primary", "diluted", "fully diluted", "assuming dilution",
                                        "assuming full dilution", "basic and diluted", NULL};
    for (const char *const *a = alone; *a; a++)
        if (strcmp(norm, *a) == 0) return 1;
    return 0;
}

/* The basic/diluted reading a per-share heading gives the rows printed under it ("Diluted
 * earnings (loss) per share:" / "Continuing operations", "Net earnings (loss) per share"):
 * "basic", "diluted", "basic and diluted", or NULL when the heading names none. */
static const char *per_share_qualifier(const t2x_table *t, size_t r)
{
    const t2x_row *h = heading_above(t, r);
    if (!h) return NULL;
    char *hl = t2x_label_normalize(h->label);
    const char *q = qualifier_named(hl);
    int per = names_per_share(hl), bare = bare_qualifier(hl);
    free(hl);
    if (per || !q) return per ? q : NULL;
    if (!bare) return NULL;
    /* "Earnings per share:" / "Basic" / … / "Diluted": a bare qualifier heading under a per-share
     * heading printed above it (other bare qualifier headings between them) */
    for (size_t k = (size_t)(h - t->rows); k-- > 0;) {
        const t2x_row *u = &t->rows[k];
        if (u->kind != T2X_ROW_HEADER) continue;
        char *ul = t2x_label_normalize(u->label);
        int ubare = bare_qualifier(ul), uper = names_per_share(ul);
        free(ul);
        if (ubare) continue;
        return uper ? q : NULL;
    }
    return NULL;
}

/* A row under a basic/diluted per-share heading read with it: "per share diluted continuing
 * operations", "per share diluted net earnings (loss)" (its own "per share" dropped). Only a
 * per-share concept is taken, and only for a label that names no such qualifier itself. */
static const t2x_label_rule *per_share_row_rule(const t2x_table *t, size_t r, const char *norm,
                                                const t2x_labelmap *lm, const t2x_concepts *cs,
                                                t2x_stmt_kind kind)
{
    const char *q = cs ? per_share_qualifier(t, r) : NULL;
    if (!q || strstr(norm, "basic") || strstr(norm, "dilut") || strstr(norm, "primary")) return NULL;
    char *base = t2x_xstrdup(norm);
    static const char *const tails[] = {" per common share", " per share", "per common share", "per share", NULL};
    for (const char *const *tl = tails; *tl; tl++) {
        size_t bl = strlen(base), tn = strlen(*tl);
        if (bl >= tn && strcmp(base + bl - tn, *tl) == 0) {
            base[bl - tn] = '\0';
            break;
        }
    }
    char *joined = base[0] ? t2x_xasprintf("per share %s %s", q, base) : t2x_xasprintf("per share %s", q);
    const t2x_label_rule *rule = t2x_labelmap_match(lm, kind, t->rows[r].section, joined);
    const t2x_concept *c = rule ? t2x_concepts_find(cs, rule->concept) : NULL;
    free(joined);
    free(base);
    return c && c->type && strstr(c->type, "perShare") ? rule : NULL;
}

/* Is row r of an income statement printed under a revenue heading ("REVENUES", "Revenues:",
 * "Income:") and worded without an expense word? Then an expense concept is not its reading
 * ("Interest" under "REVENUES" is interest earned, not interest expense). */
static int under_revenue_heading(const t2x_table *t, size_t r)
{
    if (t->kind != T2X_STMT_INCOME && t->kind != T2X_STMT_COMPREHENSIVE) return 0;
    const t2x_row *h = heading_above(t, r);
    if (!h) return 0;
    char *hl = t2x_label_normalize(h->label), *rl = t2x_label_normalize(t->rows[r].label);
    static const char *const heads[] = {"revenues", "revenue", "net revenues", "operating revenues", "income",
                                        "sales and revenues", "revenues and other income", NULL};
    int rev = 0;
    for (const char *const *w = heads; *w; w++)
        if (strcmp(hl, *w) == 0) rev = 1;
    static const char *const costs[] = {"expense", "cost", "charge", "loss", "provision", "deduct", "tax", NULL};
    for (const char *const *w = costs; *w && rev; w++)
        if (strstr(rl, *w)) rev = 0;
    free(hl);
    free(rl);
    return rev;
}

/* Is the rule's concept a money amount (monetaryItemType)? */
static int monetary_rule(const t2x_label_rule *rule, const t2x_concepts *cs)
{
    const t2x_concept *c = rule && cs ? t2x_concepts_find(cs, rule->concept) : NULL;
    return c && c->type && strstr(c->type, "monetary") != NULL;
}

static const t2x_label_rule *match_row(const t2x_table *t, size_t r, const t2x_labelmap *lm,
                                       const t2x_concepts *cs, t2x_stmt_kind kind)
{
    const t2x_row *row = &t->rows[r];
    char *norm = t2x_label_normalize(row->label);
    const t2x_label_rule *rule = NULL;
    int words = 1;
    for (const char *p = norm; *p; p++) words += *p == ' ';
    const t2x_row *h = header_of(t, r);
    char *matched = NULL; /* the words the rule matched: the label, or its header's and its own */
    rule = per_share_row_rule(t, r, norm, lm, cs, kind);
    if (rule) {
        free(norm);
        return rule;
    }
    if (h && words <= 3) {
        /* a short label takes its meaning from its group header first:
         * "Average Common Shares Outstanding:" + "Basic", "Deferred:" + "Federal"
         * (the rules' tails keep a header's own rule from matching the joined words) */
        char *hl = t2x_label_normalize(h->label);
        char *both = t2x_xasprintf("%s %s", hl, norm);
        rule = t2x_labelmap_match(lm, kind, row->section, both);
        if (rule) matched = both;
        else free(both);
        free(hl);
    }
    if (!rule) rule = t2x_labelmap_match(lm, kind, row->section, norm);
    if (!matched) matched = t2x_xstrdup(norm);
    if (rule && cs && (under_per_share_heading(t, r) || t->scale >= 3) &&
        t2x_row_amounts_look_per_share(row, t->ncols)) {
        /* "Cash dividends  $ 1.60" under "AMOUNTS PER SHARE …", or amounts printed with cents in
         * a table in thousands or millions: the heading or the cents say what the words leave
         * out. A money concept would scale $1.60 by the table's millions; the row is read as
         * "<label> per share" (dividends per share), or gets no standard concept at all. */
        if (monetary_rule(rule, cs) && !under_per_share_heading(t, r)) {
            rule = NULL; /* cents alone do not say which per-share figure the words name */
        } else if (monetary_rule(rule, cs)) {
            /* "Net Income" under "DILUTED EARNINGS PER SHARE:" is "net income per share diluted" */
            const char *kind_named = per_share_kind(t, r);
            char *ps = t2x_xasprintf("%s per share%s%s", matched, kind_named ? " " : "", kind_named ? kind_named : "");
            const t2x_label_rule *alt = t2x_labelmap_match(lm, kind, row->section, ps);
            free(ps);
            const t2x_concept *ac = alt ? t2x_concepts_find(cs, alt->concept) : NULL;
            rule = ac && ac->type && strstr(ac->type, "perShare") ? alt : NULL;
        }
    }
    free(matched);
    if (rule && cs && under_revenue_heading(t, r)) {
        const t2x_concept *c = t2x_concepts_find(cs, rule->concept);
        if (c && c->balance == T2X_BAL_DEBIT) rule = NULL; /* an expense concept for a revenue row */
    }
    if (!rule && r > 0 && t->rows[r - 1].kind == T2X_ROW_HEADER && t->rows[r - 1].line + 1 == row->first_line &&
        t->rows[r - 1].label[strlen(t->rows[r - 1].label) - 1] != ':') {
        /* "Net Cash Provided by /(Used in) Investing" + "Activities  20  (176)": a label wrapped
         * at the same indent; joined only when the whole is a known label */
        char *hl = t2x_label_normalize(t->rows[r - 1].label);
        char *both = t2x_xasprintf("%s %s", hl, norm);
        rule = t2x_labelmap_match(lm, kind, row->section, both);
        if (monetary_rule(rule, cs) && t->scale >= 3 && t2x_row_amounts_look_per_share(row, t->ncols))
            rule = NULL; /* a money concept for cents in a table in millions: not these words */
        if (rule) {
            t2x_row *w = (t2x_row *)row;
            char *joined = t2x_xasprintf("%s %s", t->rows[r - 1].label, row->label);
            free(w->label);
            w->label = joined;
            w->first_line = t->rows[r - 1].first_line;
            w->indent = t->rows[r - 1].indent;
            ((t2x_row *)&t->rows[r - 1])->absorbed = 1;
        }
        free(both);
        free(hl);
    }
    free(norm);
    return rule;
}

void t2x_map_table(t2x_table *t, const t2x_labelmap *lm, const t2x_concepts *cs,
                   t2x_extensions *ext, const t2x_lines *L, const char *name, t2x_diag *diag)
{
    t2x_sections_assign(t);
    /* pass 1: label rules */
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (row->kind != T2X_ROW_ITEM) continue;
        const t2x_label_rule *rule = row->label[0] ? match_row(t, r, lm, cs, t->kind) : NULL;
        if (!rule && t->kind == T2X_STMT_COMPREHENSIVE && row->label[0])
            rule = match_row(t, r, lm, cs, T2X_STMT_INCOME);
        if (!rule) continue;
        const t2x_concept *c = t2x_concepts_find(cs, rule->concept);
        if (!c) continue;
        /* one concept per statement (equity statements repeat rows by design) */
        if (t->kind != T2X_STMT_EQUITY && used_in_table(t, rule->concept) &&
            !(rule->flags & (T2X_RULE_BALANCE_START | T2X_RULE_BALANCE_END))) {
            t2x_row *part = part_with_concept(t, r, rule->concept);
            if (!part) {
                t2x_diag_add(diag, T2X_INFO, name, L->v[row->line].no, "concept-reused",
                             "\"%s\" would repeat %s in this statement; made an extension concept",
                             row->label, rule->concept);
                continue;
            }
            /* "Net sales" + "Delivery revenues" = "Total revenues": the printed sum worded as the
             * concept is the concept; the part that shares its words becomes an extension */
            t2x_diag_add(diag, T2X_INFO, name, L->v[part->line].no, "concept-reused",
                         "\"%s\" is a part of \"%s\", which is %s; made an extension concept", part->label,
                         row->label, rule->concept);
            free(part->concept);
            part->concept = NULL;
            part->mapped = T2X_MAP_NONE;
            part->rule_line = 0;
            part->rule_flags = 0;
        }
        row->concept = t2x_xstrdup(rule->concept);
        row->mapped = T2X_MAP_LABEL;
        row->rule_line = rule->line;
        row->rule_flags = rule->flags;
        row->polarity = rule->polarity;
    }
    /* a "Property, plant and equipment" line is gross only when accumulated depreciation is
     * deducted from it in the statement (or it adds up its parts); printed alone it is net */
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (t->kind != T2X_STMT_BALANCE || !row->concept ||
            strcmp(row->concept, "us-gaap:PropertyPlantAndEquipmentGross") != 0 || row->is_subtotal)
            continue;
        int deducted = 0;
        if (row->parent >= 0)
            for (size_t k = 0; k < t->nrows; k++)
                if (t->rows[k].parent == row->parent && t->rows[k].concept &&
                    strstr(t->rows[k].concept, "AccumulatedDepreciation"))
                    deducted = 1;
        for (size_t k = r + 1; k < t->nrows && k <= r + 2 && !deducted; k++)
            if (t->rows[k].concept && strstr(t->rows[k].concept, "AccumulatedDepreciation")) deducted = 1;
        if (!deducted && !used_in_table(t, "us-gaap:PropertyPlantAndEquipmentNet")) {
            free(row->concept);
            row->concept = t2x_xstrdup("us-gaap:PropertyPlantAndEquipmentNet");
        }
    }
    /* pass 2: unlabeled (or unmatched) subtotals placed by their children */
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (row->kind != T2X_ROW_ITEM || row->concept || !row->is_subtotal) continue;
        const char *q = infer_subtotal(t, r, cs);
        if (q) {
            row->concept = t2x_xstrdup(q);
            row->mapped = T2X_MAP_ARITH;
        }
    }
    /* pass 3: extension concepts for the rest; polarity and period roles for all */
    size_t first_balance = (size_t)-1, last_balance = 0;
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].period_role == 3) {
            if (first_balance == (size_t)-1) first_balance = r;
            last_balance = r;
        }
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (row->kind != T2X_ROW_ITEM) continue;
        if (row->period_role == 3) row->period_role = r == first_balance ? 1 : 2;
        (void)last_balance;
        /* balances inside a statement of durations: "Cash at beginning of year",
         * "Retained earnings, end of year" (instants at the period's start or end) */
        int durations = t->kind == T2X_STMT_CASHFLOW || t->kind == T2X_STMT_INCOME ||
                        t->kind == T2X_STMT_COMPREHENSIVE || t->kind == T2X_STMT_NOTE;
        if (durations && row->concept && !row->period_role) {
            if ((row->rule_flags & T2X_RULE_BALANCE_START) && (row->rule_flags & T2X_RULE_BALANCE_END)) {
                char u[512];
                lower(row->label, u, sizeof u);
                /* by its words; a row named by a date ("…, January 1") is placed by that date */
                int m, d;
                row->period_role = strstr(u, "beginning") || strstr(u, "start") ? 1
                                   : strstr(u, "end of")                        ? 2
                                   : t2x_month_day(u, &m, &d) && d             ? 0
                                                                               : 2;
            } else if (row->rule_flags & T2X_RULE_BALANCE_START) row->period_role = 1;
            else if (row->rule_flags & T2X_RULE_BALANCE_END) row->period_role = 2;
        }
        if (durations && !row->concept && !row->period_role) {
            char u[512];
            lower(row->label, u, sizeof u);
            if (strstr(u, "beginning of")) row->period_role = 1;
            else if (strstr(u, "end of year") || strstr(u, "end of period") || strstr(u, "end of the year") ||
                     strstr(u, "end of quarter"))
                row->period_role = 2;
        }
        if (!row->concept && t->kind == T2X_STMT_NOTE) continue; /* notes: no invented concepts */
        if (!row->concept) {
            int uk = t2x_row_unit_kind(row, t->ncols, cs, ext);
            const char *type = uk == T2X_UNIT_PER_SHARE ? "dtr-types:perShareItemType"
                               : uk == T2X_UNIT_SHARES  ? "xbrli:sharesItemType"
                                                        : "xbrli:monetaryItemType";
            t2x_period_type per = (t->kind == T2X_STMT_BALANCE || row->period_role) ? T2X_PERIOD_INSTANT
                                                                                    : T2X_PERIOD_DURATION;
            t2x_balance bal = T2X_BAL_NONE;
            if (uk == T2X_UNIT_MONEY) {
                /* the balance that makes the row's printed direction its positive value */
                bal = reference_balance(t, row, cs);
                int neg = row->dir < 0;
                if (!row->solved && (t->kind == T2X_STMT_INCOME || t->kind == T2X_STMT_COMPREHENSIVE))
                    neg = 0;
                if (neg) bal = bal == T2X_BAL_DEBIT ? T2X_BAL_CREDIT : T2X_BAL_DEBIT;
            }
            char *label = row->label[0] ? t2x_xstrdup(row->label) : subtotal_label(t, r);
            /* the same words in another statement or section are another concept */
            char *key = t2x_xasprintf("%s|%s|%s", t2x_stmt_kind_name(t->kind), row->section, label);
            for (size_t k = 0; k < r; k++)
                if (t->rows[k].mapped == T2X_MAP_EXTENSION && strcmp(t->rows[k].label, row->label) == 0 &&
                    t->kind != T2X_STMT_EQUITY) {
                    free(key); /* a second row with these words in this statement */
                    key = t2x_xasprintf("%s|%s|%s|line%ld", t2x_stmt_kind_name(t->kind), row->section, label,
                                        L->v[row->line].no);
                    break;
                }
            row->concept = t2x_xstrdup(add_extension(ext, cs, label, row->label[0] != '\0', key, type, per, bal));
            free(key);
            row->mapped = T2X_MAP_EXTENSION;
            t2x_diag_add(diag, T2X_INFO, name, L->v[row->line].no, "unmapped-row",
                         "%s row \"%s\": no standard concept fits; extension %s",
                         t2x_stmt_kind_name(t->kind), label, row->concept);
            free(label);
        }
        const char *type;
        t2x_period_type per;
        t2x_balance bal;
        if (t2x_concept_info(row->concept, cs, ext, &type, &per, &bal))
            row->polarity = polarity_of(t, row, bal, row->polarity, cs);
        else
            row->polarity = 1;
    }
}
