#!/usr/bin/env bash
# tests/efm.sh — the SEC's own filing rules on our outputs (`make efm`; docs/efm.md).
#
# Converts the samples (with --cik) and every text filing of the corpus that has a CIK, then runs
# Arelle with its EDGAR plugin (EFM, efm-pragmatic-all-years, with the DQC rules of us-gaap 2023)
# on each instance and each inline document, offline. Prints a table rule -> count (errors and
# warnings) and fails on any error that docs/efm.md does not list as one that stays (EFM.6.10.01:
# the offline taxonomy cache has no us-gaap/dei label linkbase; the filing's own calculation
# inconsistencies). With RENDER=1 (the default) it also renders the R pages of EDGAR's viewer for
# the samples and RENDER_CORPUS corpus filings and fails on any row shown with a concept name or
# a line number instead of words (skipped, with a line saying so, without python3-matplotlib).
#
# Needs an Arelle checkout with the EDGAR plugin (ARELLE_DIR, default $HOME/arelle: see
# ../shared/docs/arelle.md) and Debian's python3 modules; without them it says so and exits 77
# (skipped). Environment: T2X (the converter), CORPUS (default ../shared/corpus beside the
# sources), ARELLE_CACHE_DIR (taxonomy cache, default ../shared/taxonomy-cache), JOBS (parallel
# Arelle runs, default 2), KEEP=DIR (keep outputs and logs there).
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="$(cd "$here/.." && pwd)"
T2X="${T2X:-$src/converter/txt2xbrl}"
ARELLE_DIR="${ARELLE_DIR:-$HOME/arelle}"
PY="${ARELLE_PYTHON:-/usr/bin/python3}"
CORPUS="${CORPUS:-$src/../shared/corpus}"
[ -d "$CORPUS" ] || CORPUS="$src/../../shared/corpus"
CACHE="${ARELLE_CACHE_DIR:-$(dirname "$CORPUS")/taxonomy-cache}"
JOBS="${JOBS:-2}"
RENDER="${RENDER:-1}"
RENDER_CORPUS="${RENDER_CORPUS:-3}"

skip() { echo "efm: SKIP: $*"; exit 77; }
[ -f "$ARELLE_DIR/arelleCmdLine.py" ] || skip "no Arelle checkout at $ARELLE_DIR (ARELLE_DIR; see ../shared/docs/arelle.md)"
[ -d "$ARELLE_DIR/arelle/plugin/EDGAR/validate" ] || skip "no EDGAR plugin in $ARELLE_DIR/arelle/plugin/EDGAR"
"$PY" -c 'import lxml, isodate, regex, pyparsing, numpy, dateutil, tz' 2>/dev/null \
    || "$PY" -c 'import lxml, isodate, regex, pyparsing, numpy, dateutil, pytz' 2>/dev/null \
    || skip "$PY lacks Arelle's modules (apt-get install python3-lxml python3-isodate …)"
[ -d "$CACHE" ] || skip "no taxonomy cache at $CACHE (ARELLE_CACHE_DIR)"
if [ "$RENDER" = 1 ] && ! "$PY" -c 'import matplotlib' 2>/dev/null; then
    echo "efm: R pages SKIPPED: EDGAR/render needs $PY's matplotlib (apt-get install python3-matplotlib); EFM and DQC still run"
    RENDER=0
fi
[ -d "$ARELLE_DIR/arelle/plugin/EDGAR/render" ] || { [ "$RENDER" = 1 ] && echo "efm: R pages SKIPPED: no EDGAR/render plugin"; RENDER=0; }
[ -x "$T2X" ] || { echo "efm: no converter at $T2X" >&2; exit 2; }
CACHE="$(cd "$CACHE" && pwd)"

work="${KEEP:-$(mktemp -d /tmp/t2x-efm.XXXXXX)}"
mkdir -p "$work"
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- convert
n=0
list="$work/outputs.txt"
: > "$list"
for f in "$src"/samples/*.txt; do
    d="$work/out/sample-$(basename "$f" .txt)"
    "$T2X" convert -o "$d" --cik 12345 "$f" >/dev/null 2>&1
    ls "$d"/*.xml 2>/dev/null | grep -v '_[a-z][a-z][a-z]\.xml$' >> "$list"
    ls "$d"/*.htm 2>/dev/null >> "$list"
done
if [ -f "$CORPUS/MANIFEST.tsv" ]; then
    for f in $(awk -F'\t' 'NR > 1 && $5 == "text" { print $1 }' "$CORPUS/MANIFEST.tsv"); do
        d="$work/out/corpus-${f%.txt}"
        "$T2X" convert -o "$d" "$CORPUS/$f" >/dev/null 2>&1 || continue
        x=$(ls "$d"/*.xml 2>/dev/null | grep -v '_[a-z][a-z][a-z]\.xml$' | head -1)
        grep -q 'scheme="http://www.sec.gov/CIK"' "$x" 2>/dev/null || continue   # the filings with a CIK
        echo "$x" >> "$list"
        ls "$d"/*.htm >> "$list"
    done
else
    echo "efm: no corpus at $CORPUS: the samples only"
fi
n=$(wc -l < "$list")
echo "efm: $n documents ($(grep -c '\.xml$' "$list") instances, $(grep -c '\.htm$' "$list") inline documents); Arelle with EDGAR, $JOBS at a time"

# ---------------------------------------------------------------- Arelle
cat > "$work/arelle.py" <<'EOF'
import sys, runpy, pyparsing
if not hasattr(pyparsing, "DelimitedList"):   # Debian 12's pyparsing 3.0.9
    pyparsing.DelimitedList = pyparsing.delimited_list
d = sys.argv[1]
sys.path.insert(0, d)
sys.argv = [d + "/arelleCmdLine.py"] + sys.argv[2:]
runpy.run_path(d + "/arelleCmdLine.py", run_name="__main__")
EOF
run_one() { # FILE -> FILE.efm.log (and R pages in FILE.r/ when asked)
    local f="$1" cfg
    cfg="$(mktemp -d "$work/cfg.XXXXXX")"
    local extra=(--plugins EDGAR/validate)
    if [ -e "$f.render" ]; then extra=(--plugins 'EDGAR/validate|EDGAR/render' -r "$f.r" --reportFormat Html); fi
    "$PY" "$work/arelle.py" "$ARELLE_DIR" --file "$f" --validate --calc c10 \
        --disclosureSystem efm-pragmatic-all-years "${extra[@]}" \
        --internetConnectivity=offline --cacheDirectory "$CACHE" --httpsRedirectCache \
        --xdgConfigHome "$cfg" --disablePersistentConfig --logLevel warning \
        --logFormat "[%(levelname)s] [%(messageCode)s] %(message)s" > "$f.efm.log" 2>&1
    rm -rf "$cfg"
}
export -f run_one
export work PY ARELLE_DIR CACHE
if [ "$RENDER" = 1 ]; then
    { grep '/sample-.*\.xml$' "$list"; grep '/corpus-.*\.xml$' "$list" | head -n "$RENDER_CORPUS"; } |
        while read -r x; do touch "$x.render"; done
fi
xargs -P "$JOBS" -I{} bash -c 'run_one "$1"' _ {} < "$list"

# ---------------------------------------------------------------- the table
allowed="$here/efm-allowed.tsv"   # rule <TAB> why it stays (docs/efm.md)
"$PY" - "$list" "$allowed" <<'EOF'
import re, sys, collections, os
files = [l.strip() for l in open(sys.argv[1]) if l.strip()]
allowed = {}
for l in open(sys.argv[2]):
    if l.strip() and not l.startswith('#'):
        k, why = l.rstrip('\n').split('\t', 1)
        allowed[k] = why
errs, warns, per = collections.Counter(), collections.Counter(), {}
bad = 0
for f in files:
    c = collections.Counter()
    try:
        text = open(f + '.efm.log', encoding='utf-8', errors='replace').read()
    except OSError:
        text = '[ERROR] [efm.no-log] Arelle did not run'
    for m in re.finditer(r'^\[(\w[\w-]*)\] \[([^\]]*)\]', text, re.M):
        level, code = m.group(1), m.group(2) or '(none)'
        if level in ('ERROR', 'CRITICAL', 'ERROR-SEMANTIC', 'INCONSISTENCY', 'ASSERTION-NOT-SATISFIED'):
            errs[code] += 1
            if code not in allowed:
                c[code] += 1
        elif level.startswith('WARNING'):
            warns[code] += 1
    if c:
        bad += 1
        print('efm: FAIL %s: %s' % (os.path.basename(f), ', '.join('%s %d' % kv for kv in sorted(c.items()))))
print('%-55s %8s %8s  %s' % ('rule', 'errors', 'warnings', 'stays because (docs/efm.md)'))
for code in sorted(set(errs) | set(warns)):
    print('%-55s %8d %8d  %s' % (code, errs[code], warns[code], allowed.get(code, '' if not errs[code] else 'NOT DOCUMENTED')))
opened = sorted(k for k in errs if allowed.get(k, '').startswith('open:'))
if opened:
    print('efm: open (listed, not fixed yet): %s' % ', '.join(opened))
print('efm: %d documents, %d with errors not documented' % (len(files), bad))
sys.exit(1 if bad else 0)
EOF
rc=$?

# ---------------------------------------------------------------- R pages
if [ "$RENDER" = 1 ]; then
    "$PY" - "$work" <<'EOF' || rc=1
import re, glob, html, sys, os
rows = badrows = 0
for d in sorted(glob.glob(os.path.join(sys.argv[1], 'out', '*', '*.xml.r'))):
    pages = glob.glob(os.path.join(d, 'R*.htm'))
    if not pages:
        print('efm: FAIL no R pages rendered in %s' % d); badrows += 1
    for f in pages:
        t = open(f, encoding='utf-8', errors='replace').read()
        for r in re.findall(r'<td class="pl[^"]*"[^>]*>.*?<a[^>]*>(.*?)</a>', t, re.S):
            x = html.unescape(re.sub('<[^>]+>', '', r)).strip()
            rows += 1
            if re.fullmatch(r'[A-Za-z][\w.-]*:\w+', x) or re.search(r'\bline \d+', x):
                badrows += 1
                print('efm: FAIL %s: row shown as "%s"' % (os.path.relpath(f, sys.argv[1]), x))
print('efm: R pages: %d rows, %d shown with a concept name or a line number' % (rows, badrows))
sys.exit(1 if badrows else 0)
EOF
fi
exit $rc
