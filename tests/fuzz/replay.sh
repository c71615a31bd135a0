#!/bin/sh
# tests/fuzz/replay.sh — run by `make check`: every fuzz target of tests/fuzz/, built with the
# project's compiler and linked with replay.c, runs its seed corpus and every input that once
# crashed it (tests/fuzz/regress/TARGET/). Under the sanitizer build this is the regression
# test of each crash the fuzzers found. T2X and SRCDIR as for the other tests.
set -u
: "${T2X:?}" "${SRCDIR:?}"
bin=$(dirname "$(dirname "$T2X")")/tests/fuzz
export T2X_DATA_DIR="$SRCDIR"
status=0
for t in convert verify manifest; do
    set -- "$SRCDIR/tests/fuzz/corpus/$t"
    [ -d "$SRCDIR/tests/fuzz/regress/$t" ] && set -- "$@" "$SRCDIR/tests/fuzz/regress/$t"
    if "$bin/replay_$t" "$@"; then echo "ok - fuzz_$t replays its corpus"; else echo "not ok - fuzz_$t"; status=1; fi
done
exit $status
