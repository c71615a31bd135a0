#!/bin/sh
# bench/generality.sh — `make generality`: the measured figures of issue 9. Per filing and per
# group (dev = the companies the parser was built on, Apple and Bristol-Myers Squibb; new = the
# other corpus filings; samples), EX-27 key-fact agreement excluding the filers' own proven
# errors (bench/ex27-filer-errors.tsv, each with its evidence) and the clash count (one
# concept+context+unit with two values in one conversion). The corpus is ../shared/corpus beside
# the repository (CORPUS=DIR elsewhere). VERBOSE=1 lists every disagreement and clash.
# The layout-invariance figures are test_layout's (make check, tests/unit/test_layout.log).
set -u
GEN=${GEN:?} SRCDIR=${SRCDIR:?}
CORPUS=${CORPUS:-$SRCDIR/../shared/corpus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
v=""
[ "${VERBOSE:-0}" = 1 ] && v="-v"
errors="$SRCDIR/bench/ex27-filer-errors.tsv"
if [ -f "$CORPUS/MANIFEST.tsv" ]; then
    awk -F'\t' -v d="$CORPUS" 'NR > 1 && $5 == "text" && ($2 ~ /APPLE|BRISTOL/) { print d "/" $1 }' "$CORPUS/MANIFEST.tsv" > "$tmp/dev"
    awk -F'\t' -v d="$CORPUS" 'NR > 1 && $5 == "text" && !($2 ~ /APPLE|BRISTOL/) { print d "/" $1 }' "$CORPUS/MANIFEST.tsv" > "$tmp/new"
else
    echo "(no corpus at $CORPUS: samples only)"
    : > "$tmp/dev"
    : > "$tmp/new"
fi
ls "$SRCDIR"/samples/*.txt > "$tmp/samples"
for g in dev new samples; do
    [ -s "$tmp/$g" ] || continue
    # shellcheck disable=SC2046
    "$GEN" $v --errors "$errors" --group "$g" $(cat "$tmp/$g")
done > "$tmp/out"
[ -n "$v" ] && grep -v '^[a-z]* [^ ]* [0-9]' "$tmp/out"
echo
printf '%-8s %-46s %6s %6s %6s %6s %8s %6s %8s %7s\n' group filing compar agree disagr excused agree% nofact covered clashes
grep '^[a-z]* [^ ]* [0-9]' "$tmp/out" | awk '
function pct(a, c) { return c > 0 ? sprintf("%.2f%%", 100 * a / c) : "-" }
function row(g, name, c, a, d, e, k, f) {
    printf "%-8s %-46s %6d %6d %6d %6d %8s %6d %8s %7d\n", g, name, c, a, d, e, pct(a, c - e), f, pct(a, c - e + f), k
}
{
    row($1, $2, $3, $4, $5, $6, $7, $8)
    C[$1] += $3; A[$1] += $4; D[$1] += $5; E[$1] += $6; K[$1] += $7; F[$1] += $8; N[$1]++
}
END {
    print ""
    split("dev new samples", order, " ")
    for (i = 1; i <= 3; i++) if (order[i] in N) row(order[i], N[order[i]] " filings", C[order[i]], A[order[i]], D[order[i]], E[order[i]], K[order[i]], F[order[i]])
}'
echo
echo "agree% = agree / (comparisons - excused filer errors); nofact = EX-27 values without a statement"
echo "fact; covered = agree / (comparisons - excused + nofact); clashes = concept+context+unit with"
echo "two values among the facts of one conversion"
grep 'status=' "$tmp/out" | sed 's/^/not converted: /'
exit 0
