/*
 * dates.c — calendar arithmetic and printed-date recognition (dates.h).
 */
#include "dates.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int t2x_days_in_month(int y, int m)
{
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return d[m - 1] + (m == 2 && leap(y));
}

int t2x_date_valid(t2x_date x)
{
    return x.y >= 1900 && x.y <= 2100 && x.m >= 1 && x.m <= 12 && x.d >= 1 &&
           x.d <= t2x_days_in_month(x.y, x.m);
}

int t2x_date_cmp(t2x_date a, t2x_date b)
{
    if (a.y != b.y) return a.y < b.y ? -1 : 1;
    if (a.m != b.m) return a.m < b.m ? -1 : 1;
    if (a.d != b.d) return a.d < b.d ? -1 : 1;
    return 0;
}

t2x_date t2x_date_add_days(t2x_date x, int days)
{
    while (days > 0) {
        int dim = t2x_days_in_month(x.y, x.m);
        if (x.d + days <= dim) {
            x.d += days;
            break;
        }
        days -= dim - x.d + 1;
        x.d = 1;
        if (++x.m > 12) {
            x.m = 1;
            x.y++;
        }
    }
    while (days < 0) {
        if (x.d + days >= 1) {
            x.d += days;
            break;
        }
        days += x.d;
        if (--x.m < 1) {
            x.m = 12;
            x.y--;
        }
        x.d = t2x_days_in_month(x.y, x.m);
    }
    return x;
}

t2x_date t2x_date_months_back(t2x_date end, int months)
{
    t2x_date s = end;
    if (end.d == t2x_days_in_month(end.y, end.m)) {
        /* first day of the month months−1 before end's month */
        int m = end.m - (months - 1), y = end.y;
        while (m < 1) {
            m += 12;
            y--;
        }
        s.y = y;
        s.m = m;
        s.d = 1;
        return s;
    }
    int m = end.m - months, y = end.y;
    while (m < 1) {
        m += 12;
        y--;
    }
    s.y = y;
    s.m = m;
    if (s.d > t2x_days_in_month(y, m)) s.d = t2x_days_in_month(y, m);
    return t2x_date_add_days(s, 1);
}

static long days_from_civil(t2x_date x)
{
    int y = x.y - (x.m <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (x.m + (x.m > 2 ? -3 : 9)) + 2) / 5 + x.d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe;
}

long t2x_date_diff(t2x_date a, t2x_date b) { return days_from_civil(b) - days_from_civil(a); }

void t2x_date_iso(t2x_date x, char buf[11])
{
    unsigned y = (unsigned)x.y % 10000u, m = (unsigned)x.m % 100u, d = (unsigned)x.d % 100u;
    buf[0] = (char)('0' + y / 1000); buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10); buf[3] = (char)('0' + y % 10); buf[4] = '-';
    buf[5] = (char)('0' + m / 10); buf[6] = (char)('0' + m % 10); buf[7] = '-';
    buf[8] = (char)('0' + d / 10); buf[9] = (char)('0' + d % 10); buf[10] = '\0';
}

t2x_date t2x_date_from_compact(const char *s)
{
    t2x_date x = {0, 0, 0};
    if (!s || strlen(s) < 8) return x;
    for (int i = 0; i < 8; i++)
        if (!isdigit((unsigned char)s[i])) return x;
    x.y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    x.m = (s[4] - '0') * 10 + (s[5] - '0');
    x.d = (s[6] - '0') * 10 + (s[7] - '0');
    if (!t2x_date_valid(x)) x.y = 0;
    return x;
}

int t2x_month_from_name(const char *s, int *len)
{
    static const char *const names[12] = {"january", "february", "march",     "april",
                                          "may",     "june",     "july",      "august",
                                          "september", "october", "november", "december"};
    char w[16];
    int n = 0;
    while (n < 15 && isalpha((unsigned char)s[n])) {
        w[n] = (char)tolower((unsigned char)s[n]);
        n++;
    }
    w[n] = '\0';
    if (isalpha((unsigned char)s[n]) || n < 3) return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(names[m]);
        if ((size_t)n == full && strcmp(w, names[m]) == 0) {
            *len = n;
            return m + 1;
        }
        /* abbreviations: Jan, Feb, Sept, Sep … (3 or 4 letters) */
        if ((n == 3 || (n == 4 && m == 8)) && strncmp(w, names[m], (size_t)n) == 0) {
            *len = n + (s[n] == '.');
            return m + 1;
        }
    }
    return 0;
}

static int read_int(const char *s, int *v, int maxdigits)
{
    int n = 0, x = 0;
    while (n < maxdigits && isdigit((unsigned char)s[n])) x = x * 10 + (s[n++] - '0');
    if (isdigit((unsigned char)s[n])) return 0;
    *v = x;
    return n;
}

int t2x_date_find(const char *s, t2x_date *out, int *len)
{
    for (int i = 0; s[i]; i++) {
        if (i > 0 && isalnum((unsigned char)s[i - 1])) continue;
        int ml, k, day, year, n;
        int m = isalpha((unsigned char)s[i]) ? t2x_month_from_name(s + i, &ml) : 0;
        if (m) {
            k = i + ml;
            if (s[k] == '-') { /* MAR-31-1997 */
                if ((n = read_int(s + k + 1, &day, 2)) && s[k + 1 + n] == '-' &&
                    read_int(s + k + 2 + n, &year, 4) == 4) {
                    t2x_date x = {year, m, day};
                    if (t2x_date_valid(x)) {
                        *out = x;
                        *len = k + 2 + n + 4 - i;
                        return i;
                    }
                }
                continue;
            }
            while (s[k] == ' ') k++;
            if (!(n = read_int(s + k, &day, 2))) continue;
            k += n;
            if (s[k] == ',') k++;
            while (s[k] == ' ') k++;
            if (read_int(s + k, &year, 4) != 4) continue;
            t2x_date x = {year, m, day};
            if (!t2x_date_valid(x)) continue;
            *out = x;
            *len = k + 4 - i;
            return i;
        }
        if (isdigit((unsigned char)s[i]) && (n = read_int(s + i, &day, 2))) { /* 31 March 2003 */
            k = i + n;
            if (s[k] != ' ') continue;
            while (s[k] == ' ') k++;
            if (!(m = t2x_month_from_name(s + k, &ml))) continue;
            k += ml;
            if (s[k] == ',') k++;
            while (s[k] == ' ') k++;
            if (read_int(s + k, &year, 4) != 4) continue;
            t2x_date x = {year, m, day};
            if (!t2x_date_valid(x)) continue;
            *out = x;
            *len = k + 4 - i;
            return i;
        }
    }
    return -1;
}

/* Month and day named without a year ("December 31", "Dec. 31,"), 0 if none. */
int t2x_month_day(const char *s, int *m, int *d)
{
    for (int i = 0; s && s[i]; i++) {
        if (i > 0 && isalpha((unsigned char)s[i - 1])) continue;
        int ml;
        int mm = isalpha((unsigned char)s[i]) ? t2x_month_from_name(s + i, &ml) : 0;
        if (!mm) continue;
        int k = i + ml;
        while (s[k] == ' ') k++;
        if (isdigit((unsigned char)s[k])) {
            int dd = atoi(s + k);
            if (dd >= 1 && dd <= 31) {
                *m = mm;
                *d = dd;
                return 1;
            }
        }
        *m = mm;
        *d = 0;
        return 1;
    }
    return 0;
}

