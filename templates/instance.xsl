<?xml version="1.0" encoding="UTF-8"?>
<!--
  instance.xsl - statement model (docs/model.md) -> XBRL 2.1 instance STEM.xml.

  Output, in this order:
    link:schemaRef to STEM.xsd (the filing's extension schema, which imports us-gaap/dei/srt);
    the contexts that some fact uses, in model order (entity identifier from the model root,
      equity-statement dimensions as xbrli:segment/xbrldi:explicitMember);
    the units that some fact uses, in model order (measure, or divide);
    the facts: every cover fact, then every statement cell in document order, once per
      (concept, context, unit, value); inconsistent duplicates (other value) are all kept.
  Numeric facts (those with a unit) carry unitRef and decimals; others are plain text.
  The templates format; they do not decide: every value is the model's.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:xbrli="http://www.xbrl.org/2003/instance"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xbrldi="http://xbrl.org/2006/xbrldi"
                xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
                xmlns:us-gaap="http://fasb.org/us-gaap/2023"
                xmlns:dei="http://xbrl.sec.gov/dei/2023"
                xmlns:srt="http://fasb.org/srt/2023"
                exclude-result-prefixes="m t2x">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" version="1.0" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <!-- Facts by context and by unit, to list only what is used. -->
  <xsl:key name="fact-by-context" match="m:cover/m:fact | m:statement/m:row/m:cell" use="@context"/>
  <xsl:key name="fact-by-unit" match="m:cover/m:fact | m:statement/m:row/m:cell" use="@unit"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:call-template name="t2x:provenance-comment"/>
    <xbrli:xbrl>
      <xsl:call-template name="t2x:declare-ns">
        <xsl:with-param name="prefix" select="$ext-prefix"/>
        <xsl:with-param name="uri" select="$ext-ns"/>
      </xsl:call-template>
      <link:schemaRef xlink:type="simple" xlink:href="{concat($stem, '.xsd')}"/>
      <xsl:apply-templates select="m:contexts/m:context[key('fact-by-context', @id)]"/>
      <xsl:apply-templates select="m:units/m:unit[key('fact-by-unit', @id)]"/>
      <!-- each fact identity once: $t2x-facts (common.xsl), shared with the xBRL-JSON report -->
      <xsl:for-each select="$t2x-facts">
        <xsl:call-template name="fact"/>
      </xsl:for-each>
    </xbrli:xbrl>
  </xsl:template>

  <!-- ============================================================ contexts -->
  <xsl:template match="m:context">
    <xbrli:context id="{@id}">
      <xbrli:entity>
        <xbrli:identifier scheme="{/m:filing/@entity-scheme}">
          <xsl:value-of select="/m:filing/@entity-id"/>
        </xbrli:identifier>
        <xsl:if test="m:member">
          <xbrli:segment>
            <xsl:for-each select="m:member">
              <!-- the prefixes of @dimension and @value must be declared on the root -->
              <xsl:variable name="dimension-ns">
                <xsl:call-template name="t2x:ns-uri">
                  <xsl:with-param name="qname" select="@dimension"/>
                </xsl:call-template>
              </xsl:variable>
              <xsl:variable name="member-ns">
                <xsl:call-template name="t2x:ns-uri">
                  <xsl:with-param name="qname" select="@value"/>
                </xsl:call-template>
              </xsl:variable>
              <xbrldi:explicitMember dimension="{@dimension}">
                <xsl:value-of select="@value"/>
              </xbrldi:explicitMember>
            </xsl:for-each>
          </xbrli:segment>
        </xsl:if>
      </xbrli:entity>
      <xbrli:period>
        <xsl:choose>
          <xsl:when test="@instant">
            <xbrli:instant><xsl:value-of select="@instant"/></xbrli:instant>
          </xsl:when>
          <xsl:when test="@start and @end">
            <xbrli:startDate><xsl:value-of select="@start"/></xbrli:startDate>
            <xbrli:endDate><xsl:value-of select="@end"/></xbrli:endDate>
          </xsl:when>
          <xsl:otherwise>
            <xsl:message terminate="yes">
              <xsl:value-of select="concat('txt2xbrl templates: context ', @id, ' has no period')"/>
            </xsl:message>
          </xsl:otherwise>
        </xsl:choose>
      </xbrli:period>
    </xbrli:context>
  </xsl:template>

  <!-- ============================================================ units -->
  <xsl:template match="m:unit">
    <xbrli:unit id="{@id}">
      <xsl:choose>
        <xsl:when test="@measure">
          <xsl:call-template name="measure">
            <xsl:with-param name="qname" select="@measure"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="@numerator and @denominator">
          <xbrli:divide>
            <xbrli:unitNumerator>
              <xsl:call-template name="measure">
                <xsl:with-param name="qname" select="@numerator"/>
              </xsl:call-template>
            </xbrli:unitNumerator>
            <xbrli:unitDenominator>
              <xsl:call-template name="measure">
                <xsl:with-param name="qname" select="@denominator"/>
              </xsl:call-template>
            </xbrli:unitDenominator>
          </xbrli:divide>
        </xsl:when>
        <xsl:otherwise>
          <xsl:message terminate="yes">
            <xsl:value-of select="concat('txt2xbrl templates: unit ', @id, ' has no measure')"/>
          </xsl:message>
        </xsl:otherwise>
      </xsl:choose>
    </xbrli:unit>
  </xsl:template>

  <xsl:template name="measure">
    <xsl:param name="qname"/>
    <xsl:variable name="p" select="substring-before($qname, ':')"/>
    <xsl:if test="$p != 'iso4217' and $p != 'xbrli'">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: unsupported measure ', $qname)"/>
      </xsl:message>
    </xsl:if>
    <xbrli:measure><xsl:value-of select="$qname"/></xbrli:measure>
  </xsl:template>

  <!-- ============================================================ facts -->
  <xsl:template name="fact">
    <xsl:variable name="concept">
      <xsl:call-template name="t2x:fact-concept"/>
    </xsl:variable>
    <xsl:variable name="uri">
      <xsl:call-template name="t2x:ns-uri">
        <xsl:with-param name="qname" select="$concept"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:element name="{$concept}" namespace="{$uri}">
      <xsl:attribute name="contextRef"><xsl:value-of select="@context"/></xsl:attribute>
      <xsl:if test="@unit">
        <xsl:attribute name="unitRef"><xsl:value-of select="@unit"/></xsl:attribute>
        <xsl:attribute name="decimals"><xsl:value-of select="@decimals"/></xsl:attribute>
      </xsl:if>
      <xsl:value-of select="@value"/>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
