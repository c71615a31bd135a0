/*
 * submission.c — the EDGAR wrapper reader (submission.h). Tags are recognised only at the
 * start of a line and only for known names: raw '<' and '&' occur freely in filing text.
 */
#include "submission.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* If line text starts with "<TAG>" (case-insensitive), return the rest after it, else NULL. */
static const char *tag_rest(const char *text, const char *tag)
{
    while (*text == ' ') text++;
    if (*text != '<') return NULL;
    size_t n = strlen(tag);
    if (!t2x_starts_with_ci(text + 1, tag) || text[1 + n] != '>') return NULL;
    return text + 2 + n;
}

static char *clean_value(const char *s)
{
    char *v = t2x_xstrdup(s);
    return t2x_trim(v);
}

static void set_once(char **field, const char *value)
{
    if (*field || !value) return;
    char *v = clean_value(value);
    if (!*v) {
        free(v);
        return;
    }
    *field = v;
}

/* Header "LABEL:<TAB>value" lines (the .txt form). */
static void header_label_line(t2x_header *h, const char *text)
{
    const char *colon = strchr(text, ':');
    if (!colon) return;
    size_t n = (size_t)(colon - text);
    char label[64];
    while (n && text[0] == ' ') {
        text++;
        n--;
    }
    if (n >= sizeof label) return;
    memcpy(label, text, n);
    label[n] = '\0';
    t2x_trim(label);
    const char *v = colon + 1;
    static const struct {
        const char *label;
        size_t field;
    } map[] = {
        {"ACCESSION NUMBER", offsetof(t2x_header, accession)},
        {"CONFORMED SUBMISSION TYPE", offsetof(t2x_header, form)},
        {"CONFORMED PERIOD OF REPORT", offsetof(t2x_header, period)},
        {"FILED AS OF DATE", offsetof(t2x_header, filed)},
        {"COMPANY CONFORMED NAME", offsetof(t2x_header, company)},
        {"CENTRAL INDEX KEY", offsetof(t2x_header, cik)},
        {"STANDARD INDUSTRIAL CLASSIFICATION", offsetof(t2x_header, sic)},
        {"IRS NUMBER", offsetof(t2x_header, irs)},
        {"STATE OF INCORPORATION", offsetof(t2x_header, state)},
        {"FISCAL YEAR END", offsetof(t2x_header, fye)},
        {"SEC FILE NUMBER", offsetof(t2x_header, file_number)},
        /* the .nc tag form, after "<TAG>" was turned into "TAG:" */
        {"ACCESSION-NUMBER", offsetof(t2x_header, accession)},
        {"TYPE", offsetof(t2x_header, form)},
        {"PERIOD", offsetof(t2x_header, period)},
        {"FILING-DATE", offsetof(t2x_header, filed)},
        {"CONFORMED-NAME", offsetof(t2x_header, company)},
        {"CIK", offsetof(t2x_header, cik)},
        {"ASSIGNED-SIC", offsetof(t2x_header, sic)},
        {"IRS-NUMBER", offsetof(t2x_header, irs)},
        {"STATE-OF-INCORPORATION", offsetof(t2x_header, state)},
        {"FISCAL-YEAR-END", offsetof(t2x_header, fye)},
        {"FILE-NUMBER", offsetof(t2x_header, file_number)},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(label, map[i].label) == 0) {
            set_once((char **)((char *)h + map[i].field), v);
            return;
        }
}

/* .nc form: "<CIK>0000123456" → treated as "CIK: 0000123456". */
static void header_tag_line(t2x_header *h, const char *text)
{
    while (*text == ' ') text++;
    if (*text != '<' || text[1] == '/') return;
    const char *gt = strchr(text, '>');
    if (!gt || !gt[1]) return;
    char buf[256];
    size_t n = (size_t)(gt - text - 1);
    if (n + strlen(gt + 1) + 3 >= sizeof buf) return;
    memcpy(buf, text + 1, n);
    buf[n] = ':';
    strcpy(buf + n + 1, gt + 1);
    header_label_line(h, buf);
}

static void normalise_header(t2x_header *h)
{
    if (h->cik) { /* pad to 10 digits */
        char *d = h->cik;
        size_t n = strlen(d);
        int digits = n > 0 && n <= 10;
        for (size_t i = 0; i < n; i++)
            if (!isdigit((unsigned char)d[i])) digits = 0;
        if (digits) {
            char *p = t2x_xasprintf("%010lu", strtoul(d, NULL, 10));
            free(h->cik);
            h->cik = p;
        } else {
            free(h->cik);
            h->cik = NULL;
        }
    }
    if (h->sic) { /* "PHARMACEUTICAL PREPARATIONS [2834]" → "2834" */
        char *lb = strrchr(h->sic, '[');
        if (lb) {
            char *p = t2x_xstrndup(lb + 1, strcspn(lb + 1, "]"));
            free(h->sic);
            h->sic = p;
        }
    }
    if (h->form) {
        char *p = t2x_form_normalise(h->form);
        free(h->form);
        h->form = p;
    }
}

size_t t2x_form_read(const char *s, char *out, size_t cap)
{
    /* "10" [-] K|Q [SB | SB40 | 405 | T | T405] [/A] (10-Q: SB, T); blanks around the dash */
    static const char *const suffixes[] = {"SB40", "SB", "T405", "405", "T"};
    size_t i = 0;
    out[0] = '\0';
    if (cap < 16 || s[0] != '1' || s[1] != '0') return 0;
    i = 2;
    size_t j = i;
    while (s[j] == ' ') j++;
    if (s[j] == '-') {
        i = j + 1;
        while (s[i] == ' ') i++;
    }
    char kq = (char)toupper((unsigned char)s[i]);
    if (kq != 'K' && kq != 'Q') return 0;
    i++;
    const char *suf = "";
    for (size_t k = 0; k < sizeof suffixes / sizeof suffixes[0]; k++) {
        size_t n = strlen(suffixes[k]);
        if (strncasecmp(s + i, suffixes[k], n) == 0 && !isalnum((unsigned char)s[i + n])) {
            suf = suffixes[k];
            i += n;
            break;
        }
    }
    if (isalnum((unsigned char)s[i])) return 0; /* "10-KA", "10Kx": not a form we know */
    if (kq == 'Q' && *suf && strcmp(suf, "SB") != 0 && strcmp(suf, "T") != 0)
        return 0; /* 10-Q, 10-QSB, 10-QT */
    int amended = 0;
    if (s[i] == '/' && toupper((unsigned char)s[i + 1]) == 'A' && !isalnum((unsigned char)s[i + 2])) {
        amended = 1;
        i += 2;
    }
    snprintf(out, cap, "10-%c%s%s", kq, suf, amended ? "/A" : "");
    return i;
}

char *t2x_form_normalise(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    char f[16];
    size_t n = t2x_form_read(s, f, sizeof f);
    if (n && s[n + strspn(s + n, " \t")] == '\0') return t2x_xstrdup(f);
    char *p = t2x_trim(t2x_xstrdup(s));
    for (char *q = p; *q; q++) *q = (char)toupper((unsigned char)*q);
    return p;
}

/* Does the text start with the tag <name (then '>', '/', a blank or the end)? "<PP&E>" and
 * "<PERIOD-END>" of an EX-27 schedule are not "<p". */
static int starts_tag(const char *t, const char *name)
{
    size_t n = strlen(name);
    if (!t2x_starts_with_ci(t, name)) return 0;
    return t[n] == '\0' || t[n] == '>' || t[n] == '/' || t[n] == ' ' || t[n] == '\t';
}

static int body_is_html(const t2x_lines *L, size_t first, size_t end)
{
    int tags = 0;
    for (size_t i = first; i < end && i < first + 200; i++) {
        const char *t = L->v[i].text;
        while (*t == ' ') t++;
        if (t2x_starts_with_ci(t, "<html") || t2x_starts_with_ci(t, "<!doctype html")) return 1;
        /* "<p>" or "<p class…", not the <PAGE> marker of text filings (starts_tag) */
        if (starts_tag(t, "<p") || starts_tag(t, "<div") || starts_tag(t, "<font") || starts_tag(t, "<tr") ||
            starts_tag(t, "<td") || starts_tag(t, "<br") || starts_tag(t, "<body") || starts_tag(t, "<head"))
            tags++;
    }
    return tags >= 5;
}

static int body_is_binary(const t2x_lines *L, size_t first, size_t end, const char *type)
{
    if (strcmp(type, "GRAPHIC") == 0 || strcmp(type, "ZIP") == 0 || strcmp(type, "PDF") == 0 ||
        strcmp(type, "EXCEL") == 0 || strcmp(type, "XML") == 0 || strncmp(type, "EX-101", 6) == 0)
        return 1;
    for (size_t i = first; i < end && i < first + 5; i++)
        if (strncmp(L->v[i].text, "begin ", 6) == 0 && isdigit((unsigned char)L->v[i].text[6]))
            return 1;
    return 0;
}

void t2x_submission_parse(const t2x_lines *L, t2x_submission *sub)
{
    memset(sub, 0, sizeof *sub);
    size_t cap = 0;
    int in_header = 0, in_doc = 0, in_text = 0;
    t2x_document cur;
    memset(&cur, 0, sizeof cur);
    for (size_t i = 0; i < L->n; i++) {
        const char *t = L->v[i].text;
        const char *r;
        if (!in_text) {
            if (tag_rest(t, "SEC-HEADER") || tag_rest(t, "IMS-HEADER") ||
                tag_rest(t, "SUBMISSION")) {
                in_header = 1;
                sub->has_wrapper = 1;
                continue;
            }
            if (tag_rest(t, "/SEC-HEADER") || tag_rest(t, "/IMS-HEADER")) {
                in_header = 0;
                continue;
            }
            if (tag_rest(t, "DOCUMENT")) {
                in_header = 0;
                in_doc = 1;
                sub->has_wrapper = 1;
                free(cur.type); /* a <DOCUMENT> reopened before its <TEXT> */
                free(cur.description);
                memset(&cur, 0, sizeof cur);
                continue;
            }
            if (in_header) {
                if (t[0] == '<' || (t[0] == ' ' && strchr(t, '<') && !strchr(t, ':')))
                    header_tag_line(&sub->hdr, t);
                else
                    header_label_line(&sub->hdr, t);
                continue;
            }
            if (in_doc) {
                if ((r = tag_rest(t, "TYPE"))) {
                    free(cur.type);
                    cur.type = t2x_form_normalise(r);
                } else if ((r = tag_rest(t, "SEQUENCE"))) {
                    cur.sequence = atoi(r);
                } else if ((r = tag_rest(t, "DESCRIPTION"))) {
                    free(cur.description);
                    cur.description = clean_value(r);
                } else if ((r = tag_rest(t, "TEXT"))) {
                    in_text = 1;
                    cur.first = i + 1;
                }
                continue;
            }
        } else if (tag_rest(t, "/TEXT") || tag_rest(t, "/DOCUMENT")) {
            in_text = 0;
            cur.end = i;
            if (!cur.type) cur.type = t2x_xstrdup("");
            cur.is_html = body_is_html(L, cur.first, cur.end);
            cur.is_binary = body_is_binary(L, cur.first, cur.end, cur.type);
            sub->docs = t2x_grow(sub->docs, &cap, sub->ndocs + 1, sizeof *sub->docs);
            sub->docs[sub->ndocs++] = cur;
            memset(&cur, 0, sizeof cur);
            in_doc = tag_rest(t, "/TEXT") != NULL;
            continue;
        }
    }
    if (in_text) { /* truncated submission: keep what we have */
        cur.end = L->n;
        if (!cur.type) cur.type = t2x_xstrdup("");
        cur.is_html = body_is_html(L, cur.first, cur.end);
        cur.is_binary = body_is_binary(L, cur.first, cur.end, cur.type);
        sub->docs = t2x_grow(sub->docs, &cap, sub->ndocs + 1, sizeof *sub->docs);
        sub->docs[sub->ndocs++] = cur;
    } else {
        free(cur.type);
        free(cur.description);
    }
    normalise_header(&sub->hdr);
    if (sub->ndocs == 0) { /* a bare text filing */
        sub->docs = t2x_grow(sub->docs, &cap, 1, sizeof *sub->docs);
        t2x_document *d = &sub->docs[sub->ndocs++];
        memset(d, 0, sizeof *d);
        d->type = t2x_xstrdup(sub->hdr.form ? sub->hdr.form : "");
        d->first = 0;
        d->end = L->n;
        d->is_html = body_is_html(L, 0, L->n);
    }
}

void t2x_submission_free(t2x_submission *sub)
{
    t2x_header *h = &sub->hdr;
    char **f[] = {&h->accession, &h->form, &h->period, &h->filed, &h->company, &h->cik,
                  &h->sic, &h->irs, &h->state, &h->fye, &h->file_number};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) free(*f[i]);
    for (size_t i = 0; i < sub->ndocs; i++) {
        free(sub->docs[i].type);
        free(sub->docs[i].description);
    }
    free(sub->docs);
    memset(sub, 0, sizeof *sub);
}

int t2x_document_is_main(const t2x_document *d, const t2x_header *h)
{
    if (h->form && strcmp(d->type, h->form) == 0) return 1;
    return strncmp(d->type, "10-K", 4) == 0 || strncmp(d->type, "10-Q", 4) == 0;
}

int t2x_document_is_ex13(const t2x_document *d)
{
    return strncmp(d->type, "EX-13", 5) == 0;
}

int t2x_document_is_ex27(const t2x_document *d)
{
    return strncmp(d->type, "EX-27", 5) == 0;
}
