/*
 * submission.h — stage 3: lines → submission. Reads the EDGAR wrapper when there is one
 * (PEM envelope, <SEC-DOCUMENT>/<IMS-DOCUMENT>, <SEC-HEADER> label lines, the .nc tag form,
 * <DOCUMENT> blocks with <TYPE>/<SEQUENCE>/<DESCRIPTION>/<TEXT>; legacy guide §1.1–1.5). A
 * bare text filing is one document of unknown type.
 */
#ifndef T2X_SUBMISSION_H
#define T2X_SUBMISSION_H

#include <stddef.h>
#include "lines.h"

/* Fields of the SEC header (NULL when absent). All strings are owned by the submission. */
typedef struct t2x_header {
    char *accession;    /* ACCESSION NUMBER */
    char *form;         /* CONFORMED SUBMISSION TYPE, e.g. "10-K405", "10-Q/A" */
    char *period;       /* CONFORMED PERIOD OF REPORT, YYYYMMDD */
    char *filed;        /* FILED AS OF DATE, YYYYMMDD */
    char *company;      /* COMPANY CONFORMED NAME (first filer) */
    char *cik;          /* CENTRAL INDEX KEY, 10 digits */
    char *sic;          /* STANDARD INDUSTRIAL CLASSIFICATION code digits */
    char *irs;          /* IRS NUMBER */
    char *state;        /* STATE OF INCORPORATION */
    char *fye;          /* FISCAL YEAR END, MMDD */
    char *file_number;  /* SEC FILE NUMBER */
} t2x_header;

/* One <DOCUMENT> of the submission. */
typedef struct t2x_document {
    char *type;          /* <TYPE>, upper case ("10-K", "EX-13", "EX-27"); "" when unknown */
    int sequence;        /* <SEQUENCE>, 0 when absent */
    char *description;   /* <DESCRIPTION> or NULL */
    size_t first, end;   /* body lines [first, end) of the source's lines (inside <TEXT>) */
    int is_html;         /* the body is HTML */
    int is_binary;       /* uuencoded or a binary type (GRAPHIC, PDF, ZIP) */
    size_t html_from, html_to; /* the source bytes the HTML reader read (html.h); equal when
                                * the document was not read as HTML */
    struct t2x_xskel *xhtml;   /* the skeleton of its XHTML when the reader kept it (html.h;
                                * the filing frees it) */
} t2x_document;

typedef struct t2x_submission {
    int has_wrapper;     /* an EDGAR header or <DOCUMENT> blocks were found */
    t2x_header hdr;
    t2x_document *docs;
    size_t ndocs;
} t2x_submission;

/* Parse the wrapper. Never fails: a bare file yields one document. OUT: *sub */
void t2x_submission_parse(const t2x_lines *lines, t2x_submission *sub);
void t2x_submission_free(t2x_submission *sub);

/* Is the document's type the main form (10-K…, 10-Q…) or an annual-report exhibit (EX-13…)? */
int t2x_document_is_main(const t2x_document *d, const t2x_header *h);
int t2x_document_is_ex13(const t2x_document *d);
int t2x_document_is_ex27(const t2x_document *d);

/* Read a periodic-report form name at s ("10-K", "10K405", "10-ksb/a", "10QSB", "10-KT",
 * "10-K405/A") into its EDGAR spelling ("10-K", "10-K405", "10-KSB/A", "10-QSB", …) in
 * out[cap]. Returns the characters of s consumed, 0 when s does not start with a 10-K or 10-Q
 * family form (out is then ""). The one place where form spellings are normalised. */
size_t t2x_form_read(const char *s, char *out, size_t cap);

/* The EDGAR spelling of a form or document type (owned copy): a 10-K/10-Q family form as
 * t2x_form_read gives it, anything else upper-cased and trimmed. */
char *t2x_form_normalise(const char *s);

#endif
