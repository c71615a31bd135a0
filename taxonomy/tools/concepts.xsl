<?xml version="1.0" encoding="UTF-8"?>
<!--
  concepts.xsl - one taxonomy element schema (us-gaap-YYYY.xsd, srt-YYYY.xsd, dei-YYYY.xsd) to
  rows of taxonomy/concepts.tsv (XSLT 1.0, for xsltproc). Run by make-concepts.sh, which adds
  the header line and sorts the rows of all schemas together (LC_ALL=C).

  One row per global element that is a taxonomy concept (it has a substitutionGroup: items,
  hypercubes, dimensions); typed-dimension domain elements and helper elements without one
  (us-gaap:*.domain, dei:lineNo) are left out. Columns, TAB separated:

    qname  type  periodType  balance  abstract  substitutionGroup

  qname: conventional prefix of the targetNamespace + ":" + @name.
  type, substitutionGroup: the QName as written in the schema, with its prefix replaced by the
  conventional prefix of the namespace it is bound to (see the "prefix" template), so that rows
  do not depend on the prefixes a release happens to declare.
  balance: "debit", "credit" or empty. abstract: "true" or "false".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:xbrli="http://www.xbrl.org/2003/instance"
    exclude-result-prefixes="xs xbrli">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="TAB" select="'&#9;'"/>
  <xsl:variable name="NL" select="'&#10;'"/>

  <!-- The conventional prefix of a namespace URI; empty when unknown. -->
  <xsl:template name="prefix">
    <xsl:param name="uri"/>
    <xsl:choose>
      <xsl:when test="$uri = 'http://www.xbrl.org/2003/instance'">xbrli</xsl:when>
      <xsl:when test="$uri = 'http://www.xbrl.org/2003/linkbase'">link</xsl:when>
      <xsl:when test="$uri = 'http://xbrl.org/2005/xbrldt'">xbrldt</xsl:when>
      <xsl:when test="$uri = 'http://www.w3.org/2001/XMLSchema'">xs</xsl:when>
      <xsl:when test="$uri = 'http://www.xbrl.org/dtr/type/numeric'">num</xsl:when>
      <xsl:when test="$uri = 'http://www.xbrl.org/dtr/type/non-numeric'">nonnum</xsl:when>
      <xsl:when test="starts-with($uri, 'http://www.xbrl.org/dtr/type/')">dtr-types</xsl:when>
      <xsl:when test="$uri = 'http://xbrl.org/2020/extensible-enumerations-2.0'">enum2</xsl:when>
      <xsl:when test="$uri = 'http://xbrl.org/2014/extensible-enumerations'">enum</xsl:when>
      <xsl:when test="starts-with($uri, 'http://fasb.org/us-gaap/')">us-gaap</xsl:when>
      <xsl:when test="starts-with($uri, 'http://fasb.org/us-types/')">us-types</xsl:when>
      <xsl:when test="starts-with($uri, 'http://fasb.org/srt/')">srt</xsl:when>
      <xsl:when test="starts-with($uri, 'http://fasb.org/srt-types/')">srt-types</xsl:when>
      <xsl:when test="starts-with($uri, 'http://xbrl.sec.gov/dei/')">dei</xsl:when>
      <xsl:when test="starts-with($uri, 'http://xbrl.sec.gov/country/')">country</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- A QName attribute value rewritten with the conventional prefix of its namespace (read
       from the in-scope namespaces of the element that carries it). -->
  <xsl:template name="qname">
    <xsl:param name="value"/>
    <xsl:param name="context" select="."/>
    <xsl:variable name="v" select="normalize-space($value)"/>
    <xsl:variable name="pfx" select="substring-before($v, ':')"/>
    <xsl:variable name="local">
      <xsl:choose>
        <xsl:when test="contains($v, ':')"><xsl:value-of select="substring-after($v, ':')"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="uri" select="string($context/namespace::*[name() = $pfx])"/>
    <xsl:variable name="conv">
      <xsl:call-template name="prefix"><xsl:with-param name="uri" select="$uri"/></xsl:call-template>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$uri = ''">
        <xsl:message terminate="yes">concepts.xsl: prefix '<xsl:value-of select="$pfx"/>' of '<xsl:value-of select="$v"/>' is not bound</xsl:message>
      </xsl:when>
      <xsl:when test="string($conv) != ''"><xsl:value-of select="concat($conv, ':', $local)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/xs:schema">
    <xsl:variable name="tprefix">
      <xsl:call-template name="prefix">
        <xsl:with-param name="uri" select="@targetNamespace"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string($tprefix) = ''">
      <xsl:message terminate="yes">concepts.xsl: no conventional prefix for targetNamespace '<xsl:value-of select="@targetNamespace"/>'</xsl:message>
    </xsl:if>
    <xsl:for-each select="xs:element[@substitutionGroup]">
      <xsl:if test="not(@xbrli:periodType = 'instant' or @xbrli:periodType = 'duration')">
        <xsl:message terminate="yes">concepts.xsl: element '<xsl:value-of select="@name"/>' has no valid xbrli:periodType</xsl:message>
      </xsl:if>
      <xsl:value-of select="concat($tprefix, ':', @name, $TAB)"/>
      <xsl:call-template name="qname"><xsl:with-param name="value" select="@type"/></xsl:call-template>
      <xsl:value-of select="concat($TAB, @xbrli:periodType, $TAB, @xbrli:balance, $TAB)"/>
      <xsl:choose>
        <xsl:when test="@abstract = 'true' or @abstract = '1'">true</xsl:when>
        <xsl:otherwise>false</xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$TAB"/>
      <xsl:call-template name="qname"><xsl:with-param name="value" select="@substitutionGroup"/></xsl:call-template>
      <xsl:value-of select="$NL"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="text()"/>
</xsl:stylesheet>
