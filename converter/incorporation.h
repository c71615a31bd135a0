/*
 * incorporation.h — does a document say its financial statements are incorporated by reference
 * from another document (an annual report to shareholders, Exhibit 13)? (incorporation.c)
 */
#ifndef T2X_INCORPORATION_H
#define T2X_INCORPORATION_H

#include <stddef.h>
#include "lines.h"

/* Look through lines [first, end) for a paragraph saying that the financial statements are
 * incorporated by reference. Returns the 1-based source line where that paragraph starts, or 0
 * when there is none; then `where` (n bytes) names the document it points to
 * ("2001 Annual Report to Shareholders (Exhibit 13)"). OUT: where */
long t2x_incorporated_find(const t2x_lines *L, size_t first, size_t end, char *where, size_t n);

#endif
