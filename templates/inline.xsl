<?xml version="1.0" encoding="UTF-8"?>
<!--
  inline.xsl - statement model with its source section (docs/model.md, converter/textmodel.c)
  -> Inline XBRL 1.1 document STEM.htm (docs/inline.md).

  The page is the whole decoded source text, unchanged, in <pre class="t2x-src"> blocks (one
  per statement, one for the text between statements), so that it opens in a browser and looks
  like the filing. Inside the blocks:
    - every printed number that is a fact is wrapped in place:
        <span class="t2x-fact" title="concept | period | unit"><ix:nonFraction …>3,597,990</ix:nonFraction></span>
      (several facts of one printed number nest when format, scale and unit agree; the others,
      and the model's hidden="true" facts, go to ix:hidden with id t2x-hOFFSET-N);
    - a number listed as untagged is <span class="t2x-untagged" title="not tagged: reason">;
    - a byte XML cannot hold is <span class="t2x-ctl t2x-xHH" title="byte 0xHH">glyph</span>;
    - each block starts with one line feed that is not source text (HTML parsers drop it).
  The ix:header holds the cover's non-numeric facts (ix:hidden), the schemaRef and the contexts
  and units, rendered by instance.xsl's own templates so that they equal the instance's.
  Style attributes (no <style>, no script: EDGAR's EFM 5.2.5) highlight the facts; their title
  shows concept and period on hover. The source's SHA-256 is the t2x-source processing
  instruction before <html> (common.xsl t2x:source-pi), which verify finds the outputs by.
  An HTML document of the filing (a block html="true") is a div.t2x-html holding processing
  instructions only: <?t2x-html?>, then <?t2x-seg?> and the wrapper of each of its printed
  numbers in order, then <?t2x-end?>. converter/inline_doc.c puts the document's XHTML there
  (converter/html_xhtml.c), each wrapper where its number is printed, and the instructions go.
  The templates format; they do not decide: every value, span and block is the model's.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns="http://www.w3.org/1999/xhtml"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
                xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
                xmlns:xbrli="http://www.xbrl.org/2003/instance"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
                xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
                xmlns:us-gaap="http://fasb.org/us-gaap/2023"
                xmlns:dei="http://xbrl.sec.gov/dei/2023"
                xmlns:srt="http://fasb.org/srt/2023"
                exclude-result-prefixes="m t2x">

  <!-- contexts and units exactly as in the instance (and common.xsl through it) -->
  <xsl:import href="instance.xsl"/>

  <!-- common.xsl's $t2x-facts (the instance's and the JSON report's facts) is not used here;
       an empty one spares its evaluation (libxslt evaluates every global variable) -->
  <xsl:variable name="t2x-facts" select="/.."/>

  <!-- US-ASCII: every other character as a character reference (&#160;), as EDGAR accepts
       documents (EFM 5.2.1.1) -->
  <xsl:output method="xml" version="1.0" encoding="US-ASCII" indent="no"/>
  <!-- instance.xsl strips white space from the input; the source text keeps every byte -->
  <xsl:preserve-space elements="m:t m:n m:u m:block"/>

  <!-- the looks, as style attributes (EDGAR allows no <style> element, EFM 5.2.5): monospace
       blocks with the source's tab stops, statements on a light background, tagged numbers
       highlighted (their title shows concept and period on hover), untagged numbers with a
       faint dotted underline -->
  <xsl:variable name="pre-style" select="concat('margin:0;font-family:Courier New,Courier,DejaVu Sans Mono,monospace;',
                                                'font-size:13px;line-height:1.25;white-space:pre;tab-size:8;-moz-tab-size:8')"/>
  <xsl:variable name="stmt-style" select="';background:#f7f9fc;box-shadow:-6px 0 0 #c9d6ea'"/>
  <xsl:variable name="fact-style" select="'background:#fff1a8'"/>
  <xsl:variable name="untagged-style" select="'text-decoration:underline dotted #d8a8a8'"/>

  <!-- the facts of a printed number, by the span's offset -->
  <xsl:key name="fact-at" match="m:cell[@offset] | m:cover/m:fact[@offset]" use="@offset"/>
  <xsl:key name="context-by-id" match="m:contexts/m:context" use="@id"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:if test="not(m:filing/m:source)">
      <xsl:message terminate="yes">txt2xbrl templates: inline.xsl needs the model's source section</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="m:filing" mode="inline"/>
  </xsl:template>

  <xsl:template match="m:filing" mode="inline">
    <xsl:call-template name="t2x:source-pi"/>
    <xsl:call-template name="t2x:provenance-comment"/>
    <html>
      <xsl:call-template name="t2x:declare-ns">
        <xsl:with-param name="prefix" select="$ext-prefix"/>
        <xsl:with-param name="uri" select="$ext-ns"/>
      </xsl:call-template>
      <head>
        <!-- the only <meta> EDGAR allows (EFM 5.2.5); the provenance is the t2x-source
             processing instruction above, the looks are style attributes (no <style>) -->
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <title>
          <xsl:value-of select="concat(@registrant, ' - ', @form, ' for the period ended ', @period-end)"/>
        </title>
      </head>
      <body style="margin:1em 2em;background:#fff;color:#111">
        <div style="display:none">
          <ix:header>
            <ix:hidden>
              <xsl:apply-templates select="m:cover/m:fact[not(@offset)]" mode="hidden"/>
              <!-- only a printed number with several facts can have hidden ones -->
              <xsl:for-each select="m:source/m:block/m:n[key('fact-at', @offset)[2]]">
                <xsl:call-template name="hidden-facts"/>
              </xsl:for-each>
            </ix:hidden>
            <ix:references>
              <link:schemaRef xlink:type="simple" xlink:href="{concat($stem, '.xsd')}"/>
            </ix:references>
            <ix:resources>
              <xsl:apply-templates select="m:contexts/m:context[key('fact-by-context', @id)]"/>
              <xsl:apply-templates select="m:units/m:unit[key('fact-by-unit', @id)]"/>
            </ix:resources>
          </ix:header>
        </div>
        <xsl:apply-templates select="m:source/m:block"/>
      </body>
    </html>
  </xsl:template>

  <!-- ============================================================ blocks and text -->
  <xsl:template match="m:block">
    <pre class="t2x-src" style="{$pre-style}">
      <xsl:if test="@statement">
        <xsl:variable name="first" select="substring-before(concat(@statement, ' '), ' ')"/>
        <xsl:attribute name="class">t2x-src t2x-stmt</xsl:attribute>
        <xsl:attribute name="style"><xsl:value-of select="concat($pre-style, $stmt-style)"/></xsl:attribute>
        <xsl:attribute name="id"><xsl:value-of select="$first"/></xsl:attribute>
        <xsl:attribute name="title">
          <xsl:value-of select="concat(/m:filing/m:statement[@id = $first]/@title, ' (lines ',
                                       @first-line, '-', @last-line, ')')"/>
        </xsl:attribute>
      </xsl:if>
      <xsl:text>&#10;</xsl:text>
      <xsl:apply-templates/>
    </pre>
  </xsl:template>

  <!-- an HTML document of the filing: its XHTML (converter/html_xhtml.c), standing for the
       source bytes the id names (t2x-bOFFSET-LENGTH), goes in here (converter/inline_doc.c);
       its text is the source's under the normalisation of docs/inline.md -->
  <xsl:template match="m:block[@html = 'true']" priority="2">
    <div class="t2x-html" id="{concat('t2x-b', @offset, '-', @length)}" style="margin:0 0 1em 0">
      <xsl:processing-instruction name="t2x-html"/>
      <xsl:for-each select="m:n | m:u">
        <xsl:processing-instruction name="t2x-seg"/>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
      <xsl:processing-instruction name="t2x-end"/>
    </div>
  </xsl:template>

  <xsl:template match="m:t">
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- a byte XML cannot hold: its control picture (C0, DEL) or U+FFFD, the byte in the class -->
  <xsl:template match="m:c">
    <xsl:variable name="hex" select="'0123456789ABCDEF'"/>
    <xsl:variable name="v" select="string-length(substring-before($hex, substring(@byte, 1, 1))) * 16
                                   + string-length(substring-before($hex, substring(@byte, 2, 1)))"/>
    <span class="{concat('t2x-ctl t2x-x', @byte)}" title="{concat('byte 0x', @byte)}" style="color:#aaa">
      <xsl:choose>
        <xsl:when test="$v &lt; 32">
          <xsl:value-of select="substring('&#x2400;&#x2401;&#x2402;&#x2403;&#x2404;&#x2405;&#x2406;&#x2407;&#x2408;&#x2409;&#x240A;&#x240B;&#x240C;&#x240D;&#x240E;&#x240F;&#x2410;&#x2411;&#x2412;&#x2413;&#x2414;&#x2415;&#x2416;&#x2417;&#x2418;&#x2419;&#x241A;&#x241B;&#x241C;&#x241D;&#x241E;&#x241F;', $v + 1, 1)"/>
        </xsl:when>
        <xsl:when test="$v = 127">&#x2421;</xsl:when>
        <xsl:otherwise>&#xFFFD;</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="m:u">
    <span class="t2x-untagged" title="{concat('not tagged: ', @reason)}" style="{$untagged-style}">
      <xsl:call-template name="html-id"><xsl:with-param name="kind" select="'u'"/></xsl:call-template>
      <xsl:value-of select="."/>
    </span>
  </xsl:template>

  <!-- in an HTML block a number's wrapper names the source offset it stands for (t2x-fOFFSET,
       t2x-uOFFSET): the text around it is not the source's bytes -->
  <xsl:template name="html-id">
    <xsl:param name="kind"/>
    <xsl:if test="../@html = 'true'">
      <xsl:attribute name="id"><xsl:value-of select="concat('t2x-', $kind, @offset)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- ============================================================ facts in place -->
  <xsl:template match="m:n">
    <xsl:variable name="all" select="key('fact-at', @offset)"/>
    <xsl:choose>
      <xsl:when test="not($all)">
        <xsl:value-of select="."/>
      </xsl:when>
      <!-- one fact (the usual case): it is the primary one, hidden or not, and nests alone -->
      <xsl:when test="not($all[2])">
        <span class="t2x-fact" style="{$fact-style}">
          <xsl:call-template name="html-id"><xsl:with-param name="kind" select="'f'"/></xsl:call-template>
          <xsl:attribute name="title"><xsl:call-template name="fact-title"><xsl:with-param name="f" select="$all"/></xsl:call-template></xsl:attribute>
          <xsl:choose>
            <xsl:when test="$all/@unit">
              <xsl:call-template name="non-fraction">
                <xsl:with-param name="f" select="$all"/>
                <xsl:with-param name="content" select="string(.)"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="non-numeric">
                <xsl:with-param name="f" select="$all"/>
                <xsl:with-param name="text" select="string(.)"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="facts-in-place">
          <xsl:with-param name="all" select="$all"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- several facts at one printed number -->
  <xsl:template name="facts-in-place">
    <xsl:param name="all"/>
    <xsl:variable name="primary" select="$all[not(@hidden = 'true')][1] | $all[1][not($all[not(@hidden = 'true')])]"/>
    <xsl:variable name="nested" select="$primary | $all[not(@hidden = 'true')][@unit][@format = $primary/@format
                                        and @scale = $primary/@scale and @unit = $primary/@unit]"/>
    <xsl:choose>
      <xsl:when test="not($primary)">
        <xsl:value-of select="."/>
      </xsl:when>
      <xsl:when test="not($primary/@unit)">
        <span class="t2x-fact" style="{$fact-style}">
          <xsl:call-template name="html-id"><xsl:with-param name="kind" select="'f'"/></xsl:call-template>
          <xsl:attribute name="title"><xsl:call-template name="fact-title"><xsl:with-param name="f" select="$primary"/></xsl:call-template></xsl:attribute>
          <xsl:call-template name="non-numeric">
            <xsl:with-param name="f" select="$primary"/>
            <xsl:with-param name="text" select="string(.)"/>
          </xsl:call-template>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <span class="t2x-fact" style="{$fact-style}">
          <xsl:call-template name="html-id"><xsl:with-param name="kind" select="'f'"/></xsl:call-template>
          <xsl:attribute name="title">
            <xsl:for-each select="$nested">
              <xsl:if test="position() &gt; 1"><xsl:text>&#10;</xsl:text></xsl:if>
              <xsl:call-template name="fact-title"/>
            </xsl:for-each>
          </xsl:attribute>
          <xsl:call-template name="nest">
            <xsl:with-param name="facts" select="$nested"/>
            <xsl:with-param name="text" select="string(.)"/>
          </xsl:call-template>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- facts[1] wraps facts[2] … wraps the printed text -->
  <xsl:template name="nest">
    <xsl:param name="facts"/>
    <xsl:param name="text"/>
    <xsl:call-template name="non-fraction">
      <xsl:with-param name="f" select="$facts[1]"/>
      <xsl:with-param name="content">
        <xsl:choose>
          <xsl:when test="count($facts) &gt; 1">
            <xsl:call-template name="nest">
              <xsl:with-param name="facts" select="$facts[position() &gt; 1]"/>
              <xsl:with-param name="text" select="$text"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$text"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- the facts of one printed number that do not nest in place go to ix:hidden -->
  <xsl:template name="hidden-facts">
    <xsl:variable name="all" select="key('fact-at', @offset)"/>
    <!-- a lone fact is the primary one and nests in place -->
    <xsl:if test="$all[2]">
    <xsl:variable name="primary" select="$all[not(@hidden = 'true')][1] | $all[1][not($all[not(@hidden = 'true')])]"/>
    <xsl:variable name="nested" select="$primary | $all[not(@hidden = 'true')][@unit][@format = $primary/@format
                                        and @scale = $primary/@scale and @unit = $primary/@unit]"/>
    <xsl:variable name="offset" select="@offset"/>
    <xsl:variable name="text" select="string(.)"/>
    <xsl:for-each select="$all">
      <xsl:if test="count(. | $nested) != count($nested)">
        <xsl:choose>
          <xsl:when test="@unit">
            <xsl:call-template name="non-fraction">
              <xsl:with-param name="f" select="."/>
              <xsl:with-param name="id" select="concat('t2x-h', $offset, '-', position())"/>
              <xsl:with-param name="content" select="$text"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="non-numeric">
              <xsl:with-param name="f" select="."/>
              <xsl:with-param name="id" select="concat('t2x-h', $offset, '-', position())"/>
              <xsl:with-param name="text" select="$text"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
    </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="m:fact" mode="hidden">
    <xsl:choose>
      <xsl:when test="@unit">
        <xsl:message terminate="yes">
          <xsl:value-of select="concat('txt2xbrl templates: numeric cover fact ', @concept, ' has no source span')"/>
        </xsl:message>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="non-numeric">
          <xsl:with-param name="f" select="."/>
          <xsl:with-param name="text" select="@value"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ ix elements -->
  <xsl:template name="non-fraction">
    <xsl:param name="f"/>
    <xsl:param name="id"/>
    <xsl:param name="content"/>
    <!-- name: t2x:fact-concept as one expression (the fact's @concept, else its row's) -->
    <xsl:choose>
      <xsl:when test="$id">
        <ix:nonFraction id="{$id}" name="{concat($f/@concept, substring($f/../@concept, 1 div not($f/@concept)))}"
                        contextRef="{$f/@context}" unitRef="{$f/@unit}" decimals="{$f/@decimals}"
                        format="{$f/@format}" scale="{$f/@scale}">
          <xsl:if test="$f/@sign = '-'"><xsl:attribute name="sign">-</xsl:attribute></xsl:if>
          <xsl:copy-of select="$content"/>
        </ix:nonFraction>
      </xsl:when>
      <xsl:otherwise>
        <ix:nonFraction name="{concat($f/@concept, substring($f/../@concept, 1 div not($f/@concept)))}"
                        contextRef="{$f/@context}" unitRef="{$f/@unit}" decimals="{$f/@decimals}"
                        format="{$f/@format}" scale="{$f/@scale}">
          <xsl:if test="$f/@sign = '-'"><xsl:attribute name="sign">-</xsl:attribute></xsl:if>
          <xsl:copy-of select="$content"/>
        </ix:nonFraction>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="non-numeric">
    <xsl:param name="f"/>
    <xsl:param name="id"/>
    <xsl:param name="text"/>
    <ix:nonNumeric>
      <xsl:if test="$id"><xsl:attribute name="id"><xsl:value-of select="$id"/></xsl:attribute></xsl:if>
      <xsl:attribute name="name"><xsl:call-template name="t2x:fact-concept"><xsl:with-param name="f" select="$f"/></xsl:call-template></xsl:attribute>
      <xsl:attribute name="contextRef"><xsl:value-of select="$f/@context"/></xsl:attribute>
      <xsl:value-of select="$text"/>
    </ix:nonNumeric>
  </xsl:template>

  <!-- "us-gaap:Assets | 2003-12-31 | USD" (member and unit when there are) -->
  <xsl:template name="fact-title">
    <xsl:param name="f" select="."/>
    <xsl:variable name="c" select="key('context-by-id', $f/@context)"/>
    <xsl:value-of select="concat($f/@concept, substring($f/../@concept, 1 div not($f/@concept)), ' | ')"/>
    <xsl:choose>
      <xsl:when test="$c/@instant"><xsl:value-of select="$c/@instant"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($c/@start, ' to ', $c/@end)"/></xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="$c/m:member">
      <xsl:value-of select="concat(' | ', @value)"/>
    </xsl:for-each>
    <xsl:if test="$f/@unit"><xsl:value-of select="concat(' | ', $f/@unit)"/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
