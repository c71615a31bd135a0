/*
 * numbers.c — recognise and evaluate printed amounts (numbers.h).
 */
#include "numbers.h"
#include "util.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int is_dash_token(const char *t, int n)
{
    if (n == 0 || n > 4) return 0;
    for (int i = 0; i < n; i++)
        if (t[i] != '-' && t[i] != '_') return 0;
    return 1;
}

int t2x_num_parse(const char *tok, int len, t2x_num *out)
{
    memset(out, 0, sizeof *out);
    int i = 0, n = len;
    int paren = 0;
    /* leading '$' and '(' in either order, with blanks between */
    for (;;) {
        while (i < n && tok[i] == ' ') i++;
        if (i < n && tok[i] == '$') {
            out->dollar = 1;
            i++;
            continue;
        }
        if (i < n && tok[i] == '(' && !paren) {
            paren = 1;
            i++;
            continue;
        }
        break;
    }
    /* a zero written as a word ("nil", "none") */
    {
        int a = i, b = n;
        while (b > a && tok[b - 1] == ' ') b--;
        if (!paren && ((b - a == 3 && strncasecmp(tok + a, "nil", 3) == 0) ||
                       (b - a == 4 && strncasecmp(tok + a, "none", 4) == 0))) {
            out->dash = 1;
            out->word = 1;
            out->num_start = a;
            out->num_len = b - a;
            return 1;
        }
    }
    /* trailing ')' , footnote markers "(a)" "{1}" "[1]" "<F1>" "*" , blanks */
    while (n > i && tok[n - 1] == ' ') n--;
    if (n - i >= 4 && (tok[n - 1] == '}' || tok[n - 1] == ']')) {
        char open = tok[n - 1] == '}' ? '{' : '[';
        int k = n - 2;
        while (k > i && isalnum((unsigned char)tok[k]) && n - 1 - k <= 2) k--;
        if (k > i && tok[k] == open && k < n - 2 && (isdigit((unsigned char)tok[k - 1]) || tok[k - 1] == ')'))
            n = k; /* 1,234{1}, (1,234)[2] */
    }
    if (n - i >= 5 && tok[n - 1] == '>' && tok[n - 4] == '<' && toupper((unsigned char)tok[n - 3]) == 'F' &&
        isdigit((unsigned char)tok[n - 2]) && (isdigit((unsigned char)tok[n - 5]) || tok[n - 5] == ')'))
        n -= 4; /* 1,234<F1> */
    if (n - i >= 3 && tok[n - 1] == ')' && tok[n - 3] == '(' &&
        (isalpha((unsigned char)tok[n - 2]) || isdigit((unsigned char)tok[n - 2])) &&
        n - 3 > i && tok[n - 4] != '(')
        n -= 3; /* 1,234(a) */
    while (n > i && tok[n - 1] == '*') n--;
    if (paren) {
        while (n > i && tok[n - 1] == ' ') n--;
        if (n > i && tok[n - 1] == ')') n--;
        else return 0;
        while (n > i && tok[n - 1] == ' ') n--;
        while (i < n && tok[i] == ' ') i++;
        out->negative = 1;
    }
    if (i >= n) return 0;
    if (is_dash_token(tok + i, n - i)) {
        if (out->negative) return 0; /* "(-)" is not something we read */
        out->dash = 1;
        out->num_start = i;
        out->num_len = n - i;
        return 1;
    }
    if (tok[n - 1] == '%') {
        out->percent = 1;
        n--;
    }
    if (n > i && tok[i] == '-' && !out->negative) {
        out->negative = 1;
        i++;
    } else if (n > i + 1 && tok[n - 1] == '-' && isdigit((unsigned char)tok[n - 2]) &&
               !out->negative) {
        out->negative = 1; /* trailing minus */
        n--;
    }
    if (i >= n) return 0;
    /* digits with optional thousands separators and one decimal point */
    int digits = 0, seen_point = 0, group = -1, first_group = 0;
    long long mant = 0;
    for (int k = i; k < n; k++) {
        char c = tok[k];
        if (isdigit((unsigned char)c)) {
            if (digits >= 18) return 0;
            mant = mant * 10 + (c - '0');
            digits++;
            if (seen_point) out->frac++;
            else if (group >= 0) group++;
            else first_group++;
        } else if (c == ',' && !seen_point) {
            if (group >= 0 && group != 3) return 0;
            if (group < 0 && (first_group == 0 || first_group > 3)) return 0;
            group = 0;
        } else if (c == '.' && !seen_point) {
            if (group >= 0 && group != 3) return 0;
            seen_point = 1;
        } else {
            return 0;
        }
    }
    if (digits == 0) return 0;
    if (group >= 0 && !seen_point && group != 3) return 0;
    if (seen_point && out->frac == 0) return 0; /* "12." is a sentence end, not a number */
    out->mant = mant;
    out->num_start = i;
    out->num_len = n - i - (out->percent ? 0 : 0);
    return 1;
}

int t2x_is_year_token(const char *tok, int len)
{
    if (len != 4) return 0;
    for (int i = 0; i < 4; i++)
        if (!isdigit((unsigned char)tok[i])) return 0;
    return (tok[0] == '1' && tok[1] == '9') || (tok[0] == '2' && tok[1] == '0');
}

char *t2x_num_value_string(long long mant, int frac, int scale, int negative)
{
    char digits[64];
    int n = snprintf(digits, sizeof digits, "%lld", mant < 0 ? -mant : mant);
    int exp = scale - frac; /* value = digits × 10^exp */
    t2x_buf b = {0};
    if (mant == 0) return t2x_xstrdup("0");
    if (negative) t2x_buf_putc(&b, '-');
    if (exp >= 0) {
        t2x_buf_add(&b, digits, (size_t)n);
        for (int k = 0; k < exp; k++) t2x_buf_putc(&b, '0');
    } else {
        int point = n + exp; /* digits before the point */
        if (point <= 0) {
            t2x_buf_puts(&b, "0.");
            for (int k = 0; k < -point; k++) t2x_buf_putc(&b, '0');
            t2x_buf_add(&b, digits, (size_t)n);
        } else {
            t2x_buf_add(&b, digits, (size_t)point);
            t2x_buf_putc(&b, '.');
            t2x_buf_add(&b, digits + point, (size_t)(n - point));
        }
        /* strip trailing fractional zeros */
        while (b.len && b.data[b.len - 1] == '0') b.data[--b.len] = '\0';
        if (b.len && b.data[b.len - 1] == '.') b.data[--b.len] = '\0';
    }
    return b.data;
}
