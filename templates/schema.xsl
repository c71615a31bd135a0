<?xml version="1.0" encoding="UTF-8"?>
<!--
  schema.xsl - statement model (docs/model.md) -> the filing's extension schema STEM.xsd.

  targetNamespace = the model's @namespace (prefix @prefix). It imports the XBRL 2.1 instance
  schema and the us-gaap, dei and srt 2023 schemas by their official URLs (resolved offline
  through taxonomy/catalog.xml), plus the schema of any data type namespace an extension
  concept uses. It declares every concept with extension="true" and one link:roleType per
  statement.

  Linkbases: the parameter `linkbases` lists the linkbases to reference, separated by spaces,
  out of "pre cal def lab" (default: none). Each becomes a link:linkbaseRef to STEM_<kind>.xml
  in the appinfo; see the template "linkbase-refs" below. With any linkbase, the schema also
  declares what the linkbases need beyond the model's concepts (common.xsl, t2x:abstract-plan):
  the extension abstract elements of statement roots and group headers that are not us-gaap/dei/srt
  abstracts, each name once. Roles: "0001 - Document - Cover" (the cover's dei facts) when the
  model has cover facts, then one per statement in printed order ("0002 - Statement - …",
  "… - Disclosure - …" for note tables). Only standard label roles are used: none is declared.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:xs="http://www.w3.org/2001/XMLSchema"
                xmlns:xbrli="http://www.xbrl.org/2003/instance"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:exsl="http://exslt.org/common"
                exclude-result-prefixes="m t2x exsl">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" version="1.0" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <!-- ==== LINKBASES: space-separated list out of "pre cal def lab"; empty = none. ==== -->
  <xsl:param name="linkbases" select="''"/>

  <xsl:variable name="ext-concepts" select="/m:filing/m:concepts/m:concept[@extension = 'true']"/>
  <xsl:variable name="with-linkbases" select="normalize-space($linkbases) != ''"/>
  <xsl:variable name="abstract-plan-rtf">
    <xsl:if test="$with-linkbases">
      <xsl:call-template name="t2x:abstract-plan"/>
    </xsl:if>
  </xsl:variable>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:call-template name="t2x:provenance-comment"/>
    <xs:schema targetNamespace="{$ext-ns}" elementFormDefault="qualified"
               attributeFormDefault="unqualified">
      <!-- namespace declarations: the filing's own, then us-gaap, dei, srt and the data type
           namespaces of extension concepts -->
      <xsl:call-template name="t2x:declare-ns">
        <xsl:with-param name="prefix" select="$ext-prefix"/>
        <xsl:with-param name="uri" select="$ext-ns"/>
      </xsl:call-template>
      <xsl:for-each select="$t2x-ns-table[@prefix = 'us-gaap' or @prefix = 'dei' or @prefix = 'srt']">
        <xsl:call-template name="t2x:declare-ns">
          <xsl:with-param name="prefix" select="@prefix"/>
          <xsl:with-param name="uri" select="@uri"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$t2x-ns-table[@xsd and not(@prefix = 'us-gaap' or @prefix = 'dei'
                                or @prefix = 'srt' or @prefix = 'xbrli')]">
        <xsl:variable name="p" select="@prefix"/>
        <xsl:if test="$ext-concepts[substring-before(@type, ':') = $p]">
          <xsl:call-template name="t2x:declare-ns">
            <xsl:with-param name="prefix" select="@prefix"/>
            <xsl:with-param name="uri" select="@uri"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>

      <xs:annotation>
        <xs:appinfo>
          <xsl:call-template name="linkbase-refs"/>
          <xsl:if test="m:cover/m:fact">
            <link:roleType id="{$t2x-cover-role}" roleURI="{concat($ext-ns, '/role/', $t2x-cover-role)}">
              <link:definition>0001 - Document - Cover</link:definition>
              <link:usedOn>link:presentationLink</link:usedOn>
              <link:usedOn>link:calculationLink</link:usedOn>
              <link:usedOn>link:definitionLink</link:usedOn>
            </link:roleType>
          </xsl:if>
          <xsl:apply-templates select="m:statement" mode="role-type"/>
        </xs:appinfo>
      </xs:annotation>

      <xs:import namespace="{$ns-xbrli}" schemaLocation="{$xsd-xbrli}"/>
      <xs:import namespace="{$ns-us-gaap}" schemaLocation="{$xsd-us-gaap}"/>
      <xs:import namespace="{$ns-dei}" schemaLocation="{$xsd-dei}"/>
      <xs:import namespace="{$ns-srt}" schemaLocation="{$xsd-srt}"/>
      <xsl:for-each select="$t2x-ns-table[@xsd and not(@prefix = 'us-gaap' or @prefix = 'dei'
                                or @prefix = 'srt' or @prefix = 'xbrli')]">
        <xsl:variable name="p" select="@prefix"/>
        <xsl:if test="$ext-concepts[substring-before(@type, ':') = $p]">
          <xs:import namespace="{@uri}" schemaLocation="{@xsd}"/>
        </xsl:if>
      </xsl:for-each>

      <xsl:apply-templates select="$ext-concepts"/>
      <xsl:call-template name="abstract-elements"/>
    </xs:schema>
  </xsl:template>

  <!-- ============================================================ linkbase references -->
  <!-- The place for the linkbases (pre/cal/def/lab): one linkbaseRef per kind listed in
       $linkbases, in the fixed order pre, cal, def, lab. -->
  <xsl:template name="linkbase-refs">
    <xsl:variable name="list" select="concat(' ', normalize-space($linkbases), ' ')"/>
    <xsl:if test="contains($list, ' pre ')">
      <xsl:call-template name="linkbase-ref">
        <xsl:with-param name="kind" select="'pre'"/>
        <xsl:with-param name="role" select="'http://www.xbrl.org/2003/role/presentationLinkbaseRef'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="contains($list, ' cal ')">
      <xsl:call-template name="linkbase-ref">
        <xsl:with-param name="kind" select="'cal'"/>
        <xsl:with-param name="role" select="'http://www.xbrl.org/2003/role/calculationLinkbaseRef'"/>
      </xsl:call-template>
    </xsl:if>
    <!-- the definition linkbase holds links only for equity statements with component columns
         and statements of one legal entity (definition.xsl): a linkbase without an extended link
         is refused (EFM 6.3.3) -->
    <xsl:if test="contains($list, ' def ') and m:statement[(@kind = 'equity' and m:column[@member]) or @entity-member]">
      <xsl:call-template name="linkbase-ref">
        <xsl:with-param name="kind" select="'def'"/>
        <xsl:with-param name="role" select="'http://www.xbrl.org/2003/role/definitionLinkbaseRef'"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:if test="contains($list, ' lab ')">
      <xsl:call-template name="linkbase-ref">
        <xsl:with-param name="kind" select="'lab'"/>
        <xsl:with-param name="role" select="'http://www.xbrl.org/2003/role/labelLinkbaseRef'"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template name="linkbase-ref">
    <xsl:param name="kind"/>
    <xsl:param name="role"/>
    <link:linkbaseRef xlink:type="simple" xlink:href="{concat($stem, '_', $kind, '.xml')}"
                      xlink:role="{$role}"
                      xlink:arcrole="http://www.w3.org/1999/xlink/properties/linkbase"/>
  </xsl:template>

  <!-- ============================================================ roles -->
  <xsl:template match="m:statement" mode="role-type">
    <xsl:variable name="type">
      <xsl:choose>
        <xsl:when test="@kind = 'cover'">Document</xsl:when>
        <xsl:when test="@kind = 'note'">Disclosure</xsl:when>
        <xsl:otherwise>Statement</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <!-- the printed title; one that is no title (a note table's caption line) still reads -->
    <xsl:variable name="title">
      <xsl:choose>
        <xsl:when test="normalize-space(@title) != ''"><xsl:value-of select="normalize-space(@title)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="@role"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <link:roleType id="{@role}">
      <xsl:attribute name="roleURI">
        <xsl:call-template name="t2x:role-uri"/>
      </xsl:attribute>
      <link:definition>
        <xsl:value-of select="concat(format-number(position() + count(../m:cover[m:fact]), '0000'), ' - ', $type,
                                     ' - ', $title)"/>
      </link:definition>
      <link:usedOn>link:presentationLink</link:usedOn>
      <link:usedOn>link:calculationLink</link:usedOn>
      <link:usedOn>link:definitionLink</link:usedOn>
    </link:roleType>
  </xsl:template>

  <!-- ============================================================ for the linkbases -->
  <!-- The abstract roots of the statements and the abstract elements of group headers. -->
  <xsl:template name="abstract-elements">
    <xsl:for-each select="exsl:node-set($abstract-plan-rtf)/*[@std = 'false']">
      <xsl:variable name="n" select="@name"/>
      <xsl:if test="not(preceding-sibling::*[@std = 'false'][@name = $n])">
      <xs:element id="{concat($ext-prefix, '_', @name)}" name="{@name}" type="xbrli:stringItemType"
                  substitutionGroup="xbrli:item" xbrli:periodType="duration" nillable="true"
                  abstract="true"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ concepts -->
  <xsl:template match="m:concept">
    <xsl:variable name="local" select="substring-after(@name, ':')"/>
    <xsl:if test="substring-before(@name, ':') != $ext-prefix">
      <xsl:message terminate="yes">
        <xsl:value-of select="concat('txt2xbrl templates: extension concept ', @name,
                                     ' is not in the prefix ', $ext-prefix)"/>
      </xsl:message>
    </xsl:if>
    <!-- the data type's namespace must be one we declare and import -->
    <xsl:variable name="type-ns">
      <xsl:call-template name="t2x:ns-uri">
        <xsl:with-param name="qname" select="@type"/>
      </xsl:call-template>
    </xsl:variable>
    <xs:element id="{concat($ext-prefix, '_', $local)}" name="{$local}" type="{@type}"
                substitutionGroup="xbrli:item" xbrli:periodType="{@period}">
      <xsl:if test="@balance">
        <xsl:attribute name="xbrli:balance"><xsl:value-of select="@balance"/></xsl:attribute>
      </xsl:if>
      <xsl:attribute name="nillable">true</xsl:attribute>
      <xsl:attribute name="abstract">
        <xsl:choose>
          <xsl:when test="@abstract = 'true' or @abstract = '1'">true</xsl:when>
          <xsl:otherwise>false</xsl:otherwise>
        </xsl:choose>
      </xsl:attribute>
    </xs:element>
  </xsl:template>
</xsl:stylesheet>
