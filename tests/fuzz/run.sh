#!/bin/sh
# tests/fuzz/run.sh SECONDS [TARGET...] — `make fuzz-run`: run each libFuzzer target (default:
# convert verify manifest) for SECONDS under `nice`, on a scratch corpus BUILD/tests/fuzz/work/
# TARGET seeded from tests/fuzz/corpus/TARGET, with its dictionary. Prints per target the
# executions, the edge coverage (libFuzzer's "cov") at start and at the end, and the corpus
# size. A crash, a leak, a timeout (20 s) or an out-of-memory (2 GB) leaves its input in
# BUILD/tests/fuzz/work/artifacts/ and makes the run exit 1: copy it into
# tests/fuzz/regress/TARGET/ (make check replays it) and fix the bug.
# Environment: SRCDIR, BUILDDIR (set by Makefile.am); FUZZ_JOBS (parallel runs, default 1).
set -u
: "${SRCDIR:?}" "${BUILDDIR:?}"
secs=${1:-60}
shift 2>/dev/null || true
targets=${*:-convert verify manifest}
bin="$BUILDDIR/tests/fuzz"
if [ ! -x "$bin/fuzz_convert" ]; then
    echo "make fuzz-run: no fuzz targets built (make fuzz needs clang); nothing run"
    exit 0
fi
work="$bin/work"
mkdir -p "$work/artifacts"
export T2X_DATA_DIR="$SRCDIR"
status=0
for t in $targets; do
    mkdir -p "$work/$t"
    case $t in manifest) max=4096 ;; *) max=65536 ;; esac
    log="$work/$t.log"
    nice "$bin/fuzz_$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len="$max" \
        -dict="$SRCDIR/tests/fuzz/$t.dict" -artifact_prefix="$work/artifacts/$t-" -print_final_stats=1 \
        "$work/$t" "$SRCDIR/tests/fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    cov0=$(sed -n 's/.*INITED cov: \([0-9]*\).*/\1/p' "$log" | head -1)
    cov1=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
    echo "fuzz $t: ${secs} s, ${execs:-?} executions, edge coverage ${cov0:-?} -> ${cov1:-?}, corpus $(ls "$work/$t" | wc -l) new inputs, exit $rc"
    if [ "$rc" != 0 ]; then
        status=1
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -8 | sed 's/^/    /'
    fi
done
exit $status
