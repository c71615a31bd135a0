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
  <!-- the entity of every fact, as a JSON string -->
  <xsl:variable name="entity">
    <xsl:call-template name="string">
      <xsl:with-param name="s" select="concat($scheme-prefix, ':', /m:filing/@entity-id)"/>
    </xsl:call-template>
  </xsl:variable>
  <!-- the reserved prefix xbrl names the features; a filing whose own prefix is "xbrl" gets none -->
  <xsl:variable name="with-features" select="$ext-prefix != 'xbrl'"/>

  <!-- the units, contexts and members the facts use, for the namespaces -->
  <xsl:variable name="used-units" select="/m:filing/m:units/m:unit[@id = $t2x-facts/@unit]"/>
  <!-- the nodes whose @concept names the facts' concepts: the fact itself or its row -->
  <xsl:variable name="concept-holders"
                select="$t2x-facts[@concept] | $t2x-facts[not(@concept)]/parent::*"/>
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
        <xsl:if test="$concept-holders[starts-with(@concept, $pc)]
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
  <!-- (select expressions rather than variables with content: no result tree fragment per fact) -->
  <xsl:template name="fact">
    <xsl:variable name="concept" select="concat(@concept, substring(../@concept, 1 div not(@concept)))"/>
    <xsl:variable name="ctx" select="key('context', @context)"/>
    <xsl:if test="not($ctx)">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: no context ', @context)"/>
      </xsl:message>
    </xsl:if>
    <xsl:text>&#10;      "value": </xsl:text>
    <xsl:choose>
      <xsl:when test="@unit">
        <!-- a canonical decimal has nothing to escape -->
        <xsl:text>"</xsl:text>
        <xsl:call-template name="canonical-decimal">
          <xsl:with-param name="v" select="normalize-space(@value)"/>
        </xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="string">
          <xsl:with-param name="s" select="@value"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>,</xsl:text>
    <xsl:if test="@unit and @decimals != 'INF'">
      <xsl:value-of select="concat($nl, '      &quot;decimals&quot;: ', number(@decimals), ',')"/>
    </xsl:if>
    <xsl:text>&#10;      "dimensions": {&#10;        "concept": </xsl:text>
    <xsl:call-template name="string">
      <xsl:with-param name="s" select="$concept"/>
    </xsl:call-template>
    <xsl:text>,&#10;        "entity": </xsl:text>
    <xsl:value-of select="$entity"/>
    <xsl:text>,&#10;        "period": </xsl:text>
    <!-- OIM date-times: the end of a day (XBRL 2.1 4.7.2: a date alone means the end of that
         day) is the next day at 00:00:00; a duration is start/end -->
    <xsl:variable name="instant" select="boolean($ctx/@instant)"/>
    <xsl:variable name="end-of" select="($ctx/@instant)[$instant] | ($ctx/@end)[not($instant)]"/>
    <xsl:variable name="next" select="date:add(string($end-of), 'P1D')"/>
    <xsl:if test="string-length($next) != 10">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: bad date ', $end-of)"/>
      </xsl:message>
    </xsl:if>
    <xsl:call-template name="string">
      <xsl:with-param name="s" select="concat(substring(concat($ctx/@start, 'T00:00:00/'), 1 div not($instant)),
                                              $next, 'T00:00:00')"/>
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
        <!-- the measure, or numerator/denominator -->
        <xsl:call-template name="string">
          <xsl:with-param name="s" select="concat($u/@measure, substring(concat($u/@numerator, '/', $u/@denominator),
                                                                         1 div not($u/@measure)))"/>
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

  <!-- ============================================================ values -->
  <!-- An xs:decimal in its XML Schema 1.0 canonical form: optional "-", integer part without
       leading zeros, ".", fraction without trailing zeros, at least one digit on each side. -->
  <xsl:template name="canonical-decimal">
    <xsl:param name="v"/>
    <xsl:variable name="neg" select="starts-with($v, '-')"/>
    <xsl:variable name="abs" select="substring($v, 1 + number(starts-with($v, '-') or starts-with($v, '+')))"/>
    <xsl:if test="$abs = '' or translate($abs, '0123456789.', '') != ''
                  or string-length(translate($abs, '0123456789', '')) > 1">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: not a decimal number: ', $v)"/>
      </xsl:message>
    </xsl:if>
    <xsl:variable name="int" select="substring-before(concat($abs, '.'), '.')"/>
    <xsl:variable name="frac" select="substring-after($abs, '.')"/>
    <!-- the digits that are not 0: none means a zero part -->
    <xsl:variable name="int-nz" select="translate($int, '0', '')"/>
    <xsl:variable name="frac-nz" select="translate($frac, '0', '')"/>
    <xsl:if test="$neg and not($int-nz = '' and $frac-nz = '')">-</xsl:if>
    <xsl:choose>
      <xsl:when test="$int-nz = ''">0</xsl:when>
      <!-- from the first digit that is not 0 -->
      <xsl:otherwise>
        <xsl:value-of select="substring($int, string-length(substring-before($int, substring($int-nz, 1, 1))) + 1)"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>.</xsl:text>
    <xsl:choose>
      <xsl:when test="$frac-nz = ''">0</xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="strip-trailing-zeros">
          <xsl:with-param name="s" select="$frac"/>
        </xsl:call-template>
      </xsl:otherwise>
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
    <xsl:variable name="v" select="string($s)"/>
    <xsl:choose>
      <!-- nothing to escape (the usual case): no call -->
      <xsl:when test="translate($v, '\&quot;&#9;&#10;&#13;', '') = $v">
        <xsl:value-of select="concat('&quot;', $v, '&quot;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>"</xsl:text>
        <xsl:call-template name="escape">
          <xsl:with-param name="s" select="$v"/>
        </xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:otherwise>
    </xsl:choose>
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
