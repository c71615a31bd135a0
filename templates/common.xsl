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

  <!-- The role URI of a statement. -->
  <xsl:template name="t2x:role-uri">
    <xsl:param name="statement" select="."/>
    <xsl:value-of select="concat($ext-ns, '/role/', $statement/@role)"/>
  </xsl:template>
</xsl:stylesheet>
