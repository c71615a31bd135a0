/*
 * html.h — the HTML reader (html_read.c, html_flow.c, html_tables.c). An HTML document of the
 * submission is parsed with libxml2's HTML parser (no network, no entities, bounded size and
 * depth) and laid out as display lines, the same t2x_lines the text reader reads: paragraphs
 * and <PRE> text as lines, each <table> as aligned columns built from its rows and cells
 * (colspan/rowspan, amounts split across cells, spacer columns and rows dropped). Every display
 * character keeps the source byte span it came from, so a printed number's span is exact.
 * After this stage nothing knows which reader read the filing. Internal.
 */
#ifndef T2X_HTML_H
#define T2X_HTML_H

#include <stddef.h>
#include <stdint.h>
#include <libxml/HTMLparser.h>
#include "lines.h"
#include "source.h"
#include "submission.h"
#include "txt2xbrl.h"
#include "util.h"

/* Deepest element nesting / table nesting accepted. An HTML document's size is bounded by the
 * source's, T2X_SOURCE_MAX (32 MB, source.h): there is no second, looser limit here. */
#define T2X_HTML_MAX_DEPTH 200
#define T2X_HTML_MAX_TABLE_NESTING 32

/* One display character and the source bytes [off, end) it stands for; a character the layout
 * adds (padding, a joining space) has synth = 1 and off == end. */
typedef struct t2x_hch {
    char c;
    unsigned char synth;
    uint32_t off, end; /* the source is at most T2X_SOURCE_MAX (32 MB) */
} t2x_hch;

/* off/end of a character whose source bytes are unknown */
#define T2X_HNONE UINT32_MAX

/* One display line being built. */
typedef struct t2x_hline {
    t2x_hch *v;
    size_t n, cap;
} t2x_hline;

/* Display lines being built. */
typedef struct t2x_hlines {
    t2x_hline *v;
    size_t n, cap;
} t2x_hlines;

/* Reading state of one document: the source bytes and the cursor that ties the parser's text
 * back to them (html_read.c). */
typedef struct t2x_hctx {
    const unsigned char *src; /* the whole decoded source */
    size_t pos, end;          /* cursor and end of the document's bytes in src */
    int table_depth;          /* tables being laid out around the current node */
} t2x_hctx;

/* Append the display characters of a text node (its code points tied to source spans; spans
 * that cannot be tied are marked unmapped: off == end == T2X_HNONE). */
void t2x_html_text(t2x_hctx *c, const xmlChar *text, t2x_hline *out);
/* End of the markup (tag, comment, declaration) starting at s[p] (a '<'), or 0 when that '<' is
 * text (html_text.c). */
size_t t2x_html_markup_end(const unsigned char *s, size_t p, size_t end);

/* The next code point of UTF-8 text at *p (advanced; U+FFFD for a broken sequence). */
unsigned t2x_html_utf8_next(const xmlChar **p);

/* Lay out the children of `node` as block flow (paragraphs, line breaks, <PRE>, tables) into
 * `out`; wrap paragraphs at `width` columns (0: no wrapping). */
void t2x_html_flow(t2x_hctx *c, xmlNodePtr node, t2x_hlines *out, int width);

/* Lay out one <table> into `out` (html_tables.c). */
void t2x_html_table(t2x_hctx *c, xmlNodePtr table, t2x_hlines *out);

/* Line helpers (html_flow.c). */
void t2x_hline_add(t2x_hline *l, char ch, int synth, uint32_t off, uint32_t end);
void t2x_hline_cat(t2x_hline *l, const t2x_hline *src, size_t from, size_t to);
void t2x_hline_trim(t2x_hline *l);
void t2x_hlines_push(t2x_hlines *ls, t2x_hline *l); /* takes l over, leaves it empty */
void t2x_hlines_blank(t2x_hlines *ls);               /* one blank line unless the last is blank */
void t2x_hlines_free(t2x_hlines *ls);
/* Is the element named `name` (lower case)? */
int t2x_html_is(xmlNodePtr n, const char *name);
/* Columns of left indentation an element's style asks for (margin-left, padding-left,
 * text-indent in em, pt, px or in; 0 if none). */
int t2x_html_indent(xmlNodePtr n, int first_line);

/* Read the HTML documents of a submission: replaces, in *L, the body lines of each HTML
 * document with its display lines and updates the documents' line ranges. *html is set when
 * a document was read as HTML. With `xhtml`, each document read keeps the skeleton of its
 * XHTML for the inline document (t2x_document.xhtml). A document that cannot be read safely (too large, nested too
 * deep, a tag never closed, binary bytes) fails the conversion with T2X_ERR_HTML and one error
 * line. */
t2x_status t2x_html_read(const t2x_source *src, t2x_lines *L, t2x_submission *sub, int *html, int xhtml,
                         t2x_diag *diag);

/* A span of the source the XHTML copy cuts out of its text: [s, e) a printed number that is a
 * fact (fact = 1) or a number listed as untagged (reason). */
typedef struct t2x_hseg {
    size_t s, e;
    int fact;
    const char *reason;
} t2x_hseg;

/* The source bytes [s, e) of a statement's lines (first to last display line). */
typedef struct t2x_hrange {
    size_t s, e;
} t2x_hrange;

/* The byte that stands, in the XHTML t2x_html_xhtml writes, where the wrapper of a printed
 * number goes (markup never holds it: text and attribute values have no control characters). */
#define T2X_XHTML_MARK '\x01'

/* The XHTML of an HTML document before its text is tied to the source (html_xhtml.c): the
 * markup written from the parsed tree (as docs/inline.md says: XHTML 1.1 elements, looks as
 * CSS), the text nodes kept as they are. Made while the reader holds the parsed tree, so the
 * document is parsed once; finished when the model's segments are known. */
typedef struct t2x_xskel t2x_xskel;

t2x_xskel *t2x_html_skeleton(xmlDocPtr doc);
void t2x_html_skeleton_free(t2x_xskel *k);

/* Append the XHTML of the HTML document bytes [from, to) of src, whose skeleton is `k`, to
 * `out` as markup (the content of the inline document's div.t2x-html, written as the inline
 * document is: US-ASCII, characters beyond it as decimal references): every text node tied to
 * its source bytes by the reader's own cursor (t2x_html_text), each segment of sg[nsg] (sorted
 * by s) that is printed as a whole in one text node cut out of it and replaced by one
 * T2X_XHTML_MARK; segtext[k] is then the printed text of sg[k] (UTF-8, the caller frees; NULL
 * when not placed). A table row whose text lies inside one of the statement ranges st[nst]
 * gets class "t2x-stmt" (verify checks every number there is tagged or listed). Returns the
 * number of fact segments placed. */
size_t t2x_html_xhtml_finish(const t2x_xskel *k, const unsigned char *src, size_t from, size_t to, const t2x_hseg *sg,
                             size_t nsg, const t2x_hrange *st, size_t nst, t2x_buf *out, char **segtext);

/* The same for a document whose skeleton was not kept: the bytes are parsed again exactly as
 * the reader parsed them. */
size_t t2x_html_xhtml(const unsigned char *src, size_t from, size_t to, const t2x_hseg *sg, size_t nsg,
                      const t2x_hrange *st, size_t nst, t2x_buf *out, char **segtext);

#endif
