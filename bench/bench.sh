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

# an HTML 10-K of the corpus (docs/html.md): all outputs, the inline document being the
# filing's HTML as XHTML (docs/inline.md), and verification
HTMLK="$CORPUS/boeing-co_10k_2003-12-31.htm"
if [ -f "$HTMLK" ]; then
    "$BENCH" -n "$REPEAT" --label "HTML 10-K (corpus boeing-co_10k_2003-12-31.htm)" "$HTMLK"
fi

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

# batch: wall time, filings/s, MB/s, filings/s after loading, the largest peak RSS and
# private memory of a worker (rss_kb, private_kb in the manifest)
batch() { # JOBS LIST OUTDIR [OPTION...] → "seconds rate mbps steady maxrss_kb maxprivate_kb lines"
    j=$1 list=$2 out=$3
    shift 3
    "$T2X" batch -j "$j" --progress 0 "$@" -o "$out" "@$list" 2> "$out.err"
    lines=$(wc -l < "$out/manifest.jsonl")
    rss=$("$JF" rss_kb < "$out/manifest.jsonl" | sort -n | tail -1)
    priv=$("$JF" private_kb < "$out/manifest.jsonl" | sort -n | tail -1)
    bytes=$(cat $(cat "$list") | wc -c)
    # "txt2xbrl: batch: N filings in T s (R/s; L s loading): ..."
    sed -n 's/^txt2xbrl: batch: \([0-9]*\) filings in \([0-9.]*\) s ([0-9.]*\/s; \([0-9.]*\) s loading).*/\1 \2 \3/p' "$out.err" |
        awk -v b="$bytes" -v r="$rss" -v p="$priv" -v n="$lines" \
            '{ t = $2; printf "%.2f %.2f %.2f %.2f %d %d %d\n", t, $1 / t, b / 1e6 / t, $1 / (t - $3), r, p, n }'
}
report() { # LABEL RESULT...
    printf '  %-28s %6.2f s %7.2f filings/s %6.2f MB/s (%6.2f/s after loading)  worker peak RSS %5.1f MB, private %5.1f MB\n' \
        "$1" "$2" "$3" "$4" "$5" "$(echo "$6" | awk '{ print $1 / 1024 }')" "$(echo "$7" | awk '{ print $1 / 1024 }')"
}
echo "== batch throughput over $n $what ($mb MB), all outputs and verification"
set -- $(batch 1 "$tmp/inputs" "$tmp/b1")
report "-j 1" "$@"
r1=$2 s1=$4
set -- $(batch "$JOBS" "$tmp/inputs" "$tmp/bn")
report "-j $JOBS" "$@"
echo "  speed-up with $JOBS workers: $(awk -v a="$r1" -v b="$2" 'BEGIN { printf "%.2f", b / a }')x" \
    "($(awk -v a="$s1" -v b="$4" 'BEGIN { printf "%.2f", b / a }')x after loading)"
rss1=$5
set -- $(batch "$JOBS" "$tmp/inputs" "$tmp/bp" --jobs-per-worker 50)
report "-j $JOBS --jobs-per-worker 50" "$@"
statuses=$("$JF" status < "$tmp/bn/manifest.jsonl" | sort | uniq -c | awk '{ gsub(/"/, "", $2); printf "%s%s %s", sep, $1, $2; sep = ", " }')
echo "  statuses: $statuses"

# the corpus HTML filings (MANIFEST.tsv column 5): a worker's peak RSS on the HTML reader
if [ -f "$CORPUS/MANIFEST.tsv" ]; then
    awk -F'\t' -v d="$CORPUS" 'NR > 1 && $5 == "html" { print d "/" $1 }' "$CORPUS/MANIFEST.tsv" > "$tmp/html"
    if [ -s "$tmp/html" ]; then
        hmb=$(cat $(cat "$tmp/html") | wc -c | awk '{ printf "%.2f", $1 / 1e6 }')
        echo "== batch over the $(wc -l < "$tmp/html") corpus HTML filings ($hmb MB): all outputs and verification"
        set -- $(batch 1 "$tmp/html" "$tmp/bh")
        report "-j 1" "$@"
    fi
fi

echo "== peak RSS per worker as the batch grows ($SCALE x the inputs, -j $JOBS)"
: > "$tmp/many"
i=0
while [ "$i" -lt "$SCALE" ]; do cat "$tmp/inputs" >> "$tmp/many"; i=$((i + 1)); done
set -- $(batch "$JOBS" "$tmp/many" "$tmp/bm")
printf '  1 x (%d filings): %.1f MB   %d x (%d filings): %.1f MB   (%.2f filings/s)\n' "$n" \
    "$(echo "$rss1" | awk '{ print $1 / 1024 }')" "$SCALE" "$7" "$(echo "$5" | awk '{ print $1 / 1024 }')" "$2"
