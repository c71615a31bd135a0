<?xml version="1.0" encoding="UTF-8"?>
<!--
  label.xsl - statement model (docs/model.md) -> the label linkbase STEM_lab.xml (en-US).

  One link:labelLink (the standard link role) with, per concept, one locator, its labels and
  one concept-label arc:
    - each row's label as printed, in the role the label plan gives it (common.xsl,
      t2x:label-plan: terse, total, periodStart/periodEnd, the negated variants, or a role of
      the filing's own when one concept is printed with different words in several rows) -
      the role the presentation arc names as preferredLabel; unlabeled subtotals get none;
    - the standard label of every extension concept (the label the model declares it with);
    - the standard label of the abstract elements: a statement's root is labelled with the
      statement's title, a group header with its printed words;
    - equity statements: each component member the terse label of its column heading, and
      EquityComponentDomain the heading of the Total column.
  Standard concepts keep their standard labels in the US-GAAP label linkbase, which this DTS
  does not load. roleRefs name the schemas of the LRR (negated) roles and of the filing's
  own roles that the labels use.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:m="urn:txt2xbrl:model:1"
                xmlns:t2x="urn:txt2xbrl:templates"
                xmlns:exsl="http://exslt.org/common"
                xmlns:link="http://www.xbrl.org/2003/linkbase"
                xmlns:xlink="http://www.w3.org/1999/xlink"
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                exclude-result-prefixes="m t2x exsl">

  <xsl:import href="common.xsl"/>

  <!-- common.xsl's $t2x-facts (the instance's and the JSON report's facts) is not used here;
       an empty one spares its evaluation (libxslt evaluates every global variable) -->
  <xsl:variable name="t2x-facts" select="/.."/>

  <xsl:output method="xml" version="1.0" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="role-terse" select="'http://www.xbrl.org/2003/role/terseLabel'"/>
  <xsl:variable name="lang" select="'en-US'"/>

  <xsl:variable name="abstracts-rtf">
    <xsl:call-template name="t2x:abstract-plan"/>
  </xsl:variable>
  <xsl:variable name="plan-rtf">
    <xsl:call-template name="t2x:label-plan"/>
  </xsl:variable>

  <!-- every label to write: <t2x:l concept role text/>, possibly repeated -->
  <xsl:variable name="all-rtf">
    <xsl:for-each select="exsl:node-set($plan-rtf)/t2x:lab[@std = 'false']">
      <t2x:l concept="{@concept}" role="{@role}" text="{@text}" custom="{@custom}" id="{@id}"/>
    </xsl:for-each>
    <xsl:for-each select="/m:filing/m:concepts/m:concept[@extension = 'true'][normalize-space(@label) != '']">
      <t2x:l concept="{@name}" role="{$t2x-role-label}" text="{normalize-space(@label)}"/>
    </xsl:for-each>
    <xsl:for-each select="exsl:node-set($abstracts-rtf)/*[@label != '']">
      <t2x:l concept="{concat($ext-prefix, ':', @name)}" role="{$t2x-role-label}" text="{@label}"/>
    </xsl:for-each>
    <xsl:for-each select="/m:filing/m:statement[@kind = 'equity'][m:column[@member]]">
      <xsl:for-each select="m:column[@member][normalize-space(@label) != '']">
        <t2x:l concept="{@member}" role="{$role-terse}" text="{normalize-space(@label)}"/>
      </xsl:for-each>
      <xsl:for-each select="m:column[not(@member)][normalize-space(@label) != ''][1]">
        <t2x:l concept="us-gaap:EquityComponentDomain" role="{$role-terse}"
               text="{normalize-space(@label)}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <!-- each (concept, role) once: the first -->
  <xsl:key name="by-concept-role" match="t2x:l" use="concat(@concept, '|', @role)"/>
  <xsl:key name="by-concept" match="t2x:l" use="@concept"/>
  <xsl:key name="by-role" match="t2x:l" use="@role"/>
  <xsl:variable name="labels-rtf">
    <xsl:for-each select="exsl:node-set($all-rtf)/t2x:l">
      <xsl:if test="generate-id() = generate-id(key('by-concept-role', concat(@concept, '|', @role))[1])">
        <xsl:copy-of select="."/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-rtf)/t2x:l"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:call-template name="t2x:provenance-comment"/>
    <link:linkbase xsi:schemaLocation="http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd">
      <!-- roles that are not XBRL 2.1's own: the LRR negated roles, then the filing's -->
      <xsl:for-each select="$labels[starts-with(@role, 'http://www.xbrl.org/2009/role/')]">
        <xsl:sort select="@role"/>
        <xsl:if test="generate-id() = generate-id(key('by-role', @role)[1])">
          <link:roleRef xlink:type="simple" roleURI="{@role}"
                        xlink:href="{concat($t2x-lrr-negated, '#', substring-after(@role, '/2009/role/'))}"/>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="$labels[@custom = 'true']">
        <xsl:if test="generate-id() = generate-id(key('by-role', @role)[1])">
          <link:roleRef xlink:type="simple" roleURI="{@role}"
                        xlink:href="{concat($stem, '.xsd#', @id)}"/>
        </xsl:if>
      </xsl:for-each>
      <link:labelLink xlink:type="extended" xlink:role="http://www.xbrl.org/2003/role/link">
        <xsl:for-each select="$labels">
          <xsl:variable name="c" select="@concept"/>
          <xsl:if test="generate-id() = generate-id(key('by-concept', $c)[1])">
            <xsl:variable name="id" select="translate($c, ':', '_')"/>
            <link:loc xlink:type="locator" xlink:label="{$id}">
              <xsl:attribute name="xlink:href">
                <xsl:call-template name="t2x:concept-href">
                  <xsl:with-param name="qname" select="$c"/>
                </xsl:call-template>
              </xsl:attribute>
            </link:loc>
            <xsl:for-each select="key('by-concept', $c)">
              <link:label xlink:type="resource" xlink:label="{concat('lab_', $id)}"
                          xlink:role="{@role}" xml:lang="{$lang}">
                <xsl:value-of select="@text"/>
              </link:label>
            </xsl:for-each>
            <link:labelArc xlink:type="arc" xlink:arcrole="http://www.xbrl.org/2003/arcrole/concept-label"
                           xlink:from="{$id}" xlink:to="{concat('lab_', $id)}"/>
          </xsl:if>
        </xsl:for-each>
      </link:labelLink>
    </link:linkbase>
  </xsl:template>
</xsl:stylesheet>
