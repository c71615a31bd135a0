/*
 * stmtkind.c — names of statement kinds (stmtkind.h).
 */
#include "stmtkind.h"

#include <string.h>

static const char *const names[T2X_STMT_KIND_COUNT] = {
    "any", "balance-sheet", "income", "comprehensive-income", "cash-flow", "equity", "note", "cover"};
static const char *const shorts[T2X_STMT_KIND_COUNT] = {"*", "bs", "is", "ci", "cf", "se", "note",
                                                        "cover"};

const char *t2x_stmt_kind_name(t2x_stmt_kind k)
{
    return (k >= 0 && k < T2X_STMT_KIND_COUNT) ? names[k] : "unknown";
}

int t2x_stmt_kind_parse(const char *s)
{
    for (int i = 0; i < T2X_STMT_KIND_COUNT; i++)
        if (strcmp(s, names[i]) == 0 || strcmp(s, shorts[i]) == 0) return i;
    return -1;
}
