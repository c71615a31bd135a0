/*
 * retypeset.h — the layout-invariance re-typesetter (issue 9 item 7). Takes the primary
 * statements of a converted filing as the converter read them (rows: labels, depth, printed
 * numbers and their signs; columns: periods, or the equity components' header text; scale) and
 * prints them again as a new plain-text EDGAR filing in another legacy style: other column
 * widths, tabs, dot leaders, `$` placement, parentheses or minus signs, the scale caption
 * elsewhere, other column headings, a <PAGE> break, wrapped labels, a notes column.
 * Used by tests/unit/test_layout.c; test code, not part of the library.
 */
#ifndef T2X_RETYPESET_H
#define T2X_RETYPESET_H

#include <stddef.h>
#include "filing.h"

/* Where the scale caption ("(In thousands, except per share amounts)") is printed. */
enum { RT_CAP_UNDER_TITLE, RT_CAP_IN_TITLE, RT_CAP_HEADING, RT_CAP_YEARS_LINE, RT_CAP_FIRST_ROW };
/* How the column headings name the periods (equity statements keep their component headings). */
enum {
    RT_HEAD_TITLE_PHRASE, /* "Years Ended December 31," under the title; the columns print years */
    RT_HEAD_SPAN_ABOVE,   /* the period phrase centred over its columns, a rule, then the years */
    RT_HEAD_SPAN_BELOW,   /* the years first, the period phrase spanning them below */
    RT_HEAD_STACKED       /* every column its own "Year Ended" / "Dec. 31," / "1995" (abbreviated) */
};
enum { RT_NEG_PARENS, RT_NEG_LEADING, RT_NEG_TRAILING };
enum { RT_DOLLAR_NONE, RT_DOLLAR_ATTACHED, RT_DOLLAR_DETACHED };
enum { RT_LEADERS_NONE, RT_LEADERS_DOTS, RT_LEADERS_SPACED };
enum { RT_PAGE_NONE, RT_PAGE_REPEAT, RT_PAGE_BARE };
enum { RT_WRAP_NONE, RT_WRAP_WORDS, RT_WRAP_AT_NUMBER };

/* One legacy typesetting style. */
typedef struct rt_style {
    const char *name;   /* short name printed in the figures */
    int gap;            /* blanks between amount columns (at least 2) */
    int indent_step;    /* label indentation per depth level */
    int label_width;    /* RT_WRAP_*: the width labels wrap at; 0: as wide as the longest label,
                           at most 64 (longer labels wrap at words) */
    int tabs;           /* blank runs become TABs (8-column stops; the display is unchanged) */
    int leaders;        /* RT_LEADERS_* */
    int dollar;         /* RT_DOLLAR_*: where a printed `$` goes */
    int negative;       /* RT_NEG_*: how a negative amount is printed */
    int caption;        /* RT_CAP_* */
    int heading;        /* RT_HEAD_* */
    int page;           /* RT_PAGE_*: a page break in the middle of each statement */
    int wrap;           /* RT_WRAP_* (with label_width) */
    int notes;          /* a "Note" column between labels and amounts, a note number on some rows */
    int underline;      /* a rule under each column heading */
    int abbreviate;     /* abbreviated month names ("Sept. 30,") */
    /* deliberate misprints, for proving the oracle catches them (never in the matrix) */
    int swap_headings;  /* the headings of the first two columns exchanged */
    int wrong_scale;    /* the caption states another scale */
    int shift_years;    /* every column heading a year later (periods the filing does not report) */
} rt_style;

/* The styles of the matrix (at least 12), and their count. */
extern const rt_style rt_styles[];
extern const size_t rt_nstyles;

/* Is a statement kind one of the primary statements the matrix re-typesets? */
int rt_primary(t2x_stmt_kind kind);

/*
 * A new filing (SEC header, cover with the form and period of `f`, then every primary
 * statement of `f` in `style`), NUL-terminated; caller frees. *nstatements receives the number
 * of statements printed. OUT: *len, *nstatements
 */
char *rt_render_filing(const t2x_filing *f, const rt_style *style, size_t *len, size_t *nstatements);

/* The same statements as an HTML submission (issue 10: HTML filings read as text ones). */
enum { RT_HIND_NBSP, RT_HIND_STYLE, RT_HIND_CELLS };
typedef struct rt_html {
    const char *name;
    const char *base;   /* the rt_styles entry giving caption, headings, signs, notes, page break */
    int split;          /* `$` and `)` (or a trailing minus) in cells of their own */
    int spacers;        /* an empty spacer column before each amount column */
    int indent;         /* RT_HIND_*: depth as leading &nbsp;, a padding-left style, empty cells */
    int markup;         /* <FONT> around cell text, <B> headers, &#36; and &#151; references */
    int th;             /* heading cells are <TH> */
} rt_html;

extern const rt_html rt_html_styles[];
extern const size_t rt_nhtml;

/* A new HTML submission of every primary statement of `f` in `style`, NUL-terminated; caller
 * frees. OUT: *len, *nstatements */
char *rt_render_html(const t2x_filing *f, const rt_html *style, size_t *len, size_t *nstatements);

#endif
