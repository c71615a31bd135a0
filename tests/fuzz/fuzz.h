/*
 * fuzz.h — what the libFuzzer targets of tests/fuzz/ share: where the data directory is, the
 * largest input a target takes, and the entry points libFuzzer (or tests/fuzz/replay.c, which
 * runs saved inputs in `make check`) calls.
 */
#ifndef T2X_FUZZ_H
#define T2X_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

/* Inputs larger than this are skipped: the size limits have their own tests, and libFuzzer
 * finds more per second on small inputs. */
#define T2X_FUZZ_MAX_INPUT (1024 * 1024)

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The data directory: $T2X_DATA_DIR, else the source tree the target was built from. */
static inline const char *t2x_fuzz_data_dir(void)
{
    const char *d = getenv("T2X_DATA_DIR");
    return d && *d ? d : T2X_SRCDIR;
}

#endif
