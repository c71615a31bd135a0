#!/bin/sh
# make-concepts.sh — regenerate taxonomy/concepts.tsv from the official element schemas.
#
# Usage: taxonomy/tools/make-concepts.sh [CACHE_DIR] [OUTPUT]
#   CACHE_DIR  a web-cache layout directory holding the schemas at <scheme>/<host>/<path>
#              (default: ../shared/taxonomy-cache relative to the repository root)
#   OUTPUT     default: taxonomy/concepts.tsv in the repository
#
# Reads us-gaap, srt and dei element schemas of the release named by the variables below, runs
# concepts.xsl (xsltproc) on each, sorts all rows by qname (LC_ALL=C) and writes the file
# atomically. Rerunnable; the output depends only on the schema bytes. To move to a newer
# release change the three paths below (see taxonomy/README.md).
set -eu

US_GAAP=https/xbrl.fasb.org/us-gaap/2023/elts/us-gaap-2023.xsd
SRT=https/xbrl.fasb.org/srt/2023/elts/srt-2023.xsd
DEI=https/xbrl.sec.gov/dei/2023/dei-2023.xsd

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
cache=${1:-$root/../shared/taxonomy-cache}
out=${2:-$root/taxonomy/concepts.tsv}

command -v xsltproc >/dev/null 2>&1 || { echo "make-concepts.sh: xsltproc not found" >&2; exit 2; }
for f in "$US_GAAP" "$SRT" "$DEI"; do
    [ -f "$cache/$f" ] || { echo "make-concepts.sh: missing $cache/$f" >&2; exit 1; }
done

tmp=$(mktemp "${out}.XXXXXX")
rows=$(mktemp)
trap 'rm -f "$tmp" "$rows"' EXIT INT TERM

for f in "$US_GAAP" "$SRT" "$DEI"; do
    xsltproc --nonet "$here/concepts.xsl" "$cache/$f" >> "$rows"
done

dups=$(cut -f1 "$rows" | LC_ALL=C sort | uniq -d | head -5)
if [ -n "$dups" ]; then
    echo "make-concepts.sh: duplicate qnames: $dups" >&2
    exit 1
fi

{
    printf '#qname\ttype\tperiodType\tbalance\tabstract\tsubstitutionGroup\n'
    LC_ALL=C sort -t "$(printf '\t')" -k1,1 "$rows"
} > "$tmp"
chmod 644 "$tmp"
mv "$tmp" "$out"
trap - EXIT INT TERM
rm -f "$rows"
echo "make-concepts.sh: $(($(wc -l < "$out") - 1)) concepts in $out"
