#!/bin/bash
# tests/cli.sh — the command-line contract (design §4): help, version, exit codes, one-line
# errors on bad input with no partial output, standard input, gzip, determinism, --strict.
# Run by `make check` with T2X (the binary) and SRCDIR set.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
export T2X_DATA_DIR="$SRCDIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }
# expect CODE NAME CMD...: run, compare the exit code
expect() {
    local want=$1 name=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" = "$want" ]; then ok "$name (exit $got)"; else bad "$name: exit $got, wanted $want"; sed 's/^/    /' "$tmp/err" | head -5; fi
}
# one_line_error NAME: stderr holds exactly one "txt2xbrl: …error…" line
one_line_error() {
    local n; n=$(grep -c 'error' "$tmp/err")
    if [ "$n" = 1 ] && grep -q '^txt2xbrl: ' "$tmp/err"; then ok "$1: one-line error"; else bad "$1: stderr was:"; sed 's/^/    /' "$tmp/err" | head -5; fi
}
no_output() {
    if [ -z "$(ls -A "$1" 2>/dev/null)" ]; then ok "$2: no output left behind"; else bad "$2: left $(ls "$1")"; fi
}

Q="$SRCDIR/samples/alg-10q-2003q1.txt" K="$SRCDIR/samples/alg-10k-2003.txt"

expect 0 "--help" "$T2X" --help
grep -q 'usage: txt2xbrl convert' "$tmp/out" && ok "--help prints usage on stdout" || bad "--help output"
expect 0 "--version" "$T2X" --version
grep -q '^txt2xbrl [0-9]' "$tmp/out" && ok "--version line" || bad "--version output"
expect 2 "no arguments" "$T2X"
expect 2 "unknown command" "$T2X" frobnicate
expect 2 "unknown option" "$T2X" convert --bogus "$Q"
expect 2 "convert without a file" "$T2X" convert
expect 2 "bad --cik" "$T2X" convert --cik 12ab -o "$tmp/x" "$Q"

# the samples convert, with the default formats
expect 0 "convert the 10-Q" "$T2X" convert -o "$tmp/q" "$Q"
for f in alg-20030331.xml alg-20030331.xsd alg-20030331.report.json; do
    [ -s "$tmp/q/$f" ] && ok "10-Q wrote $f" || bad "10-Q did not write $f"
done
ls "$tmp/q" | grep -q 'tmp' && bad "temporary files left in the output" || ok "no temporary files left"
expect 0 "convert the 10-K" "$T2X" convert -o "$tmp/k" --cik 1234 "$K"
grep -q '<xbrli:identifier scheme="http://www.sec.gov/CIK">0000001234</xbrli:identifier>' "$tmp/k/alg-20031231.xml" \
    && ok "--cik gives a 10-digit SEC identifier" || bad "--cik identifier"
grep -q 'alg-10k-2003.txt:1318: warning: .*printed 44737864' "$tmp/err" && ok "the 10-K's typo is reported on stderr" || bad "typo not reported"
expect 1 "--strict fails on the filing's inconsistency" "$T2X" convert --strict -o "$tmp/ks" "$K"
expect 0 "--strict passes a consistent filing" "$T2X" convert --strict -o "$tmp/qs" "$Q"

# standard input and gzip give the same bytes as the file
expect 0 "convert from standard input" sh -c "\"$T2X\" convert -o \"$tmp/stdin\" - < \"$Q\""
gzip -c "$Q" > "$tmp/q.txt.gz"
expect 0 "convert a .gz" "$T2X" convert -o "$tmp/gz" "$tmp/q.txt.gz"
# identical but for the provenance comment, which names the input file
cmp -s <(sed 2d "$tmp/q/alg-20030331.xml") <(sed 2d "$tmp/gz/alg-20030331.xml") && ok "gzip output identical" || bad "gzip output differs"
expect 0 "convert again" "$T2X" convert -o "$tmp/q2" "$Q"
cmp -s "$tmp/q/alg-20030331.xml" "$tmp/q2/alg-20030331.xml" && ok "deterministic instance" || bad "instance differs between runs"

# bad input: exit 3, one line, nothing written
: > "$tmp/empty.txt"
expect 3 "empty file" "$T2X" convert -o "$tmp/e1" "$tmp/empty.txt"; one_line_error "empty file"; no_output "$tmp/e1" "empty file"
head -c 4096 /dev/urandom > "$tmp/binary.bin"
expect 3 "binary file" "$T2X" convert -o "$tmp/e2" "$tmp/binary.bin"; one_line_error "binary file"; no_output "$tmp/e2" "binary file"
head -c 2000 "$tmp/q.txt.gz" > "$tmp/cut.gz"
expect 3 "truncated gzip" "$T2X" convert -o "$tmp/e3" "$tmp/cut.gz"; one_line_error "truncated gzip"; no_output "$tmp/e3" "truncated gzip"
expect 3 "missing file" "$T2X" convert -o "$tmp/e4" "$tmp/nonexistent.txt"; one_line_error "missing file"
printf '<HTML>\n<HEAD><TITLE>10-K</TITLE></HEAD>\n<BODY>\n<P>Annual report</P>\n<TABLE><TR><TD>Net sales</TD><TD>1,234</TD></TR></TABLE>\n<P>x</P>\n<P>y</P>\n</BODY>\n</HTML>\n' > "$tmp/page.htm"
expect 3 "HTML filing" "$T2X" convert -o "$tmp/e5" "$tmp/page.htm"; one_line_error "HTML filing"
grep -qi 'html' "$tmp/err" && ok "HTML named in the message" || bad "HTML message"
printf 'FORM 10-K\n\nThis annual report has no financial statements at all, only words.\n' > "$tmp/words.txt"
expect 3 "no statements" "$T2X" convert -o "$tmp/e6" "$tmp/words.txt"; one_line_error "no statements"; no_output "$tmp/e6" "no statements"
printf '<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nCurrent report\n</TEXT>\n</DOCUMENT>\n' > "$tmp/8k.txt"
expect 3 "an 8-K" "$T2X" convert -o "$tmp/e7" "$tmp/8k.txt"; one_line_error "an 8-K"
head -c 3000000 /dev/zero | tr '\0' 'x' > "$tmp/oneline.txt"
expect 3 "a 3 MB single-line file" "$T2X" convert -o "$tmp/e8" "$tmp/oneline.txt"; one_line_error "single-line file"

# inspect: one line per row, the unmapped rows, the issues
expect 0 "inspect the 10-K" "$T2X" inspect "$K"
grep -q 'Interest expense .*us-gaap:InterestExpense .*529642' "$tmp/out" && ok "inspect shows label, concept and value" || bad "inspect row"
grep -q '^NOT MAPPED TO A STANDARD CONCEPT' "$tmp/out" && ok "inspect lists unmapped rows" || bad "inspect unmapped section"
grep -q 'calc-inconsistency .*44737864' "$tmp/out" && ok "inspect lists the typo" || bad "inspect issues"

# inspect: the EX-27 cross-check summary (a 10-Q with a Financial Data Schedule)
expect 0 "inspect a 10-Q with an EX-27" "$T2X" inspect "$SRCDIR/tests/data/bms-10q-1997-03-31.txt"
grep -q '^EX-27 (1 schedule): [0-9]* of [0-9]* comparisons agree; disagreements: none' "$tmp/out" && ok "inspect prints the EX-27 summary" || bad "inspect EX-27 summary"
expect 0 "convert a 10-Q with an EX-27" "$T2X" convert --formats report -o "$tmp/fds" "$SRCDIR/tests/data/bms-10q-1997-03-31.txt"
grep -q '"tag": "NET-INCOME", .*"concept": "us-gaap:NetIncomeLoss", "context": "D19970101-19970331", "statement-value": "810000000", .*"ex27-value": "810000000", .*"agree": true' "$tmp/fds/bms-19970331.report.json" \
    && ok "report.json lists the EX-27 comparisons" || bad "report.json ex27"

# compare: the samples' 10-Q and 10-K, converted into separate directories, disagree on the
# December 31, 2002 inventory split (the filings print it differently) and on current
# liabilities (the 10-K's typo, 44,737,864)
expect 0 "convert the 10-K for compare" "$T2X" convert -o "$tmp/kc" "$K"
expect 1 "compare the two samples" "$T2X" compare "$tmp/q" "$tmp/kc"
grep -q '^us-gaap:LiabilitiesCurrent  2002-12-31  iso4217:USD  .*/q/alg-20030331.xml: 4737864  .*/kc/alg-20031231.xml: 44737864$' "$tmp/out" \
    && ok "compare lists the 10-K's current liabilities" || bad "compare LiabilitiesCurrent"
grep -q '^us-gaap:InventoryFinishedGoodsNetOfReserves  2002-12-31  iso4217:USD  .*: 2965023  .*: 1572946$' "$tmp/out" \
    && ok "compare lists the December 2002 inventory split" || bad "compare inventory split"
grep -q '^3 differences among 2 filings' "$tmp/out" && ok "compare summary line" || bad "compare summary: $(tail -1 "$tmp/out")"
expect 1 "compare --json" "$T2X" compare --json "$tmp/q" "$tmp/kc"
grep -q '"concept": "us-gaap:LiabilitiesCurrent", "period": "2002-12-31", "dimensions": "", "unit": "iso4217:USD", "a": {"file": "[^"]*/q/alg-20030331.xml", "value": "4737864", "decimals": 0}, "b": {"file": "[^"]*/kc/alg-20031231.xml", "value": "44737864"' "$tmp/out" \
    && ok "compare --json" || bad "compare --json output"
expect 0 "compare a filing with its own copy" "$T2X" compare "$tmp/q" "$tmp/q2"
expect 0 "compare filings of different entities" "$T2X" compare "$tmp/q" "$tmp/k"
grep -q 'warning: entity .* differs' "$tmp/err" && ok "compare warns about different entities" || bad "compare entity warning"
expect 2 "compare without a directory" "$T2X" compare
mkdir -p "$tmp/noinst"
expect 3 "compare a directory without instances" "$T2X" compare "$tmp/noinst" "$tmp/q"; one_line_error "compare without instances"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
