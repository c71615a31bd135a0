<?xml version="1.0" encoding="UTF-8"?>
<!--
  definition.xsl - statement model (docs/model.md) -> the definition linkbase STEM_def.xml:
  the dimensional structure (XBRL Dimensions 1.0) of each equity statement whose columns are
  equity components, in the statement's role:

    us-gaap:StatementLineItems  -all (closed, segment)->       us-gaap:StatementTable
    us-gaap:StatementTable      -hypercube-dimension->         us-gaap:StatementEquityComponentsAxis
    us-gaap:StatementEquityComponentsAxis -dimension-domain->  us-gaap:EquityComponentDomain
    us-gaap:StatementEquityComponentsAxis -dimension-default-> us-gaap:EquityComponentDomain
    us-gaap:EquityComponentDomain -domain-member->             each column member (column order)
    us-gaap:StatementLineItems  -domain-member->               each concept of the statement's
                                                               rows and cells (row order)

  A statement of one legal entity (statement/@entity-member: parent company only) gets the same
  table with dei:LegalEntityAxis -> dei:EntityDomain (default) -> that member, beside the equity
  axis when it is an equity statement with components.

  The Total column has no member: its facts take the default, EquityComponentDomain. The
  default is declared here because the DTS imports only the us-gaap element schema, not the
  FASB definition linkbases. With the default, the same concepts reported without a dimension
  elsewhere (net income in the income statement) are dimensionally valid too.
  Filings without such a statement get an empty linkbase.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xbrldt="http://xbrl.org/2005/xbrldt"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                exclude-result-prefixes="m t2x">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" version="1.0" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="xdt" select="'http://xbrl.org/int/dim/arcrole/'"/>
  <xsl:variable name="xdt-xsd" select="'http://www.xbrl.org/2005/xbrldt-2005.xsd'"/>
  <xsl:variable name="tables"
                select="/m:filing/m:statement[(@kind = 'equity' and m:column[@member]) or @entity-member]"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:call-template name="t2x:provenance-comment"/>
    <link:linkbase xsi:schemaLocation="http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd">
      <xsl:for-each select="$tables">
        <link:roleRef xlink:type="simple" xlink:href="{concat($stem, '.xsd#', @role)}">
          <xsl:attribute name="roleURI">
            <xsl:call-template name="t2x:role-uri"/>
          </xsl:attribute>
        </link:roleRef>
      </xsl:for-each>
      <xsl:if test="$tables">
        <xsl:call-template name="arcrole-ref">
          <xsl:with-param name="id" select="'all'"/>
        </xsl:call-template>
        <xsl:call-template name="arcrole-ref">
          <xsl:with-param name="id" select="'dimension-default'"/>
        </xsl:call-template>
        <xsl:call-template name="arcrole-ref">
          <xsl:with-param name="id" select="'dimension-domain'"/>
        </xsl:call-template>
        <xsl:call-template name="arcrole-ref">
          <xsl:with-param name="id" select="'domain-member'"/>
        </xsl:call-template>
        <xsl:call-template name="arcrole-ref">
          <xsl:with-param name="id" select="'hypercube-dimension'"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="$tables"/>
    </link:linkbase>
  </xsl:template>

  <!-- An XDT arcrole (xbrldt-2005.xsd declares each with its local name as id). -->
  <xsl:template name="arcrole-ref">
    <xsl:param name="id"/>
    <link:arcroleRef xlink:type="simple" arcroleURI="{concat($xdt, $id)}"
                     xlink:href="{concat($xdt-xsd, '#', $id)}"/>
  </xsl:template>

  <xsl:template match="m:statement">
    <xsl:variable name="components" select="@kind = 'equity' and m:column[@member]"/>
    <link:definitionLink xlink:type="extended">
      <xsl:attribute name="xlink:role">
        <xsl:call-template name="t2x:role-uri"/>
      </xsl:attribute>
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'lineitems'"/>
        <xsl:with-param name="qname" select="'us-gaap:StatementLineItems'"/>
      </xsl:call-template>
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'table'"/>
        <xsl:with-param name="qname" select="'us-gaap:StatementTable'"/>
      </xsl:call-template>
      <link:definitionArc xlink:type="arc" xlink:arcrole="{concat($xdt, 'all')}"
                          xlink:from="lineitems" xlink:to="table" order="1"
                          xbrldt:closed="true" xbrldt:contextElement="segment"/>
      <xsl:if test="$components">
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'axis'"/>
        <xsl:with-param name="qname" select="'us-gaap:StatementEquityComponentsAxis'"/>
      </xsl:call-template>
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'domain'"/>
        <xsl:with-param name="qname" select="'us-gaap:EquityComponentDomain'"/>
      </xsl:call-template>
      <!-- a second locator of the domain: the default arc may not repeat the from/to pair of
           the dimension-domain arc in one extended link (XLink 1.0 5.1.5) -->
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'default'"/>
        <xsl:with-param name="qname" select="'us-gaap:EquityComponentDomain'"/>
      </xsl:call-template>

      <xsl:call-template name="arc">
        <xsl:with-param name="arcrole" select="'hypercube-dimension'"/>
        <xsl:with-param name="from" select="'table'"/>
        <xsl:with-param name="to" select="'axis'"/>
        <xsl:with-param name="order" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="arc">
        <xsl:with-param name="arcrole" select="'dimension-domain'"/>
        <xsl:with-param name="from" select="'axis'"/>
        <xsl:with-param name="to" select="'domain'"/>
        <xsl:with-param name="order" select="1"/>
      </xsl:call-template>
      <xsl:call-template name="arc">
        <xsl:with-param name="arcrole" select="'dimension-default'"/>
        <xsl:with-param name="from" select="'axis'"/>
        <xsl:with-param name="to" select="'default'"/>
        <xsl:with-param name="order" select="1"/>
      </xsl:call-template>
      </xsl:if>
      <xsl:if test="@entity-member">
        <xsl:call-template name="loc">
          <xsl:with-param name="label" select="'entity-axis'"/>
          <xsl:with-param name="qname" select="'dei:LegalEntityAxis'"/>
        </xsl:call-template>
        <xsl:call-template name="loc">
          <xsl:with-param name="label" select="'entity-domain'"/>
          <xsl:with-param name="qname" select="'dei:EntityDomain'"/>
        </xsl:call-template>
        <xsl:call-template name="loc">
          <xsl:with-param name="label" select="'entity-default'"/>
          <xsl:with-param name="qname" select="'dei:EntityDomain'"/>
        </xsl:call-template>
        <xsl:call-template name="loc">
          <xsl:with-param name="label" select="'entity-member'"/>
          <xsl:with-param name="qname" select="@entity-member"/>
        </xsl:call-template>
        <xsl:call-template name="arc">
          <xsl:with-param name="arcrole" select="'hypercube-dimension'"/>
          <xsl:with-param name="from" select="'table'"/>
          <xsl:with-param name="to" select="'entity-axis'"/>
          <xsl:with-param name="order" select="2"/>
        </xsl:call-template>
        <xsl:call-template name="arc">
          <xsl:with-param name="arcrole" select="'dimension-domain'"/>
          <xsl:with-param name="from" select="'entity-axis'"/>
          <xsl:with-param name="to" select="'entity-domain'"/>
          <xsl:with-param name="order" select="1"/>
        </xsl:call-template>
        <xsl:call-template name="arc">
          <xsl:with-param name="arcrole" select="'dimension-default'"/>
          <xsl:with-param name="from" select="'entity-axis'"/>
          <xsl:with-param name="to" select="'entity-default'"/>
          <xsl:with-param name="order" select="1"/>
        </xsl:call-template>
        <xsl:call-template name="arc">
          <xsl:with-param name="arcrole" select="'domain-member'"/>
          <xsl:with-param name="from" select="'entity-domain'"/>
          <xsl:with-param name="to" select="'entity-member'"/>
          <xsl:with-param name="order" select="1"/>
        </xsl:call-template>
      </xsl:if>

      <!-- the members of the component columns, each once, in column order -->
      <xsl:for-each select="m:column[@member]">
        <xsl:variable name="mem" select="@member"/>
        <xsl:if test="not(preceding-sibling::m:column[@member = $mem])">
          <xsl:call-template name="loc">
            <xsl:with-param name="label" select="concat('member_', @id)"/>
            <xsl:with-param name="qname" select="@member"/>
          </xsl:call-template>
          <xsl:call-template name="arc">
            <xsl:with-param name="arcrole" select="'domain-member'"/>
            <xsl:with-param name="from" select="'domain'"/>
            <xsl:with-param name="to" select="concat('member_', @id)"/>
            <xsl:with-param name="order" select="count(preceding-sibling::m:column) + 1"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>

      <!-- the primary items: every concept of a row or a cell, each once, in row order -->
      <xsl:for-each select="m:row/@concept | m:row/m:cell/@concept">
        <xsl:variable name="c" select="string(.)"/>
        <xsl:variable name="row" select="ancestor::m:row"/>
        <xsl:if test="not($row/preceding-sibling::m:row[@concept = $c or m:cell/@concept = $c])
                      and not(parent::m:cell/preceding-sibling::m:cell[@concept = $c])
                      and not(parent::m:cell and $row/@concept = $c)">
          <xsl:variable name="label" select="concat('item_', translate($c, ':', '_'))"/>
          <xsl:call-template name="loc">
            <xsl:with-param name="label" select="$label"/>
            <xsl:with-param name="qname" select="$c"/>
          </xsl:call-template>
          <xsl:call-template name="arc">
            <xsl:with-param name="arcrole" select="'domain-member'"/>
            <xsl:with-param name="from" select="'lineitems'"/>
            <xsl:with-param name="to" select="$label"/>
            <xsl:with-param name="order" select="count($row/preceding-sibling::m:row) + 1"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </link:definitionLink>
  </xsl:template>

  <xsl:template name="loc">
    <xsl:param name="label"/>
    <xsl:param name="qname"/>
    <link:loc xlink:type="locator" xlink:label="{$label}">
      <xsl:attribute name="xlink:href">
        <xsl:call-template name="t2x:concept-href">
          <xsl:with-param name="qname" select="$qname"/>
        </xsl:call-template>
      </xsl:attribute>
    </link:loc>
  </xsl:template>

  <xsl:template name="arc">
    <xsl:param name="arcrole"/>
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:param name="order"/>
    <link:definitionArc xlink:type="arc" xlink:arcrole="{concat($xdt, $arcrole)}"
                        xlink:from="{$from}" xlink:to="{$to}" order="{$order}"/>
  </xsl:template>
</xsl:stylesheet>
