/*
 * test_numbers.c — printed amounts (legacy guide §4.6) and exact value strings.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"

static t2x_num parse_ok(const char *s)
{
    t2x_num n;
    assert_true(t2x_num_parse(s, (int)strlen(s), &n));
    return n;
}

static void rejects(const char *s)
{
    t2x_num n;
    if (t2x_num_parse(s, (int)strlen(s), &n)) fail_msg("'%s' was read as an amount", s);
}

static void test_plain_and_grouped(void **state)
{
    (void)state;
    t2x_num n = parse_ok("3,597,990");
    assert_int_equal(n.mant, 3597990);
    assert_int_equal(n.frac, 0);
    assert_false(n.negative);
    n = parse_ok("$1,726,146");
    assert_int_equal(n.mant, 1726146);
    assert_true(n.dollar);
    assert_int_equal(n.num_start, 1);
    assert_int_equal(n.num_len, 9);
}

static void test_negatives(void **state)
{
    (void)state;
    t2x_num n = parse_ok("(529,642)");
    assert_true(n.negative);
    assert_int_equal(n.mant, 529642);
    assert_int_equal(n.num_start, 1);
    assert_int_equal(n.num_len, 7);
    n = parse_ok("$(2,112,000)");
    assert_true(n.negative);
    assert_int_equal(n.num_start, 2);
    n = parse_ok("( 1,234 )");
    assert_true(n.negative);
    assert_int_equal(n.mant, 1234);
    n = parse_ok("-28");
    assert_true(n.negative);
    n = parse_ok("1,234-");
    assert_true(n.negative);
    assert_int_equal(n.mant, 1234);
}

static void test_decimals_and_dashes(void **state)
{
    (void)state;
    t2x_num n = parse_ok(".28");
    assert_int_equal(n.mant, 28);
    assert_int_equal(n.frac, 2);
    n = parse_ok("$1.41");
    assert_int_equal(n.mant, 141);
    assert_int_equal(n.frac, 2);
    n = parse_ok("(0.96)");
    assert_true(n.negative);
    assert_int_equal(n.frac, 2);
    n = parse_ok("-");
    assert_true(n.dash);
    n = parse_ok("--");
    assert_true(n.dash);
    n = parse_ok("12.5%");
    assert_true(n.percent);
    assert_int_equal(n.mant, 125);
    n = parse_ok("1,234(a)");
    assert_int_equal(n.mant, 1234);
}

static void check_value(long long mant, int frac, int scale, int neg, const char *want)
{
    char *v = t2x_num_value_string(mant, frac, scale, neg);
    assert_string_equal(v, want);
    free(v);
}

/* Zeros written as words and footnote marks glued to an amount (legacy guide §4.6). */
static void test_words_and_marks(void **state)
{
    (void)state;
    t2x_num n = parse_ok("nil");
    assert_true(n.dash);
    assert_true(n.word);
    assert_int_equal(n.num_len, 3);
    n = parse_ok("NONE");
    assert_true(n.dash);
    assert_int_equal(n.mant, 0);
    rejects("(none)");
    rejects("nothing");
    n = parse_ok("1,234{1}");
    assert_int_equal(n.mant, 1234);
    assert_int_equal(n.num_len, 5);
    n = parse_ok(".9{12}");
    assert_int_equal(n.mant, 9);
    assert_int_equal(n.frac, 1);
    n = parse_ok("(1,234)[2]");
    assert_true(n.negative);
    assert_int_equal(n.mant, 1234);
    n = parse_ok("16,681.1<F1>");
    assert_int_equal(n.mant, 166811);
    assert_int_equal(n.frac, 1);
    n = parse_ok("101.2*");
    assert_int_equal(n.mant, 1012);
    rejects("{1}");
    rejects("<F1>");
    /* one decimal in millions: 16,681.1 → 16681100000 (decimals −5 = frac − scale) */
    check_value(n.mant = 166811, 1, 6, 0, "16681100000");
}

static void test_not_amounts(void **state)
{
    (void)state;
    rejects("2003,");      /* a year in a sentence */
    rejects("shares)");
    rejects("1,2345");     /* bad grouping */
    rejects("12.");        /* sentence end */
    rejects("(TM)");
    rejects("(R)");
    rejects("Note");
    rejects("");
    assert_true(t2x_is_year_token("2003", 4));
    assert_false(t2x_is_year_token("2,003", 5));
    assert_false(t2x_is_year_token("3003", 4));
}

static void test_value_strings(void **state)
{
    (void)state;
    check_value(2723, 0, 6, 0, "2723000000");
    check_value(28, 2, 0, 0, "0.28");
    check_value(529642, 0, 0, 1, "-529642");
    check_value(0, 0, 3, 1, "0");
    check_value(12345, 1, 6, 0, "1234500000");
    check_value(125, 3, 0, 0, "0.125");
    check_value(100, 2, 0, 0, "1");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_and_grouped), cmocka_unit_test(test_negatives),
        cmocka_unit_test(test_decimals_and_dashes), cmocka_unit_test(test_not_amounts),
        cmocka_unit_test(test_value_strings), cmocka_unit_test(test_words_and_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
