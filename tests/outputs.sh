#!/bin/bash
# tests/outputs.sh — output safety (issue 12; README "Command line", "Batch"): convert puts a
# filing's set of outputs in place whole (a symbolic link planted at a temporary name, a full
# disk, SIGTERM/SIGINT/SIGKILL while writing leave the earlier set, never a mix or a stray
# file); file names with control or Latin-1 bytes give well-formed outputs; batch never writes
# through a symlinked manifest, never deletes through a symlinked staging directory, gives two
# inputs with one CIK+accession two directories, and --resume keeps one line per input.
# The disk-full test on a small tmpfs runs as root only and the signal tests need strace:
# each is skipped otherwise. Run by `make check` with T2X and SRCDIR set.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
export T2X_DATA_DIR="$SRCDIR"
JF="$(dirname "$(dirname "$T2X")")/tests/jsonl_fields" # JSON-lines checker (tests/jsonl_fields.c)
tmp=$(mktemp -d)
mnt=
trap '[ -n "$mnt" ] && umount "$mnt" 2>/dev/null; rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok()  { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }
skipped() { skip=$((skip + 1)); echo "ok - # SKIP $1"; }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }

Q="$SRCDIR/samples/alg-10q-2003q1.txt" S=alg-20030331
# the 10-Q's outputs with the default formats
NAMES="$S.xml $S.xsd ${S}_pre.xml ${S}_cal.xml ${S}_lab.xml ${S}_def.xml $S.htm $S.json $S.report.json"

# earlier DIR: a complete set converted with --cik 1111 (the CIK is in every output but the
# label linkbase and the empty definition one, so a mix shows)
earlier() { rm -rf "$1"; "$T2X" convert -o "$1" --cik 1111 "$Q" 2>/dev/null; }
# only_earlier DIR: DIR holds exactly the earlier set (every output readable, none of the new
# conversion's CIK 2222), and nothing else but the sets' directory
only_earlier() {
    local d=$1 f
    for f in $NAMES; do [ -r "$d/$f" ] || return 1; done
    grep -q 0000002222 "$d"/$S* && return 1
    grep -q 0000001111 "$d/$S.xml" || return 1
    [ "$(ls -A "$d" | sort | tr '\n' ' ')" = "$(printf '%s\n' .t2x $NAMES | sort | tr '\n' ' ')" ]
}
# no_stray DIR: nothing in DIR/.t2x but the sets
no_stray() { [ -d "$1/.t2x" ] && [ -z "$(ls -A "$1/.t2x" | grep -v "^$S\$")" ]; }

# ---------------------------------------------------------------- the layout
"$T2X" convert -o "$tmp/a" "$Q" 2>/dev/null
check "convert: every output of the set is readable in DIR" "for f in $NAMES; do [ -s '$tmp/a/'\$f ] || exit 1; done"
check "convert: DIR/STEM.xml is a link into DIR/.t2x/STEM/" "[ \"\$(readlink '$tmp/a/$S.xml')\" = '.t2x/$S/$S.xml' ]"
"$T2X" verify "$Q" "$tmp/a" >/dev/null 2>&1
check "verify reads the set through the links" "[ $? = 0 ]"
"$T2X" convert -o "$tmp/a" --formats xbrl,report "$Q" 2>/dev/null
check "a new set with fewer formats removes the links of the others" \
    "[ \"\$(ls '$tmp/a' | tr '\n' ' ')\" = '$S.report.json $S.xml ' ] && [ \"\$(ls '$tmp/a/.t2x/$S' | wc -l)\" = 2 ]"
"$T2X" convert -o "$tmp/a" "$SRCDIR/samples/alg-10k-2003.txt" 2>/dev/null
check "a second filing's set sits beside the first" "[ -s '$tmp/a/alg-20031231.xml' ] && [ -s '$tmp/a/$S.xml' ]"

# ---------------------------------------------------------------- D4: a planted temporary name
mkdir -p "$tmp/d4"
echo "VICTIM" > "$tmp/victim"
# the links at the names the old code used, PATH.tmp.PID, made by the process that becomes convert
NAMES="$NAMES" V="$tmp/victim" D="$tmp/d4" bash -c 'for f in $NAMES; do ln -s "$V" "$D/$f.tmp.$$"; done
    exec "$0" convert -o "$D" "$1"' "$T2X" "$Q" 2>/dev/null
check "D4: links planted at STEM.*.tmp.PID are not written through" "[ \"\$(cat '$tmp/victim')\" = VICTIM ] && [ -s '$tmp/d4/$S.xml' ]"
rm -rf "$tmp/d4"; mkdir -p "$tmp/d4"; ln -s "$tmp/elsewhere" "$tmp/d4/.t2x"
"$T2X" convert -o "$tmp/d4" "$Q" 2>"$tmp/err"
check "a symbolic link at DIR/.t2x is refused (exit 4, nothing written through it)" "[ $? = 4 ] && [ ! -e '$tmp/elsewhere' ]"

# ---------------------------------------------------------------- D8: no space left
# a file size limit (RLIMIT_FSIZE, SIGXFSZ ignored: EFBIG) of 40 KB: the XBRL instance (28 KB)
# fits, the inline document (98 KB) does not
earlier "$tmp/fs"
(trap '' XFSZ; ulimit -f 40; exec "$T2X" convert -o "$tmp/fs" --cik 2222 "$Q") 2>"$tmp/err"
rc=$?
check "D8: a write failing mid-set (EFBIG) exits 4 with one error line" "[ $rc = 4 ] && [ \$(grep -c error '$tmp/err') = 1 ]"
check "D8: … and leaves the earlier set whole, no stray file" "only_earlier '$tmp/fs' && no_stray '$tmp/fs'"
rm -rf "$tmp/fs2"
(trap '' XFSZ; ulimit -f 40; exec "$T2X" convert -o "$tmp/fs2" --cik 2222 "$Q") 2>/dev/null
check "D8: … and nothing where there was nothing" "[ -z \"\$(ls -A '$tmp/fs2' 2>/dev/null)\" ]"
mnt="$tmp/mnt"
mkdir -p "$mnt"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=500k tmpfs "$mnt" 2>/dev/null; then
    earlier "$mnt/out"
    "$T2X" convert -o "$mnt/out" --cik 2222 "$Q" 2>"$tmp/err"
    rc=$?
    check "D8: ENOSPC on a full tmpfs exits 4" "[ $rc = 4 ] && grep -q 'No space left' '$tmp/err'"
    check "D8: … and leaves the earlier set whole, no stray file" "only_earlier '$mnt/out' && no_stray '$mnt/out'"
    umount "$mnt"
else
    skipped "D8: ENOSPC on a small tmpfs (needs root and mount)"
fi
mnt=

# ---------------------------------------------------------------- D8: signals while writing
if command -v strace >/dev/null && strace -f -o /dev/null -e trace=fsync true 2>/dev/null; then
    for sig in TERM INT KILL; do
        for n in 1 3 9; do
            earlier "$tmp/sg"
            (strace -f -o /dev/null -e trace=fsync -e inject=fsync:signal=SIG$sig:when=$n \
                "$T2X" convert -o "$tmp/sg" --cik 2222 "$Q"; exit $?) 2>/dev/null # no "Killed" from bash
            rc=$?
            check "D8: SIG$sig at fsync $n: killed (rc $rc) leaving the earlier set whole" \
                "[ $rc -ge 128 ] && only_earlier '$tmp/sg'"
            [ $sig = KILL ] || check "D8: SIG$sig at fsync $n: no stray staging" "no_stray '$tmp/sg'"
        done
    done
    "$T2X" convert -o "$tmp/sg" --cik 2222 "$Q" 2>/dev/null
    check "the next convert removes the staging a SIGKILL left, and puts the new set in place" \
        "no_stray '$tmp/sg' && ! grep -q 0000001111 '$tmp/sg/$S.xml'"
else
    skipped "D8: signals while writing (strace not available)"
fi

# ---------------------------------------------------------------- D11: file names
A="$SRCDIR/tests/data/apple-10q-1997-operations.txt"
mkdir -p "$tmp/names"
for n in $'r\xe9sum\xe9.txt' $'x\x01y.txt' $'tab\there.txt' $'bad\xff\xfe.txt' 'a--b-.txt'; do
    cp "$A" "$tmp/names/$n"
    rm -rf "$tmp/nm"
    "$T2X" convert -o "$tmp/nm" "$tmp/names/$n" 2>/dev/null
    rc=$?
    shown=$(printf '%q' "$n")
    check "D11: $shown: convert exits 0" "[ $rc = 0 ]"
    check "D11: $shown: every XML output is well-formed" "xmllint --noout '$tmp/nm'/*.xml '$tmp/nm'/*.xsd 2>/dev/null"
    check "D11: $shown: the JSON outputs are valid UTF-8 JSON" \
        "python3 -c 'import json,sys; [json.loads(open(f,\"rb\").read().decode(\"utf-8\")) for f in sys.argv[1:]]' '$tmp/nm'/*.json"
    "$T2X" verify "$tmp/names/$n" "$tmp/nm" >/dev/null 2>&1
    check "D11: $shown: verify passes" "[ $? = 0 ]"
done
rm -rf "$tmp/nm"; "$T2X" convert -o "$tmp/nm" "$tmp/names/"$'r\xe9sum\xe9.txt' 2>/dev/null
check "D11: a Latin-1 name is read as Windows-1252 (é)" "grep -q 'from résumé.txt' '$tmp/nm/ur-19971226.xml'"

# ---------------------------------------------------------------- batch: D5, D6
B="$SRCDIR/tests/data/bms-10q-1997-03-31.txt"
mkdir -p "$tmp/b5"
printf 'VICTIM 1\nVICTIM 2\n' > "$tmp/victim5"
ln -s "$tmp/victim5" "$tmp/b5/manifest.jsonl"
"$T2X" batch -q -j1 --no-verify -o "$tmp/b5" "$A" 2>"$tmp/err"
check "D5: a symlinked manifest is refused (exit 4, one line)" "[ $? = 4 ] && [ \$(wc -l < '$tmp/err') = 1 ]"
check "D5: … and its target is untouched" "[ \"\$(cat '$tmp/victim5')\" = \"\$(printf 'VICTIM 1\nVICTIM 2')\" ]"
"$T2X" batch -q -j1 --no-verify --resume -o "$tmp/b5" "$A" 2>/dev/null
check "D5: … with --resume too" "[ $? = 4 ] && [ \"\$(cat '$tmp/victim5')\" = \"\$(printf 'VICTIM 1\nVICTIM 2')\" ]"
host=$(hostname | tr './' '__')
mkdir -p "$tmp/b6" "$tmp/else/$host.999999/keep" "$tmp/else/$host.999998.abcdef"
echo precious > "$tmp/else/$host.999999/keep/file"
ln -s "$tmp/else" "$tmp/b6/.t2x-staging"
"$T2X" batch -q -j1 --no-verify -o "$tmp/b6" "$A" 2>/dev/null
check "D6: a symlinked staging directory is refused (exit 4)" "[ $? = 4 ]"
check "D6: … and nothing outside the output root is deleted" "[ \$(find '$tmp/else' | wc -l) = 5 ]"
rm "$tmp/b6/.t2x-staging"; mkdir -p "$tmp/b6/.t2x-staging/$host.999999"
"$T2X" batch -q -j1 --no-verify -o "$tmp/b6" "$A" 2>/dev/null
check "a real staging directory: a dead batch's staging is removed" "[ $? = 0 ] && [ ! -e '$tmp/b6/.t2x-staging' ]"

# ---------------------------------------------------------------- batch: D7, D19
# two inputs with one CIK + accession and other bytes: two directories, each its input's
cp "$B" "$tmp/full.txt"; { cat "$B"; echo 'an extra line at the end'; } > "$tmp/edited.txt"
"$T2X" batch -q -j2 --formats ixbrl,report --no-verify -o "$tmp/b7" "$tmp/full.txt" "$tmp/edited.txt" 2>/dev/null
owners_ok() { # every line's directory holds the outputs of that line's input
    "$JF" dir sha256 < "$1" | tr -d '"' | while IFS=$'\t' read -r d sha; do
        grep -q "<?t2x-source sha256=\"$sha\"" "$2/$d"/*.htm || exit 1
    done
}
check "D7: two lines, two directories" "[ \$('$JF' dir < '$tmp/b7/manifest.jsonl' | sort -u | wc -l) = 2 ]"
check "D7: each directory holds its own input's outputs" "owners_ok '$tmp/b7/manifest.jsonl' '$tmp/b7'"
check "D7: the second gets ~2 and a warning" \
    "'$JF' dir status diagnostics < '$tmp/b7/manifest.jsonl' | grep -q '~2\"	\"warnings\"	.*same-accession'"
"$T2X" batch -q -j2 --formats ixbrl,report --no-verify -o "$tmp/b7" "$tmp/full.txt" "$tmp/edited.txt" 2>/dev/null
check "D7: a rerun replaces the same two directories" \
    "[ \$(ls '$tmp/b7/14272' | wc -l) = 2 ] && owners_ok '$tmp/b7/manifest.jsonl' '$tmp/b7'"
# --resume after an input changed: its line is replaced, not doubled
"$T2X" batch -q -j1 --formats xbrl --no-verify -o "$tmp/b19" "$tmp/full.txt" "$Q" 2>/dev/null
echo 'one more line' >> "$tmp/full.txt"
"$T2X" batch -q -j1 --formats xbrl --no-verify --resume -o "$tmp/b19" "$tmp/full.txt" "$Q" 2>/dev/null
check "D19: --resume after an input changed: exit 0" "[ $? = 0 ]"
check "D19: one line per index, valid JSON" \
    "'$JF' < '$tmp/b19/manifest.jsonl' && [ \$(wc -l < '$tmp/b19/manifest.jsonl') = 2 ] && [ -z \"\$('$JF' index < '$tmp/b19/manifest.jsonl' | sort | uniq -d)\" ]"
check "D19: the changed input's line has its new digest" \
    "'$JF' sha256 < '$tmp/b19/manifest.jsonl' | grep -q \"\$(sha256sum '$tmp/full.txt' | cut -c1-64)\""
check "D19: the changed input's outputs replaced its directory (no ~2)" "[ \$(ls '$tmp/b19/14272' | wc -l) = 1 ]"

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
