/*
 * fuzz_manifest.c — libFuzzer target: the batch manifest reader (converter/jsonl.c, README
 * "Batch"), which `batch --resume` runs on every line of manifest.jsonl, a file anyone with
 * write access to the output root can edit. Each input is one line: it is checked as one JSON
 * value and, when it is an object, the members resume reads are looked up; a member found
 * must lie inside the line. The line is also written back as a JSON string, which must be
 * valid JSON and hold exactly one value.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > T2X_FUZZ_MAX_INPUT) return 0;
    const char *s = (const char *)data;
    int valid = t2x_json_valid(s, size);
    static const char *const keys[] = {"tool", "options", "input", "member", "sha256", "status", "dir", NULL};
    for (int k = 0; keys[k]; k++) {
        const char *v = NULL;
        size_t vl = 0;
        if (!t2x_json_member(s, size, keys[k], &v, &vl)) continue;
        if (!valid || v < s || v + vl > s + size || !t2x_json_valid(v, vl)) abort();
    }
    /* the writer: any bytes (a file name) give one valid JSON string */
    char *z = malloc(size + 1);
    if (!z) return 0;
    memcpy(z, data, size);
    z[size] = '\0';
    t2x_jbuf b = {0};
    t2x_jbuf_puts(&b, "{\"input\": ");
    t2x_jbuf_str(&b, z);
    t2x_jbuf_puts(&b, "}");
    const char *v = NULL;
    size_t vl = 0;
    if (!t2x_json_valid(b.data, b.len) || !t2x_json_member(b.data, b.len, "input", &v, &vl)) abort();
    free(b.data);
    free(z);
    return 0;
}
