/*
 * test_submission.c — the EDGAR wrapper and the input layer: PEM envelope, SEC header fields,
 * <DOCUMENT> blocks, the .nc tag form, a bare text filing, gzip and bad input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <zlib.h>

#include "filing.h"
#include "submission.h"
#include "testutil.h"

static void parse_text(const char *text, t2x_source *src, t2x_lines *L, t2x_submission *sub)
{
    t2x_diag d = {0};
    assert_int_equal(t2x_source_from_bytes((const unsigned char *)text, strlen(text), "t", src, &d), T2X_OK);
    t2x_diag_free(&d);
    t2x_lines_split(src, L);
    t2x_submission_parse(L, sub);
}

static void done(t2x_source *src, t2x_lines *L, t2x_submission *sub)
{
    t2x_submission_free(sub);
    t2x_lines_free(L);
    t2x_source_free(src);
}

static void test_sec_header(void **state)
{
    (void)state;
    char *text = slurp(srcpath("tests/data/bms-10q-1997-header.txt"), NULL);
    assert_non_null(text);
    t2x_source src;
    t2x_lines L;
    t2x_submission sub;
    parse_text(text, &src, &L, &sub);
    assert_true(sub.has_wrapper);
    assert_string_equal(sub.hdr.form, "10-Q");
    assert_string_equal(sub.hdr.cik, "0000014272");
    assert_string_equal(sub.hdr.period, "19970331");
    assert_string_equal(sub.hdr.company, "BRISTOL MYERS SQUIBB CO");
    assert_string_equal(sub.hdr.fye, "1231");
    assert_string_equal(sub.hdr.sic, "2834");
    assert_string_equal(sub.hdr.file_number, "001-01136");
    assert_string_equal(sub.hdr.accession, "0000014272-97-000013");
    /* the excerpt ends inside the first document: it is kept, truncated */
    assert_int_equal(sub.ndocs, 1);
    assert_string_equal(sub.docs[0].type, "10-Q");
    assert_int_equal(sub.docs[0].sequence, 1);
    assert_true(t2x_document_is_main(&sub.docs[0], &sub.hdr));
    done(&src, &L, &sub);
    free(text);
}

static void test_documents_and_nc_form(void **state)
{
    (void)state;
    const char *nc =
        "<SUBMISSION>\n<ACCESSION-NUMBER>0000912345-97-000123\n<TYPE>10-K405\n<PERIOD>19961231\n"
        "<FILER>\n<COMPANY-DATA>\n<CONFORMED-NAME>ACME WIDGET CORP /DE/\n<CIK>123456\n"
        "<FISCAL-YEAR-END>1231\n</COMPANY-DATA>\n</FILER>\n"
        "<DOCUMENT>\n<TYPE>10-K405\n<SEQUENCE>1\n<TEXT>\nannual report text\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-13\n<SEQUENCE>2\n<DESCRIPTION>ANNUAL REPORT\n<TEXT>\n<HTML>\n<BODY>\n</TEXT>\n</DOCUMENT>\n"
        "<DOCUMENT>\n<TYPE>EX-27\n<SEQUENCE>3\n<TEXT>\n<ARTICLE> 5\n</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n";
    t2x_source src;
    t2x_lines L;
    t2x_submission sub;
    parse_text(nc, &src, &L, &sub);
    assert_string_equal(sub.hdr.form, "10-K405");
    assert_string_equal(sub.hdr.cik, "0000123456");
    assert_string_equal(sub.hdr.period, "19961231");
    assert_int_equal(sub.ndocs, 3);
    assert_true(t2x_document_is_main(&sub.docs[0], &sub.hdr));
    assert_true(t2x_document_is_ex13(&sub.docs[1]));
    assert_true(sub.docs[1].is_html);
    assert_string_equal(sub.docs[1].description, "ANNUAL REPORT");
    assert_true(t2x_document_is_ex27(&sub.docs[2]));
    assert_string_equal(L.v[sub.docs[0].first].text, "annual report text");
    done(&src, &L, &sub);
}

static void test_bare_text(void **state)
{
    (void)state;
    t2x_source src;
    t2x_lines L;
    t2x_submission sub;
    parse_text("FORM 10-Q\r\nline two\twith tab\r\n", &src, &L, &sub);
    assert_false(sub.has_wrapper);
    assert_int_equal(sub.ndocs, 1);
    assert_int_equal(L.n, 2);
    assert_string_equal(L.v[1].text, "line two        with tab");
    /* the column map keeps source offsets across the tab */
    assert_int_equal(t2x_line_offset(&L.v[1], 16), L.v[1].off + 9);
    assert_int_equal(L.v[1].no, 2);
    done(&src, &L, &sub);
}

/* Form spellings of legacy headers and covers, undashed and amended, read into one EDGAR
 * spelling (legacy guide §1.2); other text is not a form. */
static void test_form_spellings(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"10-K", "10-K"},         {"10K", "10-K"},           {"10-k", "10-K"},
        {"10KSB", "10-KSB"},      {"10-KSB", "10-KSB"},      {"10QSB", "10-QSB"},
        {"10-QSB", "10-QSB"},     {"10-KSB40", "10-KSB40"},  {"10KSB40", "10-KSB40"},
        {"10-K405", "10-K405"},   {"10K405", "10-K405"},     {"10-KT", "10-KT"},
        {"10KT", "10-KT"},        {"10-Q", "10-Q"},          {"10Q", "10-Q"},
        {"10-K/A", "10-K/A"},     {"10K/A", "10-K/A"},       {"10KSB/A", "10-KSB/A"},
        {"10-K405/A", "10-K405/A"}, {"10-Q/A", "10-Q/A"},    {"10-QSB/A", "10-QSB/A"},
        {"10-KSB40/A", "10-KSB40/A"}, {"10 - K", "10-K"},    {"10-K.", "10-K"},
        {"10-QT", "10-QT"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char out[16];
        size_t n = t2x_form_read(cases[i][0], out, sizeof out);
        if (!n || strcmp(out, cases[i][1]) != 0)
            fail_msg("\"%s\" read as \"%s\", expected \"%s\"", cases[i][0], out, cases[i][1]);
    }
    static const char *const not_forms[] = {"10-C", "10-KX", "10-Q405", "100-K", "8-K", "10,000", "EX-27"};
    for (size_t i = 0; i < sizeof not_forms / sizeof not_forms[0]; i++) {
        char out[16];
        if (t2x_form_read(not_forms[i], out, sizeof out)) fail_msg("\"%s\" read as a form", not_forms[i]);
    }
    char *p = t2x_form_normalise("  10ksb/a ");
    assert_string_equal(p, "10-KSB/A");
    free(p);
    p = t2x_form_normalise(" ex-13.1 ");
    assert_string_equal(p, "EX-13.1");
    free(p);
}

/* A 10-KSB whose header and document type say "10KSB" (hand-made in legacy style, invented
 * figures) is converted as a 10-KSB, its document read as the main one. */
static void test_undashed_10ksb(void **state)
{
    (void)state;
    size_t len = 0;
    char *text = slurp(srcpath("tests/data/handmade-10ksb-undashed.txt"), &len);
    assert_non_null(text);
    t2x_source src;
    t2x_lines L;
    t2x_submission sub;
    parse_text(text, &src, &L, &sub);
    assert_string_equal(sub.hdr.form, "10-KSB");
    assert_string_equal(sub.docs[0].type, "10-KSB");
    assert_true(t2x_document_is_main(&sub.docs[0], &sub.hdr));
    done(&src, &L, &sub);
    t2x_options opt;
    memset(&opt, 0, sizeof opt);
    opt.data_dir = getenv("SRCDIR");
    t2x_diag d = {0};
    t2x_filing *f = NULL;
    assert_int_equal(t2x_convert_bytes((const unsigned char *)text, len, "10ksb", &opt, &d, &f), T2X_OK);
    assert_string_equal(f->form, "10-KSB");
    assert_true(f->annual);
    assert_int_equal(f->ntables, 2);
    t2x_filing_free(f);
    t2x_diag_free(&d);
    free(text);
}

/* A <DOCUMENT> reopened before its <TEXT> drops the first one's header fields (issue 12
 * D14: they leaked; LeakSanitizer fails the sanitizer build if they do again). */
static void test_document_reopened(void **state)
{
    (void)state;
    t2x_source src;
    t2x_lines L;
    t2x_submission sub;
    parse_text("<DOCUMENT>\n<TYPE>10-K\n<DESCRIPTION>FIRST\n<DOCUMENT>\n<TYPE>EX-13\n<TEXT>\nx\n</TEXT>\n", &src, &L, &sub);
    assert_int_equal(sub.ndocs, 1);
    assert_string_equal(sub.docs[0].type, "EX-13");
    assert_null(sub.docs[0].description);
    done(&src, &L, &sub);
}

static void test_bad_input(void **state)
{
    (void)state;
    t2x_source src;
    t2x_diag d = {0};
    assert_int_equal(t2x_source_from_bytes((const unsigned char *)"", 0, "empty", &src, &d), T2X_ERR_INPUT);
    t2x_source_free(&src);
    unsigned char bin[256];
    for (int i = 0; i < 256; i++) bin[i] = (unsigned char)i;
    assert_int_equal(t2x_source_from_bytes(bin, sizeof bin, "bin", &src, &d), T2X_ERR_INPUT);
    t2x_source_free(&src);
    /* gzip: whole, then truncated */
    const char *text = "FORM 10-K\nsome text of a filing\n";
    unsigned char gz[256];
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    zs.next_in = (unsigned char *)text;
    zs.avail_in = (uInt)strlen(text);
    zs.next_out = gz;
    zs.avail_out = sizeof gz;
    deflate(&zs, Z_FINISH);
    size_t gzlen = sizeof gz - zs.avail_out;
    deflateEnd(&zs);
    assert_int_equal(t2x_source_from_bytes(gz, gzlen, "ok.gz", &src, &d), T2X_OK);
    assert_true(src.was_gzip);
    assert_memory_equal(src.data, text, strlen(text));
    t2x_source_free(&src);
    assert_int_equal(t2x_source_from_bytes(gz, gzlen - 6, "cut.gz", &src, &d), T2X_ERR_INPUT);
    t2x_source_free(&src);
    assert_true(d.count >= 3);
    assert_non_null(strstr(d.items[d.count - 1].message, "truncated"));
    t2x_diag_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sec_header),
        cmocka_unit_test(test_documents_and_nc_form),
        cmocka_unit_test(test_bare_text),
        cmocka_unit_test(test_form_spellings),
        cmocka_unit_test(test_undashed_10ksb),
        cmocka_unit_test(test_document_reopened),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
