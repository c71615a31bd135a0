/*
 * model.c — build the statement model document (docs/model.md) from the filing: contexts and
 * units in use, concepts with their taxonomy attributes, cover facts, statements with rows and
 * cells carrying final XBRL values and source spans, calculation relations, issues.
 */
#include "abstracts.h"
#include "clash.h"
#include "converted.h"
#include "model.h"
#include "sharescale.h"
#include "untagged.h"
#include "util.h"
#include "xmlnode.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------- small registries */

typedef struct ctx {
    char *id;
    int instant;
    t2x_date start, end;
    char *member;   /* NULL: no equity component */
    char *entity;   /* NULL: the registrant's consolidated figures; else its dei:LegalEntityAxis member */
} ctx;

typedef struct builder {
    t2x_filing *f;
    xmlNsPtr ns;
    ctx *ctxs;
    size_t nctx, capctx;
    char **concepts;
    size_t nconc, capconc;
    int unit_used[4];  /* USD, USDPerShare, shares, pure */
    /* facts seen: concept|context|unit → value, for duplicate detection */
    char **seen_keys, **seen_vals;
    long *seen_lines;
    size_t nseen, capseen;
    xmlNodePtr issues;
    const char *entity; /* the dei:LegalEntityAxis member of the statement being built (NULL: none) */
} builder;

static const char *const unit_ids[4] = {"USD", "USDPerShare", "shares", "pure"};

static const char *member_local(const char *qname)
{
    const char *c = strchr(qname, ':');
    return c ? c + 1 : qname;
}

static int same_member(const char *a, const char *b) { return (!a && !b) || (a && b && strcmp(a, b) == 0); }

/* The context of a period and equity member, with the legal entity of the statement being
 * built (b->entity). */
static const char *context_id(builder *b, int instant, t2x_date start, t2x_date end, const char *member)
{
    for (size_t i = 0; i < b->nctx; i++) {
        ctx *c = &b->ctxs[i];
        if (c->instant == instant && t2x_date_cmp(c->end, end) == 0 &&
            (instant || t2x_date_cmp(c->start, start) == 0) && same_member(c->member, member) &&
            same_member(c->entity, b->entity))
            return c->id;
    }
    b->ctxs = t2x_grow(b->ctxs, &b->capctx, b->nctx + 1, sizeof *b->ctxs);
    ctx *c = &b->ctxs[b->nctx++];
    c->instant = instant;
    c->start = start;
    c->end = end;
    c->member = member ? t2x_xstrdup(member) : NULL;
    c->entity = b->entity ? t2x_xstrdup(b->entity) : NULL;
    char s[11], e[11];
    t2x_date_iso(start, s);
    t2x_date_iso(end, e);
    char base[64];
    if (instant)
        snprintf(base, sizeof base, "I%.4s%.2s%.2s", e, e + 5, e + 8);
    else
        snprintf(base, sizeof base, "D%.4s%.2s%.2s-%.4s%.2s%.2s", s, s + 5, s + 8, e, e + 5, e + 8);
    c->id = t2x_xasprintf("%s%s%s%s%s", base, member ? "_" : "", member ? member_local(member) : "",
                          b->entity ? "_" : "", b->entity ? member_local(b->entity) : "");
    return c->id;
}

static void use_concept(builder *b, const char *qname)
{
    for (size_t i = 0; i < b->nconc; i++)
        if (strcmp(b->concepts[i], qname) == 0) return;
    b->concepts = t2x_grow(b->concepts, &b->capconc, b->nconc + 1, sizeof *b->concepts);
    b->concepts[b->nconc++] = t2x_xstrdup(qname);
}

static xmlNodePtr add_issue(builder *b, const char *severity, const char *code, long line,
                            const char *message)
{
    xmlNodePtr n = xmlNewTextChild(b->issues, b->ns, BAD_CAST "issue", NULL);
    t2x_xml_prop(n, "severity", severity);
    t2x_xml_prop(n, "code", code);
    if (line > 0) t2x_xml_propf(n, "line", "%ld", line);
    xmlNodeAddContent(n, BAD_CAST message);
    return n;
}

/* Record a fact (the first value of each concept, context and unit), for the notes' sign check
 * below. Values that disagree are settled after the statements are built (clash.c). */
static void seen_fact(builder *b, const char *concept, const char *context, const char *unit,
                      const char *value, long line)
{
    char *key = t2x_xasprintf("%s|%s|%s", concept, context, unit ? unit : "");
    for (size_t i = 0; i < b->nseen; i++)
        if (strcmp(b->seen_keys[i], key) == 0) {
            free(key);
            return;
        }
    b->seen_keys = t2x_grow(b->seen_keys, &b->capseen, b->nseen + 1, sizeof *b->seen_keys);
    b->seen_vals = t2x_xrealloc(b->seen_vals, b->capseen * sizeof *b->seen_vals);
    b->seen_lines = t2x_xrealloc(b->seen_lines, b->capseen * sizeof *b->seen_lines);
    b->seen_keys[b->nseen] = key;
    b->seen_vals[b->nseen] = t2x_xstrdup(value);
    b->seen_lines[b->nseen] = line;
    b->nseen++;
}

/* Was this concept and context already stated with the opposite value? A note table that
 * gives a statement's figure the other sign is our reading error, not the filing's. */
static int opposite_of_seen(builder *b, const char *concept, const char *context, const char *unit,
                            const char *value)
{
    if (strcmp(value, "0") == 0) return 0;
    char *key = t2x_xasprintf("%s|%s|%s", concept, context, unit ? unit : "");
    int found = 0;
    for (size_t i = 0; i < b->nseen && !found; i++) {
        if (strcmp(b->seen_keys[i], key) != 0) continue;
        const char *v = b->seen_vals[i];
        found = (value[0] == '-' && strcmp(v, value + 1) == 0) || (v[0] == '-' && strcmp(v + 1, value) == 0);
    }
    free(key);
    return found;
}

/* ---------------------------------------------------------------- cover */

static void cover_fact(builder *b, xmlNodePtr cover, const char *concept, const char *context,
                       const char *value)
{
    xmlNodePtr n = xmlNewChild(cover, b->ns, BAD_CAST "fact", NULL);
    t2x_xml_prop(n, "concept", concept);
    t2x_xml_prop(n, "context", context);
    t2x_xml_prop(n, "value", value);
    use_concept(b, concept);
}

static void cover_amount(builder *b, xmlNodePtr cover, const char *concept, int unit,
                         const t2x_cover_amount *a)
{
    if (!a->found || !a->date.y) return;
    t2x_date none = {0, 0, 0};
    const char *cid = context_id(b, 1, none, a->date, NULL);
    xmlNodePtr n = xmlNewChild(cover, b->ns, BAD_CAST "fact", NULL);
    char *v = t2x_num_value_string(a->mant, 0, 0, 0);
    t2x_xml_prop(n, "concept", concept);
    t2x_xml_prop(n, "context", cid);
    t2x_xml_prop(n, "unit", unit_ids[unit]);
    t2x_xml_prop(n, "decimals", "0");
    t2x_xml_prop(n, "value", v);
    t2x_xml_propf(n, "offset", "%zu", a->offset);
    t2x_xml_propf(n, "length", "%zu", a->length);
    t2x_xml_propf(n, "line", "%ld", b->f->lines.v[a->line].no);
    t2x_xml_prop(n, "text", a->text);
    t2x_xml_prop(n, "format", "ixt:num-dot-decimal");
    t2x_xml_prop(n, "scale", "0");
    b->unit_used[unit] = 1;
    use_concept(b, concept);
    seen_fact(b, concept, cid, unit_ids[unit], v, b->f->lines.v[a->line].no);
    free(v);
}

static void build_cover(builder *b, xmlNodePtr root)
{
    t2x_filing *f = b->f;
    xmlNodePtr cover = xmlNewChild(root, b->ns, BAD_CAST "cover", NULL);
    const char *main = context_id(b, 0, f->period_start, f->period_end, NULL);
    char iso[11];
    t2x_date_iso(f->period_end, iso);
    cover_fact(b, cover, "dei:DocumentType", main, f->form);
    cover_fact(b, cover, "dei:AmendmentFlag", main, f->cover.amendment ? "true" : "false");
    cover_fact(b, cover, "dei:DocumentPeriodEndDate", main, iso);
    cover_fact(b, cover, "dei:DocumentFiscalYearFocus", main, f->fy_focus);
    cover_fact(b, cover, "dei:DocumentFiscalPeriodFocus", main, f->fp_focus);
    if (f->fye[0]) cover_fact(b, cover, "dei:CurrentFiscalYearEndDate", main, f->fye);
    cover_fact(b, cover, "dei:EntityRegistrantName", main, f->registrant);
    if (f->cik) cover_fact(b, cover, "dei:EntityCentralIndexKey", main, f->cik);
    if (f->cover.file_number) cover_fact(b, cover, "dei:EntityFileNumber", main, f->cover.file_number);
    if (f->cover.tax_id) cover_fact(b, cover, "dei:EntityTaxIdentificationNumber", main, f->cover.tax_id);
    if (f->cover.state) cover_fact(b, cover, "dei:EntityIncorporationStateCountryCode", main, f->cover.state);
    cover_amount(b, cover, "dei:EntityCommonStockSharesOutstanding", 2, &f->cover.shares_outstanding);
    cover_amount(b, cover, "dei:EntityPublicFloat", 0, &f->cover.public_float);
}

/* ---------------------------------------------------------------- statements */

/* An amount of a statement that is not a fact, with the reason (an untagged-amount issue
 * carrying its span, so the verifier can account for every printed amount). */
static void untagged(builder *b, const char *sid, const char *rid, const t2x_cell *cell, const t2x_lines *L,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void untagged(builder *b, const char *sid, const char *rid, const t2x_cell *cell, const t2x_lines *L,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = t2x_xmalloc((size_t)(len > 0 ? len : 0) + 1);
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)(len > 0 ? len : 0) + 1, fmt, ap);
    va_end(ap);
    xmlNodePtr is = add_issue(b, "info", "untagged-amount", L->v[cell->line].no, msg);
    t2x_xml_prop(is, "statement", sid);
    t2x_xml_prop(is, "row", rid);
    t2x_xml_propf(is, "offset", "%zu", cell->offset);
    t2x_xml_propf(is, "length", "%zu", cell->length);
    free(msg);
}

static const char *role_name(t2x_stmt_kind k)
{
    switch (k) {
    case T2X_STMT_BALANCE: return "BalanceSheet";
    case T2X_STMT_INCOME: return "IncomeStatement";
    case T2X_STMT_COMPREHENSIVE: return "ComprehensiveIncome";
    case T2X_STMT_CASHFLOW: return "CashFlow";
    case T2X_STMT_EQUITY: return "StockholdersEquity";
    case T2X_STMT_NOTE: return "Note";
    default: return "Statement";
    }
}

/* Notes: a row's sign relative to the subtotal it adds into. Within a sum (same period type)
 * a concept whose balance differs from its parent's is deducted (expected return on plan
 * assets in pension cost, a LIFO reserve in inventories); a movement rolling into a balance
 * (a duration into an instant: service cost into the benefit obligation) is not. */
/* The direction a row adds to its subtotal: its weight times the sign its amounts are printed
 * with, when all its non-zero amounts are printed with one sign; 0 when they differ or are all
 * zero ("Recognized net actuarial (gain)/loss  83  (35)"). */
static int adds_as(const t2x_table *t, const t2x_row *s)
{
    int sign = 0;
    for (int c = 0; c < t->ncols; c++) {
        const t2x_cell *cell = &s->cells[c];
        if (!cell->present || cell->num.dash || cell->num.mant == 0) continue;
        int v = cell->num.negative ? -1 : 1;
        if (sign && v != sign) return 0;
        sign = v;
    }
    return sign * s->weight_sign;
}

/* The balance of a note subtotal that maps to no concept, as its other rows tell: each row of
 * a known balance that adds to it (printed positive, or a deduction subtracted) votes for its own
 * balance, one that is deducted for the other; T2X_BAL_NONE unless at least two rows vote and
 * all agree ("Service cost" and "Interest cost", debits, over an unmapped "Net periodic benefit
 * income"; "Total deferred tax assets" and a "(5,150)" of liabilities over "Net prepaid taxes"). */
static t2x_balance voted_balance(const t2x_filing *f, const t2x_table *t, const t2x_row *row)
{
    t2x_balance vote = T2X_BAL_NONE;
    int votes = 0;
    for (size_t k = 0; k < t->nrows; k++) {
        const t2x_row *s = &t->rows[k];
        if (s == row || s->parent != row->parent || !s->concept) continue;
        const char *st;
        t2x_period_type sp;
        t2x_balance sb;
        int dir = adds_as(t, s);
        if (!dir || !t2x_concept_info(s->concept, f->data->concepts, &f->ext, &st, &sp, &sb) ||
            sb == T2X_BAL_NONE)
            continue;
        t2x_balance v = dir > 0 ? sb : sb == T2X_BAL_DEBIT ? T2X_BAL_CREDIT : T2X_BAL_DEBIT;
        if (votes && v != vote) return T2X_BAL_NONE;
        vote = v;
        votes++;
    }
    return votes >= 2 ? vote : T2X_BAL_NONE;
}

/* -1 when a note row's concept has the other balance than its subtotal's (the subtotal's
 * concept, or the balance its other rows vote for when it maps to none), else 1; 0 when the
 * subtotal maps to no concept and its rows do not settle its balance. */
static int note_flip(const t2x_filing *f, const t2x_table *t, const t2x_row *row)
{
    if (row->parent < 0) return 1;
    const char *rt, *pt;
    t2x_period_type rp, pp = T2X_PERIOD_DURATION;
    t2x_balance rb, pb;
    if (!t2x_concept_info(row->concept, f->data->concepts, &f->ext, &rt, &rp, &rb)) return 1;
    const char *pc = t->rows[row->parent].concept;
    if (pc) {
        if (!t2x_concept_info(pc, f->data->concepts, &f->ext, &pt, &pp, &pb)) return 1;
    } else {
        pb = voted_balance(f, t, row);
        if (pb == T2X_BAL_NONE) return 0;
        pp = rp;
    }
    return (rb != T2X_BAL_NONE && pb != T2X_BAL_NONE && rb != pb && rp == pp) ? -1 : 1;
}

/* Is the concept a magnitude by definition, never below zero, which statements and notes print
 * in parentheses as a deduction: valuation allowances, allowances for doubtful accounts,
 * accumulated depreciation and amortization, gross deferred tax liabilities? (Not their changes
 * over a period, which may be of either sign.) */
static int magnitude_concept(const char *concept)
{
    static const char *const names[] = {"ValuationAllowance", "AllowanceForDoubtfulAccounts",
                                        "AccumulatedDepreciation", "AccumulatedAmortization", NULL};
    static const char *const changes[] = {"Change", "Increase", "Decrease", "Provision", "WriteOff",
                                          "Period", "Expense", NULL};
    if (!concept) return 0;
    for (const char *const *c = changes; *c; c++)
        if (strstr(concept, *c)) return 0;
    for (const char *const *n = names; *n; n++)
        if (strstr(concept, *n)) return 1;
    return strcmp(concept, "us-gaap:DeferredTaxLiabilities") == 0 ||
           strcmp(concept, "us-gaap:DeferredIncomeTaxLiabilities") == 0;
}

/* The sign of a note amount: its printed direction within its subtotal, turned by note_flip;
 * with no subtotal above it, or one nothing settles the balance of, as printed ("Less …"
 * deductions as magnitudes), a magnitude never below zero. */
static int note_sign(const t2x_filing *f, const t2x_table *t, const t2x_row *row, int printed_neg)
{
    int p = printed_neg ? -1 : 1;
    int flip = row->parent >= 0 ? note_flip(f, t, row) : 0;
    /* under an unmapped subtotal only a row of the other balance than its rows vote for is
     * turned ("Expected return on plan assets (3,403)" among costs): the others stay as printed */
    if (flip && (t->rows[row->parent].concept || flip < 0)) return row->weight_sign * p * flip;
    /* "Valuation allowance  (14,447)" under assets whose net total maps to no concept */
    if (printed_neg && magnitude_concept(row->concept)) return 1;
    if (t2x_starts_with_ci(row->label, "less") || t2x_starts_with_ci(row->label, "deduct")) return 1;
    return p;
}

/* Is cell c of a per-share row printed without its decimal point: a whole number ("96") ten
 * times or more the largest of the row's other amounts, all printed with cents (".96" meant
 * among "1.60" and "1.07")? A misprint the reader must not tag as printed. */
static int decimal_point_lost(const t2x_row *row, int c, int ncols)
{
    const t2x_cell *x = &row->cells[c];
    if (x->num.dash || x->num.frac != 0 || x->num.mant < 10) return 0;
    double most = 0;
    int others = 0;
    for (int k = 0; k < ncols; k++) {
        const t2x_cell *o = &row->cells[k];
        if (k == c || !o->present || o->num.dash || o->num.mant == 0) continue;
        if (o->num.frac < 1) return 0;
        double v = (double)o->num.mant;
        for (int f = 0; f < o->num.frac; f++) v /= 10;
        if (v > most) most = v;
        others++;
    }
    return others > 0 && (double)x->num.mant >= 10 * most;
}

/* Write one fact cell of a row: its column, concept (when it is not the row's), context,
 * unit, decimals, value and the span of the printed number it was read from. */
static xmlNodePtr add_cell(builder *b, xmlNodePtr rn, const char *sid, int c, const char *concept,
                           const char *cid, int unit, int decimals, const char *value, const t2x_cell *cell,
                           const char *format, int scale, int neg)
{
    xmlNodePtr cn = xmlNewChild(rn, b->ns, BAD_CAST "cell", NULL);
    t2x_xml_propf(cn, "column", "%sc%d", sid, c + 1);
    if (concept) t2x_xml_prop(cn, "concept", concept);
    t2x_xml_prop(cn, "context", cid);
    t2x_xml_prop(cn, "unit", unit_ids[unit]);
    b->unit_used[unit] = 1;
    t2x_xml_propf(cn, "decimals", "%d", decimals);
    t2x_xml_prop(cn, "value", value);
    t2x_xml_propf(cn, "offset", "%zu", cell->offset);
    t2x_xml_propf(cn, "length", "%zu", cell->length);
    t2x_xml_propf(cn, "line", "%ld", b->f->lines.v[cell->line].no);
    t2x_xml_prop(cn, "text", cell->text);
    t2x_xml_prop(cn, "format", format ? format : cell->num.dash ? "ixt:fixed-zero" : "ixt:num-dot-decimal");
    t2x_xml_propf(cn, "scale", "%d", scale);
    if (neg) t2x_xml_prop(cn, "sign", "-");
    return cn;
}

/* The scale of a "Shares" column: a caption in its own heading; else one printed among the
 * table's heading lines that is not the dollar caption ("(in thousands)" over the shares);
 * else the statement's caption unless it speaks of dollars only ("In thousands, except per
 * share amounts" covers share counts, "Dollars in millions" does not). */
static int share_scale(const t2x_table *t, const t2x_column *col, const t2x_lines *L)
{
    int scale = 0, ex = 0;
    if (col->header && t2x_scale_caption(col->header, &scale, &ex)) return scale;
    size_t first_row = t->nrows ? t->rows[0].first_line : t->end;
    for (size_t i = t->title_line; i < first_row && i < L->n; i++) {
        char u[512];
        size_t n = 0;
        for (const char *p = L->v[i].text; *p && n < sizeof u - 1; p++) u[n++] = (char)tolower((unsigned char)*p);
        u[n] = '\0';
        if (strstr(u, "dollar") || strstr(u, "except")) continue;
        if (t2x_scale_caption(L->v[i].text, &scale, &ex)) return scale;
    }
    for (size_t i = t->caption_first; i < first_row && i < L->n; i++) {
        char u[512];
        size_t n = 0;
        for (const char *p = L->v[i].text; *p && n < sizeof u - 1; p++) u[n++] = (char)tolower((unsigned char)*p);
        u[n] = '\0';
        if (t2x_scale_caption(L->v[i].text, &scale, &ex)) return strstr(u, "dollar") ? 0 : scale;
    }
    return 0;
}

/* A cell of an equity statement's "Shares" column: the share element paired with the row's
 * concept (taxonomy/share-concepts.tsv), with the column's member; counts of movements are
 * magnitudes, balances as printed. */
static const char *cell_context(builder *b, const t2x_table *t, size_t r, int c, t2x_period_type per);
static void share_cell(builder *b, const t2x_table *t, size_t r, int c, xmlNodePtr rn, const char *sid,
                       const char *rid)
{
    t2x_filing *f = b->f;
    const t2x_row *row = &t->rows[r];
    const t2x_cell *cell = &row->cells[c];
    const t2x_column *col = &t->cols[c];
    const t2x_lines *L = &f->lines;
    const char *key = row->period_role ? (col->member && strstr(col->member, "Treasury") ? "balance-treasury" : "balance")
                                       : row->concept;
    const char *concept = key ? t2x_share_concept(f->data, key) : NULL;
    /* a treasury balance is its own element, not shares outstanding of the treasury member */
    const char *member = row->period_role && concept && strstr(concept, "TreasuryStockShares") ? NULL : col->member;
    const char *type;
    t2x_period_type per = T2X_PERIOD_DURATION;
    t2x_balance bal;
    if (!concept || !t2x_concept_info(concept, f->data->concepts, &f->ext, &type, &per, &bal)) {
        untagged(b, sid, rid, cell, L, "share count %s of \"%s\": no share element pairs with %s", cell->text, row->label,
                 row->concept ? row->concept : "the row");
        return;
    }
    /* cell_context reads the member from the column: give it a copy with this member */
    t2x_table tt = *t;
    t2x_column *copy = t2x_xmalloc(sizeof *copy * (size_t)t->ncols);
    memcpy(copy, t->cols, sizeof *copy * (size_t)t->ncols);
    copy[c].member = (char *)member;
    tt.cols = copy;
    const char *cid = cell_context(b, &tt, r, c, per);
    free(copy);
    if (!cid) {
        untagged(b, sid, rid, cell, L, "share count %s of \"%s\" has no period", cell->text, row->label);
        return;
    }
    int scale = share_scale(t, col, L);
    int neg = row->period_role && cell->num.negative && !cell->num.dash;
    char *value = cell->num.dash ? t2x_xstrdup("0") : t2x_num_value_string(cell->num.mant, cell->num.frac, scale, neg);
    add_cell(b, rn, sid, c, concept, cid, T2X_UNIT_SHARES, cell->num.frac - scale, value, cell, NULL, scale, neg);
    use_concept(b, concept);
    if (member) use_concept(b, member);
    seen_fact(b, concept, cid, "shares", value, L->v[cell->line].no);
    free(value);
}

/* Share-count scale named in a label: "(in millions)", "(000's)". */
static int label_scale(const char *label)
{
    int s, ex;
    if (t2x_scale_caption(label, &s, &ex)) return s;
    return 0;
}

/* Is column c of an equity statement a treasury-stock column printed as a deduction: its
 * balances printed positive ("BALANCE, DECEMBER 31, 1992 … 204,490" under "Treasury Stock")?
 * Treasury stock reduces equity, so in XBRL its component of equity is negative: the whole
 * column (balances and movements alike) is read with the opposite sign. A column whose balances
 * are printed in parentheses already shows the reduction and is read as printed. */
static int deduction_column(const t2x_table *t, int c)
{
    const t2x_column *col = &t->cols[c];
    if (t->kind != T2X_STMT_EQUITY || !col->member || !strstr(col->member, "TreasuryStock")) return 0;
    int positive = 0;
    for (size_t r = 0; r < t->nrows; r++) {
        const t2x_row *row = &t->rows[r];
        const t2x_cell *cell = &row->cells[c];
        if (!row->period_role || !cell->present || cell->num.dash || cell->num.mant == 0) continue;
        if (cell->num.negative) return 0;
        positive = 1;
    }
    return positive;
}

/* The context of one cell, or NULL when the cell has no reportable period. */
static const char *cell_context(builder *b, const t2x_table *t, size_t r, int c, t2x_period_type per)
{
    const t2x_row *row = &t->rows[r];
    const t2x_column *col = &t->cols[c];
    t2x_date none = {0, 0, 0};
    if (t->kind == T2X_STMT_EQUITY) {
        if (row->period_role) {
            if (!row->row_date.y) return NULL;
            return context_id(b, 1, none, row->row_date, col->member);
        }
        /* a movement: between the balances around it */
        t2x_date from = {0, 0, 0}, to = {0, 0, 0};
        for (size_t k = r; k-- > 0;)
            if (t->rows[k].period_role && t->rows[k].row_date.y) {
                from = t->rows[k].row_date;
                break;
            }
        for (size_t k = r + 1; k < t->nrows; k++)
            if (t->rows[k].period_role && t->rows[k].row_date.y) {
                to = t->rows[k].row_date;
                break;
            }
        if (!from.y || !to.y || t2x_date_cmp(from, to) >= 0) return NULL;
        if (per == T2X_PERIOD_INSTANT) return NULL;
        return context_id(b, 0, t2x_date_add_days(from, 1), to, col->member);
    }
    if (!col->dated) return NULL;
    if (col->instant) {
        if (per == T2X_PERIOD_DURATION) return NULL;
        return context_id(b, 1, none, col->end, NULL);
    }
    if (per == T2X_PERIOD_INSTANT) {
        t2x_date before = t2x_date_add_days(col->start, -1);
        int role = row->period_role;
        if (!role) {
            /* a balance named by its day: "Retained Earnings, January 1" opens the period,
             * "…, December 31" closes it */
            int m, d;
            if (t2x_month_day(row->label, &m, &d) && d) {
                if (m == col->end.m && d == col->end.d) role = 2;
                else if ((m == col->start.m && d == col->start.d) || (m == before.m && d == before.d)) role = 1;
                else role = 2;
            }
        }
        if (role == 1) return context_id(b, 1, none, before, NULL);
        return context_id(b, 1, none, col->end, NULL);
    }
    return context_id(b, 0, col->start, col->end, NULL);
}

/* The year a column stands for: the one year its heading prints ("1999" over a 52/53-week year
 * that ends on January 2, 2000), else the year of its end. Labels name years as headings do
 * ("issued 61,454,000 shares in 2000 and 60,102,000 in 1999"). */
static int column_year(const t2x_column *col)
{
    int year = 0;
    for (const char *p = col->header; p && *p; p++) {
        if (!((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')) || !isdigit((unsigned char)p[2]) ||
            !isdigit((unsigned char)p[3]) || isdigit((unsigned char)p[4]) ||
            (p > col->header && isalnum((unsigned char)p[-1])))
            continue;
        int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
        if (year && year != y) return col->end.y; /* two years: the end's */
        year = y;
    }
    return year && labs((long)year - col->end.y) <= 1 ? year : col->end.y;
}

/* Does label fact i of the row go to column c (not settling its context yet)? Equity
 * statements: the total column, when the row's balance dates allow the period type. */
static int lf_applies(const t2x_table *t, size_t r, const t2x_lf_fact *lf, size_t n, size_t i, int c,
                      t2x_period_type per)
{
    const t2x_row *row = &t->rows[r];
    const t2x_column *col = &t->cols[c];
    if (t->kind == T2X_STMT_EQUITY) {
        if (col->member || col->skip) return 0;
        if (row->period_role) return row->row_date.y && per == T2X_PERIOD_INSTANT;
        int from = 0, to = 0;
        for (size_t k = r; k-- > 0 && !from;) from = t->rows[k].period_role && t->rows[k].row_date.y;
        for (size_t k = r + 1; k < t->nrows && !to; k++) to = t->rows[k].period_role && t->rows[k].row_date.y;
        return from && to && per == T2X_PERIOD_DURATION;
    }
    if (!col->dated || col->skip) return 0;
    if (lf[i].date.y && t2x_date_cmp(col->end, lf[i].date) != 0) return 0;
    if (!lf[i].date.y && lf[i].year && column_year(col) != lf[i].year) return 0;
    if (!lf[i].year)
        /* "$90,992 ($83,776 in 1993)": the number without a year is the other column's */
        for (size_t j = 0; j < n; j++)
            if (j != i && strcmp(lf[j].concept, lf[i].concept) == 0 &&
                (lf[j].date.y ? t2x_date_cmp(lf[j].date, col->end) == 0 : lf[j].year == column_year(col)))
                return 0;
    return per == T2X_PERIOD_INSTANT || !col->instant;
}

/* Facts printed inside the row's label (labelfacts.h), as cells with origin="label". Two
 * numbers of one label that would be one fact with two values are neither tagged. */
static void label_facts(builder *b, const t2x_table *t, size_t r, xmlNodePtr rn, const char *sid)
{
    t2x_filing *f = b->f;
    const t2x_row *row = &t->rows[r];
    t2x_lf_fact *lf;
    size_t n;
    t2x_lf_extract(f->data->label_facts, t->kind, row, &f->lines, &lf, &n);
    size_t last_span = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        const char *type;
        t2x_period_type per;
        t2x_balance bal;
        if (!t2x_concept_info(lf[i].concept, f->data->concepts, &f->ext, &type, &per, &bal)) continue;
        int scale = lf[i].scale + (lf[i].unit == T2X_UNIT_MONEY ? t->scale : 0);
        int warned = 0;
        /* the columns this number belongs to */
        for (int c = 0; c < t->ncols; c++) {
            const t2x_column *col = &t->cols[c];
            const char *cid = NULL;
            t2x_date none = {0, 0, 0};
            if (!lf_applies(t, r, lf, n, i, c, per)) continue;
            size_t clash = n;
            for (size_t j = 0; j < n && clash == n; j++)
                if (j != i && strcmp(lf[j].concept, lf[i].concept) == 0 &&
                    (lf[j].num.mant != lf[i].num.mant || lf[j].num.frac != lf[i].num.frac || lf[j].scale != lf[i].scale) &&
                    lf_applies(t, r, lf, n, j, c, per))
                    clash = j;
            if (clash < n) {
                if (clash > i && !warned++)
                    t2x_diag_add(f->diag, T2X_WARNING, f->src.name, f->lines.v[lf[i].line].no, "label-fact-ambiguous",
                                 "the label of \"%s\" prints %s and %s for %s; neither is tagged", row->label,
                                 lf[i].text, lf[clash].text, lf[i].concept);
                continue;
            }
            if (t->kind == T2X_STMT_EQUITY) {
                if (row->period_role) {
                    cid = context_id(b, 1, none, row->row_date, NULL);
                } else {
                    t2x_date from = {0, 0, 0}, to = {0, 0, 0};
                    for (size_t k = r; k-- > 0;)
                        if (t->rows[k].period_role && t->rows[k].row_date.y) { from = t->rows[k].row_date; break; }
                    for (size_t k = r + 1; k < t->nrows; k++)
                        if (t->rows[k].period_role && t->rows[k].row_date.y) { to = t->rows[k].row_date; break; }
                    cid = context_id(b, 0, t2x_date_add_days(from, 1), to, NULL);
                }
            } else {
                if (per == T2X_PERIOD_INSTANT) cid = context_id(b, 1, none, col->end, NULL);
                else cid = context_id(b, 0, col->start, col->end, NULL);
            }
            char *value = t2x_num_value_string(lf[i].num.mant, lf[i].num.frac, scale, 0);
            t2x_cell span = {0};
            span.present = 1;
            span.line = lf[i].line;
            span.offset = lf[i].offset;
            span.length = lf[i].length;
            span.num = lf[i].num;
            span.text = lf[i].text;
            xmlNodePtr cn = add_cell(b, rn, sid, c, lf[i].concept, cid, lf[i].unit, lf[i].num.frac - scale, value, &span,
                                     "ixt:num-dot-decimal", scale, 0);
            t2x_xml_prop(cn, "origin", "label");
            /* one printed number for two periods: the second fact is not in the text */
            if (lf[i].offset == last_span) t2x_xml_prop(cn, "hidden", "true");
            last_span = lf[i].offset;
            use_concept(b, lf[i].concept);
            seen_fact(b, lf[i].concept, cid, unit_ids[lf[i].unit], value, f->lines.v[lf[i].line].no);
            free(value);
            if (t->kind == T2X_STMT_EQUITY) break;
        }
    }
    t2x_lf_facts_free(lf, n);
}

static void build_statement(builder *b, xmlNodePtr root, size_t ti, int *role_counts)
{
    t2x_filing *f = b->f;
    t2x_table *t = &f->tables[ti];
    const t2x_lines *L = &f->lines;
    xmlNodePtr st = xmlNewChild(root, b->ns, BAD_CAST "statement", NULL);
    char sid[32];
    snprintf(sid, sizeof sid, "s%zu", ti + 1);
    t2x_xml_prop(st, "id", sid);
    t2x_xml_prop(st, "kind", t2x_stmt_kind_name(t->kind));
    int n = ++role_counts[t->kind];
    if (n == 1) t2x_xml_prop(st, "role", role_name(t->kind));
    else t2x_xml_propf(st, "role", "%s%d", role_name(t->kind), n);
    t2x_xml_prop(st, "title", t->title);
    t2x_xml_propf(st, "first-line", "%ld", L->v[t->title_line].no);
    t2x_xml_propf(st, "last-line", "%ld", L->v[t->end > 0 ? t->end - 1 : 0].no);
    t2x_xml_propf(st, "scale", "%d", t->scale);
    t2x_xml_propf(st, "document", "%zu", t->doc + 1);
    /* a parent-company-only statement: every fact on dei:LegalEntityAxis */
    b->entity = t->scope == T2X_SCOPE_PARENT ? "srt:ParentCompanyMember" : NULL;
    if (b->entity) {
        t2x_xml_prop(st, "entity-member", b->entity);
        use_concept(b, "dei:LegalEntityAxis");
        use_concept(b, b->entity);
    }
    for (int c = 0; c < t->ncols; c++) {
        const t2x_column *col = &t->cols[c];
        xmlNodePtr cn = xmlNewChild(st, b->ns, BAD_CAST "column", NULL);
        t2x_xml_propf(cn, "id", "%sc%d", sid, c + 1);
        if (t->kind != T2X_STMT_EQUITY && col->dated && !col->skip) {
            t2x_date none = {0, 0, 0};
            t2x_xml_prop(cn, "context", col->instant ? context_id(b, 1, none, col->end, NULL)
                                             : context_id(b, 0, col->start, col->end, NULL));
        }
        if (col->member) {
            t2x_xml_prop(cn, "member", col->member);
            use_concept(b, col->member);
            use_concept(b, "us-gaap:StatementEquityComponentsAxis");
        }
        t2x_xml_prop(cn, "label", col->header ? col->header : "");
        if (col->skip) t2x_xml_prop(cn, "skip", "true");
    }
    int share_power = -2; /* the scale of the table's share counts: -2 not yet asked, -1 unsettled */
    unsigned char *deduct = t2x_xcalloc((size_t)t->ncols + 1, 1); /* deduction_column, once a column */
    for (int c = 0; c < t->ncols; c++) deduct[c] = (unsigned char)deduction_column(t, c);
    for (size_t r = 0; r < t->nrows; r++) {
        t2x_row *row = &t->rows[r];
        if (row->absorbed) continue; /* its words are the first line of the next row's label */
        xmlNodePtr rn = xmlNewChild(st, b->ns, BAD_CAST "row", NULL);
        char rid[80];
        snprintf(rid, sizeof rid, "%sr%zu", sid, r + 1);
        t2x_xml_prop(rn, "id", rid);
        t2x_xml_propf(rn, "line", "%ld", L->v[row->line].no);
        t2x_xml_propf(rn, "depth", "%d", row->depth);
        if (row->section[0]) t2x_xml_prop(rn, "section", row->section);
        t2x_xml_prop(rn, "label", row->label);
        const char *kind = row->kind == T2X_ROW_HEADER ? "header"
                           : t2x_starts_with_ci(row->label, "total") && row->is_subtotal ? "total"
                           : row->is_subtotal ? "subtotal" : "item";
        t2x_xml_prop(rn, "kind", kind);
        if (row->kind == T2X_ROW_HEADER) continue;
        static const char *const mapped[] = {"none", "label", "arithmetic", "extension"};
        t2x_xml_prop(rn, "mapped", mapped[row->mapped]);
        if (row->mapped == T2X_MAP_LABEL) t2x_xml_propf(rn, "rule", "%d", row->rule_line);
        if (row->period_role) t2x_xml_prop(rn, "period-role", row->period_role == 1 ? "start" : "end");
        if (row->sector[0]) { /* a sector's figure (scope.c), not the registrant's */
            for (int c = 0; c < t->ncols; c++)
                if (row->cells[c].present)
                    untagged(b, sid, rid, &row->cells[c], L, "amount %s of \"%s\" is in the \"%s\" section: a sector's "
                             "figure, not the registrant's consolidated one", row->cells[c].text, row->label, row->sector);
            continue;
        }
        if (!row->concept) {
            for (int c = 0; c < t->ncols; c++) {
                const t2x_cell *cell = &row->cells[c];
                if (!cell->present) continue;
                untagged(b, sid, rid, cell, L, "amount %s of \"%s\" is in a row no rule maps", cell->text, row->label);
            }
            continue;
        }
        t2x_xml_prop(rn, "concept", row->concept);
        use_concept(b, row->concept);
        const char *type;
        t2x_period_type per = T2X_PERIOD_DURATION;
        t2x_balance bal;
        t2x_concept_info(row->concept, f->data->concepts, &f->ext, &type, &per, &bal);
        int uk = t2x_row_unit_kind(row, t->ncols, f->data->concepts, &f->ext);
        int negated = 0;
        const char *ptype;
        t2x_period_type pper = per;
        t2x_balance pbal;
        if (row->parent >= 0 && t->rows[row->parent].concept)
            t2x_concept_info(t->rows[row->parent].concept, f->data->concepts, &f->ext, &ptype, &pper, &pbal);
        if (row->parent >= 0 && t->rows[row->parent].concept && pper == per && uk == T2X_UNIT_MONEY &&
            t->kind == T2X_STMT_NOTE) {
            xmlNodePtr cl = xmlNewChild(rn, b->ns, BAD_CAST "calc", NULL);
            char pid[80];
            snprintf(pid, sizeof pid, "%sr%d", sid, row->parent + 1);
            t2x_xml_prop(cl, "parent", pid);
            t2x_xml_propf(cl, "weight", "%d", note_flip(f, t, row));
        } else if (row->parent >= 0 && t->rows[row->parent].concept && pper == per && uk == T2X_UNIT_MONEY) {
            xmlNodePtr cl = xmlNewChild(rn, b->ns, BAD_CAST "calc", NULL);
            char pid[80];
            snprintf(pid, sizeof pid, "%sr%d", sid, row->parent + 1);
            t2x_xml_prop(cl, "parent", pid);
            t2x_xml_propf(cl, "weight", "%d", row->polarity * t->rows[row->parent].polarity);
        }
        for (int c = 0; c < t->ncols; c++) {
            t2x_cell *cell = &row->cells[c];
            if (!cell->present) continue;
            const t2x_column *col = &t->cols[c];
            if (t->kind == T2X_STMT_EQUITY && col->share_column && !col->skip) {
                share_cell(b, t, r, c, rn, sid, rid);
                continue;
            }
            if (col->entity_group) {
                untagged(b, sid, rid, cell, L, "amount %s of \"%s\" is in a column of one entity or sector, not the "
                         "registrant's consolidated figures", cell->text, row->label);
                continue;
            }
            if (col->skip) {
                untagged(b, sid, rid, cell, L, "amount %s of \"%s\" is in a column that is not tagged", cell->text, row->label);
                continue;
            }
            if (uk == T2X_UNIT_PER_SHARE && decimal_point_lost(row, c, t->ncols)) {
                untagged(b, sid, rid, cell, L, "per-share amount %s of \"%s\" is a whole number among amounts printed "
                         "with cents, ten times or more any of them: a decimal point lost in print; not tagged",
                         cell->text, row->label);
                continue;
            }
            const char *cid = cell_context(b, t, r, c, per);

            if (!cid) {
                untagged(b, sid, rid, cell, L, "amount %s of \"%s\" has no period that fits %s", cell->text, row->label, row->concept);
                continue;
            }
            /* a rate printed "35.0" or "35.0%" is the ratio 0.35 (percentItemType) */
            int scale = uk == T2X_UNIT_MONEY    ? t->scale
                        : uk == T2X_UNIT_SHARES ? label_scale(row->label)
                        : uk == T2X_UNIT_PURE   ? (strstr(type, "percent") ? -2 : 0)
                                                : 0;
            if (uk == T2X_UNIT_SHARES && !scale && t->scale) {
                /* a count in a table printed in thousands or millions: its scale is what the
                 * table's own arithmetic settles (sharescale.h), else it is not tagged */
                if (share_power == -2) share_power = t2x_share_scale(t);
                if (share_power < 0) {
                    untagged(b, sid, rid, cell, L,
                             "share count %s of \"%s\": the table is printed in units of 1e%d and nothing in it settles "
                             "whether its share counts are (net income / basic earnings per share)",
                             cell->text, row->label, t->scale);
                    continue;
                }
                scale = share_power;
            }
            int printed_neg = cell->num.negative && !cell->num.dash;
            int sign;
            if (uk != T2X_UNIT_MONEY) sign = printed_neg ? -1 : 1;
            else if (t->kind == T2X_STMT_NOTE)
                sign = note_sign(f, t, row, printed_neg);
            else if (!row->solved && (t->kind == T2X_STMT_INCOME || t->kind == T2X_STMT_COMPREHENSIVE) &&
                     row->polarity < 0)
                sign = 1; /* an expense printed as a deduction or as a magnitude */
            else
                sign = row->dir * (printed_neg ? -1 : 1) * row->polarity;
            if (uk == T2X_UNIT_MONEY && deduct[c]) sign = -sign;
            int neg = sign < 0 && cell->num.mant != 0 && !cell->num.dash;
            if (cell->num.mant != 0 && !cell->num.dash && (neg != printed_neg)) negated = 1;
            char *value = cell->num.dash ? t2x_xstrdup("0")
                                         : t2x_num_value_string(cell->num.mant, cell->num.frac, scale, neg);
            int decimals = cell->num.frac - scale;
            if (t->kind == T2X_STMT_NOTE && opposite_of_seen(b, row->concept, cid, unit_ids[uk], value)) {
                untagged(b, sid, rid, cell, L, "amount %s of \"%s\" would state %s with the opposite sign of the "
                                          "same figure elsewhere; not tagged", cell->text, row->label, row->concept);
                free(value);
                continue;
            }
            add_cell(b, rn, sid, c, NULL, cid, uk, decimals, value, cell, NULL, scale, neg);
            seen_fact(b, row->concept, cid, unit_ids[uk], value, L->v[cell->line].no);
            free(value);
        }
        t2x_xml_prop(rn, "negated", negated ? "true" : "false");
        label_facts(b, t, r, rn, sid);
    }
    free(deduct);
}

/* ---------------------------------------------------------------- the document */

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

void t2x_model_build(t2x_filing *f)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.f = f;
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewNode(NULL, BAD_CAST "filing");
    b.ns = xmlNewNs(root, BAD_CAST T2X_MODEL_NS, NULL);
    xmlSetNs(root, b.ns);
    xmlDocSetRootElement(doc, root);
    t2x_xml_prop(root, "tool-version", T2X_VERSION);
    t2x_xml_prop(root, "taxonomy-year", "2023");
    const char *base = strrchr(f->src.name, '/');
    t2x_buf name = {0}; /* a file name is bytes: made valid XML characters */
    t2x_buf_add_name(&name, base ? base + 1 : f->src.name);
    t2x_xml_prop(root, "source-name", name.data ? name.data : "");
    free(name.data);
    t2x_xml_prop(root, "source-sha256", f->src.sha256);
    t2x_xml_propf(root, "source-length", "%zu", f->src.len);
    t2x_xml_prop(root, "form", f->form);
    t2x_xml_prop(root, "amendment", f->cover.amendment ? "true" : "false");
    t2x_xml_prop_date(root, "period-start", f->period_start);
    t2x_xml_prop_date(root, "period-end", f->period_end);
    if (f->fye[0]) t2x_xml_prop(root, "fiscal-year-end", f->fye);
    t2x_xml_prop(root, "fiscal-year-focus", f->fy_focus);
    t2x_xml_prop(root, "fiscal-period-focus", f->fp_focus);
    t2x_xml_prop(root, "registrant", f->registrant);
    t2x_xml_prop(root, "entity-scheme", f->scheme);
    t2x_xml_prop(root, "entity-id", f->entity);
    if (f->cik) t2x_xml_prop(root, "cik", f->cik);
    t2x_xml_prop(root, "prefix", f->prefix);
    t2x_xml_prop(root, "stem", f->stem);
    t2x_xml_prop(root, "namespace", f->ns);
    xmlNodePtr units = xmlNewChild(root, b.ns, BAD_CAST "units", NULL);
    xmlNodePtr contexts = xmlNewChild(root, b.ns, BAD_CAST "contexts", NULL);
    xmlNodePtr concepts = xmlNewChild(root, b.ns, BAD_CAST "concepts", NULL);
    b.issues = xmlNewNode(b.ns, BAD_CAST "issues");
    build_cover(&b, root);
    int role_counts[T2X_STMT_KIND_COUNT] = {0};
    for (size_t i = 0; i < f->ntables; i++) build_statement(&b, root, i, role_counts);
    b.entity = NULL;
    t2x_model_resolve_clashes(f, root, b.issues, b.ns); /* no inconsistent duplicates (clash.c) */
    t2x_model_mark_abstracts(f, root);                  /* standard abstracts (abstracts.c) */
    /* calculation inconsistencies of the filing */
    for (size_t i = 0; i < f->nissues; i++) {
        const t2x_filing_issue *fi = &f->issues[i];
        const t2x_table *t = &f->tables[fi->table];
        const t2x_row *row = &t->rows[fi->calc.row];
        long line = f->lines.v[row->cells[fi->calc.col].present ? row->cells[fi->calc.col].line : row->line].no;
        long long pm = 0, cm = 0;
        char *pv, *cv;
        { /* scale both to full values */
            t2x_num np, nc;
            const char *ps = fi->calc.printed[0] == '-' ? fi->calc.printed + 1 : fi->calc.printed;
            const char *cs = fi->calc.computed[0] == '-' ? fi->calc.computed + 1 : fi->calc.computed;
            t2x_num_parse(ps, (int)strlen(ps), &np);
            t2x_num_parse(cs, (int)strlen(cs), &nc);
            pm = np.mant;
            cm = nc.mant;
            pv = t2x_num_value_string(pm, np.frac, t->scale, fi->calc.printed[0] == '-');
            cv = t2x_num_value_string(cm, nc.frac, t->scale, fi->calc.computed[0] == '-');
        }
        const t2x_column *col = &t->cols[fi->calc.col];
        char when[64] = "";
        if (t->kind == T2X_STMT_EQUITY) snprintf(when, sizeof when, "column \"%.40s\"", col->header ? col->header : "");
        else if (col->dated) t2x_date_iso(col->end, when);
        char *msg = t2x_xasprintf("%s \"%s\" (%s): printed %s, but the items above it add up to %s",
                                  t2x_stmt_kind_name(t->kind), row->label[0] ? row->label : "subtotal",
                                  when, pv, cv);
        xmlNodePtr n = add_issue(&b, "warning", "calc-inconsistency", line, msg);
        t2x_xml_propf(n, "statement", "s%zu", fi->table + 1);
        t2x_xml_propf(n, "row", "s%zur%zu", fi->table + 1, fi->calc.row + 1);
        t2x_xml_prop(n, "printed", pv);
        t2x_xml_prop(n, "computed", cv);
        t2x_diag_add(f->diag, T2X_WARNING, f->src.name, line, "calc-inconsistency", "%s", msg);
        free(msg);
        free(pv);
        free(cv);
    }
    t2x_model_list_untagged(f, root, b.issues, b.ns); /* design §5.4: the numbers left */
    xmlAddChild(root, b.issues);
    /* units, contexts, concepts: only those in use, in a stable order */
    static const char *const measure[4] = {"iso4217:USD", NULL, "xbrli:shares", "xbrli:pure"};
    for (int u = 0; u < 4; u++) {
        if (!b.unit_used[u]) continue;
        xmlNodePtr n = xmlNewChild(units, b.ns, BAD_CAST "unit", NULL);
        t2x_xml_prop(n, "id", unit_ids[u]);
        if (measure[u]) t2x_xml_prop(n, "measure", measure[u]);
        else {
            t2x_xml_prop(n, "numerator", "iso4217:USD");
            t2x_xml_prop(n, "denominator", "xbrli:shares");
        }
    }
    /* contexts sorted by id */
    char **ids = t2x_xmalloc(sizeof(char *) * (b.nctx + 1));
    for (size_t i = 0; i < b.nctx; i++) ids[i] = b.ctxs[i].id;
    qsort(ids, b.nctx, sizeof *ids, cmp_str);
    for (size_t k = 0; k < b.nctx; k++) {
        ctx *c = NULL;
        for (size_t i = 0; i < b.nctx; i++)
            if (b.ctxs[i].id == ids[k]) c = &b.ctxs[i];
        xmlNodePtr n = xmlNewChild(contexts, b.ns, BAD_CAST "context", NULL);
        t2x_xml_prop(n, "id", c->id);
        if (c->instant) t2x_xml_prop_date(n, "instant", c->end);
        else {
            t2x_xml_prop_date(n, "start", c->start);
            t2x_xml_prop_date(n, "end", c->end);
        }
        if (c->member) {
            xmlNodePtr m = xmlNewChild(n, b.ns, BAD_CAST "member", NULL);
            t2x_xml_prop(m, "dimension", "us-gaap:StatementEquityComponentsAxis");
            t2x_xml_prop(m, "value", c->member);
        }
        if (c->entity) {
            xmlNodePtr m = xmlNewChild(n, b.ns, BAD_CAST "member", NULL);
            t2x_xml_prop(m, "dimension", "dei:LegalEntityAxis");
            t2x_xml_prop(m, "value", c->entity);
        }
    }
    free(ids);
    qsort(b.concepts, b.nconc, sizeof *b.concepts, cmp_str);
    for (size_t i = 0; i < b.nconc; i++) {
        xmlNodePtr n = xmlNewChild(concepts, b.ns, BAD_CAST "concept", NULL);
        t2x_xml_prop(n, "name", b.concepts[i]);
        const t2x_concept *c = t2x_concepts_find(f->data->concepts, b.concepts[i]);
        const t2x_ext_concept *e = c ? NULL : t2x_ext_find(&f->ext, b.concepts[i]);
        if (e) t2x_xml_prop(n, "extension", "true");
        t2x_xml_prop(n, "type", c ? c->type : e ? e->type : "xbrli:stringItemType");
        t2x_period_type per = c ? c->period : e ? e->period : T2X_PERIOD_DURATION;
        t2x_balance bal = c ? c->balance : e ? e->balance : T2X_BAL_NONE;
        t2x_xml_prop(n, "period", per == T2X_PERIOD_INSTANT ? "instant" : "duration");
        if (bal != T2X_BAL_NONE) t2x_xml_prop(n, "balance", bal == T2X_BAL_DEBIT ? "debit" : "credit");
        t2x_xml_prop(n, "abstract", c && c->abstract ? "true" : "false");
        if (e) t2x_xml_prop(n, "label", e->label);
        free(b.concepts[i]);
    }
    free(b.concepts);
    for (size_t i = 0; i < b.nctx; i++) {
        free(b.ctxs[i].id);
        free(b.ctxs[i].member);
        free(b.ctxs[i].entity);
    }
    free(b.ctxs);
    for (size_t i = 0; i < b.nseen; i++) {
        free(b.seen_keys[i]);
        free(b.seen_vals[i]);
    }
    free(b.seen_keys);
    free(b.seen_vals);
    free(b.seen_lines);
    f->model = doc;
}
