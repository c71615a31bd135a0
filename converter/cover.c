/*
 * cover.c — read the cover page (cover.h).
 */
#include "cover.h"
#include "numbers.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const struct { const char *name, *code; } states[] = {
    {"alabama", "AL"}, {"alaska", "AK"}, {"arizona", "AZ"}, {"arkansas", "AR"}, {"california", "CA"},
    {"colorado", "CO"}, {"connecticut", "CT"}, {"delaware", "DE"}, {"district of columbia", "DC"},
    {"florida", "FL"}, {"georgia", "GA"}, {"hawaii", "HI"}, {"idaho", "ID"}, {"illinois", "IL"},
    {"indiana", "IN"}, {"iowa", "IA"}, {"kansas", "KS"}, {"kentucky", "KY"}, {"louisiana", "LA"},
    {"maine", "ME"}, {"maryland", "MD"}, {"massachusetts", "MA"}, {"michigan", "MI"},
    {"minnesota", "MN"}, {"mississippi", "MS"}, {"missouri", "MO"}, {"montana", "MT"},
    {"nebraska", "NE"}, {"nevada", "NV"}, {"new hampshire", "NH"}, {"new jersey", "NJ"},
    {"new mexico", "NM"}, {"new york", "NY"}, {"north carolina", "NC"}, {"north dakota", "ND"},
    {"ohio", "OH"}, {"oklahoma", "OK"}, {"oregon", "OR"}, {"pennsylvania", "PA"},
    {"rhode island", "RI"}, {"south carolina", "SC"}, {"south dakota", "SD"}, {"tennessee", "TN"},
    {"texas", "TX"}, {"utah", "UT"}, {"vermont", "VT"}, {"virginia", "VA"}, {"washington", "WA"},
    {"west virginia", "WV"}, {"wisconsin", "WI"}, {"wyoming", "WY"}, {"puerto rico", "PR"}};

const char *t2x_state_code(const char *name)
{
    char u[128];
    size_t n = 0;
    for (const char *p = name; *p && n < sizeof u - 1; p++) u[n++] = (char)tolower((unsigned char)*p);
    u[n] = '\0';
    t2x_trim(u);
    for (size_t i = 0; i < sizeof states / sizeof states[0]; i++)
        if (strcmp(u, states[i].name) == 0) return states[i].code;
    return NULL;
}

static char *stristr(const char *h, const char *n)
{
    size_t ln = strlen(n);
    for (; *h; h++)
        if (strncasecmp(h, n, ln) == 0) return (char *)h;
    return NULL;
}

/* The first amount of at least `min` in text[from..], as a span; `dollars`: 1 for an amount
 * printed after '$', 0 for a count (no '$'). */
static int find_amount(const t2x_line *ln, size_t idx, int from, long long min, int dollars,
                       t2x_cover_amount *a)
{
    const char *t = ln->text;
    for (int i = from; i < ln->ncols; i++) {
        if (!isdigit((unsigned char)t[i]) || (i > 0 && (isdigit((unsigned char)t[i - 1]) || t[i - 1] == ',' || t[i - 1] == '.')))
            continue;
        int j = i;
        while (j < ln->ncols && (isdigit((unsigned char)t[j]) || (t[j] == ',' && isdigit((unsigned char)t[j + 1]))))
            j++;
        t2x_num num;
        int after_dollar = i > 0 && (t[i - 1] == '$' || (t[i - 1] == ' ' && i > 1 && t[i - 2] == '$'));
        if (after_dollar != dollars) { /* a dollar amount is not a share count, and vice versa */
            i = j;
            continue;
        }
        if (j < ln->ncols && t[j] == '.' && isdigit((unsigned char)t[j + 1])) { i = j; continue; }
        if (!t2x_num_parse(t + i, j - i, &num) || num.frac) continue;
        if (num.mant < min || t2x_is_year_token(t + i, j - i)) continue;
        a->found = 1;
        a->mant = num.mant;
        a->offset = t2x_line_offset(ln, i);
        a->length = t2x_line_end_offset(ln, j) - a->offset;
        a->line = idx;
        free(a->text);
        a->text = t2x_xstrndup(t + i, (size_t)(j - i));
        return 1;
    }
    return 0;
}

static void set_str(char **dst, const char *v)
{
    if (*dst || !v || !*v) return;
    *dst = t2x_trim(t2x_xstrdup(v));
}

/* Is the line a cover heading "FORM X" and nothing else (X: letters, digits and '-', as
 * "8-K", "20-F", "S-1")? OUT: fm, X upper-cased. Running text ("reports on Form 8-K") is not. */
static int cover_heading_form(const char *line, const char *p, char *fm, size_t cap)
{
    for (const char *q = line; q < p; q++)
        if (*q != ' ') return 0;
    const char *q = p + 5 + strspn(p + 5, " ");
    size_t n = 0;
    for (; *q && (isalnum((unsigned char)*q) || *q == '-' || *q == '/') && n + 1 < cap; q++)
        fm[n++] = (char)toupper((unsigned char)*q);
    fm[n] = '\0';
    while (*q == ' ' || *q == '.') q++;
    return n >= 3 && *q == '\0' && isalnum((unsigned char)fm[0]) && strchr(fm, '-') != NULL;
}

void t2x_cover_read(const t2x_lines *L, size_t first, size_t end, const t2x_header *h, t2x_cover *c)
{
    memset(c, 0, sizeof *c);
    size_t stop = end < first + 260 ? end : first + 260;
    for (size_t i = first; i < stop; i++) {
        const char *t = L->v[i].text;
        const char *p = NULL;
        /* the form */
        char fm[16];
        if (!c->form && (p = stristr(t, "FORM ")) && t2x_form_read(p + 5 + strspn(p + 5, " "), fm, sizeof fm)) {
            c->form = t2x_xstrdup(fm);
        } else if (!c->form && p && (p[5] == '1' && p[6] == '0' && p[7] == '-')) {
            /* another form of the 10 series ("FORM 10-C"): kept as printed, refused later */
            size_t n = 0;
            for (const char *q = p + 5; *q && !isspace((unsigned char)*q) && n < sizeof fm - 1; q++)
                fm[n++] = (char)toupper((unsigned char)*q);
            fm[n] = '\0';
            while (n && (fm[n - 1] == '.' || fm[n - 1] == ',')) fm[--n] = '\0';
            if (n >= 4) c->form = t2x_xstrdup(fm);
        } else if (!c->form && p && cover_heading_form(t, p, fm, sizeof fm)) {
            c->form = t2x_xstrdup(fm); /* "FORM 8-K" as the cover's heading: refused later */
        }
        if (stristr(t, "AMENDMENT NO")) c->amendment = 1;
        /* the period */
        if (!c->period_end.y && (stristr(t, "PERIOD ENDED") || stristr(t, "YEAR ENDED") || stristr(t, "QUARTER ENDED"))) {
            char buf[600];
            snprintf(buf, sizeof buf, "%s %s", t, i + 1 < stop ? L->v[i + 1].text : "");
            const char *q = stristr(buf, "ENDED");
            t2x_date d;
            int len;
            if (q && t2x_date_find(q, &d, &len) >= 0 && t2x_date_find(q, &d, &len) < 40) c->period_end = d;
        }
        /* the registrant: the line above "(Exact name of registrant" */
        if (!c->registrant && stristr(t, "exact name of")) {
            for (size_t k = i; k-- > first && k + 4 > i;) {
                const char *u = L->v[k].text;
                int rk = 1;
                for (const char *q = u; *q; q++)
                    if (*q != ' ' && *q != '-' && *q != '_' && *q != '=') rk = 0;
                if (rk) continue;
                char *v = t2x_trim(t2x_xstrdup(u));
                if (strlen(v) > 2 && strlen(v) < 120) c->registrant = v;
                else free(v);
                break;
            }
        }
        /* the Commission file number */
        if (!c->file_number && (p = stristr(t, "file number"))) {
            p += 11;
            while (*p && !isdigit((unsigned char)*p)) {
                if (isalpha((unsigned char)*p) && !(p[0] == 'o' || p[0] == 'O')) { p = NULL; break; }
                p++;
            }
            if (p && *p) {
                char f[32];
                size_t n = 0;
                while ((isdigit((unsigned char)*p) || *p == '-') && n < sizeof f - 1) f[n++] = *p++;
                f[n] = '\0';
                if (strchr(f, '-') && n >= 3) c->file_number = t2x_xstrdup(f);
            }
        }
        /* the IRS number: NN-NNNNNNN */
        if (!c->tax_id)
            for (const char *q = t; *q; q++)
                if (isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) && q[2] == '-' &&
                    (q == t || !isalnum((unsigned char)q[-1]))) {
                    int k = 3;
                    while (isdigit((unsigned char)q[k])) k++;
                    if (k == 10 && !isalnum((unsigned char)q[k]) && q[k] != '-') {
                        c->tax_id = t2x_xstrndup(q, 10);
                        break;
                    }
                }
        /* the state: the word above "(State or other jurisdiction" */
        if (!c->state && stristr(t, "(State") && i > first) {
            for (size_t k = i; k-- > first && k + 4 > i;) {
                char w[64];
                const char *u = L->v[k].text;
                while (*u == ' ') u++;
                size_t n = 0;
                while (u[n] && !(u[n] == ' ' && u[n + 1] == ' ') && n < sizeof w - 1) {
                    w[n] = u[n];
                    n++;
                }
                w[n] = '\0';
                const char *code = t2x_state_code(w);
                if (code) {
                    c->state = t2x_xstrdup(code);
                    break;
                }
            }
        }
        /* public float: "aggregate market value … was $15,695,662", as of a date nearby */
        if (!c->public_float.found && stristr(t, "aggregate market value")) {
            for (size_t k = i; k < i + 6 && k < stop; k++) {
                const char *d = strchr(L->v[k].text, '$');
                if (d && find_amount(&L->v[k], k, (int)(d - L->v[k].text), 1000, 1, &c->public_float)) break;
            }
            for (size_t k = i > first + 3 ? i - 3 : first; k < i + 6 && k < stop; k++) {
                t2x_date d;
                int len;
                if (t2x_date_find(L->v[k].text, &d, &len) >= 0) {
                    c->public_float.date = d;
                    if (k >= i) break;
                }
            }
        }
        /* shares outstanding: the last sentence on the cover that gives a count and a date */
        if (stristr(t, "outstanding") || stristr(t, "shares")) {
            char buf[800];
            snprintf(buf, sizeof buf, "%s %s", i > first ? L->v[i - 1].text : "", t);
            if ((stristr(buf, "outstanding") || stristr(buf, "practicable")) && stristr(buf, "share") &&
                !stristr(t, "aggregate market") && !stristr(t, "held by non")) {
                t2x_cover_amount a = {0};
                /* the count may stand a few lines below its sentence:
                 * "… as of the latest practicable date: May 7, 2003. / Common Stock $1.00 par value - 1,517,146" */
                for (size_t k = i; k < i + 5 && k < stop; k++)
                    if (find_amount(&L->v[k], k, 0, 1000, 0, &a)) break;
                if (a.found) {
                    t2x_date d = {0, 0, 0};
                    int len;
                    for (size_t k = i > first + 4 ? i - 4 : first; k <= a.line + 1 && k < stop; k++)
                        if (t2x_date_find(L->v[k].text, &d, &len) >= 0 && k >= i - 1) break;
                    if (!d.y)
                        for (size_t k = i > first + 4 ? i - 4 : first; k < i; k++)
                            t2x_date_find(L->v[k].text, &d, &len);
                    if (d.y) {
                        a.date = d;
                        free(c->shares_outstanding.text);
                        c->shares_outstanding = a;
                    } else {
                        free(a.text);
                    }
                } else {
                    free(a.text);
                }
            }
        }
        if (i > first + 30 && (stristr(t, "PART I") == t + strspn(t, " ") || stristr(t, "Item 1.")))
            break;
    }
    /* the header fills the gaps */
    if (h) {
        set_str(&c->form, h->form);
        if (!c->period_end.y && h->period) c->period_end = t2x_date_from_compact(h->period);
        set_str(&c->registrant, h->company);
        if (!c->state && h->state && strlen(h->state) == 2) c->state = t2x_xstrdup(h->state);
        if (!c->tax_id && h->irs && strlen(h->irs) == 9 && strcmp(h->irs, "000000000") != 0)
            c->tax_id = t2x_xasprintf("%.2s-%s", h->irs, h->irs + 2);
        if (!c->file_number && h->file_number) c->file_number = t2x_xstrdup(h->file_number);
        if (h->form && strstr(h->form, "/A")) c->amendment = 1;
        /* the header's form is authoritative */
        if (h->form) {
            free(c->form);
            c->form = t2x_xstrdup(h->form);
        }
    }
    if (c->form && strstr(c->form, "/A")) c->amendment = 1;
}

void t2x_cover_free(t2x_cover *c)
{
    free(c->form);
    free(c->registrant);
    free(c->file_number);
    free(c->tax_id);
    free(c->state);
    free(c->shares_outstanding.text);
    free(c->public_float.text);
    memset(c, 0, sizeof *c);
}
