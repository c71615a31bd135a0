<?xml version="1.0" encoding="UTF-8"?>
<!--
  label.xsl - statement model (docs/model.md) -> the label linkbase STEM_lab.xml (en-US).

  One link:labelLink (the standard link role) with, per concept, one locator, its labels and
  one concept-label arc, in standard label roles only (XBRL 2.1 and the LRR; EFM 6.10):
    - the words of each presented concept in the role its presentation arc names as
      preferredLabel (common.xsl, t2x:label-plan: terse, total, periodStart/periodEnd, verbose,
      the negated variants): the printed words, or for a row or fact with none (an unlabeled
      subtotal, a number read from a label, a cover fact, the equity table) the words of the
      concept's name;
    - the standard label of every extension concept (the label the model declares it with) and
      of the extension abstracts (a statement's title, a header's words); standard labels are
      unique in the filing (EFM 6.10.4);
    - every group header's printed words as its terse label;
    - equity statements: each component member the terse label of its column heading, and
      EquityComponentDomain the heading of the Total column.
  Standard concepts keep their standard labels in the US-GAAP label linkbase, which this DTS
  does not load (no standard label is written for them). roleRefs name the schema of the LRR
  (negated) roles the labels use.
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
      <t2x:l concept="{@concept}" role="{@role}" text="{@text}"/>
    </xsl:for-each>
    <xsl:for-each select="/m:filing/m:concepts/m:concept[@extension = 'true'][normalize-space(@label) != '']">
      <t2x:l concept="{@name}" role="{$t2x-role-label}" text="{normalize-space(translate(@label, '&lt;', ' '))}"/>
    </xsl:for-each>
    <!-- extension abstracts: the standard label (a header repeated in its statement: "… (2)") -->
    <xsl:for-each select="exsl:node-set($abstracts-rtf)/*[@std = 'false'][@label != '']">
      <t2x:l concept="{@qname}" role="{$t2x-role-label}">
        <xsl:attribute name="text">
          <xsl:value-of select="@label"/>
          <xsl:if test="@k &gt; 1"><xsl:value-of select="concat(' (', @k, ')')"/></xsl:if>
        </xsl:attribute>
      </t2x:l>
    </xsl:for-each>
    <!-- every header: its printed words as the terse label its presentation arc names -->
    <xsl:for-each select="exsl:node-set($abstracts-rtf)/t2x:h">
      <t2x:l concept="{@qname}" role="{$role-terse}">
        <xsl:attribute name="text">
          <xsl:choose>
            <xsl:when test="@label != ''"><xsl:value-of select="@label"/></xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="t2x:name-words">
                <xsl:with-param name="qname" select="@qname"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:attribute>
      </t2x:l>
    </xsl:for-each>
    <xsl:for-each select="/m:filing/m:statement[@kind = 'equity'][m:column[@member]]">
      <xsl:for-each select="m:column[@member][normalize-space(@label) != '']">
        <t2x:l concept="{@member}" role="{$role-terse}" text="{normalize-space(translate(@label, '&lt;', ' '))}"/>
      </xsl:for-each>
      <xsl:for-each select="m:column[not(@member)][normalize-space(@label) != ''][1]">
        <t2x:l concept="us-gaap:EquityComponentDomain" role="{$role-terse}"
               text="{normalize-space(translate(@label, '&lt;', ' '))}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <!-- each (concept, role) once: the first -->
  <xsl:key name="by-concept-role" match="t2x:l" use="concat(@concept, '|', @role)"/>
  <xsl:key name="by-concept" match="t2x:l" use="@concept"/>
  <xsl:key name="by-role" match="t2x:l" use="@role"/>
  <xsl:key name="std-by-text" match="t2x:l[@role = 'http://www.xbrl.org/2003/role/label']" use="@text"/>
  <xsl:variable name="firsts-rtf">
    <xsl:for-each select="exsl:node-set($all-rtf)/t2x:l">
      <xsl:if test="generate-id() = generate-id(key('by-concept-role', concat(@concept, '|', @role))[1])">
        <xsl:copy-of select="."/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <!-- standard labels are unique in the filing (EFM 6.10.4): a later element whose words an
       earlier one already has is told apart by its name -->
  <xsl:variable name="labels-rtf">
    <xsl:for-each select="exsl:node-set($firsts-rtf)/t2x:l">
      <xsl:choose>
        <xsl:when test="@role = $t2x-role-label and generate-id() != generate-id(key('std-by-text', @text)[1])">
          <t2x:l concept="{@concept}" role="{@role}" text="{concat(@text, ' (', substring-after(@concept, ':'), ')')}"/>
        </xsl:when>
        <xsl:otherwise><xsl:copy-of select="."/></xsl:otherwise>
      </xsl:choose>
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
      <!-- roles that are not XBRL 2.1's own: the LRR negated roles -->
      <xsl:for-each select="$labels[starts-with(@role, 'http://www.xbrl.org/2009/role/')]">
        <xsl:sort select="@role"/>
        <xsl:if test="generate-id() = generate-id(key('by-role', @role)[1])">
          <link:roleRef xlink:type="simple" roleURI="{@role}"
                        xlink:href="{concat($t2x-lrr-negated, '#', substring-after(@role, '/2009/role/'))}"/>
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
