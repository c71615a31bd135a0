#!/bin/sh
# tests/fuzz/build.sh — `make fuzz`: build the libFuzzer targets of tests/fuzz/ with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer into BUILD/tests/fuzz/. The library sources
# are compiled once into BUILD/tests/fuzz/obj/ (again when a source or a header is newer).
# Without clang, or with a clang that has no libFuzzer, it says so and exits 0.
# Environment (set by Makefile.am): FUZZ_CC, SRCDIR, BUILDDIR, FUZZ_CPPFLAGS, FUZZ_LIBS.
# Arguments: the library's sources (libt2x_la_SOURCES; headers are skipped).
set -eu
: "${SRCDIR:?}" "${BUILDDIR:?}"
CC=${FUZZ_CC:-}
if [ -z "$CC" ] || ! command -v "$CC" >/dev/null 2>&1; then
    echo "make fuzz: clang not found (configure looks for clang, clang-19 … clang-14); the fuzz targets are not built"
    exit 0
fi
out="$BUILDDIR/tests/fuzz"
mkdir -p "$out/obj"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=undefined"
CFLAGS="-std=c11 -g -O1 -fno-omit-frame-pointer $SAN -I$SRCDIR/converter -I$SRCDIR/tests/fuzz ${FUZZ_CPPFLAGS:-}"
probe="$out/obj/probe"
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { (void)d; (void)n; return 0; }\n' > "$probe.c"
if ! "$CC" -fsanitize=fuzzer $SAN "$probe.c" -o "$probe" >/dev/null 2>&1; then
    echo "make fuzz: $CC cannot build libFuzzer targets (-fsanitize=fuzzer); the fuzz targets are not built"
    exit 0
fi
rm -f "$probe" "$probe.c"
newest_h=$(ls -t "$SRCDIR"/converter/*.h "$SRCDIR"/tests/fuzz/*.h | head -1)
# compile FILE.c into obj/NAME.o unless it is up to date (instrumented for libFuzzer's coverage)
compile() {
    o="$out/obj/$(basename "$1" .c).o"
    if [ ! -f "$o" ] || [ "$1" -nt "$o" ] || [ "$newest_h" -nt "$o" ]; then
        echo "  FUZZCC   $1"
        "$CC" $CFLAGS -fsanitize=fuzzer-no-link -c "$SRCDIR/$1" -o "$o"
    fi
}
lib=""
for s in "$@"; do
    case "$s" in *.c) compile "$s"; lib="$lib $out/obj/$(basename "$s" .c).o" ;; esac
done
compile converter/jsonl.c
for t in convert verify manifest; do
    compile "tests/fuzz/fuzz_$t.c"
    objs="$out/obj/fuzz_$t.o"
    if [ "$t" = manifest ]; then objs="$objs $out/obj/jsonl.o"; else objs="$objs $lib"; fi
    stale=0
    for o in $objs; do [ "$o" -nt "$out/fuzz_$t" ] && stale=1; done
    [ -f "$out/fuzz_$t" ] && [ "$stale" = 0 ] && continue
    echo "  FUZZLD   tests/fuzz/fuzz_$t"
    "$CC" -fsanitize=fuzzer $SAN $objs ${FUZZ_LIBS:-} -o "$out/fuzz_$t"
done
# the HTML reader's target (fuzz_html.c) joins the list above once converter/html*.c is on main
echo "make fuzz: built $out/fuzz_convert, fuzz_verify, fuzz_manifest (make fuzz-run FUZZ_SECONDS=N runs them)"
