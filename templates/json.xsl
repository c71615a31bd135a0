<?xml version="1.0" encoding="UTF-8"?>
<!--
  json.xsl - statement model (docs/model.md) -> xBRL-JSON (OIM 1.0) report STEM.json.

  The same facts as the instance (instance.xsl): $t2x-facts of common.xsl, each fact identity
  (concept, context, unit, value) once, in the instance's order. Layout:

    documentInfo
      documentType  https://xbrl.org/2021/xbrl-json
      features      xbrl:canonicalValues = true
      namespaces    every prefix the facts use (concepts, units, dimensions, members), the
                    entity scheme ("cik" for http://www.sec.gov/CIK, else "scheme") and xbrl
      taxonomy      [ "STEM.xsd" ]
    facts           "f1" ... "fN" in fact order, each with
      value         the canonical value: numbers as XML Schema 1.0 canonical decimals
                    (-529642.0, 0.28; a decimal point always, no + or extra zeros),
                    other values as in the model (already canonical: false, 2003-12-31, a gMonthDay)
      decimals      numeric facts (omitted for INF)
      dimensions    concept, entity, period (instants and durations as OIM date-times: the
                    instant 2003-12-31 is 2004-01-01T00:00:00, a duration
                    2003-01-01T00:00:00/2004-01-01T00:00:00), unit (numeric facts; none for
                    xbrli:pure; a ratio as num/denom), and the context's explicit dimensions.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:exsl="http://exslt.org/common"
                xmlns:date="http://exslt.org/dates-and-times"
                extension-element-prefixes="date"
                exclude-result-prefixes="m t2x exsl">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <xsl:key name="context" match="m:contexts/m:context" use="@id"/>
  <xsl:key name="unit" match="m:units/m:unit" use="@id"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="scheme" select="string(/m:filing/@entity-scheme)"/>
  <xsl:variable name="scheme-prefix">
    <xsl:variable name="p">
      <xsl:choose>
        <xsl:when test="$scheme = 'http://www.sec.gov/CIK'">cik</xsl:when>
        <xsl:otherwise>scheme</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$p = $ext-prefix"><xsl:value-of select="concat($p, '0')"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$p"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>
  <!-- the reserved prefix xbrl names the features; a filing whose own prefix is "xbrl" gets none -->
  <xsl:variable name="with-features" select="$ext-prefix != 'xbrl'"/>

  <!-- the units, contexts and members the facts use, for the namespaces -->
  <xsl:variable name="used-units" select="/m:filing/m:units/m:unit[@id = $t2x-facts/@unit]"/>
  <xsl:variable name="used-members"
                select="/m:filing/m:contexts/m:context[@id = $t2x-facts/@context]/m:member"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:text>{&#10;  "documentInfo": {&#10;</xsl:text>
    <xsl:text>    "documentType": "https://xbrl.org/2021/xbrl-json",&#10;</xsl:text>
    <xsl:if test="$with-features">
      <xsl:text>    "features": {&#10;      "xbrl:canonicalValues": true&#10;    },&#10;</xsl:text>
    </xsl:if>
    <xsl:text>    "namespaces": {</xsl:text>
    <xsl:call-template name="namespaces"/>
    <xsl:text>&#10;    },&#10;</xsl:text>
    <xsl:text>    "taxonomy": [&#10;      </xsl:text>
    <xsl:call-template name="string">
      <xsl:with-param name="s" select="concat($stem, '.xsd')"/>
    </xsl:call-template>
    <xsl:text>&#10;    ]&#10;  },&#10;  "facts": {</xsl:text>
    <xsl:for-each select="$t2x-facts">
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:value-of select="concat($nl, '    &quot;f', position(), '&quot;: {')"/>
      <xsl:call-template name="fact"/>
      <xsl:text>&#10;    }</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;  }&#10;}&#10;</xsl:text>
  </xsl:template>

  <!-- ============================================================ namespaces -->
  <xsl:template name="namespaces">
    <xsl:variable name="entries">
      <xsl:for-each select="$t2x-ns-table">
        <xsl:variable name="pc" select="concat(@prefix, ':')"/>
        <xsl:if test="$t2x-facts[starts-with(@concept, $pc)]
                      or $t2x-facts[not(@concept)]/parent::*[starts-with(@concept, $pc)]
                      or $used-units[starts-with(@measure, $pc) or starts-with(@numerator, $pc)
                                     or starts-with(@denominator, $pc)]
                      or $used-members[starts-with(@dimension, $pc) or starts-with(@value, $pc)]">
          <t2x:ns prefix="{@prefix}" uri="{@uri}"/>
        </xsl:if>
      </xsl:for-each>
      <t2x:ns prefix="{$scheme-prefix}" uri="{$scheme}"/>
      <xsl:if test="$with-features">
        <t2x:ns prefix="xbrl" uri="https://xbrl.org/2021"/>
      </xsl:if>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($entries)/t2x:ns">
      <xsl:sort select="@prefix"/>
      <xsl:if test="position() > 1">,</xsl:if>
      <xsl:text>&#10;      </xsl:text>
      <xsl:call-template name="string">
        <xsl:with-param name="s" select="@prefix"/>
      </xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="string">
        <xsl:with-param name="s" select="@uri"/>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ one fact -->
  <xsl:template name="fact">
    <xsl:variable name="concept">
      <xsl:call-template name="t2x:fact-concept"/>
    </xsl:variable>
    <xsl:variable name="ctx" select="key('context', @context)"/>
    <xsl:if test="not($ctx)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: no context ', @context)"/>
      </xsl:message>
    </xsl:if>
    <xsl:text>&#10;      "value": </xsl:text>
    <xsl:call-template name="string">
      <xsl:with-param name="s">
        <xsl:choose>
          <xsl:when test="@unit">
            <xsl:call-template name="canonical-decimal">
              <xsl:with-param name="v" select="normalize-space(@value)"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="@value"/></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:if test="@unit and @decimals != 'INF'">
      <xsl:value-of select="concat($nl, '      &quot;decimals&quot;: ', number(@decimals), ',')"/>
    </xsl:if>
    <xsl:text>&#10;      "dimensions": {&#10;        "concept": </xsl:text>
    <xsl:call-template name="string">
      <xsl:with-param name="s" select="$concept"/>
    </xsl:call-template>
    <xsl:text>,&#10;        "entity": </xsl:text>
    <xsl:call-template name="string">
      <xsl:with-param name="s" select="concat($scheme-prefix, ':', /m:filing/@entity-id)"/>
    </xsl:call-template>
    <xsl:text>,&#10;        "period": </xsl:text>
    <xsl:call-template name="string">
      <xsl:with-param name="s">
        <xsl:choose>
          <xsl:when test="$ctx/@instant">
            <xsl:call-template name="oim-date-time">
              <xsl:with-param name="end-of" select="$ctx/@instant"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="concat($ctx/@start, 'T00:00:00/')"/>
            <xsl:call-template name="oim-date-time">
              <xsl:with-param name="end-of" select="$ctx/@end"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="@unit">
      <xsl:variable name="u" select="key('unit', @unit)"/>
      <xsl:if test="not($u)">
        <xsl:message terminate="yes">
          <xsl:value-of select="concat('txt2xbrl templates: no unit ', @unit)"/>
        </xsl:message>
      </xsl:if>
      <xsl:if test="not($u/@measure = 'xbrli:pure')">
        <xsl:text>,&#10;        "unit": </xsl:text>
        <xsl:call-template name="string">
          <xsl:with-param name="s">
            <xsl:choose>
              <xsl:when test="$u/@measure"><xsl:value-of select="$u/@measure"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat($u/@numerator, '/', $u/@denominator)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:for-each select="$ctx/m:member">
      <xsl:sort select="@dimension"/>
      <xsl:text>,&#10;        </xsl:text>
      <xsl:call-template name="string">
        <xsl:with-param name="s" select="@dimension"/>
      </xsl:call-template>
      <xsl:text>: </xsl:text>
      <xsl:call-template name="string">
        <xsl:with-param name="s" select="@value"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>&#10;      }</xsl:text>
  </xsl:template>

  <!-- The OIM date-time of the end of a day (XBRL 2.1 4.7.2: a date alone means the end of that
       day): the next day at 00:00:00. -->
  <xsl:template name="oim-date-time">
    <xsl:param name="end-of"/>
    <xsl:variable name="next" select="date:add(string($end-of), 'P1D')"/>
    <xsl:if test="string-length($next) != 10">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: bad date ', $end-of)"/>
      </xsl:message>
    </xsl:if>
    <xsl:value-of select="concat($next, 'T00:00:00')"/>
  </xsl:template>

  <!-- ============================================================ values -->
  <!-- An xs:decimal in its XML Schema 1.0 canonical form: optional "-", integer part without
       leading zeros, ".", fraction without trailing zeros, at least one digit on each side. -->
  <xsl:template name="canonical-decimal">
    <xsl:param name="v"/>
    <xsl:variable name="neg" select="starts-with($v, '-')"/>
    <xsl:variable name="abs">
      <xsl:choose>
        <xsl:when test="starts-with($v, '-') or starts-with($v, '+')"><xsl:value-of select="substring($v, 2)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$abs = '' or translate($abs, '0123456789.', '') != ''
                  or string-length(translate($abs, '0123456789', '')) > 1">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: not a decimal number: ', $v)"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="int">
      <xsl:call-template name="strip-leading-zeros">
        <xsl:with-param name="s">
          <xsl:choose>
            <xsl:when test="contains($abs, '.')"><xsl:value-of select="substring-before($abs, '.')"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$abs"/></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="frac">
      <xsl:call-template name="strip-trailing-zeros">
        <xsl:with-param name="s" select="substring-after($abs, '.')"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="i" select="concat(substring('0', 1, number($int = '')), $int)"/>
    <xsl:variable name="f" select="concat(substring('0', 1, number($frac = '')), $frac)"/>
    <xsl:if test="$neg and not($i = '0' and $f = '0')">-</xsl:if>
    <xsl:value-of select="concat($i, '.', $f)"/>
  </xsl:template>

  <xsl:template name="strip-leading-zeros">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="starts-with($s, '0')">
        <xsl:call-template name="strip-leading-zeros">
          <xsl:with-param name="s" select="substring($s, 2)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="strip-trailing-zeros">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="substring($s, string-length($s)) = '0'">
        <xsl:call-template name="strip-trailing-zeros">
          <xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A JSON string: quotes, escaping \ " and the control characters XML can hold. -->
  <xsl:template name="string">
    <xsl:param name="s"/>
    <xsl:text>"</xsl:text>
    <xsl:call-template name="escape">
      <xsl:with-param name="s" select="string($s)"/>
    </xsl:call-template>
    <xsl:text>"</xsl:text>
  </xsl:template>

  <xsl:template name="escape">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="translate($s, '\&quot;&#9;&#10;&#13;', '') = $s">
        <xsl:value-of select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- the first special character -->
        <xsl:variable name="plain" select="translate($s, '\&quot;&#9;&#10;&#13;', '')"/>
        <xsl:variable name="n">
          <xsl:call-template name="common-prefix-length">
            <xsl:with-param name="a" select="$s"/>
            <xsl:with-param name="b" select="$plain"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="c" select="substring($s, $n + 1, 1)"/>
        <xsl:value-of select="substring($s, 1, $n)"/>
        <xsl:choose>
          <xsl:when test="$c = '\'">\\</xsl:when>
          <xsl:when test="$c = '&quot;'">\"</xsl:when>
          <xsl:when test="$c = '&#9;'">\t</xsl:when>
          <xsl:when test="$c = '&#10;'">\n</xsl:when>
          <xsl:otherwise>\r</xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="escape">
          <xsl:with-param name="s" select="substring($s, $n + 2)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- How many leading characters a and b share (a binary search on prefixes). -->
  <xsl:template name="common-prefix-length">
    <xsl:param name="a"/>
    <xsl:param name="b"/>
    <xsl:param name="lo" select="0"/>
    <xsl:param name="hi" select="string-length($b)"/>
    <xsl:choose>
      <xsl:when test="$lo >= $hi"><xsl:value-of select="$lo"/></xsl:when>
      <xsl:otherwise>
        <xsl:variable name="mid" select="ceiling(($lo + $hi) div 2)"/>
        <xsl:choose>
          <xsl:when test="substring($a, 1, $mid) = substring($b, 1, $mid)">
            <xsl:call-template name="common-prefix-length">
              <xsl:with-param name="a" select="$a"/>
              <xsl:with-param name="b" select="$b"/>
              <xsl:with-param name="lo" select="$mid"/>
              <xsl:with-param name="hi" select="$hi"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="common-prefix-length">
              <xsl:with-param name="a" select="$a"/>
              <xsl:with-param name="b" select="$b"/>
              <xsl:with-param name="lo" select="$lo"/>
              <xsl:with-param name="hi" select="$mid - 1"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
