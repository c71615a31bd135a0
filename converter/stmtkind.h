/*
 * stmtkind.h — the kinds of statement the parser finds; shared by the table reader, the
 * label map and the model.
 */
#ifndef T2X_STMTKIND_H
#define T2X_STMTKIND_H

typedef enum t2x_stmt_kind {
    T2X_STMT_ANY = 0,        /* only in label rules: any statement */
    T2X_STMT_BALANCE,        /* balance sheet / statement of financial position */
    T2X_STMT_INCOME,         /* income / operations / earnings */
    T2X_STMT_COMPREHENSIVE,  /* statement of comprehensive income */
    T2X_STMT_CASHFLOW,       /* statement of cash flows */
    T2X_STMT_EQUITY,         /* stockholders' equity / retained earnings */
    T2X_STMT_NOTE,           /* a numeric note table (EPS computation, inventories, taxes...) */
    T2X_STMT_COVER,          /* cover page (dei) */
    T2X_STMT_KIND_COUNT
} t2x_stmt_kind;

/* Short stable name: "balance-sheet", "income", "comprehensive-income", "cash-flow",
 * "equity", "note", "cover", "any" (borrowed, static). */
const char *t2x_stmt_kind_name(t2x_stmt_kind k);
/* Inverse of t2x_stmt_kind_name; also accepts the short forms "bs", "is", "ci", "cf", "se",
 * "note", "cover", "*". Returns -1 when unknown. */
int t2x_stmt_kind_parse(const char *s);

#endif
