/*
 * test_dates.c — printed dates and period arithmetic (legacy guide §4.1–4.3).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "dates.h"
#include "periods.h"

static void iso_is(t2x_date d, const char *want)
{
    char b[11];
    t2x_date_iso(d, b);
    assert_string_equal(b, want);
}

static void test_find(void **state)
{
    (void)state;
    t2x_date d;
    int len;
    assert_int_equal(t2x_date_find("Balance at January 1, 2001", &d, &len), 11);
    iso_is(d, "2001-01-01");
    assert_true(t2x_date_find("QUARTERLY PERIOD ENDED MARCH 31, 2003", &d, &len) >= 0);
    iso_is(d, "2003-03-31");
    assert_true(t2x_date_find("Dec. 31, 1996", &d, &len) >= 0);
    iso_is(d, "1996-12-31");
    assert_true(t2x_date_find("<PERIOD-END> DEC-31-1997", &d, &len) >= 0);
    iso_is(d, "1997-12-31");
    assert_true(t2x_date_find("as of 16 March 2004", &d, &len) >= 0);
    iso_is(d, "2004-03-16");
    assert_int_equal(t2x_date_find("Marketing, selling, administrative", &d, &len), -1);
    assert_int_equal(t2x_date_find("February 30, 2003", &d, &len), -1);
}

static void test_months_back(void **state)
{
    (void)state;
    t2x_date e = {2003, 6, 30};
    iso_is(t2x_date_months_back(e, 6), "2003-01-01");
    t2x_date q = {2003, 3, 31};
    iso_is(t2x_date_months_back(q, 3), "2003-01-01");
    t2x_date y = {2003, 12, 31};
    iso_is(t2x_date_months_back(y, 12), "2003-01-01");
    t2x_date f = {1996, 9, 30};
    iso_is(t2x_date_months_back(f, 12), "1995-10-01");
    /* a 52/53-week end date: end − 12 months + 1 day as a first guess */
    t2x_date w = {1997, 12, 26};
    iso_is(t2x_date_months_back(w, 3), "1997-09-27");
    t2x_date leap = {2004, 2, 29};
    iso_is(t2x_date_add_days(leap, 1), "2004-03-01");
    t2x_date jan1 = {2001, 1, 1};
    iso_is(t2x_date_add_days(jan1, -1), "2000-12-31");
    assert_int_equal(t2x_date_diff(jan1, y), 1094); /* 2001-01-01 .. 2003-12-31 */
}

static void test_period_length(void **state)
{
    (void)state;
    int m, w;
    t2x_period_length("Three Months Ended March 31,", &m, &w);
    assert_int_equal(m, 3);
    t2x_period_length("SIX MONTHS ENDED", &m, &w);
    assert_int_equal(m, 6);
    t2x_period_length("Nine months ended September 30, 1997", &m, &w);
    assert_int_equal(m, 9);
    t2x_period_length("Year ended December 31", &m, &w);
    assert_int_equal(m, 12);
    t2x_period_length("Thirteen Weeks Ended May 3, 2003", &m, &w);
    assert_int_equal(w, 13);
    t2x_period_length("52 Weeks Ended January 31, 1998", &m, &w);
    assert_int_equal(w, 52);
    t2x_period_length("Twenty-six weeks ended", &m, &w);
    assert_int_equal(w, 26);
    t2x_period_length("Fiscal 2003", &m, &w);
    assert_int_equal(m, 12);
    t2x_period_length("December 31, 2002", &m, &w);
    assert_int_equal(m, 0);
    assert_int_equal(w, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_months_back),
        cmocka_unit_test(test_period_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
