/* ere.h - a small matcher for the POSIX extended regular expressions of taxonomy/labels.tsv.
 *
 * The label rules are hundreds of short anchored patterns tried against short row labels.
 * glibc's regex keeps a lazily built DFA per pattern whose transition tables (2 KB per state)
 * grew to about 17 MB on one 10-K, on top of 12 MB of compiled patterns; this matcher parses
 * each pattern into a small tree and answers "does it match?" by backtracking, in a few KB.
 *
 * It answers only whether a match exists (REG_NOSUB), case-insensitively in the C locale
 * (REG_ICASE), with REG_EXTENDED syntax: literals, '.', bracket expressions (ranges, negation,
 * [:class:]), '\s' '\S' '\w' '\W', escaped punctuation, groups, '|', '^', '$', '*', '+', '?',
 * and intervals {m}, {m,}, {m,n}. Anything else (back-references, word boundaries, collating
 * elements...) is refused at compile time, and the caller uses regcomp(3) for that pattern.
 */
#ifndef T2X_ERE_H
#define T2X_ERE_H

typedef struct t2x_ere t2x_ere;

/* Compiles pattern; NULL if it is malformed or uses syntax this matcher does not handle. */
t2x_ere *t2x_ere_compile(const char *pattern);

/* 1 if pattern matches somewhere in text, 0 if not, -1 if the search gave up (too long a text
 * or too many steps); on -1 the caller decides with regexec(3). */
int t2x_ere_match(const t2x_ere *re, const char *text);

void t2x_ere_free(t2x_ere *re);

#endif
