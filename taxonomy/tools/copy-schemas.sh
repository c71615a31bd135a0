#!/bin/sh
# copy-schemas.sh — copy into taxonomy/schemas/ every schema file needed to validate XBRL 2.1
# instances, their extension taxonomies and Inline XBRL 1.1 documents offline, following
# xs:import / xs:include / xs:redefine schemaLocations (and DTD references) transitively from
# the roots below. Files keep their URL layout: http://host/path -> schemas/http/host/path.
#
# Usage: taxonomy/tools/copy-schemas.sh [LABEL=]DIR [[LABEL=]DIR ...]
#   Each DIR is a web-cache layout directory (<scheme>/<host>/<path>), searched in order; an
#   https URL missing under https/ is also looked up under http/ and vice versa. LABEL names
#   the origin in schemas/SOURCES.tsv (default: the DIR as given).
#   Default: ../shared/taxonomy-cache relative to the repository root.
#
# The destination is rebuilt from scratch; schemas/SOURCES.tsv lists url, origin, bytes and
# sha256 of every file. A root or import that no DIR holds is an error.
set -eu

# Roots: the XBRL 2.1 / XDT / LRR base, the 2023 release, Inline XBRL 1.1, W3C helpers.
ROOTS="
http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd
http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd
http://www.xbrl.org/2005/xbrldt-2005.xsd
http://www.xbrl.org/2006/ref-2006-02-27.xsd
http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd
http://www.xbrl.org/lrr/role/net-2009-12-16.xsd
https://xbrl.fasb.org/us-gaap/2023/elts/us-gaap-2023.xsd
https://xbrl.fasb.org/us-gaap/2023/elts/us-types-2023.xsd
https://xbrl.fasb.org/us-gaap/2023/elts/us-roles-2023.xsd
https://xbrl.fasb.org/srt/2023/elts/srt-2023.xsd
https://xbrl.fasb.org/srt/2023/elts/srt-types-2023.xsd
https://xbrl.fasb.org/srt/2023/elts/srt-roles-2023.xsd
https://xbrl.sec.gov/dei/2023/dei-2023.xsd
http://www.xbrl.org/2013/inlineXBRL/xhtml-inlinexbrl-1_1.xsd
http://www.w3.org/1999/xlink.xsd
http://www.w3.org/2001/xml.xsd
http://www.w3.org/2001/XMLSchema.xsd
"

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dest=$root/taxonomy/schemas
[ $# -gt 0 ] || set -- "$root/../shared/taxonomy-cache"
command -v xsltproc >/dev/null 2>&1 || { echo "copy-schemas.sh: xsltproc not found" >&2; exit 2; }
if command -v sha256sum >/dev/null 2>&1; then sha() { sha256sum "$1" | cut -d' ' -f1; }
else sha() { shasum -a 256 "$1" | cut -d' ' -f1; }; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cat > "$work/refs.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="/xs:schema/xs:import[@schemaLocation] | /xs:schema/xs:include[@schemaLocation] | /xs:schema/xs:redefine[@schemaLocation]">
      <xsl:value-of select="normalize-space(@schemaLocation)"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL

# url -> cache-relative path
url_path() { printf '%s\n' "$1" | sed -e 's|^\(https\{0,1\}\)://|\1/|'; }
# resolve a reference against the URL of the file that holds it
resolve() { # base ref
    case $2 in
        http://*|https://*) printf '%s\n' "$2" ;;
        /*) printf '%s\n' "$(printf '%s' "$1" | sed 's|^\(https\{0,1\}://[^/]*\).*|\1|')$2" ;;
        *) dir=${1%/*}; ref=$2
           while :; do
               case $ref in
                   ./*) ref=${ref#./} ;;
                   ../*) ref=${ref#../}; dir=${dir%/*} ;;
                   *) break ;;
               esac
           done
           printf '%s/%s\n' "$dir" "$ref" ;;
    esac
}
# find a file for a URL in the search dirs; prints "label<TAB>file"
locate() {
    p=$(url_path "$1")
    case $p in http/*) alt=https/${p#http/} ;; https/*) alt=http/${p#https/} ;; esac
    for spec in $DIRS; do
        label=${spec%%=*}; dir=${spec#*=}
        for q in "$p" "$alt"; do
            if [ -f "$dir/$q" ]; then printf '%s\t%s\n' "$label" "$dir/$q"; return 0; fi
        done
    done
    return 1
}

DIRS=
for a in "$@"; do
    case $a in *=*) label=${a%%=*}; dir=${a#*=} ;; *) label=$a; dir=$a ;; esac
    [ -d "$dir" ] || { echo "copy-schemas.sh: not a directory: $dir" >&2; exit 1; }
    case $label in *' '*|*'	'*) echo "copy-schemas.sh: blanks in '$a'" >&2; exit 1 ;; esac
    DIRS="$DIRS $label=$(cd "$dir" && pwd)"
done

new=$work/schemas
mkdir -p "$new"
: > "$work/seen"
printf '%s\n' "$ROOTS" | sed '/^$/d' > "$work/queue"
printf '#path\turl\torigin\tbytes\tsha256\n' > "$work/sources"
while [ -s "$work/queue" ]; do
    url=$(head -n 1 "$work/queue"); sed -i '1d' "$work/queue"
    grep -qxF "$url" "$work/seen" && continue
    echo "$url" >> "$work/seen"
    found=$(locate "$url") || { echo "copy-schemas.sh: no copy of $url in:$DIRS" >&2; exit 1; }
    label=$(printf '%s' "$found" | cut -f1); file=$(printf '%s' "$found" | cut -f2)
    rel=$(url_path "$url")
    mkdir -p "$new/$(dirname "$rel")"
    cp "$file" "$new/$rel"
    printf '%s\t%s\t%s\t%s\t%s\n' "$rel" "$url" "$label" "$(wc -c < "$file" | tr -d ' ')" "$(sha "$file")" >> "$work/sources"
    case $rel in
        *.xsd) refs=$(xsltproc --nonet --novalid "$work/refs.xsl" "$file" 2>/dev/null) ;;
        *) refs= ;;
    esac
    # DTDs named in a DOCTYPE or a parameter entity (XMLSchema.xsd -> XMLSchema.dtd -> datatypes.dtd)
    dtds=$(grep -o "[\"'][^\"' ]*\.dtd[\"']" "$file" | tr -d "\"'" || true)
    for r in $refs $dtds; do resolve "$url" "$r"; done >> "$work/queue"
done

{ head -n 1 "$work/sources"; tail -n +2 "$work/sources" | LC_ALL=C sort; } > "$new/SOURCES.tsv"
rm -rf "$dest.old"
[ -d "$dest" ] && mv "$dest" "$dest.old"
mkdir -p "$(dirname "$dest")"
mv "$new" "$dest"
rm -rf "$dest.old"
echo "copy-schemas.sh: $(($(wc -l < "$dest/SOURCES.tsv") - 1)) files in $dest"
