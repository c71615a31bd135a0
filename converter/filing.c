/*
 * filing.c — the conversion pipeline (design §1): source → lines → submission → statements →
 * tables → periods → arithmetic → mapping → model, and the writing of the outputs through the
 * templates (the set of outputs put in place whole, outset.h).
 */
#include "filing.h"
#include "choose.h"
#include "incorporation.h"
#include "ex27.h"
#include "html.h"
#include "model.h"
#include "outset.h"
#include "package.h"
#include "render.h"
#include "timing.h"
#include "inline_doc.h"
#include "util.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <libxml/xmlsave.h>

/* ---------------------------------------------------------------- helpers */

static char *make_prefix(const char *registrant)
{
    static const char *const skip[] = {"inc", "corp", "co", "the", "and", "of", "incorporated",
                                       "company", "corporation", "ltd", "llc", "lp", "plc", "de", NULL};
    char p[8];
    size_t n = 0;
    const char *s = registrant ? registrant : "";
    while (*s && n < 6) {
        while (*s && !isalpha((unsigned char)*s)) s++;
        const char *w = s;
        while (*s && (isalnum((unsigned char)*s) || *s == '\'')) s++;
        size_t len = (size_t)(s - w);
        if (!len) break;
        int skipped = 0;
        for (const char *const *k = skip; *k; k++)
            if (strlen(*k) == len && strncasecmp(w, *k, len) == 0) skipped = 1;
        if (!skipped) p[n++] = (char)tolower((unsigned char)w[0]);
    }
    p[n] = '\0';
    if (n < 2) return t2x_xstrdup("filer");
    return t2x_xstrdup(p);
}

int t2x_prefix_valid(const char *p)
{
    if (!p || !isalpha((unsigned char)p[0])) return 0;
    for (const char *q = p; *q; q++)
        if (!isalnum((unsigned char)*q) && *q != '-' && *q != '_') return 0;
    return strlen(p) <= 20 && strncasecmp(p, "xml", 3) != 0;
}

static int months_between(int fye_m, int end_m)
{
    int d = end_m - fye_m;
    while (d <= 0) d += 12;
    return d;
}

/* A 52/53-week column starts the day after a period end printed elsewhere in the filing: a
 * balance-sheet date or an equity balance (the reliable period ends; note columns are not). */
static void align_week_years(t2x_filing *f)
{
    t2x_date known[64];
    int nk = 0;
    for (size_t i = 0; i < f->ntables; i++) {
        t2x_table *t = &f->tables[i];
        if (t->kind == T2X_STMT_BALANCE)
            for (int c = 0; c < t->ncols && nk < 64; c++)
                if (t->cols[c].dated && !t->cols[c].skip && !t->cols[c].end_guessed) known[nk++] = t->cols[c].end;
        if (t->kind == T2X_STMT_EQUITY)
            for (size_t r = 0; r < t->nrows && nk < 64; r++)
                if (t->rows[r].period_role && t->rows[r].row_date.y) known[nk++] = t->rows[r].row_date;
    }
    for (size_t i = 0; i < f->ntables; i++) {
        t2x_table *t = &f->tables[i];
        for (int c = 0; c < t->ncols; c++) {
            t2x_column *col = &t->cols[c];
            if (!col->dated || col->skip) continue;
            if (col->end_guessed) {
                /* a year-only heading took the nominal fiscal year end: the period end the
                 * filing prints within a week of it is the real one (52/53-week years) */
                for (int k = 0; k < nk; k++) {
                    long d = labs(t2x_date_diff(known[k], col->end));
                    if (d > 0 && d <= 7) {
                        col->end = known[k];
                        if (!col->instant && !col->weeks) col->start = t2x_date_months_back(col->end, col->months);
                        break;
                    }
                }
            }
            if (col->instant) continue;
            t2x_date best = {0, 0, 0};
            long bd = 8;
            for (int k = 0; k < nk; k++) {
                t2x_date s = t2x_date_add_days(known[k], 1);
                long d = labs(t2x_date_diff(s, col->start));
                if (d < bd) {
                    bd = d;
                    best = s;
                }
            }
            if (best.y) col->start = best; /* d == 0 keeps it where it is */
        }
    }
}

/* ---------------------------------------------------------------- conversion */

static void add_calc_issues(t2x_filing *f, size_t ti, t2x_calc_issues *ci);

/* Note tables (EPS computation, inventories, income taxes…): read like statements, kept only
 * where the note rules of labels.tsv map at least two rows — a table nobody can place with
 * confidence is left out rather than filled with invented concepts. */
static void add_notes(t2x_filing *f, const t2x_period_hint *hint)
{
    t2x_table *notes = NULL;
    size_t nn = 0, cap = 0;
    for (size_t k = 0; k < f->sub.ndocs; k++) {
        const t2x_document *d = &f->sub.docs[k];
        int primary = t2x_document_is_main(d, &f->sub.hdr) || t2x_document_is_ex13(d) || !f->sub.has_wrapper;
        if (!primary || d->is_html || d->is_binary) continue;
        /* notes follow the statements: MD&A and selected data come before them */
        size_t from = d->end;
        for (size_t i = 0; i < f->ntables; i++)
            if (f->tables[i].doc == k && f->tables[i].title_line < from) from = f->tables[i].title_line;
        if (from < d->end) t2x_notes_find(&f->lines, from, d->end, k, f->tables, f->ntables, &notes, &nn, &cap);
    }
    /* a note with no scale caption of its own is in the statements' scale */
    int stmt_scale = 0;
    for (size_t i = 0; i < f->ntables; i++)
        if (f->tables[i].scale > stmt_scale) stmt_scale = f->tables[i].scale;
    t2x_diag quiet = {0}; /* a note table that is not kept leaves no messages */
    for (size_t i = 0; i < nn; i++) {
        t2x_table *t = &notes[i];
        int keep = t2x_table_read(&f->lines, t);
        char why[200];
        if (keep && t2x_note_sector(&f->lines, t, f->tables, f->ntables, why, sizeof why)) {
            t2x_diag_add(f->diag, T2X_WARNING, f->src.name, f->lines.v[t->title_line].no, "sector-note",
                         "the note table \"%s\" states one sector's figures (%s), not the registrant's "
                         "consolidated ones: not tagged", t->title, why);
            keep = 0;
        }
        if (keep && t2x_note_pro_forma(&f->lines, t, why, sizeof why)) {
            t2x_diag_add(f->diag, T2X_WARNING, f->src.name, f->lines.v[t->title_line].no, "pro-forma-note",
                         "the note table \"%s\" states pro forma figures (%s), not the registrant's "
                         "reported ones: not tagged", t->title, why);
            keep = 0;
        }
        if (keep && !t->scale_found) t->scale = stmt_scale;
        if (keep) {
            t2x_periods_resolve(t, &f->lines, hint, f->src.name, &quiet);
            t2x_calc_issues ci = {0};
            t2x_arith_solve(t, &ci);
            t2x_map_table(t, f->data->labels, f->data->concepts, &f->ext, &f->lines, f->src.name, &quiet);
            int mapped = 0;
            for (size_t r = 0; r < t->nrows; r++) mapped += t->rows[r].mapped == T2X_MAP_LABEL;
            keep = mapped >= 2;
            if (keep) {
                f->tables = t2x_xrealloc(f->tables, (f->ntables + 1) * sizeof *f->tables);
                f->tables[f->ntables] = *t;
                add_calc_issues(f, f->ntables, &ci);
                f->ntables++;
                for (size_t q = 0; q < quiet.count; q++)
                    if (quiet.items[q].severity >= T2X_WARNING)
                        t2x_diag_add(f->diag, quiet.items[q].severity, quiet.items[q].file, quiet.items[q].line,
                                     quiet.items[q].code, "%s", quiet.items[q].message);
            } else {
                t2x_calc_issues_free(&ci);
            }
        }
        if (!keep) t2x_table_free(t);
        t2x_diag_free(&quiet);
    }
    free(notes);
}

static void add_calc_issues(t2x_filing *f, size_t ti, t2x_calc_issues *ci)
{
    for (size_t k = 0; k < ci->n; k++) {
        f->issues = t2x_grow(f->issues, &f->capissues, f->nissues + 1, sizeof *f->issues);
        f->issues[f->nissues].table = ti;
        f->issues[f->nissues].calc = ci->v[k];
        f->nissues++;
    }
    free(ci->v);
    memset(ci, 0, sizeof *ci);
}

static int form_supported(const char *form)
{
    return strncmp(form, "10-K", 4) == 0 || strncmp(form, "10-Q", 4) == 0 ||
           strncmp(form, "10-KSB", 6) == 0 || strncmp(form, "10-QSB", 6) == 0 ||
           strncmp(form, "10-KT", 5) == 0;
}

/* No statement was found: when the submission has no annual-report exhibit (EX-13) and the
 * main document says its financial statements are incorporated by reference from one, say so
 * (exit 3, reason incorporated-by-reference, naming the document) instead of "none found". */
static t2x_status incorporated_elsewhere(t2x_filing *f)
{
    for (size_t k = 0; k < f->sub.ndocs; k++)
        if (t2x_document_is_ex13(&f->sub.docs[k])) return T2X_OK;
    for (size_t k = 0; k < f->sub.ndocs; k++) {
        const t2x_document *d = &f->sub.docs[k];
        if (!(t2x_document_is_main(d, &f->sub.hdr) || !f->sub.has_wrapper) || d->is_binary) continue;
        char where[160];
        long line = t2x_incorporated_find(&f->lines, d->first, d->end, where, sizeof where);
        if (!line) continue;
        t2x_diag_add(f->diag, T2X_ERROR, f->src.name, line, "incorporated-by-reference",
                     "the financial statements are incorporated by reference from %s, which is not "
                     "in this input; convert the whole submission, with that exhibit", where);
        return T2X_ERR_NO_STATEMENTS;
    }
    return T2X_OK;
}

static const char *first_sector(const t2x_table *t)
{
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].sector[0]) return t->rows[r].sector;
    return "";
}

static t2x_status find_tables(t2x_filing *f)
{
    t2x_status st;
    size_t cap = 0;
    t2x_table *found = NULL;
    size_t nfound = 0;
    for (int pass = 0; pass < 2 && nfound == 0; pass++) {
        for (size_t k = 0; k < f->sub.ndocs; k++) {
            const t2x_document *d = &f->sub.docs[k];
            int primary = t2x_document_is_main(d, &f->sub.hdr) || t2x_document_is_ex13(d) ||
                          (!f->sub.has_wrapper);
            if (pass == 0 && !primary) continue;
            if (pass == 1 && (primary || t2x_document_is_ex27(d))) continue;
            if (d->is_binary) continue; /* HTML documents are display lines by now (html_read.c) */
            t2x_statements_find(&f->lines, d->first, d->end, k, &found, &nfound, &cap);
        }
    }
    /* whose figures each region states, from the headings around its title (scope.c) */
    for (size_t i = 0; i < nfound; i++)
        found[i].scope = t2x_statement_scope(&f->lines, f->sub.docs[found[i].doc].first, &found[i], NULL, 0);
    /* read each table; merge a statement continued under a repeated title */
    for (size_t i = 0; i < nfound; i++) {
        if (i + 1 < nfound && found[i + 1].kind == found[i].kind && found[i + 1].doc == found[i].doc &&
            found[i + 1].scope == found[i].scope && found[i + 1].title_line < found[i].end + 40 &&
            !found[i].kind_by_rows && !found[i + 1].kind_by_rows) {
            found[i + 1].first = found[i].first;
            found[i + 1].title_line = found[i].title_line;
            free(found[i + 1].title);
            found[i + 1].title = t2x_xstrdup(found[i].title);
            found[i].kind = T2X_STMT_ANY; /* merged into the next */
            continue;
        }
        if (!t2x_table_read(&f->lines, &found[i])) found[i].kind = T2X_STMT_ANY;
        if (found[i].cut_line)
            t2x_diag_add(f->diag, T2X_WARNING, f->src.name, f->lines.v[found[i].cut_line].no, "table-cut",
                         "the statement \"%s\" is read up to this line only: a table line holds at most %d numbers "
                         "and a table at most %d lines", found[i].title, T2X_MAX_LINE_AMOUNTS, T2X_MAX_TABLE_LINES);
    }
    /* tables that only look like the registrant's statements are not read as statements */
    for (size_t i = 0; i < nfound; i++) {
        t2x_table *t = &found[i];
        if (t->kind == T2X_STMT_ANY) continue;
        char why[160];
        t->scope = t2x_statement_scope(&f->lines, f->sub.docs[t->doc].first, t, why, sizeof why);
        int years = t2x_table_distinct_years(t);
        if (t->scope == T2X_SCOPE_CONSOLIDATED && years > (t->kind == T2X_STMT_BALANCE ? 3 : 4)) {
            t->scope = T2X_SCOPE_SUMMARY;
            snprintf(why, sizeof why, "columns for %d years", years);
        }
        if (t->scope == T2X_SCOPE_CONSOLIDATED || t->scope == T2X_SCOPE_PARENT) continue;
        t2x_diag_add(f->diag, T2X_WARNING, f->src.name, f->lines.v[t->title_line].no, "not-consolidated",
                     "\"%s\" is %s (%s), not the registrant's consolidated %s: its amounts are not tagged",
                     t->title, t2x_scope_name(t->scope), why, t2x_stmt_kind_name(t->kind));
        t->kind = T2X_STMT_ANY;
    }
    /* one statement of each kind and scope, chosen by what the tables contain (choose.c) */
    t2x_choose_statements(found, nfound, f->data->labels);
    /* rows printed in sector sections state a sector's figures (scope.c) */
    for (size_t i = 0; i < nfound; i++) {
        int n = found[i].kind != T2X_STMT_ANY ? t2x_table_sectors(&found[i]) : 0;
        if (n)
            t2x_diag_add(f->diag, T2X_WARNING, f->src.name, f->lines.v[found[i].title_line].no, "sector-rows",
                         "%d rows of \"%s\" are printed in sector sections (such as \"%s\"): a sector's "
                         "figures, not the registrant's consolidated ones; not tagged",
                         n, found[i].title, first_sector(&found[i]));
    }
    size_t keep = 0;
    for (size_t i = 0; i < nfound; i++) {
        if (found[i].kind == T2X_STMT_ANY) {
            t2x_table_free(&found[i]);
            continue;
        }
        found[keep++] = found[i];
    }
    /* a scale stated once for several statements: a statement without its own caption takes
     * the nearest captioned statement's of the same document */
    for (size_t i = 0; i < keep; i++) {
        if (found[i].scale_found) continue;
        long best = -1;
        for (size_t j = 0; j < keep; j++) {
            if (j == i || !found[j].scale_found || found[j].doc != found[i].doc) continue;
            long dist = labs((long)found[j].title_line - (long)found[i].title_line);
            if (best < 0 || dist < best) {
                best = dist;
                found[i].scale = found[j].scale;
                found[i].except_per_share = found[j].except_per_share;
            }
        }
    }
    f->tables = found;
    f->ntables = keep;
    if (keep == 0) {
        st = incorporated_elsewhere(f);
        if (st != T2X_OK) return st;
        t2x_diag_add(f->diag, T2X_ERROR, f->src.name, 0, "no-statements",
                     "no financial statement (balance sheet, income, cash flows, equity) found");
        return T2X_ERR_NO_STATEMENTS;
    }
    return T2X_OK;
}

static void decide_identity(t2x_filing *f, const t2x_options *opt)
{
    t2x_header *h = &f->sub.hdr;
    f->form = t2x_xstrdup(f->cover.form ? f->cover.form : "10-K");
    f->annual = strncmp(f->form, "10-K", 4) == 0;
    f->registrant = t2x_xstrdup(f->cover.registrant ? f->cover.registrant : "Unknown registrant");
    /* period end: cover/header, else the latest balance-sheet date */
    f->period_end = f->cover.period_end;
    if (!f->period_end.y)
        for (size_t i = 0; i < f->ntables; i++)
            for (int c = 0; c < f->tables[i].ncols; c++)
                if (f->tables[i].cols[c].dated && t2x_date_cmp(f->tables[i].cols[c].end, f->period_end) > 0)
                    f->period_end = f->tables[i].cols[c].end;
    if (!f->period_end.y) /* no dated column: the latest balance an equity statement prints */
        for (size_t i = 0; i < f->ntables; i++)
            for (size_t r = 0; r < f->tables[i].nrows && f->tables[i].kind == T2X_STMT_EQUITY; r++)
                if (f->tables[i].rows[r].period_role && t2x_date_cmp(f->tables[i].rows[r].row_date, f->period_end) > 0)
                    f->period_end = f->tables[i].rows[r].row_date;
    /* fiscal year end */
    int fm = 0, fd = 0;
    if (h->fye && strlen(h->fye) == 4) {
        fm = (h->fye[0] - '0') * 10 + (h->fye[1] - '0');
        fd = (h->fye[2] - '0') * 10 + (h->fye[3] - '0');
    } else if (f->annual && f->period_end.y) {
        fm = f->period_end.m;
        fd = f->period_end.d;
    } else {
        /* a 10-Q balance sheet compares with the last fiscal year end */
        for (size_t i = 0; i < f->ntables && !fm; i++)
            if (f->tables[i].kind == T2X_STMT_BALANCE)
                for (int c = 0; c < f->tables[i].ncols; c++)
                    if (f->tables[i].cols[c].dated && t2x_date_cmp(f->tables[i].cols[c].end, f->period_end) < 0) {
                        fm = f->tables[i].cols[c].end.m;
                        fd = f->tables[i].cols[c].end.d;
                        break;
                    }
    }
    if (fm >= 1 && fm <= 12 && fd >= 1 && fd <= 31) snprintf(f->fye, sizeof f->fye, "--%02d-%02d", fm, fd);
    /* the main duration: the longest income/cash-flow column ending at the period end */
    int best = 0;
    for (size_t i = 0; i < f->ntables; i++)
        for (int c = 0; c < f->tables[i].ncols; c++) {
            t2x_column *col = &f->tables[i].cols[c];
            if (col->dated && !col->instant && !col->skip && t2x_date_cmp(col->end, f->period_end) == 0) {
                long len = t2x_date_diff(col->start, col->end);
                if (len > best) {
                    best = (int)len;
                    f->period_start = col->start;
                }
            }
        }
    if (!best) f->period_start = t2x_date_months_back(f->period_end, f->annual ? 12 : 3);
    int fy = f->period_end.y;
    if (fm && (f->period_end.m > fm || (f->period_end.m == fm && f->period_end.d > fd + 7))) fy++;
    if (fm == 12 && f->period_end.m == 1 && f->period_end.d < 8) fy--; /* a 52/53-week December year */
    snprintf(f->fy_focus, sizeof f->fy_focus, "%d", fy);
    if (f->annual || !fm) snprintf(f->fp_focus, sizeof f->fp_focus, "FY");
    else {
        int q = (months_between(fm, f->period_end.m) + 1) / 3;
        if (q < 1) q = 1;
        if (q > 3) q = 3;
        snprintf(f->fp_focus, sizeof f->fp_focus, "Q%d", q);
    }
    if (f->annual) snprintf(f->fp_focus, sizeof f->fp_focus, "FY");
    /* entity */
    const char *cik = opt && opt->cik ? opt->cik : h->cik;
    if (cik) {
        int ok = strlen(cik) <= 10 && strlen(cik) > 0;
        for (const char *p = cik; *p; p++) ok &= isdigit((unsigned char)*p) != 0;
        if (ok) f->cik = t2x_xasprintf("%010lu", strtoul(cik, NULL, 10));
    }
    if (f->cik) {
        f->scheme = t2x_xstrdup("http://www.sec.gov/CIK");
        f->entity = t2x_xstrdup(f->cik);
    } else {
        t2x_buf b = {0};
        for (const char *p = f->registrant; *p; p++)
            if (isalnum((unsigned char)*p)) t2x_buf_putc(&b, (char)toupper((unsigned char)*p));
        f->scheme = t2x_xstrdup("urn:txt2xbrl:entity-name");
        f->entity = b.data ? b.data : t2x_xstrdup("UNKNOWN");
        t2x_diag_add(f->diag, T2X_WARNING, f->src.name, 0, "no-cik",
                     "no CIK in the filing or on the command line (--cik); entity identified by name "
                     "under the scheme urn:txt2xbrl:entity-name");
    }
    f->prefix = (opt && t2x_prefix_valid(opt->prefix)) ? t2x_xstrdup(opt->prefix) : make_prefix(f->registrant);
    char iso[11];
    t2x_date_iso(f->period_end, iso);
    f->stem = t2x_xasprintf("%s-%.4s%.2s%.2s", f->prefix, iso, iso + 5, iso + 8);
    /* EFM 6.7.4: http://{authority}/{versionDate}; the prefix names the filer in the authority */
    f->ns = t2x_xasprintf("http://%s.txt2xbrl.invalid/%.4s%.2s%.2s", f->prefix, iso, iso + 5, iso + 8);
}

/* Does a statement of the model hold a fact (a cell with a context)? */
static int statement_facts(xmlNodePtr n)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (xmlStrEqual(c->name, BAD_CAST "cell") && xmlHasProp(c, BAD_CAST "context")) return 1;
        if ((xmlStrEqual(c->name, BAD_CAST "statement") || xmlStrEqual(c->name, BAD_CAST "row")) && statement_facts(c))
            return 1;
    }
    return 0;
}

/* The pipeline on a decoded source (taken over by the filing). */
static t2x_status convert_source(t2x_source *src, const t2x_options *opt, t2x_diag *diag, t2x_filing **out)
{
    *out = NULL;
    const t2x_data *data = t2x_data_get(t2x_data_dir(opt), diag);
    if (!data) {
        t2x_source_free(src);
        return T2X_ERR_DATA;
    }
    t2x_timings *tm = opt ? opt->timings : NULL; /* make bench: time per stage (stats.h) */
    double t0 = tm ? t2x_now_ms() : 0;
    t2x_filing *f = t2x_xcalloc(1, sizeof *f);
    f->diag = diag;
    f->data = data;
    f->src = *src;
    memset(src, 0, sizeof *src);
    t2x_status st;
    t2x_lines_split(&f->src, &f->lines);
    t2x_submission_parse(&f->lines, &f->sub);
    /* HTML documents become display lines like a text filing's (html.h) */
    unsigned formats = opt && opt->formats ? opt->formats : T2X_FMT_DEFAULT;
    st = t2x_html_read(&f->src, &f->lines, &f->sub, &f->html, (formats & T2X_FMT_IXBRL) != 0, diag);
    if (st != T2X_OK) {
        t2x_filing_free(f);
        return st;
    }
    if (f->sub.hdr.form && !form_supported(f->sub.hdr.form)) {
        t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "not-periodic-report",
                     "form %s is not a 10-K or 10-Q family report", f->sub.hdr.form);
        t2x_filing_free(f);
        return T2X_ERR_NOT_FILING;
    }
    st = find_tables(f);
    if (st != T2X_OK) {
        t2x_filing_free(f);
        return st;
    }
    /* the cover of the main document */
    size_t mainf = 0, maine = f->lines.n;
    for (size_t k = 0; k < f->sub.ndocs; k++)
        if (t2x_document_is_main(&f->sub.docs[k], &f->sub.hdr) || !f->sub.has_wrapper) {
            mainf = f->sub.docs[k].first;
            maine = f->sub.docs[k].end;
            break;
        }
    t2x_cover_read(&f->lines, mainf, maine, &f->sub.hdr, &f->cover);
    if (f->cover.form && !form_supported(f->cover.form)) {
        t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "not-periodic-report",
                     "form %s is not a 10-K or 10-Q family report", f->cover.form);
        t2x_filing_free(f);
        return T2X_ERR_NOT_FILING;
    }
    t2x_period_hint hint;
    memset(&hint, 0, sizeof hint);
    hint.period_end = f->cover.period_end;
    hint.annual = f->cover.form ? strncmp(f->cover.form, "10-K", 4) == 0 : 1;
    if (f->sub.hdr.fye && strlen(f->sub.hdr.fye) == 4) {
        char mm[3] = {f->sub.hdr.fye[0], f->sub.hdr.fye[1], 0}, dd[3] = {f->sub.hdr.fye[2], f->sub.hdr.fye[3], 0};
        hint.fye_month = atoi(mm);
        hint.fye_day = atoi(dd);
    }
    for (size_t i = 0; i < f->ntables; i++) {
        t2x_table *t = &f->tables[i];
        t2x_periods_resolve(t, &f->lines, &hint, f->src.name, diag);
        int n = t2x_table_entity_columns(t); /* scope.c */
        if (n)
            t2x_diag_add(diag, T2X_WARNING, f->src.name, f->lines.v[t->title_line].no, "entity-columns",
                         "%d columns of \"%s\" each state one entity's or sector's figures (\"%s\"): not tagged",
                         n, t->title, t->cols[0].header ? t->cols[0].header : "");
    }
    align_week_years(f);
    decide_identity(f, opt);
    if (!f->period_end.y) { /* no date anywhere: nothing can be tagged (never a guessed date) */
        t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "no-period",
                     "no report period: neither a header, the cover nor any column heading prints a date; "
                     "nothing can be tagged");
        t2x_filing_free(f);
        return T2X_ERR_NO_STATEMENTS;
    }
    if (tm) t2x_timing_lap(&tm->parse_ms, &t0);
    f->ext.prefix = t2x_xstrdup(f->prefix);
    for (size_t i = 0; i < f->ntables; i++) {
        t2x_calc_issues ci = {0};
        t2x_arith_solve(&f->tables[i], &ci);
        add_calc_issues(f, i, &ci);
        t2x_map_table(&f->tables[i], data->labels, data->concepts, &f->ext, &f->lines, f->src.name, diag);
    }
    add_notes(f, &hint);
    align_week_years(f); /* again, for the notes' columns */
    if (tm) t2x_timing_lap(&tm->map_ms, &t0);
    t2x_model_build(f);
    if (!statement_facts(xmlDocGetRootElement(f->model))) {
        t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "nothing-taggable",
                     "no amount of the statements found could be tagged (see the warnings for why)");
        t2x_filing_free(f);
        return T2X_ERR_NO_STATEMENTS;
    }
    t2x_ex27_check(f); /* EX-27 cross-check: reads the model, adds <ex27> (ex27check.c) */
    if (tm) t2x_timing_lap(&tm->model_ms, &t0);
    *out = f;
    return T2X_OK;
}

t2x_status t2x_convert_bytes(const unsigned char *bytes, size_t len, const char *name,
                             const t2x_options *opt, t2x_diag *diag, t2x_filing **out)
{
    t2x_source src;
    *out = NULL;
    double t0 = opt && opt->timings ? t2x_now_ms() : 0;
    t2x_status st = t2x_source_from_bytes(bytes, len, name, &src, diag);
    if (opt && opt->timings) t2x_timing_lap(&opt->timings->read_ms, &t0);
    if (st != T2X_OK) {
        t2x_source_free(&src);
        return st;
    }
    return convert_source(&src, opt, diag, out);
}

t2x_status t2x_convert_file(const char *path, const t2x_options *opt, t2x_diag *diag, t2x_filing **out)
{
    t2x_source src;
    *out = NULL;
    double t0 = opt && opt->timings ? t2x_now_ms() : 0;
    t2x_status st = t2x_source_read(path, &src, diag);
    if (opt && opt->timings) t2x_timing_lap(&opt->timings->read_ms, &t0);
    if (st != T2X_OK) {
        t2x_source_free(&src);
        return st;
    }
    return convert_source(&src, opt, diag, out);
}

const char *t2x_filing_stem(const t2x_filing *f) { return f->stem; }

char *t2x_filing_model_xml(const t2x_filing *f, size_t *len)
{
    xmlChar *mem = NULL;
    int n = 0;
    xmlDocDumpFormatMemoryEnc(f->model, &mem, &n, "UTF-8", 1);
    char *s = t2x_xstrndup((const char *)mem, (size_t)n);
    xmlFree(mem);
    if (len) *len = (size_t)n;
    return s;
}

void t2x_filing_free(t2x_filing *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->ntables; i++) t2x_table_free(&f->tables[i]);
    free(f->tables);
    for (size_t i = 0; i < f->nissues; i++) {
        free(f->issues[i].calc.printed);
        free(f->issues[i].calc.computed);
    }
    free(f->issues);
    t2x_cover_free(&f->cover);
    t2x_extensions_free(&f->ext);
    for (size_t i = 0; i < f->sub.ndocs; i++) t2x_html_skeleton_free(f->sub.docs[i].xhtml);
    t2x_submission_free(&f->sub);
    t2x_lines_free(&f->lines);
    t2x_source_free(&f->src);
    free(f->form);
    free(f->registrant);
    free(f->prefix);
    free(f->stem);
    free(f->ns);
    free(f->scheme);
    free(f->entity);
    free(f->cik);
    if (f->model) xmlFreeDoc(f->model);
    free(f);
}

/* ---------------------------------------------------------------- outputs */


/* STEM.report.json: what was found, mapped, left unmapped, warned about. */
static char *report_json(const t2x_filing *f)
{
    t2x_buf b = {0};
    char iso[11];
    t2x_date_iso(f->period_end, iso);
    t2x_buf_puts(&b, "{\n  \"tool\": \"txt2xbrl " T2X_VERSION "\",\n  \"source\": {\"name\": ");
    t2x_buf name = {0}; /* a file name is bytes: made valid UTF-8 */
    t2x_buf_add_name(&name, f->src.name);
    t2x_buf_json_str(&b, name.data ? name.data : "");
    free(name.data);
    t2x_buf_printf(&b, ", \"sha256\": \"%s\", \"length\": %zu},\n", f->src.sha256, f->src.len);
    t2x_buf_puts(&b, "  \"form\": ");
    t2x_buf_json_str(&b, f->form);
    t2x_buf_printf(&b, ",\n  \"period-end\": \"%s\",\n  \"stem\": ", iso);
    t2x_buf_json_str(&b, f->stem);
    t2x_buf_puts(&b, ",\n  \"registrant\": ");
    t2x_buf_json_str(&b, f->registrant);
    t2x_buf_puts(&b, ",\n  \"cik\": ");
    if (f->cik) t2x_buf_json_str(&b, f->cik);
    else t2x_buf_puts(&b, "null");
    t2x_buf_puts(&b, ",\n  \"statements\": [");
    size_t facts = 0;
    for (size_t i = 0; i < f->ntables; i++) {
        const t2x_table *t = &f->tables[i];
        int rows = 0, label = 0, arith = 0, ext = 0, cells = 0;
        for (size_t r = 0; r < t->nrows; r++) {
            const t2x_row *row = &t->rows[r];
            if (row->kind != T2X_ROW_ITEM) continue;
            rows++;
            label += row->mapped == T2X_MAP_LABEL;
            arith += row->mapped == T2X_MAP_ARITH;
            ext += row->mapped == T2X_MAP_EXTENSION;
            for (int c = 0; c < t->ncols; c++) cells += row->cells[c].present;
        }
        facts += (size_t)cells;
        t2x_buf_printf(&b, "%s\n    {\"kind\": \"%s\", \"title\": ", i ? "," : "", t2x_stmt_kind_name(t->kind));
        t2x_buf_json_str(&b, t->title);
        t2x_buf_printf(&b, ", \"first-line\": %ld, \"last-line\": %ld, \"columns\": %d, \"rows\": %d, "
                           "\"mapped-by-label\": %d, \"mapped-by-arithmetic\": %d, \"extension\": %d, "
                           "\"amounts\": %d}",
                       f->lines.v[t->title_line].no, f->lines.v[t->end ? t->end - 1 : 0].no, t->ncols, rows,
                       label, arith, ext, cells);
    }
    t2x_buf_printf(&b, "\n  ],\n  \"amounts\": %zu,\n  \"issues\": [", facts);
    size_t k = 0;
    for (size_t i = 0; i < f->diag->count; i++) {
        const t2x_diag_item *it = &f->diag->items[i];
        static const char *const sev[] = {"info", "warning", "error"};
        t2x_buf_printf(&b, "%s\n    {\"severity\": \"%s\", \"code\": ", k++ ? "," : "", sev[it->severity]);
        t2x_buf_json_str(&b, it->code);
        t2x_buf_printf(&b, ", \"line\": %ld, \"message\": ", it->line);
        t2x_buf_json_str(&b, it->message);
        t2x_buf_putc(&b, '}');
    }
    t2x_buf_puts(&b, "\n  ]");
    t2x_ex27_report_json(f->model, &b); /* "ex27-summary" and "ex27" (ex27check.c) */
    t2x_buf_puts(&b, "\n}\n");
    return b.data;
}

/* The linkbases whose templates are installed, as schema.xsl's `linkbases` parameter. */
static void linkbase_list(const char *data_dir, char *out, size_t n)
{
    static const char *const lb[][2] = {{"presentation.xsl", "pre"}, {"calculation.xsl", "cal"},
                                        {"definition.xsl", "def"}, {"label.xsl", "lab"}};
    out[0] = '\0';
    for (size_t i = 0; i < sizeof lb / sizeof lb[0]; i++) {
        char *tp = t2x_xasprintf("%s/templates/%s", data_dir, lb[i][0]);
        if (t2x_file_exists(tp) && strlen(out) + 5 < n) {
            if (out[0]) strcat(out, " ");
            strcat(out, lb[i][1]);
        }
        free(tp);
    }
}

/* STEM.zip (package.h): the instance, renamed STEM.xbrl, and the DTS files rendered; NULL
 * (and an error) when it cannot be built. */
static char *build_package(const t2x_filing *f, char *const *bufs, const size_t *lens, const char *const *suffixes,
                           const unsigned *fmts, size_t n, size_t *zlen, t2x_diag *diag)
{
    t2x_package_file *pf = t2x_xcalloc(n, sizeof *pf);
    char **names = t2x_xcalloc(n, sizeof *names);
    size_t np = 0;
    for (size_t i = 0; i < n; i++)
        if (bufs[i] && (fmts[i] == T2X_FMT_XBRL || fmts[i] == T2X_FMT_DTS)) {
            names[np] = t2x_xasprintf("%s%s", f->stem, fmts[i] == T2X_FMT_XBRL ? ".xbrl" : suffixes[i]);
            pf[np] = (t2x_package_file){names[np], bufs[i], lens[i]};
            np++;
        }
    char *zip = t2x_package_build(f->stem, pf, np, zlen);
    if (!zip)
        t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "package", "cannot build the report package %s.zip",
                     f->stem);
    for (size_t i = 0; i < np; i++) free(names[i]);
    free(names);
    free(pf);
    return zip;
}

/* Add STEM+suffix with `data` (taken) of format `fmt` to the set. */
static void set_add(t2x_outfile **set, size_t *n, size_t *cap, const t2x_filing *f, const char *suffix, char *data,
                    size_t len, unsigned fmt)
{
    *set = t2x_grow(*set, cap, *n + 1, sizeof **set);
    (*set)[(*n)++] = (t2x_outfile){t2x_xasprintf("%s%s", f->stem, suffix), data, len, fmt, 0};
}

void t2x_filing_outputs_free(t2x_outfile *set, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)set[i].name);
        free((char *)set[i].data);
    }
    free(set);
}

t2x_status t2x_filing_outputs(const t2x_filing *f, const t2x_options *opt, t2x_outfile **out, size_t *nout,
                              t2x_diag *diag)
{
    unsigned fmt = opt && opt->formats ? opt->formats : T2X_FMT_DEFAULT;
    /* what to render: the requested formats, and what the package holds */
    unsigned render = fmt | ((fmt & T2X_FMT_PACKAGE) ? (T2X_FMT_XBRL | T2X_FMT_DTS) : 0u);
    *out = NULL;
    *nout = 0;
    const char *data_dir = t2x_data_dir(opt);
    static const struct { unsigned fmt; const char *tmpl, *suffix; } outs[] = {
        {T2X_FMT_XBRL, "instance.xsl", ".xml"},
        {T2X_FMT_DTS, "schema.xsl", ".xsd"},
        {T2X_FMT_DTS, "presentation.xsl", "_pre.xml"},
        {T2X_FMT_DTS, "calculation.xsl", "_cal.xml"},
        {T2X_FMT_DTS, "label.xsl", "_lab.xml"},
        {T2X_FMT_DTS, "definition.xsl", "_def.xml"},
        {T2X_FMT_IXBRL, "inline.xsl", ".htm"},
        {T2X_FMT_JSON, "json.xsl", ".json"},
    };
    enum { NOUT = sizeof outs / sizeof outs[0] };
    char *bufs[NOUT] = {0};
    size_t lens[NOUT] = {0};
    char linkbases[32];
    linkbase_list(data_dir, linkbases, sizeof linkbases);
    const char *schema_params[] = {"linkbases", linkbases, NULL};
    t2x_status st = T2X_OK;
    for (size_t i = 0; i < NOUT && st == T2X_OK; i++) {
        if (!(render & outs[i].fmt)) continue;
        char *tp = t2x_xasprintf("%s/templates/%s", data_dir, outs[i].tmpl);
        int exists = t2x_file_exists(tp);
        free(tp);
        if (!exists) {
            if (outs[i].fmt == T2X_FMT_DTS && i > 1) continue; /* linkbases: optional templates */
            t2x_diag_add(diag, T2X_ERROR, f->src.name, 0, "format-unavailable",
                         "output format needs templates/%s, which is not installed", outs[i].tmpl);
            st = T2X_ERR_DATA;
            break;
        }
        double tr = opt && opt->timings ? t2x_now_ms() : 0;
        if (outs[i].fmt == T2X_FMT_IXBRL) { /* inline.xsl reads the model with its source text */
            st = t2x_inline_render(f, data_dir, &bufs[i], &lens[i], diag);
        } else {
            st = t2x_render(f->model, data_dir, outs[i].tmpl,
                            strcmp(outs[i].tmpl, "schema.xsl") == 0 ? schema_params : NULL, &bufs[i], &lens[i], diag);
        }
        if (opt && opt->timings) t2x_timing_output(opt->timings, outs[i].tmpl, t2x_now_ms() - tr, lens[i]);
    }
    t2x_outfile *set = NULL;
    size_t n = 0, cap = 0;
    if (st == T2X_OK && (fmt & T2X_FMT_PACKAGE)) {
        const char *suffixes[NOUT];
        unsigned fmts[NOUT];
        for (size_t i = 0; i < NOUT; i++) {
            suffixes[i] = outs[i].suffix;
            fmts[i] = outs[i].fmt;
        }
        size_t zlen = 0;
        char *zip = build_package(f, bufs, lens, suffixes, fmts, NOUT, &zlen, diag);
        if (zip) set_add(&set, &n, &cap, f, ".zip", zip, zlen, T2X_FMT_PACKAGE);
        else st = T2X_ERR_INTERNAL;
    }
    for (size_t i = 0; i < NOUT; i++) {
        if (st == T2X_OK && bufs[i] && (fmt & outs[i].fmt)) set_add(&set, &n, &cap, f, outs[i].suffix, bufs[i], lens[i], outs[i].fmt);
        else free(bufs[i]);
    }
    if (st == T2X_OK && (fmt & T2X_FMT_MODEL)) {
        size_t len;
        double tr = opt && opt->timings ? t2x_now_ms() : 0;
        char *m = t2x_filing_model_xml(f, &len);
        if (opt && opt->timings) t2x_timing_output(opt->timings, "model.xml", t2x_now_ms() - tr, len);
        set_add(&set, &n, &cap, f, ".model.xml", m, len, T2X_FMT_MODEL);
    }
    if (st == T2X_OK && (fmt & T2X_FMT_REPORT)) {
        double tr = opt && opt->timings ? t2x_now_ms() : 0;
        char *r = report_json(f);
        if (opt && opt->timings) t2x_timing_output(opt->timings, "report.json", t2x_now_ms() - tr, strlen(r));
        set_add(&set, &n, &cap, f, ".report.json", r, strlen(r), T2X_FMT_REPORT);
    }
    if (st != T2X_OK) {
        t2x_filing_outputs_free(set, n);
        return st;
    }
    *out = set;
    *nout = n;
    return T2X_OK;
}

t2x_status t2x_filing_write_set(const t2x_filing *f, const char *dir, const t2x_options *opt, const t2x_outfile *set,
                                size_t n, t2x_outset_check check, void *ctx, t2x_diag *diag)
{
    double tw = opt && opt->timings ? t2x_now_ms() : 0;
    const char *what = NULL;
    t2x_status st = T2X_OK;
    if (t2x_outset_write_stem(dir, f->stem, set, n, check, ctx, &what) != 0) {
        if (errno == ECANCELED) {
            st = T2X_ERR_VERIFY; /* the check said why */
        } else {
            t2x_diag_add(diag, T2X_ERROR, dir, 0, "io", "%s the outputs of %s: %s", what, f->stem, strerror(errno));
            st = T2X_ERR_IO;
        }
    }
    if (opt && opt->timings) t2x_timing_lap(&opt->timings->write_ms, &tw);
    return st;
}

t2x_status t2x_filing_write(const t2x_filing *f, const char *dir, const t2x_options *opt, t2x_diag *diag)
{
    t2x_outfile *set;
    size_t n;
    /* render everything first, then write: a template error leaves nothing */
    t2x_status st = t2x_filing_outputs(f, opt, &set, &n, diag);
    if (st != T2X_OK) return st;
    st = t2x_filing_write_set(f, dir, opt, set, n, NULL, NULL, diag);
    t2x_filing_outputs_free(set, n);
    return st;
}
