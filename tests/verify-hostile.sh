#!/bin/bash
# tests/verify-hostile.sh — verify and compare against hostile outputs (issue 12: D1–D3 are in
# tests/unit/test_verify.c, the EX-27 multiplier in test_ex27): out-of-range decimals in
# compare (D19), FIFOs among the outputs (D12), elements with absurd numbers of attributes
# (D13), standard output that cannot be written (D16). Every command runs under a timeout: a hang is a failure, not a stuck suite.
# Run by `make check` with T2X (the binary) and SRCDIR set.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
export T2X_DATA_DIR="$SRCDIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# run WANT NAME CMD...: the command, at most 60 s, must exit WANT (124: it hung)
run() {
    local want=$1 name=$2; shift 2
    timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" = "$want" ]; then pass=$((pass + 1)); echo "ok - $name (exit $got)"
    else fail=$((fail + 1)); echo "not ok - $name: exit $got, wanted $want"; head -c 600 "$tmp/err" | sed 's/^/    /'; fi
}
# says NAME REGEX: standard error holds one line matching REGEX
says() {
    if [ "$(grep -c -E "$2" "$tmp/err")" = 1 ]; then pass=$((pass + 1)); echo "ok - $1"
    else fail=$((fail + 1)); echo "not ok - $1: stderr was:"; head -c 600 "$tmp/err" | sed 's/^/    /'; fi
}

H="$SRCDIR/tests/data/verify-hostile"

# D19: compare rounded both values to 10^2000000000 (clamped to 10^20) and saw no difference
mkdir -p "$tmp/c1" "$tmp/c2"
cp "$H/verify-scale-dos/ur-19971226.xml" "$tmp/c1/"
run 0 "compare: an instance agrees with itself" "$T2X" compare "$tmp/c1" "$tmp/c1"
sed 's/decimals="-6">1578000000</decimals="-2000000000">9578000000</' "$tmp/c1/ur-19971226.xml" > "$tmp/c2/ur-19971226.xml"
grep -q 'decimals="-2000000000"' "$tmp/c2/ur-19971226.xml" || { echo "not ok - test data: no fact edited"; exit 1; }
run 3 "compare: decimals=\"-2000000000\" is refused" "$T2X" compare "$tmp/c1" "$tmp/c2"
says "compare: one line names the decimals" 'ur-19971226.xml:[0-9]+: error: fact Revenues has decimals="-2000000000", not INF or an integer in \[-20, 20\]'

# D12: a FIFO named *.htm blocked verify's search for the outputs, one named *.xml compare,
# forever: only regular files are opened (O_NONBLOCK, then fstat)
A="$SRCDIR/tests/data/apple-10q-1997-operations.txt"
"$T2X" convert -o "$tmp/conv" "$A" 2>/dev/null
stem=$(basename "$(ls "$tmp/conv"/*.htm)" .htm)
mkfifo "$tmp/conv/evil.htm"; cp "$tmp/conv/$stem.xml" "$tmp/conv/evil.xml"; cp "$tmp/conv/$stem.xsd" "$tmp/conv/evil.xsd"
run 0 "verify: a FIFO named *.htm beside the outputs is passed over" "$T2X" verify "$A" "$tmp/conv"
run 3 "verify --stem evil: the FIFO is refused, not opened" "$T2X" verify --stem evil "$A" "$tmp/conv"
says "verify --stem evil: one line says it is not a regular file" 'evil.htm: error: not a regular file'
mkdir "$tmp/fifo"; mkfifo "$tmp/fifo/a.xml"
run 3 "compare: a FIFO named *.xml is refused, not opened" "$T2X" compare "$tmp/fifo" "$tmp/conv"
says "compare: one line says it is not a regular file" 'a.xml: error: not a regular file'
rm -f "$tmp/conv"/evil.*

# D13: 200,000 attributes on one element took libxml2 minutes (a pairwise duplicate check);
# more than 256 per element are refused before parsing, in a linear scan
mkdir "$tmp/attrs"; cp "$tmp/conv"/* "$tmp/attrs/"
inst="$tmp/attrs/$stem.xml"
# attrs N: N attributes more on the instance's root (perl: in Debian's essential perl-base)
attrs() { perl -0pi -e 'BEGIN { $a = join(" ", map { "a$_=\"1\"" } 1 .. '"$1"') } s/<xbrli:xbrl /<xbrli:xbrl $a /' "$inst"; }
attrs 200000
run 3 "verify: an instance with 200,000 attributes on its root is refused" "$T2X" verify "$A" "$tmp/attrs"
says "verify: one line names the limit" 'error: refused: an element with more than 256 attributes'
run 3 "compare: the same instance is refused" "$T2X" compare "$tmp/attrs"
says "compare: one line names the limit" 'error: refused: an element with more than 256 attributes'
# 256 attributes are still read (and are not txt2xbrl's: not faithful, but parsed)
cp "$tmp/conv"/* "$tmp/attrs/"
attrs 240
run 0 "verify: an instance with 240 more attributes on its root is read" "$T2X" verify "$A" "$tmp/attrs"

# work per fact is bounded: 50,000 values of one fact and 20,000 contexts more made the duplicate
# check pairwise over values and printings (hours) and every context lookup a linear scan; now
# sorted and searched (the 50,000 are not the inline document's: not faithful)
mkdir "$tmp/many"; cp "$tmp/conv"/* "$tmp/many/"
perl -0pi -e 'BEGIN {
    $c = join("", map { "<xbrli:context id=\"x$_\"><xbrli:entity><xbrli:identifier scheme=\"urn:t\">E</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>1997-12-26</xbrli:instant></xbrli:period></xbrli:context>\n" } 1 .. 20000);
    $f = join("", map { "<us-gaap:Revenues contextRef=\"D19970927-19971226\" unitRef=\"USD\" decimals=\"0\">$_</us-gaap:Revenues>\n" } 1 .. 50000) }
    s#</xbrli:xbrl>#$c$f</xbrli:xbrl>#' "$tmp/many/$stem.xml"
run 1 "verify: 50,000 values of one fact and 20,000 contexts are reported, in bounded time" "$T2X" verify "$A" "$tmp/many"
grep -q 'us-gaap:Revenues in D19970927-19971226 is tagged as .* and 49993 more: an inconsistent duplicate in the instance' "$tmp/err" \
    && { pass=$((pass + 1)); echo "ok - verify: the duplicates' message names 8 values and counts the rest"; } \
    || { fail=$((fail + 1)); echo "not ok - verify: duplicates message: $(grep -m1 'tagged as' "$tmp/err" | cut -c1-200)"; }
run 0 "compare: the same instance against the original (its first value agrees), in bounded time" "$T2X" compare "$tmp/many" "$tmp/conv"

# D16: verify, inspect and compare exited 0 when their report could not be written
if [ -w /dev/full ]; then
    for cmd in "verify --json $A $tmp/conv" "inspect $A" "compare $tmp/conv $tmp/conv" "--version"; do
        run 4 "${cmd%% *} > /dev/full" sh -c "exec \"\$0\" $cmd > /dev/full" "$T2X"
        says "${cmd%% *} > /dev/full: one line says so" 'cannot write to standard output: No space left on device'
    done
fi

echo "# $pass passed, $fail failed"
[ "$fail" = 0 ]
