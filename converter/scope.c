/*
 * scope.c — whose figures a statement states (table.h, issue 9): the registrant's consolidated
 * statements, or a parent-company-only statement (Schedule I, "Condensed Financial Information
 * of Registrant"), or a table that only looks like a statement — selected financial data and
 * multi-year summaries, quarterly data, a sector's statements "on an equity basis",
 * consolidating (parent | guarantors | eliminations) statements, pro forma statements and note
 * tables led in as pro forma. Read from the heading lines printed around the title (page
 * headers, subtitles) and a note table's lead-in sentence, never from the company or the file.
 */
#include "table.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Upper-case copy with runs of blanks folded, trimmed. */
static void fold(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int sp = 1;
    for (; *s && n + 1 < cap; s++) {
        if (*s == ' ' || *s == '\t') {
            if (!sp) out[n++] = ' ';
            sp = 1;
            continue;
        }
        out[n++] = (char)toupper((unsigned char)*s);
        sp = 0;
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = '\0';
}

/* Is `w` in `u` as whole words (not "SCHEDULE II" for "SCHEDULE I")? */
static int word(const char *u, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = strstr(u, w); p; p = strstr(p + 1, w)) {
        int left = p == u || !isalnum((unsigned char)p[-1]);
        int right = !isalnum((unsigned char)p[n]);
        if (left && right) return 1;
    }
    return 0;
}

/* A heading line: a short phrase, not a row of column headings ("Parent   Guarantors") nor a
 * sentence. */
static int phrase_line(const t2x_line *ln)
{
    const char *t = ln->text + t2x_line_indent(ln);
    if (ln->ncols - t2x_line_indent(ln) > 90) return 0;
    int words = 0, lower = 0, letters = 0;
    for (int i = 0; t[i]; i++) {
        if (t[i] == ' ' && t[i + 1] == ' ' && t[i + 2] == ' ' && t[i + 3] && t[i + 3] != ' ') return 0;
        if (isalpha((unsigned char)t[i])) {
            letters++;
            lower += islower((unsigned char)t[i]) != 0;
        }
        if (t[i] != ' ' && (i == 0 || t[i - 1] == ' ')) words++;
    }
    return words <= 14 && !(words >= 9 && lower * 2 > letters);
}

/* Does the line end a table or a passage above a statement's headings (an amount at its end,
 * a page break, a "See notes" line)? */
static int stops_upward(const t2x_line *ln)
{
    if (t2x_starts_with_ci(ln->text, "<PAGE>") || strstr(ln->text, "</TABLE>")) return 1;
    int k = ln->ncols - 1;
    while (k >= 0 && ln->text[k] == ' ') k--;
    if (k >= 1 && ln->text[k] == ')') k--; /* "(1,234)" */
    if (k >= 30 && isdigit((unsigned char)ln->text[k]) && ln->text[k - 1] != '-') return 1; /* not "F-2" */
    char u[128];
    fold(ln->text, u, sizeof u);
    return strncmp(u, "SEE ", 4) == 0 || strncmp(u, "THE ACCOMPANYING", 16) == 0;
}

/* What one heading line says about scope. */
static t2x_scope line_scope(const char *text)
{
    char u[512];
    fold(text, u, sizeof u);
    if (strstr(u, "GUARANTOR") || strstr(u, "CONSOLIDATING")) return T2X_SCOPE_CONSOLIDATING;
    if (strstr(u, "EQUITY BASIS")) return T2X_SCOPE_SEGMENT;
    if (strstr(u, "PARENT COMPANY") || strstr(u, "PARENT-COMPANY") || strstr(u, "PARENT ONLY") ||
        strstr(u, "PARENT CORPORATION ONLY") || strstr(u, "REGISTRANT ONLY") ||
        strstr(u, "INFORMATION OF REGISTRANT") || strstr(u, "INFORMATION OF THE REGISTRANT") ||
        strstr(u, "STATEMENTS OF REGISTRANT") || word(u, "SCHEDULE I"))
        return T2X_SCOPE_PARENT;
    if (strstr(u, "PRO FORMA") || strstr(u, "PROFORMA")) return T2X_SCOPE_PRO_FORMA;
    if (strstr(u, "QUARTERLY") || strstr(u, "BY QUARTER")) return T2X_SCOPE_QUARTERLY;
    if (strstr(u, "SELECTED FINANCIAL") || strstr(u, "SELECTED CONSOLIDATED") || word(u, "SUMMARY") ||
        strstr(u, "FIVE-YEAR") || strstr(u, "FIVE YEAR") || strstr(u, "TEN-YEAR") || strstr(u, "TEN YEAR") ||
        strstr(u, "ELEVEN-YEAR") || strstr(u, "HIGHLIGHTS"))
        return T2X_SCOPE_SUMMARY;
    /* "BALANCE SHEET DATA:", "Operating data" — not "Financial Statements and Supplementary Data" */
    size_t n = strlen(u);
    while (n && (u[n - 1] == ':' || u[n - 1] == '.' || u[n - 1] == ')')) n--;
    if (n >= 5 && strncmp(u + n - 5, " DATA", 5) == 0 && !strstr(u, "SUPPLEMENTA") && !strstr(u, "STATEMENTS AND"))
        return T2X_SCOPE_SUMMARY;
    return T2X_SCOPE_CONSOLIDATED;
}

t2x_scope t2x_statement_scope(const t2x_lines *L, size_t from, const t2x_table *t, char *why, size_t cap)
{
    if (why && cap) why[0] = '\0';
    t2x_scope found = T2X_SCOPE_CONSOLIDATED;
    size_t at = t->title_line;
    /* the title, the heading block above it (page headers, "SCHEDULE I", the company's
     * name) up to the previous table, page break or passage */
    size_t up = t->title_line, floor_ = t->title_line > from + 10 ? t->title_line - 10 : from;
    while (up > floor_ && !stops_upward(&L->v[up - 1])) up--;
    for (size_t i = up; i <= t->title_line && i < L->n; i++) {
        if (t2x_line_blank(&L->v[i]) || !phrase_line(&L->v[i])) continue;
        t2x_scope s = line_scope(L->v[i].text);
        if (s != T2X_SCOPE_CONSOLIDATED && (found == T2X_SCOPE_CONSOLIDATED || s == T2X_SCOPE_CONSOLIDATING)) {
            found = s;
            at = i;
        }
    }
    /* the subtitle lines below the title, before the table: phrases, not column headings */
    size_t last = t->nrows ? t->rows[0].first_line : t->title_line + 6;
    for (size_t i = t->title_line + 1; i < last && i < t->end && i < L->n; i++) {
        const t2x_line *ln = &L->v[i];
        if (t2x_line_blank(ln)) continue;
        t2x_scope s = line_scope(ln->text);
        /* a column heading naming guarantors or eliminations makes a consolidating statement */
        if (s == T2X_SCOPE_CONSOLIDATING || (phrase_line(ln) && s != T2X_SCOPE_CONSOLIDATED &&
                                             s != T2X_SCOPE_SUMMARY && found == T2X_SCOPE_CONSOLIDATED)) {
            found = s;
            at = i;
        }
    }
    if (found != T2X_SCOPE_CONSOLIDATED && why && cap) {
        char *w = t2x_trim(t2x_xstrdup(L->v[at].text));
        snprintf(why, cap, "\"%.100s\" (line %ld)", w, L->v[at].no);
        free(w);
    }
    return found;
}

int t2x_table_distinct_years(const t2x_table *t)
{
    int years[64], n = 0;
    for (int c = 0; c < t->ncols; c++) {
        const char *h = t->cols[c].header;
        for (const char *p = h; p && *p; p++) {
            if (!((p[0] == '1' && p[1] == '9') || (p[0] == '2' && p[1] == '0')) || !isdigit((unsigned char)p[2]) ||
                !isdigit((unsigned char)p[3]) || isdigit((unsigned char)p[4]) || (p > h && isalnum((unsigned char)p[-1])))
                continue;
            int y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
            int seen = 0;
            for (int k = 0; k < n; k++) seen |= years[k] == y;
            if (!seen && n < 64) years[n++] = y;
        }
    }
    return n;
}

/* Lower-case words of a label, blanks folded, punctuation except '&' and '-' dropped. */
static void words_of(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int sp = 1;
    for (; *s && n + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c) || c == '&' || c == '\'') {
            out[n++] = (char)tolower(c);
            sp = 0;
        } else if (!sp) {
            out[n++] = ' ';
            sp = 1;
        }
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = '\0';
}

/* Does a group heading name an accounting item or group rather than a sector? */
static int accounting_words(const char *w)
{
    static const char *const acct[] = {
        "asset", "liabilit", "equity", "capital", "revenue", "sales", "income", "earning", "expense", "cost",
        "cash", "activit", "stock", "share", "investment", "property", "debt", "deferred", "other", "current",
        "operating", "investing", "financing", "total", "net", "reserve", "receivable", "inventor", "tax",
        "interest", "loss", "gain", "deposit", "loan", "premium", "benefit", "borrowing", "payable",
        "dividend", "contingenc", "commitment", "supplement", "noncash", "non-cash", "adjustment", "change",
        "balance", "per ", "year", "month", "ended", "note", "december", "unaudited", "amount", "million",
        "thousand", "dollars", "continued", "source", "use", "fund", "securit", "provision", "charge",
        "minority", "preferred", "common", "retained", "treasury", "accumulated", "allowance", "depreciation",
        NULL};
    for (const char *const *a = acct; *a; a++)
        if (strstr(w, *a)) return 1;
    return 0;
}

/* Is phrase p in w as whole words? */
static int has_phrase(const char *w, const char *p)
{
    size_t n = strlen(p);
    for (const char *q = strstr(w, p); q; q = strstr(q + 1, p))
        if ((q == w || q[-1] == ' ') && (q[n] == '\0' || q[n] == ' ')) return 1;
    return 0;
}

/* A sector heading printed right under a section heading ("ASSETS" / "Homebuilding:") is read
 * as one wrapped heading "ASSETS Homebuilding:": the words after the capitals of the section
 * heading name the sector when those capitals are accounting words and the rest is printed in
 * lower case ("assets homebuilding" -> "homebuilding"). Any other heading stays as it is. */
static void sector_words(const char *label, char *w, size_t cap)
{
    words_of(label, w, cap);
    const char *p = label, *cut = NULL;
    while (*p && !islower((unsigned char)*p)) {
        if (*p == ' ' && p[1] && isupper((unsigned char)p[1]) && islower((unsigned char)p[2])) cut = p + 1;
        p++;
    }
    size_t n = strlen(label);
    while (n && label[n - 1] == ' ') n--;
    if (!cut || !*p || n == 0 || label[n - 1] != ':') return;
    char head[128], tail[128];
    snprintf(head, sizeof head, "%.*s", (int)(cut - label), label);
    words_of(head, tail, sizeof tail);
    if (!tail[0] || !accounting_words(tail)) return;
    for (const char *q = head; *q; q++)
        if (islower((unsigned char)*q)) return;
    words_of(cut, w, cap);
}

/* Does a row label (after the sector's name) state the sector's result ("pretax loss",
 * "income before income taxes", "operating profit")? */
static int result_words(const char *w)
{
    static const char *const res[] = {"income", "loss", "earning", "profit", "pretax", "pre-tax", "margin",
                                      "contribution", NULL};
    for (const char *const *a = res; *a; a++)
        if (strstr(w, *a)) return 1;
    return 0;
}

int t2x_table_sectors(t2x_table *t)
{
    if (t->kind == T2X_STMT_EQUITY || t->kind == T2X_STMT_NOTE) return 0;
    size_t *open_ = t2x_xcalloc(t->nrows + 1, sizeof *open_), *close_ = t2x_xcalloc(t->nrows + 1, sizeof *close_);
    char(*name_)[48] = t2x_xcalloc(t->nrows + 1, sizeof *name_);
    size_t nb = 0;
    char names[8][48];
    int nnames = 0;
    for (size_t h = 0; h < t->nrows; h++) {
        const t2x_row *hr = &t->rows[h];
        if (hr->kind != T2X_ROW_HEADER || !hr->label[0]) continue;
        char hw[128];
        sector_words(hr->label, hw, sizeof hw);
        int nw = 1;
        for (const char *p = hw; *p; p++) nw += *p == ' ';
        if (!hw[0] || nw > 4 || accounting_words(hw)) continue;
        /* the row that closes its block names it again: a total or a "… - Sector" line */
        for (size_t r = h + 1; r < t->nrows; r++) {
            const t2x_row *cr = &t->rows[r];
            if (cr->kind == T2X_ROW_HEADER) {
                char w2[128];
                words_of(cr->label, w2, sizeof w2);
                if (strcmp(w2, hw) == 0) break; /* the same heading again: not closed */
                continue;
            }
            char lw[512];
            words_of(cr->label, lw, sizeof lw);
            size_t ll = strlen(lw), hl = strlen(hw);
            int ends = ll > hl && strcmp(lw + ll - hl, hw) == 0 && lw[ll - hl - 1] == ' ';
            /* "Homebuilding pretax loss", "Financial services pretax income": the sector's result */
            int starts = ll > hl && strncmp(lw, hw, hl) == 0 && lw[hl] == ' ' && result_words(lw + hl);
            if (has_phrase(lw, hw) && (strncmp(lw, "total ", 6) == 0 || ends || starts)) {
                open_[nb] = h;
                close_[nb] = r;
                nb++;
                int known = 0;
                for (int k = 0; k < nnames; k++) known |= strcmp(names[k], hw) == 0;
                if (!known && nnames < 8) snprintf(names[nnames++], sizeof names[0], "%s", hw);
                snprintf(name_[nb - 1], sizeof name_[0], "%s", hw);
                break;
            }
        }
    }
    int marked = 0;
    if (nnames >= 2)
        for (size_t b = 0; b < nb; b++)
            for (size_t r = open_[b]; r <= close_[b]; r++) {
                snprintf(t->rows[r].sector, sizeof t->rows[r].sector, "%s", name_[b]);
                marked += t->rows[r].kind == T2X_ROW_ITEM;
            }
    free(open_);
    free(close_);
    free(name_);
    return marked;
}

/* Words of column headings that speak of periods, dates, captions and print conventions. */
static int period_word(const char *w)
{
    static const char *const pw[] = {
        "year", "years", "ended", "ending", "end", "month", "months", "week", "weeks", "quarter", "quarters",
        "three", "six", "nine", "twelve", "fifty", "two", "three", "fifty-two", "fifty-three", "52", "53",
        "fiscal", "as", "of", "at", "for", "the", "and", "to", "from", "through", "period", "periods",
        "unaudited", "audited", "restated", "reported", "previously", "note", "notes", "in", "millions",
        "thousands", "dollars", "except", "per", "share", "amounts", "data", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan",
        "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inception",
        "predecessor", "successor", "company", "actual", "date", "dates", "days", "day", "weeks", "on",
        "continued", "000", "000's", "s", "historical", "pro", "forma", "proforma", "adjusted", "adjustments",
        "change", "changes", "increase", "decrease", "percent", "pct", "comprehensive", "consolidated",
        "condensed", "statement", "statements", "operations", "results", "unaudited", "budget", NULL};
    if (!*w) return 1;
    int digits = 1;
    for (const char *p = w; *p; p++) digits &= isdigit((unsigned char)*p) != 0;
    if (digits) return 1;
    for (const char *const *p = pw; *p; p++)
        if (strcmp(w, *p) == 0) return 1;
    return 0;
}

/* The words of a column heading beyond periods, in order, space-separated. */
static void entity_words(const char *header, char *out, size_t cap)
{
    char w[512];
    words_of(header ? header : "", w, sizeof w);
    size_t n = 0;
    out[0] = '\0';
    for (char *tok = strtok(w, " "); tok; tok = strtok(NULL, " ")) {
        if (period_word(tok) || (accounting_words(tok) && strcmp(tok, "total") != 0)) continue;
        size_t l = strlen(tok);
        if (n + l + 2 >= cap) break;
        if (n) out[n++] = ' ';
        memcpy(out + n, tok, l + 1);
        n += l;
    }
}

int t2x_table_entity_columns(t2x_table *t)
{
    if (t->kind == T2X_STMT_EQUITY || t->ncols < 2) return 0;
    char (*ew)[160] = t2x_xcalloc((size_t)t->ncols, sizeof *ew);
    for (int c = 0; c < t->ncols; c++) entity_words(t->cols[c].header, ew[c], sizeof ew[c]);
    /* columns told apart by words that name no period, caption or accounting item: two or
     * more such headings, or two columns of one period told apart only by their words */
    int distinct = 0;
    for (int c = 0; c < t->ncols && !distinct; c++)
        for (int d = c + 1; d < t->ncols && !distinct; d++)
            distinct = ew[c][0] && ew[d][0] && strcmp(ew[c], ew[d]) != 0;
    for (int c = 0; c < t->ncols && !distinct; c++) {
        const t2x_column *a = &t->cols[c];
        if (a->skip || !a->dated || !ew[c][0]) continue;
        for (int d = 0; d < t->ncols && !distinct; d++) {
            const t2x_column *e = &t->cols[d];
            distinct = d != c && !e->skip && e->dated && e->instant == a->instant &&
                       t2x_date_cmp(e->end, a->end) == 0 && (a->instant || t2x_date_cmp(e->start, a->start) == 0) &&
                       strcmp(ew[c], ew[d]) != 0;
        }
    }
    int marked = 0;
    if (distinct)
        for (int c = 0; c < t->ncols; c++) {
            if (has_phrase(ew[c], "consolidated") || has_phrase(ew[c], "total") || has_phrase(ew[c], "combined") ||
                !ew[c][0])
                continue;
            /* a column already left out (two columns of one period) is one entity's all the same */
            marked += !t->cols[c].skip;
            t->cols[c].entity_group = 1;
            t->cols[c].skip = 1;
        }
    free(ew);
    return marked;
}

/* Does the sector name `name` (lower-case words) appear as whole words in `w`? */
static int names_sector(const char *w, const char *name) { return name[0] && has_phrase(w, name); }

/* Add w to the (at most 16) sector names unless it is empty or there already. */
static void add_name(char names[16][64], int *nn, const char *w)
{
    if (!w[0] || *nn >= 16) return;
    for (int k = 0; k < *nn; k++)
        if (strcmp(names[k], w) == 0) return;
    snprintf(names[(*nn)++], 64, "%s", w);
}

int t2x_note_sector(const t2x_lines *L, const t2x_table *note, const t2x_table *stmts, size_t nstmts, char *why,
                    size_t cap)
{
    /* the sectors the statements print: sector sections' headings, entity columns' words */
    char names[16][64];
    int nn = 0;
    for (size_t i = 0; i < nstmts; i++) {
        const t2x_table *t = &stmts[i];
        char w[64];
        for (size_t r = 0; r < t->nrows; r++)
            if (t->rows[r].sector[0]) {
                words_of(t->rows[r].sector, w, sizeof w);
                add_name(names, &nn, w);
            }
        for (int c = 0; c < t->ncols; c++)
            if (t->cols[c].entity_group) {
                entity_words(t->cols[c].header, w, sizeof w);
                add_name(names, &nn, w);
            }
    }
    if (!nn) return 0;
    /* the note's title, and its "NOTE n." heading up to 40 lines above */
    size_t lo = note->title_line > 40 ? note->title_line - 40 : 0;
    for (size_t i = note->title_line + 1; i-- > lo;) {
        const char *text = L->v[i].text;
        while (*text == ' ') text++;
        int heading = i == note->title_line || t2x_starts_with_ci(text, "NOTE ");
        if (!heading) continue;
        char w[512];
        words_of(text, w, sizeof w);
        for (int k = 0; k < nn; k++)
            if (names_sector(w, names[k])) {
                if (why && cap) snprintf(why, cap, "\"%.100s\" (line %ld) names the sector \"%s\"", text, L->v[i].no, names[k]);
                return 1;
            }
        if (i != note->title_line) break; /* the nearest note heading decides */
    }
    return 0;
}

/* Does upper-case text say pro forma? */
static int says_pro_forma(const char *u)
{
    return strstr(u, "PRO FORMA") || strstr(u, "PROFORMA") || strstr(u, "PRO-FORMA");
}

/* Is s[0..n) prose: three or more words outside parentheses written in lower case, at least two
 * in five of such words of letters ("Year Ended December 31, 2001 (dollars in millions)" and
 * "(IN THOUSANDS)" are headings)? */
static int prose_text(const char *s, size_t n)
{
    int words = 0, lower = 0, depth = 0;
    for (size_t i = 0; i < n; i++) {
        depth += (s[i] == '(') - (s[i] == ')');
        if (depth < 0) depth = 0;
        if (depth || s[i] == ' ' || (i > 0 && s[i - 1] != ' ')) continue;
        size_t k = i;
        while (k < n && s[k] == '"') k++;
        if (k >= n || !isalpha((unsigned char)s[k])) continue;
        words++;
        lower += islower((unsigned char)s[k]) != 0;
    }
    return lower >= 3 && lower * 5 >= words * 2;
}

/* Does a sentence end at s[i] ('.' or ':' followed by a blank or the end; not the point of
 * "Inc." "Corp." "U.S.")? */
static int sentence_end(const char *s, size_t i, size_t n)
{
    if (s[i] != '.' && s[i] != ':') return 0;
    if (i + 1 < n && s[i + 1] != ' ') return 0;
    if (s[i] == ':') return 1;
    size_t k = i + 1;
    while (k < n && s[k] == ' ') k++;
    if (k < n && !isupper((unsigned char)s[k]) && s[k] != '(') return 0;
    size_t w = i;
    while (w > 0 && s[w - 1] != ' ') w--;
    int dotted = memchr(s + w, '.', i - w) != NULL;
    return !(dotted || (i - w <= 4 && isupper((unsigned char)s[w])));
}

int t2x_note_pro_forma(const t2x_lines *L, const t2x_table *note, char *why, size_t cap)
{
    /* the lead-in: the title's paragraph and the one above it (a heading title under the
     * lead-in sentence), back to a table's last line or a page break, down to the first row */
    size_t top = note->title_line;
    int gaps = 0, blank = 0;
    while (top > 0 && note->title_line - top < 12) {
        const t2x_line *up = &L->v[top - 1];
        if (t2x_line_blank(up)) {
            if (!blank && ++gaps >= 2) break;
            blank = 1;
        } else {
            if (stops_upward(up)) break;
            blank = 0;
        }
        top--;
    }
    size_t last = note->nrows ? note->rows[0].first_line : note->first;
    if (last > L->n) last = L->n;
    /* a heading at or under the title naming pro forma figures ("Pro Forma (Unaudited)",
     * "Historical   Pro Forma"): not prose, not the end of a sentence */
    for (size_t i = note->title_line; i < last; i++) {
        const t2x_line *ln = &L->v[i];
        char u[512];
        fold(ln->text, u, sizeof u);
        size_t ul = strlen(u);
        if (!ul || prose_text(ln->text, strlen(ln->text)) || strchr(".:,;", u[ul - 1])) continue;
        if (says_pro_forma(u)) {
            if (why && cap) snprintf(why, cap, "\"%.100s\" (line %ld)", u, ln->no);
            return 1;
        }
    }
    /* the last sentence of prose before the table: "Unaudited pro forma results, assuming …,
     * are as follows:" — not an earlier sentence that speaks of pro forma effects */
    size_t cap_ = 1, n = 0;
    for (size_t i = top; i < last; i++) cap_ += strlen(L->v[i].text) + 1;
    char *text = t2x_xcalloc(cap_, 1);
    for (size_t i = top; i < last; i++) {
        const char *t = L->v[i].text;
        while (*t == ' ') t++;
        if (!*t || t2x_starts_with_ci(t, "<")) continue; /* <TABLE>, <CAPTION>, <S> */
        if (n) text[n++] = ' ';
        for (; *t; t++)
            if (*t != ' ' || (n && text[n - 1] != ' ')) text[n++] = *t;
        while (n && text[n - 1] == ' ') n--;
    }
    size_t from = 0, ps = 0, pe = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && !sentence_end(text, i, n)) continue;
        size_t e = i < n ? i + 1 : n;
        if (e > from && prose_text(text + from, e - from)) {
            ps = from;
            pe = e;
        }
        if (i == n) break;
        from = e;
        while (from < n && text[from] == ' ') from++;
        i = from - 1;
    }
    int yes = 0;
    if (pe > ps) {
        char *sentence = t2x_xcalloc(pe - ps + 1, 1);
        for (size_t i = ps; i < pe; i++) sentence[i - ps] = (char)toupper((unsigned char)text[i]);
        yes = says_pro_forma(sentence);
        if (yes && why && cap) snprintf(why, cap, "\"%.120s\"", text + ps);
        free(sentence);
    }
    free(text);
    return yes;
}

const char *t2x_scope_name(t2x_scope s)
{
    switch (s) {
    case T2X_SCOPE_CONSOLIDATED: return "consolidated";
    case T2X_SCOPE_PARENT: return "parent company only";
    case T2X_SCOPE_SUMMARY: return "selected financial data or a multi-year summary";
    case T2X_SCOPE_QUARTERLY: return "quarterly data";
    case T2X_SCOPE_SEGMENT: return "a segment's or sector's statement";
    case T2X_SCOPE_CONSOLIDATING: return "a consolidating statement (parent, guarantor, subsidiary columns)";
    case T2X_SCOPE_PRO_FORMA: return "pro forma";
    }
    return "unknown";
}
