# tests/testlib.sh — helpers the shell suites source (after setting T2X and SRCDIR): a scratch
# directory $tmp removed on exit, TAP-like ok/bad lines and their counts, and checks of one
# command's exit status, standard error and outputs.
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
# no_output DIR NAME: DIR is absent or empty
no_output() {
    if [ -z "$(ls -A "$1" 2>/dev/null)" ]; then ok "$2: no output left behind"; else bad "$2: left $(ls "$1")"; fi
}
# stderr_has NAME PATTERN: the last command's standard error holds PATTERN
stderr_has() { if grep -q -- "$2" "$tmp/err"; then ok "$1"; else bad "$1: stderr lacks '$2'"; sed 's/^/    /' "$tmp/err" | head -5; fi; }
