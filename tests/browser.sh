#!/bin/bash
# tests/browser.sh — the inline document (STEM.htm) in a real browser: headless Chromium
# parses it as HTML (as a user's browser does, from a .htm file), and a test-only harness
# page (the document itself has no script) reads the rendered DOM:
#   - the text of the <pre class="t2x-src"> blocks, with span.t2x-ctl back to its byte, is
#     the filing's text decoded as Windows-1252, character for character;
#   - every tagged number is highlighted (span.t2x-fact has the highlight background) and has
#     a title naming its concept and period; the ix:header is not displayed;
# on both samples and on a copy of the 10-Q with CR LF line ends, a form feed and Windows-1252
# punctuation. A screenshot of the 10-K's balance sheet is taken as well.
# Run by `make check` with T2X and SRCDIR set; skipped (77) when /usr/bin/chromium is absent.
set -u
T2X=${T2X:?} SRCDIR=${SRCDIR:?}
export T2X_DATA_DIR="$SRCDIR"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then echo "skip: $CHROMIUM not installed"; exit 77; fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "not ok - $1"; }

chromium() {
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --disable-extensions \
        --user-data-dir="$(mktemp -d -p "$tmp")" "$@" 2>>"$tmp/chromium.log"
}

# harness NAME TXT HTM: a page that loads HTM in a frame and writes its findings as JSON
harness() {
    cat > "$tmp/$1.html" <<EOF
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>pending</title></head><body>
<iframe id="f" src="$3" width="1280" height="900"></iframe>
<pre id="out">pending</pre>
<script>
function byte1252(b) { return new TextDecoder('windows-1252').decode(new Uint8Array([b])); }
function restore(doc) {
  var out = '';
  doc.querySelectorAll('pre.t2x-src').forEach(function (b) {
    (function walk(n) {
      n.childNodes.forEach(function (c) {
        if (c.nodeType === 3) { out += c.data; return; }
        if (c.nodeType !== 1) return;
        var cls = ' ' + (c.getAttribute('class') || '') + ' ', m = / t2x-x([0-9A-F]{2}) /.exec(cls);
        if (cls.indexOf(' t2x-ctl ') >= 0 && m) out += byte1252(parseInt(m[1], 16)); else walk(c);
      });
    })(b);
  });
  return out;
}
function check() {
  var d = document.getElementById('f').contentDocument, r = {};
  var x = new XMLHttpRequest();
  x.open('GET', '$2', false);
  x.overrideMimeType('text/plain; charset=windows-1252');
  x.send();
  var src = x.responseText, text = restore(d);
  r.source_chars = src.length;
  r.text_chars = text.length;
  r.text_equal = src === text;
  if (!r.text_equal) {
    var i = 0; while (i < src.length && src[i] === text[i]) i++;
    r.first_difference = i;
    r.source_near = JSON.stringify(src.substr(i, 20));
    r.text_near = JSON.stringify(text.substr(i, 20));
  }
  var facts = d.querySelectorAll('span.t2x-fact');
  r.facts = facts.length;
  r.ix_nonfraction = d.getElementsByTagName('ix:nonFraction').length;
  r.statements = d.querySelectorAll('pre.t2x-stmt').length;
  var hl = 0, titled = 0;
  facts.forEach(function (s) {
    if (getComputedStyle(s).backgroundColor === 'rgb(255, 241, 168)') hl++;
    if (/^[a-z-]+:[A-Za-z]+ \| [0-9]{4}-[0-9]{2}-[0-9]{2}/.test(s.getAttribute('title') || '')) titled++;
  });
  r.highlighted = hl;
  r.titled = titled;
  var h = d.getElementsByTagName('ix:header')[0];
  r.header_hidden = !!h && getComputedStyle(h.parentNode).display === 'none' && h.getBoundingClientRect().height === 0;
  r.monospace = /mono|courier/i.test(getComputedStyle(d.querySelector('pre.t2x-src')).fontFamily);
  document.getElementById('out').textContent = 'RESULT ' + JSON.stringify(r) + ' END';
  document.title = 'done';
}
document.getElementById('f').addEventListener('load', check);
</script>
</body></html>
EOF
}

# check NAME TXT DIR STEM: run the harness and judge its findings
check() {
    local name=$1 txt=$2 dir=$3 stem=$4
    cp "$txt" "$dir/source.txt"
    harness "$name" source.txt "$stem.htm"
    mv "$tmp/$name.html" "$dir/harness.html"
    chromium --allow-file-access-from-files --virtual-time-budget=20000 --dump-dom "file://$dir/harness.html" > "$tmp/$name.dom"
    local res; res=$(grep -o 'RESULT {[^}]*} END' "$tmp/$name.dom" | sed 's/^RESULT //; s/ END$//')
    if [ -z "$res" ]; then bad "$name: the harness produced no result"; tail -5 "$tmp/chromium.log" | sed 's/^/    /'; return; fi
    echo "    $name: $res"
    local want_facts; want_facts=$(grep -o '<ix:nonFraction ' "$dir/$stem.htm" | wc -l)
    echo "$res" | grep -q '"text_equal":true' && ok "$name: the rendered text is the filing's text" || bad "$name: rendered text differs"
    local facts hl titled ixn
    facts=$(echo "$res" | sed 's/.*"facts":\([0-9]*\).*/\1/')
    hl=$(echo "$res" | sed 's/.*"highlighted":\([0-9]*\).*/\1/')
    titled=$(echo "$res" | sed 's/.*"titled":\([0-9]*\).*/\1/')
    ixn=$(echo "$res" | sed 's/.*"ix_nonfraction":\([0-9]*\).*/\1/')
    [ "$facts" -gt 50 ] && [ "$hl" = "$facts" ] && ok "$name: all $facts tagged numbers highlighted" || bad "$name: $hl of $facts highlighted"
    [ "$titled" = "$facts" ] && ok "$name: every tagged number shows concept and period on hover" || bad "$name: $titled of $facts titled"
    [ "$ixn" = "$want_facts" ] && ok "$name: the browser sees all $ixn ix:nonFraction" || bad "$name: $ixn ix:nonFraction in the DOM, $want_facts in the file"
    echo "$res" | grep -q '"header_hidden":true' && ok "$name: ix:header not displayed" || bad "$name: ix:header visible"
    echo "$res" | grep -q '"monospace":true' && ok "$name: preformatted in a monospace font" || bad "$name: font"
}

Q="$SRCDIR/samples/alg-10q-2003q1.txt" K="$SRCDIR/samples/alg-10k-2003.txt"
"$T2X" convert --formats xbrl,dts,ixbrl -o "$tmp/q" "$Q" 2>/dev/null && ok "convert the 10-Q" || bad "convert the 10-Q"
"$T2X" convert --formats xbrl,dts,ixbrl -o "$tmp/k" "$K" 2>/dev/null && ok "convert the 10-K" || bad "convert the 10-K"
check 10-Q "$Q" "$tmp/q" alg-20030331
check 10-K "$K" "$tmp/k" alg-20031231

# CR LF line ends, a form feed, Windows-1252 quotes and dash, a byte Windows-1252 leaves undefined
awk 'NR == 4 { printf "\f\r\n\223Quoted\224 \226 dash \201 end\r\n" } { printf "%s\r\n", $0 }' "$Q" > "$tmp/exotic.txt"
"$T2X" convert --formats xbrl,dts,ixbrl -o "$tmp/x" "$tmp/exotic.txt" 2>/dev/null && ok "convert the CR LF copy" || bad "convert the CR LF copy"
check exotic "$tmp/exotic.txt" "$tmp/x" alg-20030331

# an HTML filing: its inline document is its HTML as XHTML (docs/inline.md "HTML filings"); the
# browser, parsing it as HTML, must see the text an XML parser sees in div.t2x-html (white space
# runs as one space), every ix:nonFraction, every tagged number highlighted
html_check() {
    local name=$1 src=$2 dir=$3
    "$T2X" convert -o "$dir" "$src" 2>/dev/null && ok "$name: convert the HTML filing" || { bad "$name: convert"; return; }
    local htm; htm=$(cd "$dir" && ls *.htm | head -1)
    sed "s|@HTM@|$htm|" > "$dir/harness.html" <<'PAGE'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>pending</title></head><body>
<iframe id="f" src="@HTM@" width="1200" height="800"></iframe>
<pre id="out"></pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = this.contentDocument, t = '';
  d.querySelectorAll('div.t2x-html').forEach(function (b) { t += b.textContent; });
  t = t.replace(/[ \t\n\r\f]+/g, ' ').trim();
  var h = 2166136261;
  for (var i = 0; i < t.length; i++) { h ^= t.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
  var facts = d.querySelectorAll('span.t2x-fact'), hl = 0;
  facts.forEach(function (f) { if (getComputedStyle(f).backgroundColor !== 'rgba(0, 0, 0, 0)') hl++; });
  var ixn = d.getElementsByTagName('ix:nonFraction').length;
  document.getElementById('out').textContent = 'RESULT {"length":' + t.length + ',"hash":' + h + ',"facts":' + facts.length +
    ',"highlighted":' + hl + ',"ix_nonfraction":' + ixn + '} END';
});
</script></body></html>
PAGE
    chromium --allow-file-access-from-files --virtual-time-budget=30000 --dump-dom "file://$dir/harness.html" > "$tmp/$name.dom"
    local res; res=$(grep -o 'RESULT {[^}]*} END' "$tmp/$name.dom" | sed 's/^RESULT //; s/ END$//')
    if [ -z "$res" ]; then bad "$name: the harness produced no result"; return; fi
    echo "    $name: $res"
    # the same text and hash (over UTF-16 code units, as JavaScript counts) from an XML parser
    local want; want=$(/usr/bin/python3 - "$dir/$htm" <<'PY'
import re, sys, xml.etree.ElementTree as ET
X = '{http://www.w3.org/1999/xhtml}'
t = ''.join(''.join(d.itertext()) for d in ET.parse(sys.argv[1]).iter(X + 'div') if d.get('class') == 't2x-html')
t = re.sub('[ \t\n\r\f]+', ' ', t).strip()
u = t.encode('utf-16-le')
h = 2166136261
for i in range(0, len(u), 2):
    h = ((h ^ (u[i] | u[i + 1] << 8)) * 16777619) & 0xFFFFFFFF
print('"length":%d,"hash":%d' % (len(u) // 2, h))
PY
)
    echo "$res" | grep -q "$want" && ok "$name: the browser sees the document's text ($want)" || bad "$name: browser text differs (XML parser: $want)"
    local facts hl ixn nf
    facts=$(echo "$res" | sed 's/.*"facts":\([0-9]*\).*/\1/')
    hl=$(echo "$res" | sed 's/.*"highlighted":\([0-9]*\).*/\1/')
    ixn=$(echo "$res" | sed 's/.*"ix_nonfraction":\([0-9]*\).*/\1/')
    nf=$(grep -o '<ix:nonFraction ' "$dir/$htm" | wc -l)
    [ "$facts" -gt 10 ] && [ "$hl" = "$facts" ] && ok "$name: all $facts tagged numbers highlighted" || bad "$name: $hl of $facts highlighted"
    [ "$ixn" = "$nf" ] && ok "$name: the browser sees all $ixn ix:nonFraction" || bad "$name: $ixn ix:nonFraction in the DOM, $nf in the file"
}
html_check html-handmade "$SRCDIR/tests/data/html-balance-sheet.htm" "$tmp/h"
HQ="${CORPUS:-$SRCDIR/../shared/corpus}/bristol-myers-squibb-co_10q_2000-06-30.txt"
[ -f "$HQ" ] && html_check html-bms-10q-2000 "$HQ" "$tmp/hq"

# a screenshot of the 10-K's balance sheet (pre#s1), highlighted
# (in a frame: a top-level page scrolled to a fragment is captured before it is painted)
printf '<!DOCTYPE html><html><body style="margin:0"><iframe src="alg-20031231.htm#s1" style="border:0;display:block" width="1280" height="1100"></iframe></body></html>' > "$tmp/k/shot.html"
chromium --virtual-time-budget=5000 --screenshot="$tmp/s1.png" --window-size=1280,1100 --hide-scrollbars "file://$tmp/k/shot.html" >/dev/null
if [ -s "$tmp/s1.png" ] && [ "$(stat -c %s "$tmp/s1.png")" -gt 20000 ]; then ok "screenshot of the balance sheet ($(stat -c %s "$tmp/s1.png") bytes)"
else bad "no screenshot"; fi
[ -n "${T2X_SCREENSHOT:-}" ] && cp "$tmp/s1.png" "$T2X_SCREENSHOT"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
