<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl - helpers shared by the templates (imported, never applied alone).

  Taxonomy release: US-GAAP 2023 with dei 2023 and srt 2023. Moving to another release means
  changing the namespace and schema URLs below (and the concept data), nothing else.

  The statement model (docs/model.md) writes names as prefix:local with the conventional
  prefixes below plus the filing's own prefix (root @prefix / @namespace); t2x:ns-uri maps
  a prefix to its namespace.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="m t2x exsl">

  <!-- ============================================================ namespaces -->
  <xsl:variable name="ns-us-gaap" select="'http://fasb.org/us-gaap/2023'"/>
  <xsl:variable name="ns-dei" select="'http://xbrl.sec.gov/dei/2023'"/>
  <xsl:variable name="ns-srt" select="'http://fasb.org/srt/2023'"/>
  <xsl:variable name="ns-us-types" select="'http://fasb.org/us-types/2023'"/>
  <xsl:variable name="ns-srt-types" select="'http://fasb.org/srt-types/2023'"/>
  <xsl:variable name="ns-dtr-types" select="'http://www.xbrl.org/dtr/type/2022-03-31'"/>
  <xsl:variable name="ns-enum2" select="'http://xbrl.org/2020/extensible-enumerations-2.0'"/>
  <xsl:variable name="ns-iso4217" select="'http://www.xbrl.org/2003/iso4217'"/>
  <xsl:variable name="ns-xbrli" select="'http://www.xbrl.org/2003/instance'"/>
  <xsl:variable name="ns-xbrldi" select="'http://xbrl.org/2006/xbrldi'"/>
  <xsl:variable name="ns-xbrldt" select="'http://xbrl.org/2005/xbrldt'"/>
  <xsl:variable name="ns-link" select="'http://www.xbrl.org/2003/linkbase'"/>
  <xsl:variable name="ns-xlink" select="'http://www.w3.org/1999/xlink'"/>
  <xsl:variable name="ns-xs" select="'http://www.w3.org/2001/XMLSchema'"/>

  <!-- ============================================================ schema locations -->
  <xsl:variable name="xsd-us-gaap" select="'https://xbrl.fasb.org/us-gaap/2023/elts/us-gaap-2023.xsd'"/>
  <xsl:variable name="xsd-dei" select="'https://xbrl.sec.gov/dei/2023/dei-2023.xsd'"/>
  <xsl:variable name="xsd-srt" select="'https://xbrl.fasb.org/srt/2023/elts/srt-2023.xsd'"/>
  <xsl:variable name="xsd-us-types" select="'https://xbrl.fasb.org/us-gaap/2023/elts/us-types-2023.xsd'"/>
  <xsl:variable name="xsd-srt-types" select="'https://xbrl.fasb.org/srt/2023/elts/srt-types-2023.xsd'"/>
  <xsl:variable name="xsd-dtr-types" select="'https://www.xbrl.org/dtr/type/2022-03-31/types.xsd'"/>
  <xsl:variable name="xsd-enum2" select="'https://www.xbrl.org/2020/extensible-enumerations-2.0.xsd'"/>
  <xsl:variable name="xsd-xbrli" select="'http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd'"/>

  <!-- ============================================================ the filing -->
  <xsl:variable name="filing" select="/m:filing"/>
  <xsl:variable name="ext-prefix" select="string(/m:filing/@prefix)"/>
  <xsl:variable name="ext-ns" select="string(/m:filing/@namespace)"/>
  <xsl:variable name="stem" select="string(/m:filing/@stem)"/>

  <!-- prefix -> namespace table (a node-set; the filing's own prefix last) -->
  <xsl:variable name="t2x-ns-table-rtf">
    <t2x:ns prefix="us-gaap" uri="{$ns-us-gaap}" xsd="{$xsd-us-gaap}"/>
    <t2x:ns prefix="dei" uri="{$ns-dei}" xsd="{$xsd-dei}"/>
    <t2x:ns prefix="srt" uri="{$ns-srt}" xsd="{$xsd-srt}"/>
    <t2x:ns prefix="us-types" uri="{$ns-us-types}" xsd="{$xsd-us-types}"/>
    <t2x:ns prefix="srt-types" uri="{$ns-srt-types}" xsd="{$xsd-srt-types}"/>
    <t2x:ns prefix="dtr-types" uri="{$ns-dtr-types}" xsd="{$xsd-dtr-types}"/>
    <t2x:ns prefix="enum2" uri="{$ns-enum2}" xsd="{$xsd-enum2}"/>
    <t2x:ns prefix="iso4217" uri="{$ns-iso4217}"/>
    <t2x:ns prefix="xbrli" uri="{$ns-xbrli}" xsd="{$xsd-xbrli}"/>
    <t2x:ns prefix="xbrldi" uri="{$ns-xbrldi}"/>
    <t2x:ns prefix="xbrldt" uri="{$ns-xbrldt}"/>
    <t2x:ns prefix="link" uri="{$ns-link}"/>
    <t2x:ns prefix="xlink" uri="{$ns-xlink}"/>
    <t2x:ns prefix="{$ext-prefix}" uri="{$ext-ns}" ext="true"/>
  </xsl:variable>
  <xsl:variable name="t2x-ns-table" select="exsl:node-set($t2x-ns-table-rtf)/t2x:ns"/>

  <!-- Stop unless the input is a model whose own prefix does not shadow a standard one. -->
  <xsl:template name="t2x:check-filing">
    <xsl:if test="not(/m:filing)">
      <xsl:message terminate="yes">txt2xbrl templates: the input is not a statement model</xsl:message>
    </xsl:if>
    <xsl:if test="$t2x-ns-table[not(@ext)][@prefix = $ext-prefix] or $ext-prefix = 'xs'
                  or $ext-prefix = 'xml' or $ext-prefix = ''">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: the filing prefix ', $ext-prefix,
                                     ' is reserved for a standard namespace')"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>

  <!-- The prefix of a prefixed name ("us-gaap:Assets" -> "us-gaap"). -->
  <xsl:template name="t2x:prefix">
    <xsl:param name="qname"/>
    <xsl:value-of select="substring-before($qname, ':')"/>
  </xsl:template>

  <!-- The namespace of a prefixed name; stops the transformation on an unknown prefix (the
       model names only the prefixes of docs/model.md and its own). -->
  <xsl:template name="t2x:ns-uri">
    <xsl:param name="qname"/>
    <xsl:variable name="p" select="substring-before($qname, ':')"/>
    <xsl:variable name="hit" select="$t2x-ns-table[@prefix = $p]"/>
    <xsl:choose>
      <xsl:when test="$p != '' and $hit">
        <xsl:value-of select="$hit[1]/@uri"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">
          <xsl:text>txt2xbrl templates: unknown namespace prefix in '</xsl:text>
          <xsl:value-of select="$qname"/>
          <xsl:text>'</xsl:text>
        </xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A namespace node prefix -> uri, for xsl:copy-of onto a result element (XSLT 1.0 has
       no xsl:namespace; this is the EXSLT node-set route). -->
  <xsl:template name="t2x:declare-ns">
    <xsl:param name="prefix"/>
    <xsl:param name="uri"/>
    <xsl:variable name="carrier">
      <xsl:element name="{$prefix}:carrier" namespace="{$uri}"/>
    </xsl:variable>
    <xsl:copy-of select="exsl:node-set($carrier)/*/namespace::*[local-name() = $prefix]"/>
  </xsl:template>

  <!-- The concept of a model fact: a cover fact's or a cell's own @concept, else its row's. -->
  <xsl:template name="t2x:fact-concept">
    <xsl:param name="f" select="."/>
    <xsl:choose>
      <xsl:when test="$f/@concept">
        <xsl:value-of select="$f/@concept"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$f/../@concept"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The inline document's record of its source, which `txt2xbrl verify` finds the outputs of
       a filing by (docs/inline.md "Provenance", docs/verify.md): one processing instruction
       before the root element,
         <?t2x-source sha256="64 hex" length="bytes" encoding="…"?>
       from the model's root (encoding when the model has a source section). A processing
       instruction is neither HTML content nor a fact: browsers skip it and EDGAR's rules for
       inline documents (EFM 5.2.5, which allow no <meta> but the content type) do not apply to
       it. Every inline document calls this one template. -->
  <xsl:template name="t2x:source-pi">
    <xsl:processing-instruction name="t2x-source">
      <xsl:value-of select="concat('sha256=&quot;', /m:filing/@source-sha256, '&quot; length=&quot;',
                                   /m:filing/@source-length, '&quot;')"/>
      <xsl:if test="/m:filing/m:source/@encoding">
        <xsl:value-of select="concat(' encoding=&quot;', /m:filing/m:source/@encoding, '&quot;')"/>
      </xsl:if>
    </xsl:processing-instruction>
  </xsl:template>

  <!-- The provenance comment at the top of every output: tool version, source name and hash.
       "-" runs are broken up so that any file name makes a well-formed comment. -->
  <xsl:template name="t2x:provenance-comment">
    <xsl:comment>
      <xsl:call-template name="t2x:comment-safe">
        <xsl:with-param name="s" select="concat(' txt2xbrl ', /m:filing/@tool-version, ' from ',
                                                /m:filing/@source-name, ' (sha256 ',
                                                /m:filing/@source-sha256, ') ')"/>
      </xsl:call-template>
    </xsl:comment>
  </xsl:template>

  <xsl:template name="t2x:comment-safe">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '--')">
        <xsl:value-of select="concat(substring-before($s, '--'), '- ')"/>
        <xsl:call-template name="t2x:comment-safe">
          <xsl:with-param name="s" select="concat('-', substring-after($s, '--'))"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The cover's presentation role (EFM 6.12.3: every dei fact in a presentation group), the
       first role of the filing ("0001 - Document - Cover"); no statement role is named so. -->
  <xsl:variable name="t2x-cover-role" select="'Cover'"/>

  <!-- The role URI of a statement. -->
  <xsl:template name="t2x:role-uri">
    <xsl:param name="statement" select="."/>
    <xsl:value-of select="concat($ext-ns, '/role/', $statement/@role)"/>
  </xsl:template>
  <!-- ============================================================ facts (shared by the
       instance, the xBRL-JSON report and any other fact writer) -->
  <!-- Facts by their identity: concept (a cell's own @concept, else its row's), context, unit,
       decimals, value. $t2x-facts holds each identity once, the first in document order (cover
       facts, then statement cells); duplicates with another value or other decimals are all
       kept (the inline document tags every printing, and its facts must be these). -->
  <xsl:key name="t2x:fact-by-identity" match="m:cover/m:fact | m:statement/m:row/m:cell"
           use="concat(@concept, substring(../@concept, 1 div not(@concept)), '|',
                       @context, '|', @unit, '|', @decimals, '|', @value)"/>
  <xsl:variable name="t2x-facts"
                select="(/m:filing/m:cover/m:fact | /m:filing/m:statement/m:row/m:cell)
                        [count(. | key('t2x:fact-by-identity',
                           concat(@concept, substring(../@concept, 1 div not(@concept)), '|',
                                  @context, '|', @unit, '|', @decimals, '|', @value))[1]) = 1]"/>

  <!-- ============================================================ taxonomy links -->
  <!-- The locator href of a concept: the official schema URL + '#' + prefix_local for the
       standard namespaces, STEM.xsd#prefix_local for the filing's own. -->
  <xsl:template name="t2x:concept-href">
    <xsl:param name="qname"/>
    <xsl:variable name="p" select="substring-before($qname, ':')"/>
    <xsl:variable name="id" select="concat($p, '_', substring-after($qname, ':'))"/>
    <xsl:choose>
      <xsl:when test="$p = $ext-prefix">
        <xsl:value-of select="concat($stem, '.xsd#', $id)"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- the table is looked up only for a standard prefix -->
        <xsl:variable name="hit" select="$t2x-ns-table[@prefix = $p][1]"/>
        <xsl:choose>
          <xsl:when test="$hit/@xsd">
            <xsl:value-of select="concat($hit/@xsd, '#', $id)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:message terminate="yes">
              <xsl:value-of select="concat('txt2xbrl templates: no schema for the concept ', $qname)"/>
            </xsl:message>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Label roles: XBRL 2.1 standard roles and the LRR negated roles (negated-2009-12-16.xsd). -->
  <xsl:variable name="t2x-role-label" select="'http://www.xbrl.org/2003/role/label'"/>
  <xsl:variable name="t2x-lrr-negated" select="'http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd'"/>

  <!-- The URI of a label role named by its local name (terseLabel, negatedLabel, ...). -->
  <xsl:template name="t2x:label-role-uri">
    <xsl:param name="local"/>
    <xsl:choose>
      <xsl:when test="starts-with($local, 'negated')">
        <xsl:value-of select="concat('http://www.xbrl.org/2009/role/', $local)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('http://www.xbrl.org/2003/role/', $local)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label plan: which label role carries the words of each presented concept (the
       presentation arc's preferredLabel) and what those words are. Only standard label roles
       (XBRL 2.1 and the LRR; EFM 6.10): one (concept, role) holds one text. Entries, in order:
         - each row with a concept: its printed words in the role
             period-role start/end      periodStartLabel / periodEndLabel
             total or subtotal row      totalLabel
             any other row              terseLabel
           each with the negated variant (LRR) when row/@negated is true; an unlabeled row (a
           subtotal placed by arithmetic) gets the words of its concept's name ("Property Plant And
           Equipment Gross") in that role; an extension concept whose terse words are the label
           it is declared with uses that standard label (role "");
         - each number printed inside a row label that is a fact of another concept
           (row = ROWID|CONCEPT), each cover fact's concept (row = cover|CONCEPT) and the
           equity statement's table, axis and line items (row = SID|table…): terseLabel with
           the words of the concept's name;
       When one concept is printed in one role with other words in several places, the first
       words keep the role; a balance printed with its year ("Balance at December 31, 2002",
       "…, 2003") is labelled without it ("Balance at December 31"); a second wording of a
       terse or negated label takes verboseLabel / negatedTerseLabel; further wordings share the
       first one's label.
       Output: <t2x:lab row concept text role std="true|false"/> (role: a URI, "" for std). -->
  <xsl:key name="t2x:concept" match="m:concepts/m:concept" use="@name"/>
  <xsl:key name="t2x:lab-role" match="t2x:lab" use="concat(@concept, '|', @base, '|', @std)"/>
  <xsl:template name="t2x:label-plan">
    <!-- the concepts key('t2x:concept', ...)[@extension = 'true'] could return, scanned
         instead of keyed: a key() call on the model builds every key of the model (with
         t2x:fact-by-identity), which the stylesheets without facts do not need -->
    <xsl:variable name="ext-concepts" select="$filing//m:concepts/m:concept[@extension = 'true']"/>
    <xsl:variable name="raw">
      <xsl:for-each select="/m:filing/m:statement/m:row[@concept]">
        <xsl:variable name="neg" select="@negated = 'true'"/>
        <xsl:variable name="total" select="@kind = 'total' or @kind = 'subtotal'"/>
        <xsl:variable name="base">
          <xsl:choose>
            <xsl:when test="@period-role = 'start' and $neg">negatedPeriodStartLabel</xsl:when>
            <xsl:when test="@period-role = 'start'">periodStartLabel</xsl:when>
            <xsl:when test="@period-role = 'end' and $neg">negatedPeriodEndLabel</xsl:when>
            <xsl:when test="@period-role = 'end'">periodEndLabel</xsl:when>
            <xsl:when test="$total and $neg">negatedTotalLabel</xsl:when>
            <xsl:when test="$total">totalLabel</xsl:when>
            <xsl:when test="$neg">negatedLabel</xsl:when>
            <xsl:otherwise>terseLabel</xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:variable name="c" select="string(@concept)"/>
        <xsl:variable name="printed" select="normalize-space(translate(@label, '&lt;', ' '))"/>
        <xsl:variable name="ext" select="$ext-concepts[@name = $c]"/>
        <xsl:variable name="text">
          <xsl:choose>
            <xsl:when test="$printed != ''"><xsl:value-of select="$printed"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="t2x:name-words">
                <xsl:with-param name="qname" select="$c"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <t2x:lab row="{@id}" concept="{$c}" text="{$text}" base="{$base}"
                 std="{($ext and $printed = '') or ($base = 'terseLabel' and $ext/@label
                       and normalize-space($ext/@label) = $printed)}">
          <xsl:attribute name="stripped">
            <xsl:call-template name="t2x:without-year">
              <xsl:with-param name="s" select="$text"/>
            </xsl:call-template>
          </xsl:attribute>
        </t2x:lab>
      </xsl:for-each>
      <xsl:for-each select="/m:filing/m:statement/m:row[@concept]/m:cell[@concept]">
        <xsl:variable name="cc" select="string(@concept)"/>
        <xsl:if test="$cc != ../@concept and not(preceding-sibling::m:cell[@concept = $cc])">
          <xsl:call-template name="t2x:name-lab">
            <xsl:with-param name="row" select="concat(../@id, '|', $cc)"/>
            <xsl:with-param name="qname" select="$cc"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="/m:filing/m:cover/m:fact">
        <xsl:variable name="cc" select="string(@concept)"/>
        <xsl:if test="not(preceding-sibling::m:fact[@concept = $cc])">
          <xsl:call-template name="t2x:name-lab">
            <xsl:with-param name="row" select="concat('cover|', $cc)"/>
            <xsl:with-param name="qname" select="$cc"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="/m:filing/m:statement[@kind = 'equity'][m:column[@member]]">
        <xsl:variable name="sid" select="@id"/>
        <xsl:for-each select="$t2x-equity-parts/*">
          <xsl:call-template name="t2x:name-lab">
            <xsl:with-param name="row" select="concat($sid, '|', local-name())"/>
            <xsl:with-param name="qname" select="@qname"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="exsl:node-set($raw)/t2x:lab">
      <xsl:variable name="b" select="@base"/>
      <xsl:variable name="t" select="@text"/>
      <t2x:lab row="{@row}" concept="{@concept}" std="{@std}">
        <xsl:choose>
          <xsl:when test="@std = 'true'">
            <xsl:attribute name="role"/>
            <xsl:attribute name="text"><xsl:value-of select="$t"/></xsl:attribute>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="grp" select="key('t2x:lab-role', concat(@concept, '|', $b, '|false'))"/>
            <xsl:variable name="t1" select="string($grp[1]/@text)"/>
            <xsl:variable name="s1" select="string($grp[1]/@stripped)"/>
            <xsl:variable name="period" select="contains($b, 'eriod')"/>
            <!-- a balance printed with its year in several rows: the words without the year -->
            <xsl:variable name="gtext">
              <xsl:choose>
                <xsl:when test="$period and $grp[@text != $t1][@stripped = $s1]"><xsl:value-of select="$s1"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$t1"/></xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:variable name="others" select="$grp[@text != $t1][not($period and @stripped = $s1)]"/>
            <xsl:variable name="alt">
              <xsl:choose>
                <xsl:when test="$b = 'terseLabel'">verboseLabel</xsl:when>
                <xsl:when test="$b = 'negatedLabel'">negatedTerseLabel</xsl:when>
              </xsl:choose>
            </xsl:variable>
            <xsl:variable name="use-alt" select="$t != $t1 and string($alt) != '' and $others[1]/@text = $t
                                                 and not($period and @stripped = $s1)"/>
            <xsl:attribute name="role">
              <xsl:call-template name="t2x:label-role-uri">
                <xsl:with-param name="local">
                  <xsl:choose>
                    <xsl:when test="$use-alt"><xsl:value-of select="$alt"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="$b"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </xsl:attribute>
            <xsl:attribute name="text">
              <xsl:choose>
                <xsl:when test="$use-alt"><xsl:value-of select="$t"/></xsl:when>
                <xsl:otherwise><xsl:value-of select="$gtext"/></xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
          </xsl:otherwise>
        </xsl:choose>
      </t2x:lab>
    </xsl:for-each>
  </xsl:template>

  <!-- The parts of an equity statement's table, presented from its root (presentation.xsl). -->
  <xsl:variable name="t2x-equity-parts-rtf">
    <table qname="us-gaap:StatementTable"/>
    <axis qname="us-gaap:StatementEquityComponentsAxis"/>
    <lineitems qname="us-gaap:StatementLineItems"/>
  </xsl:variable>
  <xsl:variable name="t2x-equity-parts" select="exsl:node-set($t2x-equity-parts-rtf)"/>

  <!-- A raw label-plan entry naming a concept by the words of its name, in terseLabel. -->
  <xsl:template name="t2x:name-lab">
    <xsl:param name="row"/>
    <xsl:param name="qname"/>
    <xsl:variable name="text">
      <xsl:call-template name="t2x:name-words">
        <xsl:with-param name="qname" select="$qname"/>
      </xsl:call-template>
    </xsl:variable>
    <t2x:lab row="{$row}" concept="{$qname}" text="{$text}" stripped="{$text}" base="terseLabel"
             std="{starts-with($qname, concat($ext-prefix, ':'))}"/>
  </xsl:template>

  <!-- The words of a concept's local name: "us-gaap:PropertyPlantAndEquipmentGross" ->
       "Property Plant And Equipment Gross" (a space before each capital that follows a
       lower-case letter or a digit). -->
  <xsl:template name="t2x:name-words">
    <xsl:param name="qname"/>
    <xsl:param name="s" select="substring-after($qname, ':')"/>
    <xsl:param name="prev" select="''"/>
    <xsl:if test="$s != ''">
      <xsl:variable name="c" select="substring($s, 1, 1)"/>
      <xsl:if test="$prev != '' and contains($t2x-upper, $c) and not(contains($t2x-upper, $prev))">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:value-of select="$c"/>
      <xsl:call-template name="t2x:name-words">
        <xsl:with-param name="s" select="substring($s, 2)"/>
        <xsl:with-param name="prev" select="$c"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Words without a trailing year: "Balance at December 31, 2002" -> "Balance at December 31"
       (a last word of four digits starting 19 or 20, and the comma before it). -->
  <xsl:template name="t2x:without-year">
    <xsl:param name="s"/>
    <xsl:variable name="n" select="string-length($s)"/>
    <xsl:variable name="y" select="substring($s, $n - 3)"/>
    <xsl:choose>
      <xsl:when test="$n &gt; 5 and translate($y, '0123456789', '') = ''
                      and (starts-with($y, '19') or starts-with($y, '20'))
                      and substring($s, $n - 4, 1) = ' '">
        <xsl:variable name="r" select="normalize-space(substring($s, 1, $n - 5))"/>
        <xsl:choose>
          <xsl:when test="substring($r, string-length($r)) = ','">
            <xsl:value-of select="substring($r, 1, string-length($r) - 1)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="$r"/></xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ============================================================ abstract elements -->
  <!-- The presentation linkbase needs abstract elements: one root per statement and one per
       group header row. A primary statement's root is the us-gaap abstract of its kind and a
       header whose words name a us-gaap/dei/srt abstract uses it (the model's @abstract,
       converter/abstracts.c). Every other root is an extension element ROLE + "Abstract", every
       other header one named after its printed words in UpperCamelCase + "Abstract"
       ("Current assets:" -> CurrentAssetsAbstract): the k-th header with those words in its
       statement (k > 1) gets "_k" appended (so one statement never uses one element twice,
       while statements share the element of the same words); a name the model already uses
       gets "_k" from k = 1 (camel case never makes "_", and base taxonomy names never have one).
       Output: <t2x:root statement qname name label std/>* then <t2x:h row statement qname name
       label std k/>* (name: the extension local name, empty for a standard element). -->
  <xsl:variable name="t2x-upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="t2x-lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="t2x-alnum" select="concat($t2x-upper, $t2x-lower, '0123456789')"/>
  <xsl:variable name="t2x-spaces"
                select="concat('                                                                ',
                               '                                                                ')"/>

  <xsl:template name="t2x:abstract-plan">
    <!-- the concepts a name PREFIX:... can be, scanned instead of keyed (see t2x:label-plan) -->
    <xsl:variable name="ext-named"
                  select="$filing//m:concepts/m:concept[starts-with(@name, concat($ext-prefix, ':'))]"/>
    <xsl:variable name="raw">
      <xsl:for-each select="/m:filing/m:statement">
        <xsl:variable name="plain" select="concat(@role, 'Abstract')"/>
        <xsl:variable name="name">
          <xsl:choose>
            <xsl:when test="@abstract"/>
            <xsl:when test="$ext-named[@name = concat($ext-prefix, ':', $plain)]">
              <xsl:value-of select="concat($plain, '_0')"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="$plain"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <t2x:root statement="{@id}" label="{normalize-space(translate(@title, '&lt;', ' '))}" name="{$name}"
                  std="{boolean(@abstract)}">
          <xsl:attribute name="qname">
            <xsl:choose>
              <xsl:when test="@abstract"><xsl:value-of select="@abstract"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="concat($ext-prefix, ':', $name)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:attribute>
        </t2x:root>
      </xsl:for-each>
      <xsl:for-each select="/m:filing/m:statement/m:row[@kind = 'header']">
        <t2x:h row="{@id}" statement="{../@id}" label="{normalize-space(translate(@label, '&lt;', ' '))}"
               std-qname="{@abstract}">
          <xsl:attribute name="base">
            <xsl:call-template name="t2x:camel-name">
              <xsl:with-param name="s" select="@label"/>
            </xsl:call-template>
          </xsl:attribute>
        </t2x:h>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="r" select="exsl:node-set($raw)"/>
    <xsl:copy-of select="$r/t2x:root"/>
    <xsl:for-each select="$r/t2x:h">
      <xsl:variable name="b" select="@base"/>
      <xsl:variable name="sid" select="@statement"/>
      <xsl:variable name="k" select="count(preceding-sibling::t2x:h[@statement = $sid][@base = $b][@std-qname = ''])
                                     + 1"/>
      <xsl:variable name="plain" select="concat($b, 'Abstract')"/>
      <!-- a root of that name, a model concept, or a base element (another header of these
           words uses the standard one) -->
      <xsl:variable name="clash" select="$r/t2x:root[@name = $plain]
                                         or $ext-named[@name = concat($ext-prefix, ':', $plain)]
                                         or $r/t2x:h[@base = $b][@std-qname != '']"/>
      <xsl:variable name="name">
        <xsl:choose>
          <xsl:when test="@std-qname != ''"/>
          <xsl:when test="$k = 1 and not($clash)"><xsl:value-of select="$plain"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat($plain, '_', $k)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <t2x:h row="{@row}" statement="{@statement}" label="{@label}" name="{$name}" k="{$k}"
             std="{@std-qname != ''}">
        <xsl:attribute name="qname">
          <xsl:choose>
            <xsl:when test="@std-qname != ''"><xsl:value-of select="@std-qname"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="concat($ext-prefix, ':', $name)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </t2x:h>
    </xsl:for-each>
  </xsl:template>

  <!-- Printed words -> an NCName in UpperCamelCase, at most 100 characters, starting with a
       letter ("Header" when the words give none). Apostrophes are dropped; every other
       character that is not an ASCII letter or digit separates words; an all-capitals label is
       lower-cased first. -->
  <xsl:template name="t2x:camel-name">
    <xsl:param name="s"/>
    <xsl:variable name="a" select="normalize-space(translate($s, &quot;'&#x2019;&quot;, ''))"/>
    <xsl:variable name="b">
      <xsl:choose>
        <xsl:when test="translate($a, $t2x-lower, '') = $a">
          <xsl:value-of select="translate($a, $t2x-upper, $t2x-lower)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$a"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="junk" select="translate($b, $t2x-alnum, '')"/>
    <xsl:variable name="words" select="normalize-space(translate($b, $junk, $t2x-spaces))"/>
    <xsl:variable name="camel">
      <xsl:call-template name="t2x:capitalize-words">
        <xsl:with-param name="w" select="$words"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="c" select="substring($camel, 1, 100)"/>
    <xsl:choose>
      <xsl:when test="$c = ''">Header</xsl:when>
      <xsl:when test="contains('0123456789', substring($c, 1, 1))">
        <xsl:value-of select="concat('Header', $c)"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$c"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="t2x:capitalize-words">
    <xsl:param name="w"/>
    <xsl:if test="$w != ''">
      <xsl:variable name="first" select="substring-before(concat($w, ' '), ' ')"/>
      <xsl:value-of select="concat(translate(substring($first, 1, 1), $t2x-lower, $t2x-upper),
                                   substring($first, 2))"/>
      <xsl:call-template name="t2x:capitalize-words">
        <xsl:with-param name="w" select="substring-after($w, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The presentation parent of a row (context node): the nearest preceding header of the same
       statement that is still open, i.e. shallower than the row and not closed by a row in
       between that is as shallow as the header or shallower. Writes the header's row id, or
       nothing when the row belongs directly under the statement's root. A depth-first walk of
       the tree this gives meets the rows in printed order. -->
  <xsl:template name="t2x:row-parent">
    <!-- Walked back along the rows shallower than every row seen so far (each one shallower
         than the last): the first header met is the open one; the rows skipped are deeper
         than it and do not close it. -->
    <xsl:param name="limit" select="number(@depth)"/>
    <xsl:variable name="p" select="preceding-sibling::m:row[number(@depth) &lt; $limit][1]"/>
    <xsl:choose>
      <xsl:when test="not($p)"/>
      <xsl:when test="$p/@kind = 'header'"><xsl:value-of select="$p/@id"/></xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="$p">
          <xsl:call-template name="t2x:row-parent">
            <xsl:with-param name="limit" select="number(@depth)"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
