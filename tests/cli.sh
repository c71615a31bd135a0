#!/bin/bash
# tests/cli.sh — the command-line contract (design §4): help, version, exit codes, one-line
# errors on bad input with no partial output, standard input, gzip, determinism, --strict.
# Run by `make check` with T2X (the binary) and SRCDIR set.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
. "$SRCDIR/tests/testlib.sh"

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
expect 3 "HTML filing without statements" "$T2X" convert -o "$tmp/e5" "$tmp/page.htm"; one_line_error "HTML filing without statements"
grep -q 'no financial statement' "$tmp/err" && ok "an HTML filing is read: no statement found" || bad "HTML message"
# bad HTML (html.h): exit 3, one line, nothing written
{ printf '<HTML><BODY>\n<P>Annual report</P>\n'; for i in $(seq 50000); do printf '<TABLE><TR><TD>'; done; printf '1\n</BODY></HTML>\n'; } > "$tmp/nested.htm"
expect 3 "50,000 nested tables" "$T2X" convert -o "$tmp/e9" "$tmp/nested.htm"; one_line_error "nested tables"; no_output "$tmp/e9" "nested tables"
grep -q 'nested 50000 deep' "$tmp/err" && ok "nested tables: the message says how deep" || bad "nested tables message"
printf '<HTML><BODY>\n<P>Annual report</P>\n<P>a</P>\n<P>b</P>\n<P>c</P>\n<TABLE><TR><TD>Total assets</TD><TD>1,234</TD>\n' > "$tmp/unclosed.htm"
expect 3 "a table never closed" "$T2X" convert -o "$tmp/e10" "$tmp/unclosed.htm"; one_line_error "unclosed table"; no_output "$tmp/e10" "unclosed table"
# a 200 MB HTML document (long lines): refused before it is parsed
{ printf '<HTML><BODY>\n<P>Annual report</P>\n<P>a</P>\n<P>b</P>\n<P>c</P>\n'; head -c 209715200 /dev/zero | tr '\0' 'x' | fold -w 1000000; printf '\n</BODY></HTML>\n'; } > "$tmp/huge.htm"
expect 3 "a 200 MB HTML document" "$T2X" convert -o "$tmp/e11" "$tmp/huge.htm"; one_line_error "200 MB HTML"; no_output "$tmp/e11" "200 MB HTML"
grep -Eq 'the reader takes at most|is larger than [0-9]+ MB' "$tmp/err" && ok "200 MB HTML: the message names the limit" || bad "200 MB HTML message"
rm -f "$tmp/huge.htm"
# an HTML filing converts, its inline document is the filing's own HTML as XHTML (docs/inline.md),
# and verify proves the round trip
H="$SRCDIR/tests/data/html-balance-sheet.htm"
expect 0 "convert an HTML filing" "$T2X" convert -o "$tmp/h" "$H"
[ -s "$tmp/h/ur-20031231.xml" ] && [ -s "$tmp/h/ur-20031231.htm" ] && ok "HTML filing: instance and inline document written" || bad "HTML filing outputs: $(ls "$tmp/h")"
grep -q 'class="t2x-html"' "$tmp/h/ur-20031231.htm" && ! grep -q '<pre class="t2x-src[^"]*"[^>]*>[^<]*<TABLE' "$tmp/h/ur-20031231.htm" && ok "HTML filing: the inline document holds the HTML as XHTML" || bad "HTML inline document"
expect 0 "verify an HTML filing" "$T2X" verify "$H" "$tmp/h"
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


# verify (design §5): the round trip of each sample against its outputs, the filing's own
# inconsistency listed with its line, one altered fact or character failing with exit 1 and
# the fact or line named, hostile files refused with one line and exit 3
expect 0 "convert the 10-K with the inline document" "$T2X" convert --formats xbrl,dts,ixbrl,report -o "$tmp/v" "$K"
expect 0 "convert the 10-Q with the inline document" "$T2X" convert --formats xbrl,dts,ixbrl,report -o "$tmp/v" "$Q"
[ -s "$tmp/v/alg-20031231.htm" ] && ok "the 10-K's inline document STEM.htm" || bad "no STEM.htm"
# EDGAR's markup rules (EFM 5.2.5; docs/efm.md): the content-type <meta> only, no <style>; the
# source is recorded in the prolog's t2x-source processing instruction, which verify finds
[ "$(grep -o '<meta [^>]*>' "$tmp/v/alg-20031231.htm")" = '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>' ] \
    && ok "the inline document's one <meta> is the content type" || bad "inline <meta>: $(grep -o '<meta [^>]*>' "$tmp/v/alg-20031231.htm" | head -3)"
grep -q '<style' "$tmp/v/alg-20031231.htm" && bad "the inline document has a <style> element" || ok "the inline document has no <style> element"
sed -n 2p "$tmp/v/alg-20031231.htm" | grep -q "^<?t2x-source sha256=\"$(sha256sum < "$K" | cut -c1-64)\" length=\"$(wc -c < "$K")\" encoding=\"windows-1252\"?>" \
    && ok "the t2x-source processing instruction records the source" || bad "t2x-source: $(sed -n 2p "$tmp/v/alg-20031231.htm" | cut -c1-120)"
expect 0 "verify the 10-K with full XML Schema validation" "$T2X" verify --schema "$K" "$tmp/v"
grep -q 'schema-valid; inline document: Inline XBRL 1.1 XHTML schema checked' "$tmp/out" && ok "--schema validates the instance and the inline document" || bad "--schema detail"
expect 0 "verify the 10-K" "$T2X" verify "$K" "$tmp/v"
grep -q 'checked against the 2023 concept table' "$tmp/out" && ok "verify checks the instance against the concept table" || bad "compact check detail"
grep -q '^result: faithful$' "$tmp/out" && ok "verify says faithful" || bad "verify summary: $(tail -1 "$tmp/out")"
grep -q '^  line 1318: us-gaap:LiabilitiesCurrent in I20021231 is 44737864, but its items add up to 4737864' "$tmp/out" \
    && ok "verify lists the 10-K's typo with its line" || bad "verify typo"
grep -q '^  line 1381: .*is 3545379, but its items add up to 3543379 (role ' "$tmp/out" \
    && ok "verify lists the tax note's pre-tax income against the income statement's" || bad "verify tax-note disagreement"
[ "$(grep -c '^  line [0-9]*: ' "$tmp/out")" = 2 ] && ok "verify lists exactly the 10-K's two inconsistencies" || bad "verify inconsistencies: $(grep '^  line' "$tmp/out")"
[ ! -s "$tmp/err" ] && ok "a faithful verify prints nothing on stderr" || bad "verify stderr: $(head -2 "$tmp/err")"
expect 0 "verify the 10-Q" "$T2X" verify "$Q" "$tmp/v"
expect 1 "verify --strict the 10-K (its typo)" "$T2X" verify --strict "$K" "$tmp/v"
expect 0 "verify --json" "$T2X" verify --json "$K" "$tmp/v"
grep -q '"faithful": true' "$tmp/out" && grep -q '"kind": "inconsistency", "check": "calculations", "line": 1318, "concept": "us-gaap:LiabilitiesCurrent"' "$tmp/out" \
    && ok "verify --json report" || bad "verify --json output"
gzip -c "$K" > "$tmp/k.txt.gz"
expect 0 "verify a .gz source against the outputs of the text" "$T2X" verify "$tmp/k.txt.gz" "$tmp/v"
cp -r "$tmp/v" "$tmp/vm"
sed -i 's|contextRef="I20031231" unitRef="USD" decimals="0">3597990<|contextRef="I20031231" unitRef="USD" decimals="0">3597991<|' "$tmp/vm/alg-20031231.xml"
expect 1 "verify an instance with one value altered" "$T2X" verify "$K" "$tmp/vm"
grep -q 'alg-10k-2003.txt:1260: error: us-gaap:CashAndCashEquivalentsAtCarryingValue in I20031231: the instance has 3597991' "$tmp/err" \
    && ok "the altered fact is named with its line" || bad "altered fact message: $(head -2 "$tmp/err")"
cp "$tmp/v/alg-20031231.xml" "$tmp/vm/"
sed -i 's|     Inventories     |     Inventorids     |' "$tmp/vm/alg-20031231.htm"
expect 1 "verify an inline document with one character changed" "$T2X" verify "$K" "$tmp/vm"
grep -q ":1264: error: the inline text differs from the source at line 1264" "$tmp/err" && ok "the changed line is named" || bad "text change message: $(head -2 "$tmp/err")"
cp "$tmp/v/alg-20031231.htm" "$tmp/vm/"
sed -i 's|<span class="t2x-fact"[^>]*><ix:nonFraction name="us-gaap:InventoryNet" contextRef="I20031231"[^>]*>5,458,865</ix:nonFraction></span>|5,458,865|' "$tmp/vm/alg-20031231.htm"
expect 1 "verify an inline document with a tagged number dropped" "$T2X" verify "$K" "$tmp/vm"
grep -q ":1264: error: line 1264: the number 5,458,865 .* is neither tagged nor listed as untagged (the instance has us-gaap:InventoryNet in I20031231 = 5458865)" "$tmp/err" \
    && ok "the dropped number is named with its line and fact" || bad "dropped tag message: $(head -2 "$tmp/err")"
cp "$tmp/v/alg-20031231.htm" "$tmp/vm/"
printf '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<x>&e;</x>\n' > "$tmp/vm/alg-20031231.xml"
expect 3 "verify refuses an external entity" "$T2X" verify "$K" "$tmp/vm"; one_line_error "external entity"
grep -q 'document type declaration' "$tmp/err" && ok "the refusal says why" || bad "refusal message"
cp "$tmp/v/alg-20031231.xml" "$tmp/vm/"
truncate -s 600M "$tmp/vm/alg-20031231.htm"
expect 3 "verify refuses a 600 MB inline document" "$T2X" verify --stem alg-20031231 "$K" "$tmp/vm"; one_line_error "huge file"
expect 2 "verify without a directory" "$T2X" verify "$K"
expect 1 "verify against outputs of another filing" "$T2X" verify "$K" "$tmp/q"; one_line_error "no outputs of this filing"

# --package: the XBRL Report Package 1.0 (STEM.zip: one top-level directory, META-INF, reports/)
expect 0 "convert --package" "$T2X" convert --package -o "$tmp/pkg" "$K"
for f in alg-20031231.zip alg-20031231.xml alg-20031231.xsd alg-20031231_pre.xml alg-20031231_cal.xml \
         alg-20031231_lab.xml alg-20031231_def.xml alg-20031231.report.json; do
    [ -s "$tmp/pkg/$f" ] && ok "--package wrote $f" || bad "--package did not write $f"
done
expect 0 "convert --package --formats report" "$T2X" convert --package --formats report -o "$tmp/pkg2" "$K"
[ -s "$tmp/pkg2/alg-20031231.zip" ] && [ ! -e "$tmp/pkg2/alg-20031231.xml" ] \
    && ok "the package holds the instance without writing it beside" || bad "--package --formats report: $(ls "$tmp/pkg2")"
cmp -s "$tmp/pkg/alg-20031231.zip" "$tmp/pkg2/alg-20031231.zip" && ok "the package is deterministic" || bad "package bytes differ"
if command -v unzip >/dev/null 2>&1; then
    unzip -tq "$tmp/pkg/alg-20031231.zip" >/dev/null && ok "unzip -t: the package is intact" || bad "unzip -t failed"
    unzip -l "$tmp/pkg/alg-20031231.zip" > "$tmp/list"
    for e in alg-20031231/META-INF/reportPackage.json alg-20031231/reports/alg-20031231.xbrl \
             alg-20031231/reports/alg-20031231.xsd alg-20031231/reports/alg-20031231_pre.xml \
             alg-20031231/reports/alg-20031231_cal.xml alg-20031231/reports/alg-20031231_lab.xml \
             alg-20031231/reports/alg-20031231_def.xml; do
        grep -q " $e\$" "$tmp/list" && ok "the package holds $e" || bad "the package lacks $e"
    done
    [ "$(awk 'NR > 3 && $4 ~ /\// {split($4, p, "/"); print p[1]}' "$tmp/list" | sort -u)" = alg-20031231 ] \
        && ok "one top-level directory" || bad "top-level entries: $(cat "$tmp/list")"
    unzip -p "$tmp/pkg/alg-20031231.zip" alg-20031231/META-INF/reportPackage.json | grep -q '"documentType": "https://xbrl.org/report-package/2023"' \
        && ok "reportPackage.json documentType" || bad "reportPackage.json"
    unzip -p "$tmp/pkg/alg-20031231.zip" alg-20031231/reports/alg-20031231.xbrl | cmp -s - "$tmp/pkg/alg-20031231.xml" \
        && ok "the packaged instance is the instance" || bad "packaged instance differs"
else
    echo "# unzip not installed: the package's entries are checked by tests/unit/test_dts only"
fi
# json: the xBRL-JSON report beside the instance
expect 0 "convert --formats xbrl,json" "$T2X" convert --formats xbrl,json -o "$tmp/json" "$Q"
grep -q '"documentType": "https://xbrl.org/2021/xbrl-json"' "$tmp/json/alg-20030331.json" && ok "STEM.json is xBRL-JSON" || bad "STEM.json"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
