/*
 * lines.h — stage 2: decoded source → lines. Each line keeps its byte offset and a display
 * form for layout analysis: TABs expanded to 8-column stops (legacy guide §1.6), control bytes
 * and NBSP as spaces, Windows-1252 quotes/dashes as ASCII. Column c of the display form maps
 * back to a byte offset with t2x_line_offset, so every cell keeps its source span.
 */
#ifndef T2X_LINES_H
#define T2X_LINES_H

#include <stddef.h>
#include "source.h"

/* Display forms are cut at this many columns; longer lines are not table rows. */
#define T2X_LINE_MAX_COLS 1024

typedef struct t2x_line {
    size_t off;     /* byte offset of the first byte of the line in the source */
    size_t len;     /* bytes up to (not including) CR/LF */
    long no;        /* 1-based line number in the source */
    char *text;     /* display form, NUL-terminated, at most T2X_LINE_MAX_COLS columns */
    int ncols;      /* strlen(text) */
    int *col_off;   /* NULL when column c is byte off+c; else byte offset (from off) per column */
    int *col_end;   /* NULL when column c ends where column c+1 starts; else the end (from off) of
                     * the source bytes of column c (the HTML reader: "&#151;" is one column) */
} t2x_line;

typedef struct t2x_lines {
    t2x_line *v;
    size_t n;
} t2x_lines;

/* Split the whole source into lines (CR LF, LF or lone CR end a line; a form feed is kept in
 * the line as a space). OUT: *out (t2x_lines_free) */
void t2x_lines_split(const t2x_source *src, t2x_lines *out);
void t2x_lines_free(t2x_lines *l);

/* Byte offset in the source of display column `col` of line `ln`. */
size_t t2x_line_offset(const t2x_line *ln, int col);

/* Byte offset in the source just after the bytes of display column `col` - 1: the end of a
 * span that ends before column `col`. */
size_t t2x_line_end_offset(const t2x_line *ln, int col);

/* Is the line blank (only spaces)? */
int t2x_line_blank(const t2x_line *ln);
/* Column of the first non-blank character, or -1 for a blank line. */
int t2x_line_indent(const t2x_line *ln);

#endif
