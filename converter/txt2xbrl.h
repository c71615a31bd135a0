/*
 * txt2xbrl.h — the one public header of libtxt2xbrl.
 *
 * Turns a legacy plain-text EDGAR filing (10-K, 10-Q, 10-KSB, 10-QSB, EX-13; 1993–2008) into
 * a statement model (XML) and, through the XSLT templates, into XBRL outputs.
 *
 * Ownership: every pointer a t2x_* function returns is owned by the caller and is released with
 * the matching *_free function, unless the comment says "borrowed".
 * Allocation policy: out-of-memory aborts the process with a message (one xmalloc wrapper,
 * as cmark does); no function returns NULL for lack of memory.
 * Errors are data: functions return a t2x_status; details (file, line, message) go to the
 * t2x_diag list passed in. Only the command line turns statuses into exit codes.
 */
#ifndef TXT2XBRL_H
#define TXT2XBRL_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define T2X_VERSION "0.1.0"

/* Result of a library call. */
typedef enum t2x_status {
    T2X_OK = 0,
    T2X_ERR_USAGE,        /* bad arguments */
    T2X_ERR_INPUT,        /* unreadable, empty, binary, truncated compressed input */
    T2X_ERR_NOT_FILING,   /* not a filing, or a form we do not read (8-K, ...) */
    T2X_ERR_HTML,         /* the financial statements are in HTML, which we do not read */
    T2X_ERR_NO_STATEMENTS,/* a filing, but no financial statement was found */
    T2X_ERR_IO,           /* could not write an output */
    T2X_ERR_DATA,         /* taxonomy/template data missing or invalid */
    T2X_ERR_VERIFY,       /* verification found a conversion error */
    T2X_ERR_INTERNAL      /* a bug */
} t2x_status;

/* A short English name of a status (borrowed, static). */
const char *t2x_status_str(t2x_status st);

/* Severity of one diagnostic. */
typedef enum t2x_severity { T2X_INFO, T2X_WARNING, T2X_ERROR } t2x_severity;

/* One diagnostic: where and what. */
typedef struct t2x_diag_item {
    t2x_severity severity;
    char *file;      /* input name, may be NULL */
    long line;       /* 1-based line in the decoded input, 0 when none */
    char *code;      /* short stable code, e.g. "calc-inconsistency" */
    char *message;   /* one line, no trailing newline */
} t2x_diag_item;

/* A growing list of diagnostics. Zero-initialise, then t2x_diag_free. */
typedef struct t2x_diag {
    t2x_diag_item *items;
    size_t count, cap;
} t2x_diag;

/* Append a diagnostic (printf-style message). */
void t2x_diag_add(t2x_diag *d, t2x_severity sev, const char *file, long line, const char *code,
                  const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Release every item (the struct itself is the caller's). */
void t2x_diag_free(t2x_diag *d);

/* Output formats of a conversion (bit set). */
enum {
    T2X_FMT_MODEL  = 1 << 0,  /* STEM.model.xml: the statement model itself */
    T2X_FMT_XBRL   = 1 << 1,  /* STEM.xml: XBRL 2.1 instance */
    T2X_FMT_IXBRL  = 1 << 2,  /* STEM.htm: Inline XBRL 1.1 */
    T2X_FMT_DTS    = 1 << 3,  /* STEM.xsd and linkbases */
    T2X_FMT_JSON   = 1 << 4,  /* STEM.json: xBRL-JSON */
    T2X_FMT_REPORT = 1 << 5,  /* STEM.report.json */
    T2X_FMT_PACKAGE = 1 << 6, /* STEM.zip: XBRL Report Package 1.0 (instance + DTS) */
    T2X_FMT_DEFAULT = (1 << 1) | (1 << 2) | (1 << 3) | (1 << 4) | (1 << 5) /* xbrl,ixbrl,dts,json,report */
};

/* Time spent per stage of conversions (make bench). When t2x_options.timings points at one,
 * the library adds each stage's elapsed time (CLOCK_MONOTONIC, milliseconds) to it: zero it
 * first; it accumulates over calls. Template names are borrowed static strings. */
#define T2X_TIMING_OUTPUTS 16
typedef struct t2x_timings {
    double read_ms;   /* reading and decoding the input: gunzip, text checks, SHA-256 */
    double parse_ms;  /* lines, submission, statements, tables, periods, identity */
    double map_ms;    /* arithmetic, label mapping, note tables */
    double model_ms;  /* building the statement model, EX-27 cross-check */
    double write_ms;  /* writing the output files (temporary file, fsync, rename) */
    size_t noutputs;  /* entries used in outputs[] */
    struct {
        const char *name;  /* template ("instance.xsl"), or "model.xml" / "report.json" made in C */
        double ms;         /* time spent producing the output in memory */
        size_t bytes;      /* bytes produced */
        size_t count;      /* how many times it was produced */
    } outputs[T2X_TIMING_OUTPUTS];
} t2x_timings;

/* Options of one conversion. Zero-initialise; NULL strings mean "not given". */
typedef struct t2x_options {
    const char *cik;          /* --cik: overrides the SEC header */
    const char *prefix;       /* --prefix: extension namespace prefix and file stem prefix */
    const char *data_dir;     /* root holding taxonomy/ and templates/ (NULL: built-in default) */
    unsigned formats;         /* T2X_FMT_* bits (0: T2X_FMT_DEFAULT) */
    int strict;               /* --strict: filing inconsistencies are errors */
    t2x_timings *timings;     /* NULL, or where to add the time of each stage (borrowed) */
} t2x_options;

/* Is p a usable --prefix: a letter, then letters, digits, '-' or '_', at most 20, not
 * starting with "xml" (an XML namespace prefix and a file stem)? */
int t2x_prefix_valid(const char *p);

/* A converted filing: the statement model and what was learnt on the way. Opaque. */
typedef struct t2x_filing t2x_filing;

/*
 * Convert the bytes of one filing (plain text, gzip, or an EDGAR submission) into a model.
 * `name` names the input in messages. On success *out is the caller's (t2x_filing_free).
 * OUT: *out
 */
t2x_status t2x_convert_bytes(const unsigned char *bytes, size_t len, const char *name,
                             const t2x_options *opt, t2x_diag *diag, t2x_filing **out);

/* Read a file ("-" = standard input) and convert it, as t2x_convert_bytes. OUT: *out */
t2x_status t2x_convert_file(const char *path, const t2x_options *opt, t2x_diag *diag,
                            t2x_filing **out);

/* The file stem, e.g. "alg-20031231" (borrowed from f). */
const char *t2x_filing_stem(const t2x_filing *f);

/* The model as serialized XML, NUL-terminated (caller frees with free()). OUT: *len */
char *t2x_filing_model_xml(const t2x_filing *f, size_t *len);

/* Write the requested outputs into `dir` (created if missing) as one set, put in place whole:
 * the files live in DIR/.t2x/STEM/ and DIR/STEM.* are symbolic links to them (README "Command
 * line"). On failure the earlier set (or nothing) stays. */
t2x_status t2x_filing_write(const t2x_filing *f, const char *dir, const t2x_options *opt,
                            t2x_diag *diag);

/* t2x_filing_write, with the set verified before it is put in place: the outputs are
 * rendered once (those verify reads too, removed again when not asked for), written into the
 * set's private staging directory, and t2x_verify reads them back there against the decoded
 * source. T2X_OK when faithful and written; T2X_ERR_VERIFY (each finding an error diagnostic)
 * when not, T2X_ERR_IO/T2X_ERR_DATA when it cannot be checked or written; on failure the
 * earlier set (or nothing) stays. `convert` writes with it (issue 12 item 7). */
t2x_status t2x_filing_write_verified(const t2x_filing *f, const char *dir, const t2x_options *opt,
                                     t2x_diag *diag);

/* A human review listing of the model (statements, rows, concepts, values); caller frees. */
char *t2x_filing_inspect(const t2x_filing *f);

/* Release a filing. NULL is fine. */
void t2x_filing_free(t2x_filing *f);

/* The data directory used when t2x_options.data_dir is NULL (borrowed). */
const char *t2x_default_data_dir(void);

/* ---- Cross-filing consistency (txt2xbrl compare) ---- */

/* The facts of several converted filings, grouped, with the groups whose values differ. */
typedef struct t2x_compare t2x_compare;

enum {
    T2X_COMPARE_EXTENSIONS = 1 << 0  /* match company extension concepts by local name */
};

/*
 * Read the XBRL instances (STEM.xml, as written by convert) in each path — a directory, or
 * an instance file — and find the facts that two filings report with different values for the
 * same entity, concept, period, dimensions and unit (numbers compared after rounding both to
 * the smaller decimals). Problems with a path go to diag; the status is T2X_ERR_INPUT when a
 * path could not be read (*out is still set when at least one instance was read).
 * OUT: *out (t2x_compare_free)
 */
t2x_status t2x_compare_paths(const char *const *paths, size_t n, unsigned flags, t2x_diag *diag,
                             t2x_compare **out);
/* Number of differing fact pairs. */
size_t t2x_compare_differences(const t2x_compare *c);
/* One line per difference ("CONCEPT  PERIOD  [DIMS]  UNIT  FILE: VALUE  FILE: VALUE") and a
 * summary line; caller frees. */
char *t2x_compare_text(const t2x_compare *c);
/* The same as JSON: {"filings": […], "shared": N, "entities": N, "differences": […]};
 * caller frees. */
char *t2x_compare_json(const t2x_compare *c);
void t2x_compare_free(t2x_compare *c);

/* ---------------------------------------------------------------- verification (design §5) */

/* Largest output file the verifier reads, unless t2x_verify_options.max_xml_bytes says. */
#define T2X_VERIFY_MAX_XML ((size_t)512 * 1024 * 1024)

/* Options of one verification. Zero-initialise; NULL strings mean "not given". */
typedef struct t2x_verify_options {
    const char *data_dir;     /* root holding taxonomy/ (NULL: built-in default) */
    const char *stem;         /* the outputs' stem in the directory (NULL: the inline document
                                 whose recorded source SHA-256 is the source's) */
    int strict;               /* inconsistencies of the filing itself fail the verification */
    size_t max_xml_bytes;     /* largest output file read (0: T2X_VERIFY_MAX_XML) */
    int schema;               /* also validate the instance with XML Schema against the real
                                 XBRL and US-GAAP schemas (slow: ~50-150 ms and ~50 MB); by
                                 default the compact concept-table checks stand in (design §5.1) */
} t2x_verify_options;

/* What a verification found: per check a line, the conversion errors, the filing's own
 * inconsistencies. Opaque. */
typedef struct t2x_verify_report t2x_verify_report;

/*
 * Check the outputs in `dir` of the filing `source` ("-" = standard input) against its raw
 * bytes (design §5, docs/verify.md): schema validity, the inline text restores the source byte
 * for byte, inline facts = instance facts, each fact's span holds its printed number, every
 * number of a statement is tagged or listed, calculations and duplicate facts.
 * Returns T2X_OK when the conversion is faithful, T2X_ERR_VERIFY when it is not, T2X_ERR_INPUT
 * when the source or an output cannot be read or is refused as unsafe XML, T2X_ERR_DATA when
 * taxonomy data is missing. Each conversion error is also a T2X_ERROR diagnostic (file = the
 * source, line = its line), each inconsistency of the filing a T2X_WARNING.
 * *out is set (caller frees with t2x_verify_report_free) for T2X_OK and T2X_ERR_VERIFY.
 * OUT: *out
 */
t2x_status t2x_verify(const char *source, const char *dir, const t2x_verify_options *opt, t2x_diag *diag,
                      t2x_verify_report **out);

/* Is the conversion faithful (no conversion error; with strict, no inconsistency either)? */
int t2x_verify_report_faithful(const t2x_verify_report *r);
/* A short human summary, one line per check, then the findings (caller frees). */
char *t2x_verify_report_text(const t2x_verify_report *r);
/* The same as JSON (docs/verify.md; caller frees). */
char *t2x_verify_report_json(const t2x_verify_report *r);
/* Release a report. NULL is fine. */
void t2x_verify_report_free(t2x_verify_report *r);

/* ---------------------------------------------------------------- batch support (stats.c) */

/* What one conversion found: the manifest line of `txt2xbrl batch`. The strings are borrowed
 * from the filing (valid until t2x_filing_free); NULL when unknown. */
typedef struct t2x_filing_summary {
    const char *form;          /* form as filed ("10-K", "10-Q/A") */
    const char *cik;           /* 10-digit CIK (SEC header or --cik) */
    const char *accession;     /* ACCESSION NUMBER of the SEC header */
    const char *registrant;    /* registrant name */
    const char *stem;          /* output file stem ("alg-20031231") */
    const char *sha256;        /* SHA-256 (hex) of the decoded input */
    char period_end[11];       /* YYYY-MM-DD, "" when unknown */
    size_t statements;         /* statements and note tables in the model */
    size_t facts;              /* facts in the model: statement cells and cover facts */
    size_t inconsistencies;    /* the filing's own calculation inconsistencies and duplicate facts */
    size_t ex27_schedules;     /* EX-27 Financial Data Schedules read */
    size_t ex27_comparisons;   /* EX-27 values compared with a statement fact… */
    size_t ex27_agree;         /* …that agree… */
    size_t ex27_disagree;      /* …and that do not */
    int html;                  /* read by the HTML reader: no inline document yet, nothing to verify */
} t2x_filing_summary;

/* Fill *out from a converted filing. OUT: *out */
void t2x_filing_summarize(const t2x_filing *f, t2x_filing_summary *out);

/* SHA-256 (lower-case hex) of the decoded input, the digest the model records as source-sha256
 * (gunzipped first when the bytes are gzip). When the bytes cannot be decoded (empty, truncated
 * or corrupt gzip) the digest is that of the raw bytes and the status says why; other checks
 * of the text (binary data…) are the conversion's. OUT: hex */
t2x_status t2x_input_sha256(const unsigned char *bytes, size_t len, char hex[65]);

/* Load now what conversions with `opt` need (taxonomy data, compiled templates of the requested
 * formats), so that processes forked afterwards share it instead of each loading it. Optional:
 * conversions load what they need on first use. */
t2x_status t2x_prepare(const t2x_options *opt, t2x_diag *diag);

/* Release the process-wide caches (taxonomy data, compiled templates, the verifier's schemas,
 * libxml2 globals), for leak checkers at exit. No conversion may be in progress. */
void t2x_cleanup(void);

#ifdef __cplusplus
}
#endif
#endif
