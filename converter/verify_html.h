/*
 * verify_html.h — the verifier's own reading of the source's HTML documents (verify_html.c):
 * their text under the normalisation of docs/inline.md "HTML filings".
 */
#ifndef T2X_VERIFY_HTML_H
#define T2X_VERIFY_HTML_H

#include <stddef.h>
#include "util.h"

/* The normalised text of HTML bytes, as libxml2's HTML parser reads them (no network, no
 * entities loaded, ISO-8859-1), without the text of head, script, style, title, noscript and
 * object, appended to out. 0, or -1 when they cannot be parsed. */
int t2x_vf_html_text(const unsigned char *data, size_t len, t2x_buf *out);

/* Append UTF-8 text to out under the normalisation: C1 code points as Windows-1252 characters,
 * characters XML cannot hold as U+FFFD, runs of white space (space, TAB, LF, CR, FF) as one
 * space, none at the start; *space carries a pending space between calls (start with 0). */
void t2x_vf_norm_add(t2x_buf *out, const unsigned char *text, int *space);

#endif
