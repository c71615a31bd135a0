/*
 * jsonl_fields.c — test helper for tests/batch.sh (no jq needed): reads JSON lines on standard
 * input, checks that every line is one complete JSON object, and prints the members named on
 * the command line, as written (strings keep their quotes), tab-separated, one line per input
 * line. Exit 1 at the first invalid or incomplete line (its number on stderr).
 *   usage: jsonl_fields KEY... < manifest.jsonl
 */
#include "jsonl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    long no = 0;
    while ((n = getline(&line, &cap, stdin)) > 0) {
        no++;
        if (line[n - 1] != '\n' || n < 2 || line[0] != '{' || !t2x_json_valid(line, (size_t)n)) {
            fprintf(stderr, "jsonl_fields: line %ld is not one complete JSON object\n", no);
            free(line);
            return 1;
        }
        for (int k = 1; k < argc; k++) {
            const char *v;
            size_t vl;
            if (!t2x_json_member(line, (size_t)n, argv[k], &v, &vl)) {
                v = "-";
                vl = 1;
            }
            printf("%s%.*s", k > 1 ? "\t" : "", (int)vl, v);
        }
        if (argc > 1) putchar('\n');
    }
    free(line);
    return 0;
}
