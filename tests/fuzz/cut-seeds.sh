#!/bin/bash
# tests/fuzz/cut-seeds.sh CORPUS_DIR — cut the seed corpus of fuzz_convert from real filings
# (the team's ../shared/corpus): for each filing, its first 40 lines (SEC header, cover) and
# the 90 lines from the first statement caption followed by a table, and its first EX-27
# schedule (60 lines); each cut at 6 KB and prefixed with the options byte 0. Run once; the
# output is committed in tests/fuzz/corpus/convert/.
set -eu
src=${1:?corpus directory}
out=$(dirname "$0")/corpus/convert
mkdir -p "$out"
for f in "$src"/*.txt "$src"/*.htm; do
    b=$(basename "$f"); b=${b%.*}
    # the header and the first statement
    awk 'NR <= 40 { print; next }
         !found && toupper($0) ~ /(BALANCE SHEETS?|STATEMENTS? OF (CONSOLIDATED )?(INCOME|OPERATIONS|EARNINGS|CASH FLOWS))/ { found = NR }
         found && NR < found + 90 { print }' "$f" | head -c 6144 > "$out/$b.stmt.tmp"
    if [ "$(wc -l < "$out/$b.stmt.tmp")" -gt 60 ]; then
        { printf '\0'; cat "$out/$b.stmt.tmp"; } > "$out/$b.stmt"
    fi
    rm -f "$out/$b.stmt.tmp"
    # the first EX-27 schedule, inside its <DOCUMENT>
    if grep -q '^<TYPE>EX-27' "$f"; then
        { printf '\0'; awk '/^<TYPE>EX-27/ { on = NR; print "<DOCUMENT>" } on && NR < on + 60 { print }' "$f" | head -c 4096; } > "$out/$b.ex27"
    fi
done
ls "$out" | wc -l
