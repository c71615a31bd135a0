#!/bin/sh
# bench/bench.sh — `make bench` (design §6, README "Benchmarks"): per stage (read, parse, map,
# model, each template, write, verify) and in total the milliseconds per filing, MB/s and peak
# RSS of one process (bench/t2x-bench) over the 10-K sample, both samples and the corpus text
# filings; then the throughput of `txt2xbrl batch` with 1 worker and with all cores, and the
# peak RSS per worker over 1x and SCALE x the inputs (flat: one process per filing).
# The corpus is ../shared/corpus beside the repository (CORPUS=DIR elsewhere); without it the
# batch runs use copies of the samples. Environment: REPEAT (3), SCALE (10), JOBS (nproc).
set -u
T2X=${T2X:?} BENCH=${BENCH:?} SRCDIR=${SRCDIR:?}
CORPUS=${CORPUS:-$SRCDIR/../shared/corpus}
REPEAT=${REPEAT:-3} SCALE=${SCALE:-10} JOBS=${JOBS:-$(nproc)}
JF="$(dirname "$(dirname "$T2X")")/tests/jsonl_fields"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); txt2xbrl $("$T2X" --version | cut -d' ' -f2)"
echo "== per stage, one warm process: all outputs (xbrl, dts, ixbrl, json, report) and verification"
"$BENCH" -n "$REPEAT" --label "10-K (samples/alg-10k-2003.txt)" "$SRCDIR/samples/alg-10k-2003.txt"
"$BENCH" -n "$REPEAT" --label "samples" "$SRCDIR"/samples/*.txt

# the corpus filings whose main document is text (MANIFEST.tsv column 5)
: > "$tmp/inputs"
if [ -f "$CORPUS/MANIFEST.tsv" ]; then
    awk -F'\t' -v d="$CORPUS" 'NR > 1 && $5 == "text" { print d "/" $1 }' "$CORPUS/MANIFEST.tsv" > "$tmp/inputs"
fi
if [ -s "$tmp/inputs" ]; then
    # shellcheck disable=SC2046
    "$BENCH" -n 1 --label "corpus text filings" $(cat "$tmp/inputs")
    what="corpus text filings"
else
    echo "(no corpus at $CORPUS: the batch runs use copies of the samples)"
    mkdir -p "$tmp/copies"
    for i in 1 2 3 4 5 6 7 8; do
        cp "$SRCDIR/samples/alg-10q-2003q1.txt" "$tmp/copies/q$i.txt"
        cp "$SRCDIR/samples/alg-10k-2003.txt" "$tmp/copies/k$i.txt"
    done
    ls "$tmp"/copies/* > "$tmp/inputs"
    what="copies of the samples"
fi
n=$(wc -l < "$tmp/inputs")
mb=$(cat $(cat "$tmp/inputs") | wc -c | awk '{ printf "%.2f", $1 / 1e6 }')

# batch: wall time, filings/s, MB/s, the largest peak RSS of a worker (rss_kb in the manifest)
batch() { # JOBS LIST OUTDIR → "seconds rate mbps maxrss_kb lines"
    s=$(date +%s.%N)
    "$T2X" batch -q -j "$1" -o "$3" "@$2" 2>/dev/null
    e=$(date +%s.%N)
    lines=$(wc -l < "$3/manifest.jsonl")
    rss=$("$JF" rss_kb < "$3/manifest.jsonl" | sort -n | tail -1)
    bytes=$(cat $(cat "$2") | wc -c)
    awk -v s="$s" -v e="$e" -v n="$lines" -v b="$bytes" -v r="$rss" \
        'BEGIN { t = e - s; printf "%.2f %.2f %.2f %d %d\n", t, n / t, b / 1e6 / t, r, n }'
}
echo "== batch throughput over $n $what ($mb MB), all outputs and verification"
set -- $(batch 1 "$tmp/inputs" "$tmp/b1")
printf '  -j 1: %6.2f s  %6.2f filings/s  %6.2f MB/s  peak RSS per worker %.1f MB\n' "$1" "$2" "$3" "$(echo "$4" | awk '{ print $1 / 1024 }')"
r1=$2
set -- $(batch "$JOBS" "$tmp/inputs" "$tmp/bn")
printf '  -j %d: %6.2f s  %6.2f filings/s  %6.2f MB/s  peak RSS per worker %.1f MB\n' "$JOBS" "$1" "$2" "$3" "$(echo "$4" | awk '{ print $1 / 1024 }')"
echo "  speed-up with $JOBS workers: $(awk -v a="$r1" -v b="$2" 'BEGIN { printf "%.2f", b / a }')x"
rss1=$4
statuses=$("$JF" status < "$tmp/bn/manifest.jsonl" | sort | uniq -c | awk '{ gsub(/"/, "", $2); printf "%s%s %s", sep, $1, $2; sep = ", " }')
echo "  statuses: $statuses"

echo "== peak RSS per worker as the batch grows ($SCALE x the inputs, -j $JOBS)"
: > "$tmp/many"
i=0
while [ "$i" -lt "$SCALE" ]; do cat "$tmp/inputs" >> "$tmp/many"; i=$((i + 1)); done
set -- $(batch "$JOBS" "$tmp/many" "$tmp/bm")
printf '  1 x (%d filings): %.1f MB   %d x (%d filings): %.1f MB   (%.2f filings/s)\n' "$n" \
    "$(echo "$rss1" | awk '{ print $1 / 1024 }')" "$SCALE" "$5" "$(echo "$4" | awk '{ print $1 / 1024 }')" "$2"
