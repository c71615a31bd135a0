/*
 * labelfacts.c — facts printed inside row labels (labelfacts.h). The label is cut into words,
 * numbers and years; each applicable rule's keyword opens a clause that runs to the next
 * keyword; within it, each number takes the years that follow it ("1,726,146 in 2003, 1,709,146
 * in 2002"). Spans are found again in the row's source lines, in order.
 */
#include "labelfacts.h"
#include "mapping.h"
#include "util.h"
#include "dates.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TK_WORD, TK_NUM, TK_YEAR, TK_DAY };

typedef struct ltok {
    int type;
    int s, e;        /* offsets in the label */
    int dollar;      /* a '$' right before */
    t2x_num num;
    int scale;       /* million/billion/thousand after it */
    char word[32];   /* lower-case word */
    t2x_date date;   /* TK_YEAR: the full date when "September 26, 1997" */
} ltok;

t2x_lf_rules *t2x_lf_load(const char *path, t2x_diag *diag)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        t2x_diag_add(diag, T2X_ERROR, path, 0, "data", "cannot open label-facts rules");
        return NULL;
    }
    t2x_lf_rules *r = t2x_xcalloc(1, sizeof *r);
    char line[1024];
    int no = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        no++;
        line[strcspn(line, "\r\n")] = '\0';
        if (!line[0] || line[0] == '#') continue;
        char *col[6];
        int nc = 0;
        char *save = NULL;
        for (char *tok = strtok_r(line, "\t", &save); tok && nc < 6; tok = strtok_r(NULL, "\t", &save)) col[nc++] = tok;
        int kind = nc == 6 ? t2x_stmt_kind_parse(col[0]) : -1;
        int where = nc == 6 ? (strcmp(col[3], "after") == 0 ? 0 : strcmp(col[3], "before") == 0 ? 1 : strcmp(col[3], "near") == 0 ? 2 : -1) : -1;
        int unit = nc == 6 ? (strcmp(col[4], "USD") == 0 ? T2X_UNIT_MONEY : strcmp(col[4], "shares") == 0 ? T2X_UNIT_SHARES
                              : strcmp(col[4], "USDPerShare") == 0 ? T2X_UNIT_PER_SHARE : -1) : -1;
        if (kind < 0 || where < 0 || unit < 0) {
            t2x_diag_add(diag, T2X_ERROR, path, no, "data", "malformed label-facts rule");
            bad = 1;
            continue;
        }
        r->v = t2x_grow(r->v, &r->cap, r->n + 1, sizeof *r->v);
        t2x_lf_rule *x = &r->v[r->n];
        memset(x, 0, sizeof *x);
        if (regcomp(&x->row, col[1], REG_EXTENDED | REG_NOSUB) != 0) {
            t2x_diag_add(diag, T2X_ERROR, path, no, "data", "bad pattern '%s'", col[1]);
            bad = 1;
            continue;
        }
        if (regcomp(&x->keyword, col[2], REG_EXTENDED | REG_NOSUB) != 0) {
            regfree(&x->row);
            t2x_diag_add(diag, T2X_ERROR, path, no, "data", "bad pattern '%s'", col[2]);
            bad = 1;
            continue;
        }
        x->kind = (t2x_stmt_kind)kind;
        x->where = where;
        x->unit = unit;
        x->concept = t2x_xstrdup(col[5]);
        r->n++;
    }
    fclose(f);
    if (bad) {
        t2x_lf_free(r);
        return NULL;
    }
    return r;
}

void t2x_lf_free(t2x_lf_rules *r)
{
    if (!r) return;
    for (size_t i = 0; i < r->n; i++) {
        regfree(&r->v[i].row);
        regfree(&r->v[i].keyword);
        free(r->v[i].concept);
    }
    free(r->v);
    free(r);
}

void t2x_lf_facts_free(t2x_lf_fact *facts, size_t n)
{
    for (size_t i = 0; i < n; i++) free(facts[i].text);
    free(facts);
}

static size_t tokenize(const char *s, ltok *t, size_t max)
{
    size_t n = 0;
    int i = 0;
    while (s[i] && n < max) {
        unsigned char c = (unsigned char)s[i];
        if (isalpha(c)) {
            int b = i;
            while (isalpha((unsigned char)s[i]) || s[i] == '\'' || s[i] == ')') i++;
            memset(&t[n], 0, sizeof t[n]);
            t[n].type = TK_WORD;
            t[n].s = b;
            t[n].e = i;
            int L = i - b < 31 ? i - b : 31;
            for (int k = 0; k < L; k++) t[n].word[k] = (char)tolower((unsigned char)s[b + k]);
            /* million/billion/thousand scale the number before */
            if (n > 0 && t[n - 1].type == TK_NUM) {
                if (strncmp(t[n].word, "billion", 7) == 0) t[n - 1].scale = 9;
                else if (strncmp(t[n].word, "million", 7) == 0) t[n - 1].scale = 6;
                else if (strncmp(t[n].word, "thousand", 8) == 0) t[n - 1].scale = 3;
            }
            n++;
            continue;
        }
        if (isdigit(c) || (c == '.' && isdigit((unsigned char)s[i + 1]))) {
            int b = i;
            while (isdigit((unsigned char)s[i]) || ((s[i] == ',' || s[i] == '.') && isdigit((unsigned char)s[i + 1]))) i++;
            memset(&t[n], 0, sizeof t[n]);
            t[n].s = b;
            t[n].e = i;
            int k = b - 1;
            while (k >= 0 && s[k] == ' ') k--;
            t[n].dollar = k >= 0 && s[k] == '$';
            if (!t[n].dollar && t2x_is_year_token(s + b, i - b)) t[n].type = TK_YEAR;
            else if (t2x_num_parse(s + b, i - b, &t[n].num)) t[n].type = TK_NUM;
            else continue;
            n++;
            continue;
        }
        i++;
    }
    /* "September 26, 1997": the day is part of a date, and the year knows its day */
    for (size_t k = 2; k < n; k++) {
        int ml, m;
        if (t[k].type == TK_YEAR && t[k - 1].type == TK_NUM && !t[k - 1].num.frac && t[k - 1].num.mant <= 31 &&
            !t[k - 1].dollar && t[k - 2].type == TK_WORD && (m = t2x_month_from_name(t[k - 2].word, &ml))) {
            t[k - 1].type = TK_DAY;
            t2x_date d = {atoi(s + t[k].s), m, (int)t[k - 1].num.mant};
            if (t2x_date_valid(d)) t[k].date = d;
        }
    }
    return n;
}

/* Is token k a number joined by "and" to the number two tokens on ("5,000 and 4,000")? */
static int and_joined(const ltok *tk, size_t k)
{
    return tk[k].type == TK_NUM && tk[k + 1].type == TK_WORD && strcmp(tk[k + 1].word, "and") == 0 &&
           tk[k + 2].type == TK_NUM;
}

/* "119,542,527 shares issued": the number and "shares" right before keyword i. */
static int n_shares_kw(const ltok *tk, size_t i)
{
    return i >= 2 && tk[i - 1].type == TK_WORD && strncmp(tk[i - 1].word, "share", 5) == 0 && tk[i - 2].type == TK_NUM;
}

/* "…shares; 2,201,012,432 issued in 2003", "…shares; 2,202 million issued in 2004": a number that
 * opens a clause (after ';' or ':') right before keyword i is that keyword's, not the previous
 * clause's. Returns how many tokens the number takes before the keyword (1, or 2 with its
 * million/billion/thousand), else 0. */
static size_t clause_number_kw(const ltok *tk, const char *label, size_t i)
{
    size_t w = i >= 1 && tk[i - 1].type == TK_WORD && i >= 2 && tk[i - 2].type == TK_NUM && tk[i - 2].scale ? 2 : 1;
    if (i < w + 1 || tk[i - w].type != TK_NUM) return 0;
    for (int c = tk[i - w - 1].e; c < tk[i - w].s; c++)
        if (label[c] == ';' || label[c] == ':') return w;
    return 0;
}

/* Does the keyword introduce what follows it ("shares issued: 1997 - 2,597,261")? Then a
 * number before it ("authorized: 150,000,000 shares issued: …") is not its own. */
static int introduces(const char *label, const ltok *t)
{
    const char *p = label + t->e;
    while (*p == ' ') p++;
    return *p == ':';
}

/* The year printed before number k with a dash or colon between ("1997 - 2,597,261;"): that
 * number's year, where a clause prints each year before its number. */
static int year_before(const char *label, const ltok *tk, size_t k)
{
    if (k == 0 || tk[k - 1].type != TK_YEAR) return 0;
    int sep = 0;
    for (int c = tk[k - 1].e; c < tk[k].s; c++) {
        if (label[c] == '-' || label[c] == ':' || label[c] == '=') sep = 1;
        else if (label[c] != ' ') return 0;
    }
    return sep;
}

static int rule_applies(const t2x_lf_rule *r, t2x_stmt_kind kind, const char *local)
{
    return r->kind == kind && regexec(&r->row, local, 0, NULL, 0) == 0;
}

static int unit_ok(const ltok *t, int unit)
{
    if (t->type != TK_NUM) return 0;
    if (unit == T2X_UNIT_SHARES) return !t->dollar && (!t->num.frac || t->scale); /* "2.25 billion" */
    return t->dollar; /* money and per-share amounts are printed with '$' */
}

/* Find the printed number again in the row's lines, from the cursor on. */
static int locate(const t2x_row *row, const t2x_lines *L, const char *text, size_t *cur_line, int *cur_col,
                  size_t *offset, size_t *line)
{
    size_t n = strlen(text);
    for (size_t li = *cur_line; li <= row->line; li++) {
        const char *lt = L->v[li].text;
        int from = li == *cur_line ? *cur_col : 0;
        for (const char *p = strstr(lt + from, text); p; p = strstr(p + 1, text)) {
            int col = (int)(p - lt);
            /* whole number only */
            if ((col > 0 && (isdigit((unsigned char)lt[col - 1]) || lt[col - 1] == ',' || lt[col - 1] == '.')) ||
                isdigit((unsigned char)lt[col + (int)n]) || (lt[col + (int)n] == ',' && isdigit((unsigned char)lt[col + (int)n + 1])))
                continue;
            *offset = t2x_line_offset(&L->v[li], col);
            *line = li;
            *cur_line = li;
            *cur_col = col + (int)n;
            return 1;
        }
    }
    return 0;
}

void t2x_lf_extract(const t2x_lf_rules *rules, t2x_stmt_kind kind, const t2x_row *row, const t2x_lines *L,
                    t2x_lf_fact **facts, size_t *n)
{
    *facts = NULL;
    *n = 0;
    if (!rules || !row->concept || !row->label[0]) return;
    const char *local = strchr(row->concept, ':');
    local = local ? local + 1 : row->concept;
    const t2x_lf_rule *app[16];
    size_t napp = 0;
    for (size_t i = 0; i < rules->n && napp < 16; i++)
        if (rule_applies(&rules->v[i], kind, local)) app[napp++] = &rules->v[i];
    if (!napp) return;
    ltok tk[256];
    size_t nt = tokenize(row->label, tk, 256);
    /* keyword positions */
    int kw[256];
    for (size_t i = 0; i < nt; i++) {
        kw[i] = -1;
        if (tk[i].type != TK_WORD) continue;
        for (size_t r = 0; r < napp; r++)
            if (regexec(&app[r]->keyword, tk[i].word, 0, NULL, 0) == 0) {
                kw[i] = (int)r;
                break;
            }
    }
    /* "issued and outstanding": the second keyword shares the first one's clause */
    int partner[256];
    for (size_t i = 0; i < nt; i++) partner[i] = -1;
    for (size_t i = 2; i < nt; i++)
        if (kw[i] >= 0 && kw[i - 2] >= 0 && kw[i - 2] != kw[i] && tk[i - 1].type == TK_WORD &&
            (strcmp(tk[i - 1].word, "and") == 0 || strcmp(tk[i - 1].word, "&") == 0)) {
            partner[i - 2] = kw[i];
            kw[i] = -2;
        }
    size_t cap = 0, cur_line = row->first_line;
    int cur_col = 0;
    int used[256] = {0};
    for (size_t i = 0; i < nt; i++) {
        if (kw[i] < 0) continue;
        const t2x_lf_rule *r = app[kw[i]];
        size_t end = i + 1;
        while (end < nt && (kw[end] < 0 || kw[end] == kw[i])) end++;
        /* a number just before the next keyword is that keyword's ("…; 119,542,527 shares issued") */
        size_t stop = end;
        if (end < nt && end >= i + 3 && app[kw[end]]->where != 0 && n_shares_kw(tk, end) &&
            !introduces(row->label, &tk[end])) {
            stop = end - 2;
            /* "…; 198,563,273 and 196,641,551 shares issued": the whole run is the next keyword's */
            while (stop >= i + 3 && and_joined(tk, stop - 2)) stop -= 2;
        } else if (end < nt && app[kw[end]]->where != 0 && !introduces(row->label, &tk[end])) {
            size_t w = clause_number_kw(tk, row->label, end); /* tokens of "2,202 million" */
            if (w && end >= i + 1 + w) stop = end - w;
        }
        size_t picks[16];
        size_t np = 0;
        /* the number before: "$1 par", "192,000 shares", "(12,470 shares)", or "N shares KEYWORD" */
        int before_ok = r->where != 0 &&
                        (strncmp(tk[i].word, "share", 5) == 0 || strcmp(tk[i].word, "par") == 0 ||
                         strcmp(tk[i].word, "per") == 0 ||
                         ((n_shares_kw(tk, i) || clause_number_kw(tk, row->label, i)) && !introduces(row->label, &tk[i])));
        if (before_ok) {
            for (size_t k = i; k-- > 0 && i - k <= 3;)
                if (unit_ok(&tk[k], r->unit) && !used[k]) {
                    /* "198,563,273 and 196,641,551 shares issued": the run before it, in order */
                    size_t b = k;
                    while (b >= 2 && and_joined(tk, b - 2) && unit_ok(&tk[b - 2], r->unit) && !used[b - 2] && np < 8)
                        b -= 2;
                    for (size_t q = b; q <= k; q += 2) picks[np++] = q;
                    break;
                }
        }
        if (r->where != 2 || np == 0)
            for (size_t k = i + 1; k < stop && np < 16; k++) {
                if (unit_ok(&tk[k], r->unit) && !used[k]) picks[np++] = k;
                if (r->where == 2 && np) break;
            }
        for (size_t p = 0; p < np; p++) {
            size_t k = picks[p];
            used[k] = 1;
            /* the years (or dates) after it, up to the next number */
            int years[4], ny = 0;
            t2x_date dates[4];
            /* "198,563,273 and 196,641,551 … at December 31, 2011 and 2010": numbers joined by
             * "and" take the years printed after the last of them, one each, in order */
            size_t first = p, last = p;
            while (first > 0 && picks[first - 1] + 2 == picks[first] && and_joined(tk, picks[first - 1])) first--;
            while (last + 1 < np && picks[last] + 2 == picks[last + 1] && and_joined(tk, picks[last])) last++;
            size_t ky = last > first ? picks[last] : k; /* where this number's years are read */
            int lead = last > first ? 0 : year_before(row->label, tk, k);
            /* "2005 and 2004 - 2,751,327,476": every year of the run before it */
            for (size_t y = k; lead && y-- > 0 && ny < 4;) {
                if (tk[y].type == TK_YEAR) {
                    dates[ny] = tk[y].date;
                    years[ny++] = atoi(row->label + tk[y].s);
                } else if (!(tk[y].type == TK_WORD && strcmp(tk[y].word, "and") == 0)) {
                    break;
                }
            }
            for (size_t y = ky + 1; !lead && y < nt && tk[y].type != TK_NUM && ny < 4; y++)
                if (tk[y].type == TK_YEAR) {
                    dates[ny] = tk[y].date;
                    years[ny++] = atoi(row->label + tk[y].s);
                }
            if (last > first) {
                if ((size_t)ny == last - first + 1) {
                    /* one year each */
                    dates[0] = dates[p - first];
                    years[0] = years[p - first];
                    ny = 1;
                } else if (p < last) {
                    ny = 0; /* years that do not pair up: as printed, every column (the clash says so) */
                }
            }
            char *text = t2x_xstrndup(row->label + tk[k].s, (size_t)(tk[k].e - tk[k].s));
            size_t off, line;
            if (!locate(row, L, text, &cur_line, &cur_col, &off, &line)) {
                free(text);
                continue;
            }
            for (int rr = 0; rr < (partner[i] >= 0 ? 2 : 1); rr++) {
                const t2x_lf_rule *rule = rr ? app[partner[i]] : r;
                for (int y = 0; y < (ny ? ny : 1); y++) {
                    *facts = t2x_grow(*facts, &cap, *n + 1, sizeof **facts);
                    t2x_lf_fact *f = &(*facts)[(*n)++];
                    memset(f, 0, sizeof *f);
                    f->concept = rule->concept;
                    f->unit = rule->unit;
                    f->num = tk[k].num;
                    f->scale = tk[k].scale;
                    f->year = ny ? years[y] : 0;
                    if (ny) f->date = dates[y];
                    f->offset = off;
                    f->length = strlen(text);
                    f->line = line;
                    f->text = t2x_xstrdup(text);
                }
            }
            free(text);
        }
    }
}
