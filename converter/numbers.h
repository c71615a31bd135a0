/*
 * numbers.h — printed amounts: "$ 1,234", "(529,642)", ".28", "-", "nil", "12.5%", "1,234-",
 * "1,234(a)", "1,234{1}" (legacy guide §4.6). Values stay exact: a mantissa and its count of decimal places.
 */
#ifndef T2X_NUMBERS_H
#define T2X_NUMBERS_H

#include <stddef.h>

typedef struct t2x_num {
    long long mant;   /* digits without separators: "1,234.50" → 123450 */
    int frac;         /* digits after the decimal point: 2 */
    int negative;     /* parentheses, leading or trailing minus */
    int dash;         /* a zero printed without digits: a dash ("-", "--", "—") or a word */
    int word;         /* …the word "nil" or "none" */
    int percent;      /* trailing '%' */
    int dollar;       /* a '$' was part of the token */
    int num_start;    /* offset in the token of the printed number (digits or dash)… */
    int num_len;      /* …and its length, without '$', parentheses or sign */
} t2x_num;

/* Parse one token (no blanks inside except after '$' and '(' ). Returns 1 and fills *out
 * when the whole token is an amount, else 0. */
int t2x_num_parse(const char *tok, int len, t2x_num *out);

/* Is the token a bare year 1900–2099 (four digits, no separators)? */
int t2x_is_year_token(const char *tok, int len);

/* The exact decimal value of mant × 10^(scale − frac) with the given sign, as a string
 * without exponent or trailing fractional zeros ("2723000000", "0.28", "-529642", "0").
 * Caller frees. */
char *t2x_num_value_string(long long mant, int frac, int scale, int negative);

#endif
