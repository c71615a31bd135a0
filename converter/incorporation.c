/*
 * incorporation.c — statements incorporated by reference (issue "Read filings of companies the
 * parser has never seen", item 2). Many 10-Ks print no financial statement of their own: Item 8
 * says the statements "contained in the Annual Report to Shareholders … are incorporated herein
 * by reference", and the annual report is Exhibit 13 (Regulation S-K Item 601(b)(13)). When the
 * submission holds no such exhibit the filing cannot be converted; this finds the sentence that
 * says so and names the document it points to, for a precise exit-3 message.
 *
 * It reads paragraphs (runs of non-blank lines) of a document as plain words: markup (<...>)
 * and character references are dropped, so the same reading serves text and HTML documents.
 */
#include "incorporation.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

/* Longest paragraph read, in characters: Item 8 paragraphs are a few hundred. */
#define PARA_MAX 4000

/* Case-insensitive search. */
static const char *find_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0) return hay;
    return NULL;
}

/* Does the paragraph say that the financial statements are incorporated by reference? Under
 * the heading "Item 8. Financial Statements and Supplementary Data" the paragraph need not name
 * them again ("Pages 24-36 … of Registrant's Annual Report … are incorporated herein by
 * reference"). */
static int says_incorporated(const char *p, int under_item8)
{
    if (!under_item8 && !find_ci(p, "financial statements")) return 0;
    const char *inc = find_ci(p, "incorporated");
    if (!inc || !find_ci(inc, "by reference")) return 0;
    /* "Incorporated by reference to Exhibit 3.1 to …" lines of the exhibit index name charters
     * and agreements, not statements; "are filed herewith / included herein" are not pointers */
    return !find_ci(p, "included herein") && !find_ci(p, "filed herewith") && !find_ci(p, "set forth herein");
}

/* Copy the words of p starting at `at` up to `words` words into out. */
static void copy_words(const char *at, int words, char *out, size_t n)
{
    size_t k = 0;
    int w = 0;
    for (const char *s = at; *s && k + 1 < n; s++) {
        if (*s == ' ' && ++w >= words) break;
        out[k++] = *s;
    }
    while (k > 0 && strchr(" ,.;:", out[k - 1])) k--;
    out[k] = 0;
}

/* Name the document the paragraph points to: "Exhibit 13", "the 2001 Annual Report to
 * Shareholders (Exhibit 13)", "the Proxy Statement"…; 0 when it names none (a cross-reference
 * within the filing: "… can be found in Item 8 … and is incorporated by reference herein"). */
static int name_source(const char *p, char *where, size_t n)
{
    char ex[32] = "", ar[96] = "";
    const char *e = find_ci(p, "exhibit 13");
    if (e) copy_words(e, 2, ex, sizeof ex);
    const char *a = find_ci(p, "annual report to");
    if (a) {
        /* a year printed before the phrase belongs to it ("our 2001 Annual Report …") */
        const char *start = a;
        if (start - p >= 5 && isdigit((unsigned char)start[-2]) && isdigit((unsigned char)start[-5]) &&
            start[-1] == ' ' && (start - p == 5 || start[-6] == ' '))
            start -= 5;
        copy_words(start, (int)(a - start ? 5 : 4), ar, sizeof ar);
    }
    if (ar[0] && ex[0]) snprintf(where, n, "%s (%s)", ar, ex);
    else if (ar[0]) snprintf(where, n, "%s (Exhibit 13)", ar);
    else if (ex[0]) snprintf(where, n, "%s", ex);
    else if (find_ci(p, "proxy statement")) snprintf(where, n, "the proxy statement");
    else return 0;
    return 1;
}

/* Reading state: the paragraph so far, where it started, and an open tag. */
typedef struct reader {
    t2x_buf para;     /* words of the paragraph, folded */
    long start;       /* source line of its first word */
    int in_tag;       /* inside <...> */
    t2x_buf tag;      /* the tag's first characters (its name) */
    long found;       /* line of the paragraph that says so, 0 until found */
    int item8;        /* the paragraphs follow an "Item 8." heading */
    char *where;      /* OUT: the document it names */
    size_t n;
} reader;

/* The paragraph ends (blank line, block-level tag): judge it and start another. */
static void end_paragraph(reader *r)
{
    if (!r->para.len) return;
    const char *p = r->para.data;
    if (strncasecmp(p, "item ", 5) == 0) /* a heading: "Item 8. Financial Statements…" */
        r->item8 = strncmp(p + 5, "8", 1) == 0 && !isdigit((unsigned char)p[6]);
    if (!r->found && says_incorporated(p, r->item8) && name_source(p, r->where, r->n)) r->found = r->start;
    r->para.len = 0;
    if (r->para.data) r->para.data[0] = 0;
}

/* Does a tag (its first characters after '<') break paragraphs? */
static int block_tag(const char *t)
{
    static const char *const names[] = {"p", "div", "br", "tr", "table", "li", "hr", "h1", "h2", "h3", "h4",
                                        "center", "pre"};
    if (*t == '/') t++;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        size_t k = strlen(names[i]);
        if (strncasecmp(t, names[i], k) == 0 && !isalnum((unsigned char)t[k])) return 1;
    }
    return 0;
}

/* Add one line's words to the paragraph: markup dropped, a character reference read as a
 * space, white space folded. */
static void read_line(reader *r, const t2x_line *ln)
{
    for (const char *s = ln->text; *s; s++) {
        if (r->in_tag) {
            if (*s == '>') {
                r->in_tag = 0;
                if (r->tag.data && block_tag(r->tag.data)) end_paragraph(r);
            } else if (r->tag.len < 16) {
                t2x_buf_putc(&r->tag, *s);
            }
            continue;
        }
        if (*s == '<') {
            r->in_tag = 1;
            r->tag.len = 0;
            t2x_buf_putc(&r->tag, 0);
            r->tag.len = 0;
            continue;
        }
        char c = *s;
        if (c == '&') { /* &nbsp; &#160; … */
            const char *e = s + 1;
            while (*e && e - s < 10 && (isalnum((unsigned char)*e) || *e == '#')) e++;
            if (*e == ';') s = e;
            c = ' ';
        }
        if (r->para.len >= PARA_MAX) continue;
        if (isspace((unsigned char)c)) {
            if (r->para.len && r->para.data[r->para.len - 1] != ' ') t2x_buf_putc(&r->para, ' ');
            continue;
        }
        if (!r->para.len) r->start = ln->no;
        t2x_buf_putc(&r->para, c);
    }
    if (r->para.len && r->para.data[r->para.len - 1] != ' ') t2x_buf_putc(&r->para, ' ');
}

long t2x_incorporated_find(const t2x_lines *L, size_t first, size_t end, char *where, size_t n)
{
    reader r = {.where = where, .n = n};
    for (size_t i = first; i < end && !r.found; i++) {
        if (t2x_line_blank(&L->v[i])) end_paragraph(&r);
        else read_line(&r, &L->v[i]);
    }
    end_paragraph(&r);
    free(r.para.data);
    free(r.tag.data);
    return r.found;
}
