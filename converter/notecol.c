/*
 * notecol.c — the notes column of a statement (table.h, issue 9 item 3): many annual reports
 * print, between the row labels and the amounts, a narrow column of references to the notes —
 * numbers ("3"), letters ("Q", "H") or several of them ("C & R", "G & J") — under a heading
 * "Notes", "Note" or "Ref", or under none. Its cells are neither amounts nor words of the
 * label: the column is found from its cells' alignment and blanked before the table is read.
 */
#include "table.h"
#include "numbers.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_CHUNKS 24

typedef struct chunk {
    int s, e; /* display columns [s, e) */
} chunk;

/* Runs of words separated by at most one blank; dot leaders count as blanks. */
static int chunks_of(const char *text, int n, char *w, chunk *ch)
{
    memcpy(w, text, (size_t)n);
    w[n] = '\0';
    for (int i = 0; i + 2 < n; i++)
        if (w[i] == '.' && w[i + 1] == '.' && w[i + 2] == '.') {
            int j = i;
            while (j < n && (w[j] == '.' || (w[j] == ' ' && j + 1 < n && w[j + 1] == '.'))) j++;
            memset(w + i, ' ', (size_t)(j - i));
            i = j;
        }
    int k = 0, i = 0;
    while (i < n && k < MAX_CHUNKS) {
        while (i < n && w[i] == ' ') i++;
        if (i >= n) break;
        ch[k].s = i;
        while (i < n && !(w[i] == ' ' && (i + 1 >= n || w[i + 1] == ' '))) i++;
        ch[k].e = i;
        k++;
    }
    return k;
}

/* A note reference: one to three short words of capitals, digits, '&' or ',' ("Q", "3",
 * "C & R", "G & J", "2,3"), at least one of them a letter or a number of at most two digits. */
static int note_like(const char *w, const chunk *c, int *letters)
{
    int words = 0, ok_word = 0;
    *letters = 0;
    if (c->e - c->s > 7) return 0;
    for (int i = c->s; i < c->e;) {
        int j = i, digits = 0, up = 0;
        while (j < c->e && w[j] != ' ') {
            unsigned char ch = (unsigned char)w[j];
            if (isdigit(ch)) digits++;
            else if (isupper(ch)) up++;
            else if (ch != '&' && ch != ',') return 0;
            j++;
        }
        if (j - i > 3 || (up && digits)) return 0;
        if ((up && up <= 2) || (digits && digits <= 2 && j - i == digits)) ok_word = 1;
        *letters += up;
        words++;
        i = j;
        while (i < c->e && w[i] == ' ') i++;
    }
    return words <= 3 && ok_word;
}

/* An amount as a cell prints it: "$3,110", "$ 394", "(86)", "5.12*", "--". */
static int amount_like(const char *w, const chunk *c, int *big)
{
    char b[64];
    int n = 0;
    for (int i = c->s; i < c->e && n < 63; i++)
        if (w[i] != '$' && w[i] != ' ' && w[i] != '*') b[n++] = w[i];
    b[n] = '\0';
    t2x_num num;
    *big = 0;
    if (!n || (n == 1 && b[0] == '(')) return memchr(w + c->s, '$', (size_t)(c->e - c->s)) || n == 1; /* "$", "(" */
    if (!t2x_num_parse(b, n, &num)) return 0;
    *big = num.dash || num.frac || num.negative || num.dollar || strchr(b, ',') || num.mant >= 100 ||
           c->e - c->s > 3;
    return 1;
}

/* A heading of the notes column. */
static int note_heading(const char *w, const chunk *c)
{
    static const char *const words[] = {"note", "notes", "note(s)", "ref", "ref.", "reference", "references"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if ((int)strlen(words[i]) == c->e - c->s && strncasecmp(w + c->s, words[i], (size_t)(c->e - c->s)) == 0)
            return 1;
    return 0;
}

/* Has the chunk a letter (label words)? */
static int has_alpha(const char *w, const chunk *c)
{
    for (int i = c->s; i < c->e; i++)
        if (isalpha((unsigned char)w[i])) return 1;
    return 0;
}

/* The note-reference chunk of a row: right after the label text and followed only by amounts
 * (at least one): a letter reference stops the amounts read from the right ("Taxes  N  2,381"),
 * a number reference is the first of them ("Basic  3  $.62  $.54"). Returns its index or -1. */
static int row_note(const char *w, const chunk *ch, int k, int *letters)
{
    int big, i = k - 1;
    while (i >= 0 && amount_like(w, &ch[i], &big)) i--;
    if (i < 0 || i >= k - 1) return -1;
    if (note_like(w, &ch[i], letters)) return i >= 1 && has_alpha(w, &ch[i - 1]) && !note_like(w, &ch[i - 1], &big) ? i : -1;
    if (!has_alpha(w, &ch[i]) || i + 2 >= k || !note_like(w, &ch[i + 1], letters)) return -1;
    return amount_like(w, &ch[i + 1], &big) && !big ? i + 1 : -1;
}

int t2x_notes_column(const t2x_lines *L, size_t first, size_t end, int *col0, int *col1)
{
    char w[T2X_LINE_MAX_COLS + 1];
    chunk ch[MAX_CHUNKS];
    int *bigend = t2x_xcalloc(T2X_LINE_MAX_COLS + 4, sizeof *bigend);
    chunk cand[256], head = {-1, -1};
    int ncand = 0, cand_letters = 0;
    for (size_t i = first; i < end; i++) {
        const t2x_line *ln = &L->v[i];
        int k = chunks_of(ln->text, ln->ncols, w, ch), big, letters;
        for (int j = 0; j < k; j++) {
            if (amount_like(w, &ch[j], &big) && big) bigend[ch[j].e]++;
            if (head.s < 0 && note_heading(w, &ch[j]) && (j > 0 || k > 1)) head = ch[j]; /* not "Notes" alone */
        }
        int c = row_note(w, ch, k, &letters);
        if (c >= 0 && ncand < 256) {
            cand[ncand++] = ch[c];
            cand_letters += letters > 0;
        }
    }
    /* the best-aligned group of candidates (centres within two columns) */
    int best = 0, bc = -1;
    for (int a = 0; a < ncand; a++) {
        int n = 0, mid = cand[a].s + cand[a].e;
        for (int b = 0; b < ncand; b++) n += abs(cand[b].s + cand[b].e - mid) <= 4;
        if (n > best) {
            best = n;
            bc = mid;
        }
    }
    int found = 0;
    if (best) {
        int s = T2X_LINE_MAX_COLS, e = 0;
        for (int a = 0; a < ncand; a++)
            if (abs(cand[a].s + cand[a].e - bc) <= 4) {
                if (cand[a].s < s) s = cand[a].s;
                if (cand[a].e > e) e = cand[a].e;
            }
        /* not an amount column: no amount of other rows ends there */
        int amounts = 0;
        for (int c = s - 1; c <= e + 2; c++)
            if (c >= 0 && c < T2X_LINE_MAX_COLS) amounts += bigend[c];
        int headed = head.s >= 0 && head.s <= e + 2 && head.e >= s - 2;
        found = amounts < 2 && (headed || (best >= 3 && cand_letters >= 2) || best >= 4);
        if (found) {
            *col0 = headed && head.s < s ? head.s : s;
            *col1 = headed && head.e > e ? head.e : e;
        }
    }
    free(bigend);
    return found;
}

int t2x_notes_blank(const t2x_lines *L, size_t first, size_t end, t2x_lines *out)
{
    int c0, c1;
    memset(out, 0, sizeof *out);
    if (!t2x_notes_column(L, first, end, &c0, &c1)) return 0;
    out->n = end;
    out->v = t2x_xcalloc(end ? end : 1, sizeof *out->v);
    memcpy(out->v, L->v, end * sizeof *out->v);
    char w[T2X_LINE_MAX_COLS + 1];
    chunk ch[MAX_CHUNKS];
    for (size_t i = first; i < end; i++) {
        const t2x_line *ln = &L->v[i];
        int k = chunks_of(ln->text, ln->ncols, w, ch), letters;
        for (int j = 1; j < k; j++) {
            if (ch[j].s < c0 - 1 || ch[j].e > c1 + 1) continue;
            if (!note_like(w, &ch[j], &letters) && !note_heading(w, &ch[j])) continue;
            if (out->v[i].text == ln->text) out->v[i].text = t2x_xstrdup(ln->text);
            memset(out->v[i].text + ch[j].s, ' ', (size_t)(ch[j].e - ch[j].s));
        }
    }
    return 1;
}

void t2x_notes_blank_free(const t2x_lines *L, t2x_lines *copy)
{
    for (size_t i = 0; i < copy->n; i++)
        if (copy->v[i].text != L->v[i].text) free(copy->v[i].text);
    free(copy->v);
    memset(copy, 0, sizeof *copy);
}
