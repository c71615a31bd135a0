/*
 * statements.c — find the financial statements in a document (legacy guide §1.7): title lines
 * ("Consolidated Balance Sheets", "STATEMENT OF EARNINGS", …) followed by a table, and the
 * region each one covers, across page breaks and repeated titles, up to the first line that
 * ends it ("See accompanying notes", prose, the next statement).
 */
#include "table.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Upper-case copy with runs of blanks folded, trimmed. */
static void fold_upper(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    int sp = 1;
    for (; *s && n + 1 < cap; s++) {
        char c = *s;
        if (c == ' ' || c == '\t') {
            if (!sp) out[n++] = ' ';
            sp = 1;
            continue;
        }
        out[n++] = (char)toupper((unsigned char)c);
        sp = 0;
    }
    while (n && out[n - 1] == ' ') n--;
    out[n] = '\0';
}

static int has(const char *s, const char *w) { return strstr(s, w) != NULL; }

t2x_stmt_kind t2x_title_kind(const char *text)
{
    char u[256];
    if (strlen(text) > 400) return T2X_STMT_ANY;
    fold_upper(text, u, sizeof u);
    size_t n = strlen(u);
    if (n < 8 || n > 110) return T2X_STMT_ANY;
    /* a sentence ("…and consolidated statements of income.") is not a title */
    const char *first = text + strspn(text, " \t");
    if (islower((unsigned char)*first) || u[n - 1] == '.' || u[n - 1] == ',') return T2X_STMT_ANY;
    /* not a title: references, table-of-contents lines, sentences */
    static const char *const not_title[] = {"NOTES TO", "SEE ", "INCLUDED", "REFER", "INCORPORATED",
                                            "INDEX", "....", ". . .", " PAGE", "REPORT OF",
                                            "THE FOLLOWING", " IS ", " ARE ", " WERE ", " WAS ",
                                            "SCHEDULE", "SELECTED", "PRO FORMA", "PROFORMA",
                                            "QUARTERLY", "SUPPLEMENT", " HAVE ", " THE COMPANY"};
    for (size_t i = 0; i < sizeof not_title / sizeof not_title[0]; i++)
        if (has(u, not_title[i])) return T2X_STMT_ANY;
    /* a page number at the end marks a table of contents line */
    if (isdigit((unsigned char)u[n - 1]) && n > 2 && u[n - 2] == ' ') {
        /* "… MARCH 31, 1997" ends with a year: allowed; "… 3" is a page number */
        int k = (int)n - 1;
        while (k >= 0 && isdigit((unsigned char)u[k])) k--;
        if ((int)n - 1 - k < 4) return T2X_STMT_ANY;
    }
    /* a group heading ("Cash Flows From Operating Activities:") is not a title */
    if (u[n - 1] == ':' || has(u, " FROM ") || has(u, "PROVIDED") || has(u, " USED ") ||
        has(u, "EFFECT OF") || has(u, "CHANGES IN CASH"))
        return T2X_STMT_ANY;
    int words = 1;
    for (size_t i = 0; i < n; i++) words += u[i] == ' ';
    if (words > 16) return T2X_STMT_ANY;
    if (has(u, "DISCUSSION") || has(u, "ANALYSIS")) return T2X_STMT_ANY; /* MD&A headings */
    if (has(u, "BALANCE SHEET") ||
        ((has(u, "FINANCIAL POSITION") || has(u, "FINANCIAL CONDITION") || has(u, " OF CONDITION")) &&
         (has(u, "STATEMENT") || has(u, "CONSOLIDATED"))))
        return T2X_STMT_BALANCE;
    if (has(u, "CASH FLOW")) return (has(u, "STATEMENT") || has(u, "CASH FLOWS")) ? T2X_STMT_CASHFLOW : T2X_STMT_ANY;
    if (has(u, "STATEMENT") &&
        (has(u, "STOCKHOLDERS") || has(u, "SHAREHOLDERS") || has(u, "SHAREOWNERS") ||
         has(u, "STOCKHOLDER'S") || has(u, "SHAREHOLDER'S")) &&
        (has(u, "EQUITY") || has(u, "INVESTMENT") || has(u, "CAPITAL")))
        return T2X_STMT_EQUITY;
    if (has(u, "STATEMENT") && has(u, "OF RETAINED EARNINGS") && !has(u, "EARNINGS AND RETAINED") &&
        !has(u, "INCOME AND RETAINED"))
        return T2X_STMT_EQUITY;
    /* "STATEMENT OF COMPREHENSIVE INCOME" alone; a combined "STATEMENT OF EARNINGS,
     * COMPREHENSIVE INCOME and RETAINED EARNINGS" is an income statement first */
    if (has(u, "STATEMENT") && has(u, "OF COMPREHENSIVE INCOME") && !has(u, "OF EARNINGS") &&
        !has(u, "OF OPERATIONS") && !has(u, "OF INCOME"))
        return T2X_STMT_COMPREHENSIVE;
    if (has(u, "STATEMENT") && has(u, "COMPREHENSIVE INCOME") && !has(u, "OF EARNINGS") &&
        !has(u, "OF OPERATIONS") && !has(u, "OF INCOME") && !has(u, "INCOME AND COMPREHENSIVE"))
        return T2X_STMT_COMPREHENSIVE;
    if ((has(u, "STATEMENT") &&
         (has(u, "OF INCOME") || has(u, "OF OPERATIONS") || has(u, "OF EARNINGS") ||
          has(u, "OF CONSOLIDATED INCOME") || has(u, "OF CONSOLIDATED OPERATIONS") ||
          has(u, "OF CONSOLIDATED EARNINGS") || has(u, "OF LOSS") || has(u, "OF NET INCOME"))) ||
        has(u, "INCOME STATEMENT") || has(u, "EARNINGS STATEMENT"))
        return T2X_STMT_INCOME;
    return T2X_STMT_ANY;
}

/* Does the line end where a title wraps ("… STATEMENTS OF", "… STATEMENT OF CONSOLIDATED")? */
static int wrapped_title_start(const char *text)
{
    char u[256];
    fold_upper(text, u, sizeof u);
    size_t n = strlen(u);
    static const char *const tails[] = {"STATEMENTS OF", "STATEMENT OF", "STATEMENTS OF CONSOLIDATED",
                                        "STATEMENT OF CONSOLIDATED", "STATEMENTS OF CHANGES IN",
                                        "STATEMENT OF CHANGES IN", "CONSOLIDATED STATEMENTS",
                                        "CONSOLIDATED STATEMENT", "CONSOLIDATED"};
    for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
        size_t t = strlen(tails[i]);
        if (n >= t && strcmp(u + n - t, tails[i]) == 0 && n < 70) return 1;
    }
    return 0;
}

/* The first chunk of a line's words: up to a run of three blanks, which separates a title from
 * the company name or page heading printed beside it ("CONSOLIDATED STATEMENT      Merck & Co.,
 * Inc. and Subsidiaries"). Leading blanks are skipped. */
static void first_chunk(const char *text, char *out, size_t cap)
{
    const char *p = text + strspn(text, " ");
    size_t n = 0;
    while (p[n] && !(p[n] == ' ' && p[n + 1] == ' ' && p[n + 2] == ' ')) n++;
    if (n >= cap) n = cap - 1;
    memcpy(out, p, n);
    out[n] = '\0';
}

/* Is line i alone between blank lines (or a page marker / the document's edge)? A heading set
 * apart like this is a heading even in lower case ("consolidated statement of earnings"
 * typeset in small capitals), where a line of a sentence is not. */
static int stands_alone(const t2x_lines *L, size_t i, size_t first, size_t end)
{
    for (int d = -1; d <= 1; d += 2) {
        if ((d < 0 && i == first) || (d > 0 && i + 1 >= end)) continue;
        const t2x_line *nb = &L->v[i + (size_t)d];
        if (!t2x_line_blank(nb) && !t2x_starts_with_ci(nb->text + strspn(nb->text, " "), "<PAGE>")) return 0;
    }
    return 1;
}

t2x_stmt_kind t2x_title_at(const t2x_lines *L, size_t i, size_t first, size_t end, size_t *nlines)
{
    const char *text = L->v[i].text;
    *nlines = 1;
    t2x_stmt_kind kind = t2x_title_kind(text);
    if (kind != T2X_STMT_ANY) return kind;
    char c1[256];
    first_chunk(text, c1, sizeof c1);
    if (!c1[0]) return T2X_STMT_ANY;
    if (islower((unsigned char)c1[0]) && stands_alone(L, i, first, end) && t2x_line_indent(&L->v[i]) >= 4) {
        /* a heading in lower case: read it as a capitalised one */
        char cap[256];
        snprintf(cap, sizeof cap, "%s", c1);
        cap[0] = (char)toupper((unsigned char)cap[0]);
        return t2x_title_kind(cap);
    }
    if (strcmp(c1, text + strspn(text, " ")) != 0 && (kind = t2x_title_kind(c1)) != T2X_STMT_ANY)
        return kind; /* "CONSOLIDATED BALANCE SHEETS        Company name" */
    if (i + 1 < end && wrapped_title_start(c1)) {
        /* a title wrapped over two lines: "CONSOLIDATED STATEMENTS OF" / "CASH FLOWS" */
        char c2[256], joined[520];
        first_chunk(L->v[i + 1].text, c2, sizeof c2);
        snprintf(joined, sizeof joined, "%s %s", c1, c2);
        kind = t2x_title_kind(joined);
        if (kind != T2X_STMT_ANY) *nlines = 2;
    }
    return kind;
}

/* A title whose words name no kind of statement (a misspelling, "CONSOLIDATED STATEMENT" /
 * "OF BALANCED SHEET"): the words of a statement title in capitals or title case, not a
 * sentence, a reference or another table's heading. *nlines: the lines it takes. */
static int untyped_title_at(const t2x_lines *L, size_t i, size_t end, size_t *nlines)
{
    char c1[256], c2[256], j[520], u[520];
    first_chunk(L->v[i].text, c1, sizeof c1);
    *nlines = 1;
    snprintf(j, sizeof j, "%s", c1);
    if (i + 1 < end && wrapped_title_start(c1)) {
        first_chunk(L->v[i + 1].text, c2, sizeof c2);
        snprintf(j, sizeof j, "%s %s", c1, c2);
        *nlines = 2;
    }
    fold_upper(j, u, sizeof u);
    size_t n = strlen(u);
    if (n < 12 || n > 80 || !isupper((unsigned char)j[0]) || u[n - 1] == '.' || u[n - 1] == ':' || u[n - 1] == ',')
        return 0;
    static const char *const not_title[] = {"NOTES", "SEE ", "INDEX", "SCHEDULE", "SELECTED", "PRO FORMA",
                                            "QUARTERLY", "SUPPLEMENT", "SUMMARY", "SEGMENT", "PARENT",
                                            "REPORT", " THE ", "....", "INFORMATION", "DATA"};
    for (size_t k = 0; k < sizeof not_title / sizeof not_title[0]; k++)
        if (has(u, not_title[k])) return 0;
    return t2x_starts_with_ci(u, "CONSOLIDATED STATEMENT ") || t2x_starts_with_ci(u, "CONSOLIDATED STATEMENTS ") ||
           ((t2x_starts_with_ci(u, "CONSOLIDATED ") || t2x_starts_with_ci(u, "STATEMENT")) && has(u, " SHEET"));
}

/* A line that ends a statement region ("See accompanying notes", a notes heading). */
static int ends_statement(const char *text)
{
    char u[256];
    fold_upper(text, u, sizeof u);
    if (t2x_starts_with_ci(u, "SEE ") && (has(u, "NOTES") || has(u, "ACCOMPANYING"))) return 1;
    if (t2x_starts_with_ci(u, "THE ACCOMPANYING NOTES")) return 1;
    if (t2x_starts_with_ci(u, "THE NOTES ")) return 1;
    /* "NOTE 1", "NOTE 1 -", "NOTE 1. SUMMARY…" — not a "Note  1997  1996" column heading */
    if ((t2x_starts_with_ci(u, "NOTES TO ") || (t2x_starts_with_ci(u, "NOTE 1") && !isdigit((unsigned char)u[6]))) &&
        strlen(u) < 80)
        return 1;
    return 0;
}

/* The words (blank-separated runs), letters and lower-case letters of t. */
static void count_words(const char *t, int *words, int *lower, int *letters)
{
    *words = *lower = *letters = 0;
    for (int i = 0; t[i]; i++) {
        if (isalpha((unsigned char)t[i])) {
            (*letters)++;
            *lower += islower((unsigned char)t[i]) != 0;
        }
        if (t[i] != ' ' && (i == 0 || t[i - 1] == ' ')) (*words)++;
    }
}

/* A line of a sentence wrapped after a date or a year ("… inventories at December 31",
 * "… the pro forma effect on 1994"): many words, mostly lower case, its last token a number of
 * at most four digits set off by one blank from a word, as a sentence runs on and a table's
 * columns never are. */
static int sentence_wrapped_at_number(const t2x_line *ln)
{
    const char *t = ln->text;
    int words, lower, letters;
    count_words(t, &words, &lower, &letters);
    if (words < 9 || letters < 45 || lower * 2 <= letters) return 0;
    int k = ln->ncols - 1;
    while (k >= 0 && t[k] == ' ') k--;
    int j = k;
    while (j >= 0 && isdigit((unsigned char)t[j])) j--;
    if (k - j < 1 || k - j > 4 || j < 1 || t[j] != ' ' || t[j - 1] == ' ') return 0;
    return isalpha((unsigned char)t[j - 1]) || t[j - 1] == ',';
}

/* Prose: a long line of many words and no amounts at its end. */
static int is_prose(const t2x_line *ln)
{
    const char *t = ln->text;
    int words, lower, letters;
    count_words(t, &words, &lower, &letters);
    if (words < 9 || letters < 45) return 0;
    /* a trailing amount makes it a table row */
    int k = ln->ncols - 1;
    while (k >= 0 && t[k] == ' ') k--;
    if (k >= 0 && (isdigit((unsigned char)t[k]) || t[k] == ')' || t[k] == '-')) {
        int j = k;
        while (j >= 0 && t[j] != ' ') j--;
        if (k - j >= 2 && t[j + 1] != '(') return 0;
        if (t[j + 1] == '(' || t[j + 1] == '$') return 0;
        /* a dash standing alone after a run of blanks is a column's zero ("—" in HTML) */
        if (k == j + 1 && t[k] == '-' && j >= 1 && t[j - 1] == ' ') return 0;
    }
    return lower * 2 > letters;
}

/* Does the line end with an amount (not a dash, not a year) far to the right? */
static int numeric_lines_one(const t2x_line *ln)
{
    int k = ln->ncols - 1;
    while (k >= 0 && ln->text[k] == ' ') k--;
    if (k < 30) return 0;
    int j = k;
    while (j >= 0 && ln->text[j] != ' ') j--;
    t2x_num num;
    const char *tok = ln->text + j + 1;
    int len = k - j;
    return t2x_num_parse(tok, len, &num) && !num.dash && !t2x_is_year_token(tok, len);
}

/* Count lines in [from, to) that end with an amount far to the right. */
static int numeric_lines(const t2x_lines *L, size_t from, size_t to)
{
    int count = 0;
    for (size_t i = from; i < to; i++) count += numeric_lines_one(&L->v[i]);
    return count;
}

static void add_table(t2x_table **tables, size_t *n, size_t *cap, t2x_stmt_kind kind,
                      const t2x_line *title, size_t doc, size_t tline, size_t first, size_t end)
{
    *tables = t2x_grow(*tables, cap, *n + 1, sizeof **tables);
    t2x_table *t = &(*tables)[(*n)++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->title = t2x_trim(t2x_xstrdup(title->text));
    t->doc = doc;
    t->title_line = tline;
    t->first = first;
    t->end = end;
}

void t2x_statements_find(const t2x_lines *L, size_t first, size_t end, size_t doc,
                         t2x_table **tables, size_t *n, size_t *cap)
{
    size_t i = first;
    while (i < end) {
        size_t tl;
        t2x_stmt_kind kind = t2x_title_at(L, i, first, end, &tl);
        int by_rows = kind == T2X_STMT_ANY && untyped_title_at(L, i, end, &tl);
        if (by_rows) kind = T2X_STMT_BALANCE; /* until its rows tell (choose.c) */
        if (kind == T2X_STMT_ANY) {
            i++;
            continue;
        }
        /* the region: up to the next other statement, an end line, prose, or 400 lines */
        size_t j = i + 1, last_content = i;
        int prose_run = 0;
        for (; j < end && j < i + 400; j++) {
            const t2x_line *ln = &L->v[j];
            if (t2x_line_blank(ln)) continue;
            size_t tl2;
            t2x_stmt_kind k2 = t2x_title_at(L, j, first, end, &tl2);
            if (((k2 != T2X_STMT_ANY && k2 != kind) || (k2 == T2X_STMT_ANY && untyped_title_at(L, j, end, &tl2))) &&
                j > i + 2)
                break;
            if (ends_statement(ln->text)) break;
            if (is_prose(ln)) {
                if (++prose_run >= 2) {
                    j = last_content + 1;
                    break;
                }
                continue;
            }
            prose_run = 0;
            last_content = j;
        }
        if (j > last_content + 1) j = last_content + 1;
        if (numeric_lines(L, i + 1, j) >= 3) {
            add_table(tables, n, cap, kind, &L->v[i], doc, i, i + tl, j);
            t2x_table *t = &(*tables)[*n - 1];
            t->kind_by_rows = by_rows;
            /* the title's own words: without the company name beside it, with its second line */
            char c1[256], c2[256];
            first_chunk(L->v[i].text, c1, sizeof c1);
            if (tl == 2) first_chunk(L->v[i + 1].text, c2, sizeof c2);
            if (c1[0] && !islower((unsigned char)c1[0])) {
                free(t->title);
                t->title = tl == 2 ? t2x_xasprintf("%s %s", c1, c2) : t2x_xstrdup(c1);
            }
            i = j;
        } else {
            i++;
        }
    }
}

void t2x_notes_find(const t2x_lines *L, size_t first, size_t end, size_t doc, const t2x_table *stmts,
                    size_t nstmts, t2x_table **tables, size_t *n, size_t *cap)
{
    size_t i = first;
    while (i < end) {
        /* skip the statements */
        int inside = 0;
        for (size_t k = 0; k < nstmts; k++)
            if (stmts[k].doc == doc && i >= stmts[k].title_line && i < stmts[k].end) {
                i = stmts[k].end;
                inside = 1;
                break;
            }
        if (inside) continue;
        if (!numeric_lines_one(&L->v[i])) {
            i++;
            continue;
        }
        /* the block: table-like lines until prose, a title, or three blank lines */
        size_t j = i, last = i;
        int blanks = 0, amounts = 0;
        for (; j < end && j < i + 200; j++) {
            const t2x_line *ln = &L->v[j];
            if (t2x_line_blank(ln)) {
                if (++blanks >= 3) break;
                continue;
            }
            blanks = 0;
            if (is_prose(ln) || t2x_title_kind(ln->text) != T2X_STMT_ANY) break;
            int stop = 0;
            for (size_t k = 0; k < nstmts; k++)
                if (stmts[k].doc == doc && j == stmts[k].title_line) stop = 1;
            if (stop) break;
            if (numeric_lines_one(ln)) {
                amounts++;
                last = j;
            }
        }
        if (amounts >= 3) {
            /* its column headings: up to eight lines above, not prose, not two blank lines */
            size_t h = i;
            int bl = 0;
            while (h > first && h + 8 > i) {
                const t2x_line *up = &L->v[h - 1];
                if (t2x_line_blank(up)) {
                    if (++bl >= 2) break;
                } else {
                    bl = 0;
                    if (is_prose(up) || sentence_wrapped_at_number(up) || numeric_lines_one(up) ||
                        ends_statement(up->text))
                        break;
                }
                h--;
            }
            /* its title: the nearest line above with words in it */
            size_t tl = h;
            int letters = 0;
            while (tl > first && tl + 12 > h && !letters) {
                tl--;
                const char *t = L->v[tl].text;
                for (int c = 0; t[c] && !letters; c++) letters = isalpha((unsigned char)t[c]) && isalpha((unsigned char)t[c + 1]);
            }
            if (!letters || L->v[tl].ncols > 300) tl = h;
            /* five-year selected data and quarterly results are not notes to the statements: their
             * headings are above the title or between it and the first row ("Note 22 - Selected
             * Quarterly Financial Data" under the last sentence of the previous note) */
            int excluded = 0;
            for (size_t k = tl > first + 15 ? tl - 15 : first; k < i && !excluded; k++) {
                /* headings only: short lines, not sentences ("…for the next five years are…") */
                if (is_prose(&L->v[k]) || L->v[k].ncols - t2x_line_indent(&L->v[k]) > 70) continue;
                char u[256];
                fold_upper(L->v[k].text, u, sizeof u);
                excluded = has(u, "SELECTED FINANCIAL DATA") || has(u, "SELECTED CONSOLIDATED FINANCIAL") ||
                           has(u, "QUARTERLY") || has(u, "FIVE-YEAR") || has(u, "FIVE YEAR") ||
                           has(u, "TEN-YEAR") || has(u, "ELEVEN-YEAR");
            }
            char ut[256];
            fold_upper(L->v[tl].text, ut, sizeof ut);
            if (has(ut, "QUARTER") && !has(ut, "ENDED")) excluded = 1;
            if (!excluded) add_table(tables, n, cap, T2X_STMT_NOTE, &L->v[tl], doc, tl, h, last + 1);
        }
        i = j > i ? j : i + 1;
    }
}
