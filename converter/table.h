/*
 * table.h — stages 4–5: document lines → statements → tables. A statement is a titled region
 * of lines (statements.c finds it); its table (table.c) is columns (right-aligned number
 * anchors with their header text) and rows (labels, wrapped lines joined, and cells: printed
 * numbers with their exact source spans). Nothing here knows about XBRL concepts; periods,
 * arithmetic and mapping fill the fields marked "later".
 */
#ifndef T2X_TABLE_H
#define T2X_TABLE_H

#include <stddef.h>
#include "dates.h"
#include "lines.h"
#include "numbers.h"
#include "stmtkind.h"

/* One printed number of a row. */
typedef struct t2x_cell {
    int present;         /* 0: no number in this column */
    size_t line;         /* index into t2x_lines of the line holding it */
    int col0, col1;      /* display columns [col0, col1) of the printed number (num span) */
    size_t offset, length; /* source byte span of the printed number */
    t2x_num num;         /* parsed amount */
    char *text;          /* the printed number (display form of the span) */
} t2x_cell;

/* Row kinds. */
enum { T2X_ROW_HEADER, T2X_ROW_ITEM };

/* One statement row. */
typedef struct t2x_row {
    int kind;            /* T2X_ROW_HEADER (no numbers) or T2X_ROW_ITEM */
    char *label;         /* printed label, wrapped lines joined by one space ("" if none) */
    size_t first_line;   /* index of the label's first line */
    size_t line;         /* index of the line holding the numbers (= first_line for headers) */
    int indent;          /* display column where the label starts (-1 if no label) */
    int depth;           /* presentation depth, from the indentation levels of the statement */
    int absorbed;        /* a header row that turned out to be the first line of the next row's label */
    int rule_above;      /* 1: a single rule, 2: a double rule directly above its numbers */
    char section[24];    /* "current-assets", "operating", ... ("" if none) */
    char sector[48];     /* the sector or segment section the row is printed in ("Automotive"), "" when
                          * the row is the registrant's (scope.c: t2x_table_sectors) */
    t2x_cell *cells;     /* ncols cells (owned) */
    /* later: arithmetic (arith.c) */
    int parent;          /* row index of the subtotal this row adds into, -1 if none */
    int weight_sign;     /* e: +1/-1 sign of this row within its parent's printed sum */
    int is_subtotal;     /* a printed sum of the rows whose parent is this row */
    int dir;             /* +1/-1: direction of the printed amounts toward the statement total */
    int solved;          /* dir comes from arithmetic, not from a guess */
    /* later: mapping (mapping.c) */
    char *concept;       /* QName, NULL if unmapped */
    int mapped;          /* T2X_MAP_* */
    int rule_line;       /* labels.tsv line of the rule used */
    unsigned rule_flags; /* T2X_RULE_* of that rule */
    int polarity;        /* +1/-1 (see docs/model.md) */
    int period_role;     /* 0, or 1 start / 2 end (balance rows of equity and cash-flow statements) */
    t2x_date row_date;   /* equity statement: the date a balance row names (y == 0 if none) */
} t2x_row;

/* One value column. */
typedef struct t2x_column {
    int anchor;          /* display column of the last digit of right-aligned numbers */
    int left;            /* leftmost display column its numbers reach */
    char *header;        /* header text of the column, lines joined top to bottom */
    /* later: periods (periods.c) */
    int instant;         /* 1: instant (balance sheet), 0: duration */
    t2x_date start, end; /* duration start/end, or end = the instant */
    int months, weeks;   /* length named in the header (0 if none) */
    int dated;           /* 1 when the column's date is known */
    int end_guessed;     /* its month and day were not printed over it (title, fiscal year end) */
    char *member;        /* equity: StatementEquityComponentsAxis member QName, NULL = total */
    int share_column;    /* equity: the column holds share counts */
    int skip;            /* 1: not a reported period (pro forma, percent, change column) */
    int entity_group;    /* 1: the column is one entity's or sector's of a group of such columns
                          * ("Automotive | Financial Services"), not the consolidated figures
                          * (scope.c: t2x_table_entity_columns); it is skipped */
} t2x_column;

/* Whose figures a statement states (scope.c). Only CONSOLIDATED statements are facts of the
 * default context; PARENT ones take dei:LegalEntityAxis = srt:ParentCompanyMember; the others
 * are not read as statements. */
typedef enum t2x_scope {
    T2X_SCOPE_CONSOLIDATED = 0,
    T2X_SCOPE_PARENT,        /* parent company only (Schedule I, condensed information of registrant) */
    T2X_SCOPE_SUMMARY,       /* selected financial data, multi-year summaries, "… data" tables */
    T2X_SCOPE_QUARTERLY,     /* quarterly data */
    T2X_SCOPE_SEGMENT,       /* a sector's own statements ("… on an equity basis") */
    T2X_SCOPE_CONSOLIDATING, /* parent | guarantors | non-guarantors | eliminations columns */
    T2X_SCOPE_PRO_FORMA      /* pro forma statements */
} t2x_scope;

/* One statement with its table. */
typedef struct t2x_table {
    t2x_stmt_kind kind;
    t2x_scope scope;     /* whose figures (scope.c) */
    char *title;         /* title line as printed (trimmed) */
    size_t doc;          /* index of the submission document */
    size_t title_line;   /* line index of the title */
    size_t first, end;   /* line indexes [first, end) of the statement region */
    int scale;           /* power of ten of money amounts (0, 3, 6) */
    int scale_found;     /* the scale was printed (a caption), not assumed */
    size_t caption_first;/* first line where its captions may be printed: up to 6 lines above the
                          * title, not before a page break or the previous statement's rows */
    int except_per_share;/* the scale caption excepts per-share amounts */
    size_t cut_line;     /* the region was cut before this line (absurd amounts or length), 0 if not */
    int kind_by_rows;    /* its title names no kind ("CONSOLIDATED STATEMENT" / "OF BALANCED SHEET"):
                          * the kind is read from its rows (choose.c), else it is dropped */
    t2x_column *cols;
    int ncols;
    t2x_row *rows;
    size_t nrows;
} t2x_table;

/* Find the statements of one document's lines [first, end). Appends to the array *tables of *n entries.
 * `form` is the filing's form ("10-K", …) or NULL. */
void t2x_statements_find(const t2x_lines *L, size_t first, size_t end, size_t doc,
                         t2x_table **tables, size_t *n, size_t *cap);

/* Find untitled numeric tables (note tables) in lines [first, end) of a document, outside the
 * statements already found. Appends T2X_STMT_NOTE tables whose title is the nearest heading or
 * sentence above the table. */
void t2x_notes_find(const t2x_lines *L, size_t first, size_t end, size_t doc, const t2x_table *stmts,
                    size_t nstmts, t2x_table **tables, size_t *n, size_t *cap);

/* Bounds of a table (issue 12 D17): a line with more printed numbers, or a region with more
 * lines, is not read as one; the region ends there (t2x_table.cut_line). */
#define T2X_MAX_LINE_AMOUNTS 64
#define T2X_MAX_TABLE_LINES 4000

/* Read the table of a statement region (columns, rows, cells). Returns 0 when the region
 * holds no table (fewer than two rows with numbers). The region is first cut at the bounds
 * above. */
int t2x_table_read(const t2x_lines *L, t2x_table *t);

/* Read a caption such as "(In thousands, except per share amounts)"; returns 1 if the line
 * states a scale. OUT: *scale, *except_per_share */
int t2x_scale_caption(const char *text, int *scale, int *except_per_share);

/* The notes column of lines [first, end) (notecol.c): a narrow column of note references
 * ("3", "Q", "C & R") between the labels and the amounts, aligned over the rows, under a
 * heading "Notes"/"Note"/"Ref" or none, where no amount column is. *col0, *col1: its display
 * columns [col0, col1). Returns 1 when there is one. */
int t2x_notes_column(const t2x_lines *L, size_t first, size_t end, int *col0, int *col1);
/* A copy of lines [0, end) with the notes column of [first, end) blanked (a new text for each
 * line changed), or 0 (nothing allocated) when there is none. Free with t2x_notes_blank_free. */
int t2x_notes_blank(const t2x_lines *L, size_t first, size_t end, t2x_lines *out);
void t2x_notes_blank_free(const t2x_lines *L, t2x_lines *copy);

/* Statement kind named by a title line, or T2X_STMT_ANY when the line is not a title. */
t2x_stmt_kind t2x_title_kind(const char *text);
/* Statement kind of a title starting at line i of [first, end): the line itself, its first
 * chunk when a company name is printed beside it, a lower-case heading standing alone, or a
 * title wrapped onto the next line ("CONSOLIDATED STATEMENT   Name" / "OF INCOME").
 * *nlines: the lines the title takes (1 or 2). */
t2x_stmt_kind t2x_title_at(const t2x_lines *L, size_t i, size_t first, size_t end, size_t *nlines);

/* Whose figures the statement region t states, from the heading lines around its title (lines
 * of its document start at `from`). When not consolidated, *why (cap bytes) quotes the line
 * that says so. */
t2x_scope t2x_statement_scope(const t2x_lines *L, size_t from, const t2x_table *t, char *why, size_t cap);

/* How many distinct years (19xx, 20xx) the column headings of a read table name: a balance
 * sheet of more than three, or a statement of periods of more than four, is a multi-year
 * summary. */
int t2x_table_distinct_years(const t2x_table *t);

/* Mark the rows printed in sector sections: a group heading naming no accounting item
 * ("AUTOMOTIVE", "Financial Services") whose block is closed by a row naming it again ("Total
 * Automotive assets", "Income before income taxes - Automotive"), when a statement has two or
 * more such sectors. Those rows state a sector's figures, not the registrant's (row->sector).
 * Returns the number of rows marked. */
int t2x_table_sectors(t2x_table *t);

/* Mark the columns that each state one entity's or sector's figures: two columns of the same
 * period (periods resolved) whose headings carry different words beyond periods and dates
 * ("1993 Automotive", "1993 Financial Services"; "Parent", "Guarantors"). A column headed "Consolidated", "Total" or "Combined"
 * is the registrant's and stays. Marked columns are skipped. Returns how many. */
int t2x_table_entity_columns(t2x_table *t);

/* Is the note table `note` one sector's: does its title, or the nearest "NOTE n." heading above
 * it, name a sector the statements print (their sector sections and entity columns,
 * "Net Property … - Automotive")? Then its figures are not the registrant's consolidated ones.
 * *why (may be NULL) gets the heading and the sector. */
int t2x_note_sector(const t2x_lines *L, const t2x_table *note, const t2x_table *stmts, size_t nstmts, char *why,
                    size_t cap);
/* Does the note table `note` state pro forma figures: does the sentence that leads into it, its
 * title or a heading above its first row say "pro forma" ("Unaudited pro forma results, assuming
 * the acquisitions occurred on January 1, are as follows:")? Such amounts are hypothetical, not
 * the registrant's. *why (may be NULL) gets the line that says so. */
int t2x_note_pro_forma(const t2x_lines *L, const t2x_table *note, char *why, size_t cap);
/* A short English name of a scope (borrowed, static). */
const char *t2x_scope_name(t2x_scope s);

void t2x_table_free(t2x_table *t);

#endif
