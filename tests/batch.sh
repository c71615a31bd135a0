#!/bin/bash
# tests/batch.sh — `txt2xbrl batch` (design §4, README "Batch"): one manifest line per input
# with the right status (samples, truncated gzip, binary, empty, HTML, an 8-K, a 30 MB single
# line, a missing file, a crash at the memory limit, a timeout), valid JSON lines, outputs in
# place and identical to `convert`, --resume after SIGKILL giving the same outputs and manifest
# as an uninterrupted run with no filing done twice, tar.gz members, @list, names on standard
# input with the manifest on standard output, and the README's GNU parallel recipe (skipped
# when GNU parallel is not installed). Run by `make check` with T2X and SRCDIR set.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
export T2X_DATA_DIR="$SRCDIR"
JF="$(dirname "$(dirname "$T2X")")/tests/jsonl_fields" # JSON-lines checker (tests/jsonl_fields.c)
tmp=$(mktemp -d)
trap 'kill -9 $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok()  { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }
skipped() { skip=$((skip + 1)); echo "ok - # SKIP $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
# status_of MANIFEST NAME: the status of the line whose input (or member) ends with NAME
status_of() { "$JF" input member status < "$1" | grep -F "$2\"" | cut -f3 | tr -d '"'; }
# strip the timing fields, which differ between runs
untimed() { sed -E 's/,"ms":[0-9.]+,"rss_kb":[0-9]+,"private_kb":([0-9]+|null)}$/}/' "$1" | sort; }

Q="$SRCDIR/samples/alg-10q-2003q1.txt" K="$SRCDIR/samples/alg-10k-2003.txt"

# ---------------------------------------------------------------- usage
"$T2X" --help > "$tmp/help" 2>&1
check "--help shows batch" "grep -q 'txt2xbrl batch \[-j N\] \[--resume\] -o DIR' '$tmp/help'"
"$T2X" batch "$Q" 2>/dev/null; check "batch without -o: exit 2" "[ $? = 2 ]"
"$T2X" batch -o "$tmp/u" 2>/dev/null; check "batch without input: exit 2" "[ $? = 2 ]"
"$T2X" batch -j 0 -o "$tmp/u" "$Q" 2>/dev/null; check "batch -j 0: exit 2" "[ $? = 2 ]"
"$T2X" batch --resume --manifest - -o "$tmp/u" "$Q" 2>/dev/null; check "--resume with --manifest -: exit 2" "[ $? = 2 ]"

# ---------------------------------------------------------------- good and broken inputs
in="$tmp/in"; mkdir -p "$in"
cp "$Q" "$K" "$in/"
gzip -c "$Q" | head -c 2000 > "$in/cut.txt.gz"
head -c 4096 /dev/urandom > "$in/binary.bin"
: > "$in/empty.txt"
printf '<HTML>\n<HEAD><TITLE>10-K</TITLE></HEAD>\n<BODY>\n<P>Annual report</P>\n<TABLE><TR><TD>Net sales</TD><TD>1,234</TD></TR>\n</BODY>\n</HTML>\n' > "$in/page.htm"  # a table never closed
printf '<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n<TEXT>\nCurrent report\n</TEXT>\n</DOCUMENT>\n' > "$in/8k.txt"
head -c 30000000 /dev/zero | tr '\0' 'x' > "$in/oneline.txt"
mkdir -p "$in/.hidden"; cp "$Q" "$in/.hidden/"   # dot-directories are not walked
n_in=8
out="$tmp/out"
"$T2X" batch -j 2 -o "$out" "$in" "$tmp/missing.txt" > "$tmp/stdout" 2> "$tmp/stderr"
check "mixed batch exits 0" "[ $? = 0 ]"
m="$out/manifest.jsonl"
check "one manifest line per input ($((n_in + 1)))" "[ \$(wc -l < '$m') = $((n_in + 1)) ]"
check "every manifest line is one complete JSON object" "'$JF' < '$m'"
check "(the JSON check rejects a torn line and a bad one)" \
    "! printf '{\"a\":1}\\n{\"a\":' | '$JF' 2>/dev/null && ! printf '{\"a\":01}\\n' | '$JF' 2>/dev/null && printf '{\"a\":[1,{\"b\":null}],\"c\":\"\\\\u00e9\"}\\n' | '$JF'"
check "nothing on standard output" "[ ! -s '$tmp/stdout' ]"
check "summary line on standard error" "grep -q '^txt2xbrl: batch: 9 filings in .*0 ok, 2 warnings, 7 bad-input' '$tmp/stderr'"
for f in alg-10k-2003.txt alg-10q-2003q1.txt; do
    check "$f: warnings (no CIK; the 10-K's typo)" "[ \"\$(status_of '$m' $f)\" = warnings ]"
done
for f in cut.txt.gz binary.bin empty.txt page.htm 8k.txt oneline.txt missing.txt; do
    check "$f: bad-input" "[ \"\$(status_of '$m' $f)\" = bad-input ]"
done
check "the HTML filing's reason is html" "'$JF' input reason < '$m' | grep -q 'page.htm\"	\"html\"'"
check "indexes 0..8, each once" "[ \"\$('$JF' index < '$m' | sort -n | tr '\n' ' ')\" = '0 1 2 3 4 5 6 7 8 ' ]"
check "the 10-K verified" "'$JF' input verify < '$m' | grep -q 'alg-10k-2003.txt\"	\"passed\"'"
check "the 10-K's counts: statements, facts, its inconsistency (the typo; the tax note's other figure is not tagged)" \
    "'$JF' input statements facts inconsistencies < '$m' | grep -Eq 'alg-10k-2003.txt\"	[1-9][0-9]*	[1-9][0-9]*	1$'"
check "outputs of a filing without SEC header in _/NAME/" "[ -s '$out/_/alg-10k-2003/alg-20031231.xml' ] && [ -s '$out/_/alg-10k-2003/alg-20031231.htm' ]"
missing=0
for p in $("$JF" outputs < "$m" | tr -d '[]"' | tr ',' ' '); do [ -s "$out/$p" ] || missing=$((missing + 1)); done
check "every output path in the manifest exists" "[ $missing = 0 ]"
check "no staging or temporary files left" "[ -z \"\$(find '$out' -name '.t2x-*' -o -name '*.tmp*')\" ]"
check "no directory for bad inputs" "[ \$(ls '$out/_' | wc -l) = 2 ]"
"$T2X" convert -o "$tmp/conv" --formats xbrl,dts,ixbrl,json,report "$in/alg-10k-2003.txt" 2>/dev/null
same=1
for f in "$tmp/conv"/*; do cmp -s "$f" "$out/_/alg-10k-2003/$(basename "$f")" || same=0; done
check "batch outputs are byte-identical to convert's" "[ $same = 1 ]"

# ---------------------------------------------------------------- crash and timeout
if ldd "$T2X" 2>/dev/null | grep -q libasan; then
    skipped "memory limit (not enforced under AddressSanitizer)"
else
    # a runaway input (30 MB of lines, under the 32 MB input limit) dies at the memory limit;
    # the next filing gets a fresh worker
    head -c 30000000 /dev/zero | tr '\0' 'x' | fold -w 79 > "$tmp/huge.txt"
    "$T2X" batch -q -j 1 --no-verify --memory 100 -o "$tmp/oom" "$tmp/huge.txt" "$Q" 2>/dev/null
    check "a filing over the memory limit: crash (memory-limit), batch exits 0" \
        "[ $? = 0 ] && '$JF' status reason < '$tmp/oom/manifest.jsonl' | grep -q '^\"crash\"	\"memory-limit\"$'"
    check "the filing after the crash converts in a new worker" "[ \"\$(status_of '$tmp/oom/manifest.jsonl' alg-10q-2003q1.txt)\" = warnings ]"
    rm -f "$tmp/huge.txt"
fi
"$T2X" batch -q -j 1 --no-verify --timeout 0.001 -o "$tmp/to" "$K" "$Q" 2>/dev/null
check "filings over the time limit: timeout lines" "[ \"\$('$JF' status < '$tmp/to/manifest.jsonl' | sort -u)\" = '\"timeout\"' ] && [ \$(wc -l < '$tmp/to/manifest.jsonl') = 2 ]"

# ---------------------------------------------------------------- SIGKILL, then --resume
many="$tmp/many"; mkdir -p "$many"
for i in $(seq -w 1 20); do cp "$Q" "$many/q$i.txt"; cp "$K" "$many/k$i.txt"; done
total=40
opts=(-j 2 --no-verify --formats xbrl,report)
# the reference run gives every filing a fresh process: equal outputs show that a worker's
# earlier filings do not change the next one's
"$T2X" batch -q "${opts[@]}" --jobs-per-worker 1 -o "$tmp/ref" "$many" 2>/dev/null
check "uninterrupted run: $total lines" "[ \$(wc -l < '$tmp/ref/manifest.jsonl') = $total ]"
"$T2X" batch -q "${opts[@]}" --jobs-per-worker 7 -o "$tmp/res" "$many" 2>/dev/null &
bp=$!
for _ in $(seq 1 600); do
    [ -f "$tmp/res/manifest.jsonl" ] && [ "$(wc -l < "$tmp/res/manifest.jsonl")" -ge 6 ] && break
    sleep 0.02
done
kill -9 $bp 2>/dev/null; wait $bp 2>/dev/null
sleep 0.2 # the children die with the parent (PR_SET_PDEATHSIG)
before=$(wc -l < "$tmp/res/manifest.jsonl")
check "killed halfway ($before of $total lines)" "[ $before -ge 6 ] && [ $before -lt $total ]"
check "the killed batch's manifest has only complete lines" "'$JF' < '$tmp/res/manifest.jsonl'"
printf '{"index":99,"input":"torn' >> "$tmp/res/manifest.jsonl" # as if killed mid-write
"$T2X" batch "${opts[@]}" --resume -o "$tmp/res" "$many" 2> "$tmp/resume.err"
check "--resume exits 0" "[ $? = 0 ]"
after=$(wc -l < "$tmp/res/manifest.jsonl")
check "after --resume: $total lines, all valid (torn line cut)" "[ $after = $total ] && '$JF' < '$tmp/res/manifest.jsonl'"
check "no filing converted twice: every index once" "[ -z \"\$('$JF' index < '$tmp/res/manifest.jsonl' | sort | uniq -d)\" ]"
check "--resume converted only the $((total - before)) filings not done, skipped $before" \
    "grep -q ': $((total - before)) filings in .*; $before skipped' '$tmp/resume.err'"
"$T2X" batch "${opts[@]}" --resume -o "$tmp/res" "$many" 2> "$tmp/resume2.err"
check "a second --resume converts nothing" "grep -q ': 0 filings in .*; $total skipped' '$tmp/resume2.err'"
check "same manifest as the uninterrupted run (but for timings)" "cmp -s <(untimed '$tmp/ref/manifest.jsonl') <(untimed '$tmp/res/manifest.jsonl')"
check "same outputs as the uninterrupted run" "diff -r -x manifest.jsonl '$tmp/ref' '$tmp/res' >/dev/null"
check "the killed run's staging area was cleaned up" "[ ! -e '$tmp/res/.t2x-staging' ]"

# ---------------------------------------------------------------- file names that are not UTF-8
# the manifest stays valid UTF-8 JSON: a byte that is no part of a valid UTF-8 sequence is
# written \u00XX (its Latin-1 reading); --resume tells a Latin-1 name from the UTF-8 one
nu="$tmp/nonutf8"; mkdir -p "$nu"
A="$SRCDIR/tests/data/apple-10q-1997-operations.txt"
cp "$A" "$nu/"$'r\xe9sum\xe9.txt'; cp "$A" "$nu/"$'bad\xff\xfe\x01.txt'; cp "$A" "$nu/résumé.txt"
"$T2X" batch -q -j 1 --no-verify --formats xbrl -o "$tmp/nu" "$nu" 2>/dev/null
check "non-UTF-8 names: 3 lines, each valid JSON in valid UTF-8" \
    "[ \$(wc -l < '$tmp/nu/manifest.jsonl') = 3 ] && '$JF' < '$tmp/nu/manifest.jsonl' && iconv -f UTF-8 -t UTF-8 '$tmp/nu/manifest.jsonl' >/dev/null"
check "non-UTF-8 names: the bytes as \\u00XX, UTF-8 kept as it is" \
    "grep -qF '/r\\u00e9sum\\u00e9.txt\"' '$tmp/nu/manifest.jsonl' && grep -qF '/bad\\u00ff\\u00fe\\u0001.txt\"' '$tmp/nu/manifest.jsonl' && grep -qF '/résumé.txt\"' '$tmp/nu/manifest.jsonl'"
check "non-UTF-8 names: converted" "[ \"\$('$JF' status < '$tmp/nu/manifest.jsonl' | sort -u)\" = '\"warnings\"' ]"
"$T2X" batch -j 1 --no-verify --formats xbrl --resume -o "$tmp/nu" "$nu" 2> "$tmp/nu.err"
check "non-UTF-8 names: --resume converts none again" "grep -q ': 0 filings in .*; 3 skipped' '$tmp/nu.err' && [ \$(wc -l < '$tmp/nu/manifest.jsonl') = 3 ]"

# ---------------------------------------------------------------- archives, lists, stdin
mkdir -p "$tmp/arc/feed"
cp "$Q" "$tmp/arc/feed/0001.txt"; gzip -c "$K" > "$tmp/arc/feed/0002.txt.gz"; : > "$tmp/arc/feed/0003.txt"
tar -C "$tmp/arc" -czf "$tmp/feed.tar.gz" feed
"$T2X" batch -q --no-verify --formats xbrl -o "$tmp/tar" "$tmp/feed.tar.gz" 2>/dev/null
tm="$tmp/tar/manifest.jsonl"
check "tar.gz: one line per member" "[ \$(wc -l < '$tm') = 3 ] && '$JF' < '$tm'"
check "tar.gz: members named, statuses right" \
    "[ \"\$('$JF' member status < '$tm' | sort | tr '\t\n' ' |')\" = '\"feed/0001.txt\" \"warnings\"|\"feed/0002.txt.gz\" \"warnings\"|\"feed/0003.txt\" \"bad-input\"|' ]"
check "tar.gz: outputs of members" "[ -s '$tmp/tar/_/0001/alg-20030331.xml' ] && [ -s '$tmp/tar/_/0002/alg-20031231.xml' ]"
head -c 3000 "$tmp/feed.tar.gz" > "$tmp/cut.tar.gz"
"$T2X" batch -q --no-verify --formats xbrl -o "$tmp/cuttar" "$tmp/cut.tar.gz" 2>/dev/null
check "a truncated archive: a bad-input line" "'$JF' input status < '$tmp/cuttar/manifest.jsonl' | grep -q 'cut.tar.gz\"	\"bad-input\"'"

printf '%s\n' "$Q" "$in/empty.txt" > "$tmp/list.txt"
"$T2X" batch -q --no-verify --formats xbrl -o "$tmp/lst" "@$tmp/list.txt" 2>/dev/null
check "@list: one line per name" "[ \$(wc -l < '$tmp/lst/manifest.jsonl') = 2 ]"
printf '%s\n' "$Q" "$K" "$in/binary.bin" | "$T2X" batch -q --no-verify --formats xbrl -o "$tmp/std" --manifest - - > "$tmp/std.jsonl" 2>/dev/null
check "names on stdin, manifest on stdout" "[ \$(wc -l < '$tmp/std.jsonl') = 3 ] && '$JF' < '$tmp/std.jsonl' && [ ! -e '$tmp/std/manifest.jsonl' ]"
check "stdout manifest: outputs under -o" "[ -s '$tmp/std/_/alg-10k-2003/alg-20031231.xml' ]"

# progress: plain lines when standard error is not a terminal
"$T2X" batch -j 1 --no-verify --progress 0.05 -o "$tmp/prog" "$K" "$Q" 2> "$tmp/prog.err"
check "plain progress lines on a non-terminal" "grep -Eq '^txt2xbrl: batch: [0-9]+/2 done, ' '$tmp/prog.err'"

# ---------------------------------------------------------------- GNU parallel (README recipe)
if parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
    ls "$many"/q0[1-3].txt "$many"/k0[1-3].txt > "$tmp/names.txt"
    n=$(wc -l < "$tmp/names.txt")
    # README "batch": the recipe, on this host only (no -S), 2 names per job
    parallel --pipe -N 2 "'$T2X' batch -q -o '$tmp/gp' --manifest - -" \
        < "$tmp/names.txt" > "$tmp/gp.jsonl" 2> "$tmp/gp.err"
    check "GNU parallel: one line per name ($n), valid JSON" "[ \$(wc -l < '$tmp/gp.jsonl') = $n ] && '$JF' < '$tmp/gp.jsonl'"
    check "GNU parallel: every filing converted" "[ \"\$('$JF' status < '$tmp/gp.jsonl' | sort -u)\" = '\"warnings\"' ]"
else
    skipped "GNU parallel recipe (parallel not installed)"
fi

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
