/*
 * cover.h — the cover page → dei facts (legacy guide §4.7): form, amendment, period,
 * registrant, file number, tax id, state, shares outstanding and public float with their
 * as-of dates. Cover text wins over the SEC header where both exist; the header fills gaps.
 */
#ifndef T2X_COVER_H
#define T2X_COVER_H

#include "dates.h"
#include "lines.h"
#include "submission.h"

/* A number read from the cover text, with its span. */
typedef struct t2x_cover_amount {
    int found;
    long long mant;       /* integer value (cents dropped: covers print whole dollars) */
    t2x_date date;        /* its as-of date (y == 0 unknown) */
    size_t offset, length;/* source span of the printed number */
    size_t line;          /* line index */
    char *text;           /* printed number */
} t2x_cover_amount;

typedef struct t2x_cover {
    char *form;           /* "10-K", "10-Q", "10-K405", … (NULL unknown) */
    int amendment;
    t2x_date period_end;
    char *registrant;
    char *file_number;    /* "0-439", "1-1136" */
    char *tax_id;         /* "16-0338330" */
    char *state;          /* EDGAR code, "DE" */
    t2x_cover_amount shares_outstanding;
    t2x_cover_amount public_float;
} t2x_cover;

/* Read the cover of the main document lines [first, end). */
void t2x_cover_read(const t2x_lines *L, size_t first, size_t end, const t2x_header *h, t2x_cover *out);
void t2x_cover_free(t2x_cover *c);

/* EDGAR state code of a state name ("Delaware" → "DE"), NULL if none. */
const char *t2x_state_code(const char *name);

#endif
