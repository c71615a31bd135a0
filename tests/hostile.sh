#!/bin/bash
# tests/hostile.sh — issue 12's parser-side reproducers (tests/data/hostile/, from
# ../shared/reproducers): bad input never exits 4, convert's output verifies, undated columns
# are left untagged with a warning, an 8-K is refused, resources stay bounded, the messages of
# D18 say what is wrong. Run by `make check` (plain and sanitizer builds) with T2X and SRCDIR.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
H="$SRCDIR/tests/data/hostile"
. "$SRCDIR/tests/testlib.sh"
# roundtrip NAME FILE: convert exits 0 and verify calls the outputs faithful
roundtrip() {
    rm -rf "$tmp/rt"
    expect 0 "$1: convert" "$T2X" convert -o "$tmp/rt" "$2"
    expect 0 "$1: its outputs verify" "$T2X" verify "$2" "$tmp/rt"
}

# D9: columns without a date are not tagged (a warning says why); with no date at all, exit 3
for f in exit4-undated-columns exit4-no-dates-at-all; do
    expect 3 "$f: nothing to tag is bad input, not exit 4" "$T2X" convert -o "$tmp/$f" "$H/$f.txt"
    stderr_has "$f: the undated columns are named" 'column 2 ("THREE MONTHS ENDED"): no date found; not tagged'
    stderr_has "$f: the reason" 'error: no report period'
    no_output "$tmp/$f" "$f"
done
# an equity statement whose balance rows print their dates: those dates, no guess
roundtrip "exit4-real-table-slice" "$H/exit4-real-table-slice.txt"
grep -q '"period-end": "1996-09-27"' "$tmp/rt/"*.report.json && ok "real table slice: period end from the last balance row" \
    || bad "real table slice: period end"

# D10: two columns read as one period are neither tagged; a number the reader does not take
# (5,4,316) is listed as untagged
expect 3 "two values one line: no column can be told apart" "$T2X" convert -o "$tmp/tv" "$H/roundtrip-two-values-one-line.txt"
stderr_has "two values one line: why" 'columns 1 and 2 both read as the period ending 1995-09-29; neither is tagged'
roundtrip "number not tagged" "$H/roundtrip-number-not-tagged.txt"
grep -q '5,4,316' "$tmp/rt/"*.htm && ok "number not tagged: 5,4,316 is in the inline document" || bad "5,4,316 missing"

# D14: a <DOCUMENT> reopened before its <TEXT> (LeakSanitizer fails the sanitizer build on a leak)
expect 3 "document reopened before <TEXT>" "$T2X" convert -o "$tmp/leak" "$H/leak-submission-doc-without-text.txt"

# D15: the cover's "FORM 8-K" decides when there is no SEC header: not a periodic report
expect 3 "an 8-K cover" "$T2X" convert -o "$tmp/8k" "$H/form8k-classified-as-10k.txt"
stderr_has "an 8-K cover: why" 'error: form 8-K is not a 10-K or 10-Q family report'
no_output "$tmp/8k" "an 8-K cover"
# …while "Reports on Form 8-K" in a 10-Q's text is not its form
expect 0 "a 10-Q naming Form 8-K in its text" "$T2X" convert -o "$tmp/q" "$SRCDIR/samples/alg-10q-2003q1.txt"

# D17: bounded work. A table line with more numbers than any statement prints ends the table
# (memory-amplification-1mb-rows: two rows of 116,000 amounts took 15.7 s and 1.94 GB)
{
    sed -n 1,13p "$H/exit4-undated-columns.txt"
    for r in 1 2; do printf 'Net sales        $   1,578       $   2,129'; for k in $(seq 1 3000); do printf '    1,234'; done; echo; done
    sed -n 14,45p "$H/exit4-undated-columns.txt"
} > "$tmp/wide.txt"
expect 3 "rows of 3,000 amounts" "$T2X" convert -o "$tmp/wide" "$tmp/wide.txt"
stderr_has "rows of 3,000 amounts: the table is cut, with a warning" 'is read up to this line only: a table line holds at most 64 numbers'
# a gzip bomb is refused once 32 MB are decompressed
head -c 40000000 /dev/zero | tr '\0' 'x' | gzip -c > "$tmp/bomb.gz"
expect 3 "a gzip bomb" "$T2X" convert -o "$tmp/bomb" "$tmp/bomb.gz"
stderr_has "a gzip bomb: why" 'decompressed input is larger than 32 MB'

# D18: messages that say what is wrong
Q="$SRCDIR/samples/alg-10q-2003q1.txt"
expect 3 "a directory as input" "$T2X" convert -o "$tmp/d" "$SRCDIR/samples"
stderr_has "a directory: said so" 'is a directory, not a filing'
if iconv -f WINDOWS-1252 -t UTF-16 "$Q" > "$tmp/q16.txt" 2>/dev/null; then
    expect 3 "UTF-16 input" "$T2X" convert -o "$tmp/u" "$tmp/q16.txt"
    stderr_has "UTF-16: said so" 'UTF-16 text is not supported'
fi
expect 2 "an invalid --prefix" "$T2X" convert --prefix '1bad prefix' -o "$tmp/p" "$Q"
stderr_has "an invalid --prefix: why" "convert: --prefix '1bad prefix' is not usable"
{ gzip -c "$Q"; head -c 4096 /dev/zero; } > "$tmp/padded.gz"
expect 0 "gzip with trailing zero padding" "$T2X" convert -o "$tmp/padded" "$tmp/padded.gz"
: > "$tmp/afile"
expect 2 "-o naming a file" "$T2X" convert -o "$tmp/afile" "$Q"
stderr_has "-o naming a file: why" 'exists and is not a directory'

# item 7: convert refuses (exit 1, nothing written) a conversion its own verifier rejects:
# here templates that drop the reason of the untagged numbers from the inline document
mkdir -p "$tmp/data/templates"
ln -s "$SRCDIR/taxonomy" "$tmp/data/taxonomy"
cp "$SRCDIR"/templates/*.xsl "$SRCDIR"/templates/*.xsd "$tmp/data/templates/"
sed -i "s/concat('not tagged: ', @reason)/concat('dropped: ', @reason)/" "$tmp/data/templates/inline.xsl"
expect 1 "an unfaithful conversion" "$T2X" convert --data-dir "$tmp/data" -o "$tmp/unfaithful" "$Q"
stderr_has "an unfaithful conversion: why" 'the conversion fails its own verification'
no_output "$tmp/unfaithful" "an unfaithful conversion"
# …and it is checked in the set's staging directory, before the exchange: over an earlier
# faithful set, that set stays whole, and no staging, no source copy is left
expect 0 "a faithful set first" "$T2X" convert -o "$tmp/keep" "$Q"
(cd "$tmp/keep" && cat -- *.htm *.xml *.xsd *.json | cksum) > "$tmp/keep.sum"
expect 1 "an unfaithful conversion over it" "$T2X" convert --data-dir "$tmp/data" -o "$tmp/keep" "$Q"
(cd "$tmp/keep" && cat -- *.htm *.xml *.xsd *.json | cksum) | cmp -s - "$tmp/keep.sum" \
    && ok "the earlier set stays whole" || bad "the earlier set changed"
[ "$(ls -A "$tmp/keep/.t2x")" = "$(basename "$tmp"/keep/.t2x/*)" ] && ok "no staging directory left" \
    || bad "left in .t2x: $(ls -A "$tmp/keep/.t2x")"
# formats verify reads but nobody asked for are rendered for the check only
expect 0 "a faithful json-only conversion" "$T2X" convert --formats json -o "$tmp/jo" "$Q"
[ "$(ls -A "$tmp/jo" | grep -v '^\.t2x$')" = "$(basename "$tmp"/jo/.t2x/*/*.json)" ] && ok "json only: only the json is put in place" \
    || bad "json only: $(ls -A "$tmp/jo" "$tmp"/jo/.t2x/*)"

echo "# hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
