<?xml version="1.0" encoding="UTF-8"?>
<!--
  presentation.xsl - statement model (docs/model.md) -> the presentation linkbase STEM_pre.xml.

  One link:presentationLink per statement, in the statement's role (EXT-NAMESPACE/role/ROLE,
  declared in STEM.xsd by schema.xsl). Its tree, in printed order:

    PREFIX:ROLEAbstract                      the statement's abstract root (common.xsl,
                                             t2x:abstract-plan; declared by schema.xsl)
      [equity statement with component columns:
       us-gaap:StatementTable
         us-gaap:StatementEquityComponentsAxis
           us-gaap:EquityComponentDomain     (the Total column: no dimension, the default)
             the column members, in column order
         us-gaap:StatementLineItems          the rows go here instead of under the root]
      rows: a group header becomes an extension abstract element (PREFIX:...Abstract) and the
      parent of the rows under it (t2x:row-parent: nested by depth under the nearest open
      header); a row with a concept becomes that concept; an unmapped row is left out. A number
      printed inside a row's label whose concept differs from the row's (cell/@concept) follows
      its row. The order attribute is the row's position in the statement, so siblings are in
      printed order.

  Every row occurrence has its own locator (label = row id): a concept printed in several rows
  (the yearly balances of an equity statement) gives several arcs, each with its own order and
  preferredLabel. preferredLabel comes from the label plan (common.xsl, t2x:label-plan):
  periodStart/periodEnd labels for balances, negated labels where the print shows the opposite
  sign, total labels for totals, terse labels otherwise; label.xsl writes those labels.
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

  <xsl:variable name="arcrole-parent-child" select="'http://www.xbrl.org/2003/arcrole/parent-child'"/>
  <xsl:variable name="role-terse" select="'http://www.xbrl.org/2003/role/terseLabel'"/>

  <xsl:variable name="abstracts-rtf">
    <xsl:call-template name="t2x:abstract-plan"/>
  </xsl:variable>
  <xsl:variable name="abstracts" select="exsl:node-set($abstracts-rtf)"/>
  <xsl:variable name="labels-rtf">
    <xsl:call-template name="t2x:label-plan"/>
  </xsl:variable>
  <xsl:variable name="labels" select="exsl:node-set($labels-rtf)"/>
  <xsl:key name="lab-by-row" match="t2x:lab" use="@row"/>
  <xsl:key name="header-by-row" match="t2x:h" use="@row"/>
  <xsl:key name="node" match="t2x:n" use="concat(@from, '|', @concept, '|', @role)"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:call-template name="t2x:provenance-comment"/>
    <link:linkbase xsi:schemaLocation="http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd">
      <xsl:if test="m:cover/m:fact">
        <link:roleRef xlink:type="simple" xlink:href="{concat($stem, '.xsd#', $t2x-cover-role)}"
                      roleURI="{concat($ext-ns, '/role/', $t2x-cover-role)}"/>
      </xsl:if>
      <xsl:for-each select="m:statement">
        <link:roleRef xlink:type="simple" xlink:href="{concat($stem, '.xsd#', @role)}">
          <xsl:attribute name="roleURI">
            <xsl:call-template name="t2x:role-uri"/>
          </xsl:attribute>
        </link:roleRef>
      </xsl:for-each>
      <xsl:apply-templates select="m:cover[m:fact]"/>
      <xsl:apply-templates select="m:statement"/>
    </link:linkbase>
  </xsl:template>

  <!-- ============================================================ the cover (EFM 6.12.3) -->
  <!-- dei:CoverAbstract, then every concept of the cover facts once, in the cover's order. -->
  <xsl:template match="m:cover">
    <link:presentationLink xlink:type="extended" xlink:role="{concat($ext-ns, '/role/', $t2x-cover-role)}">
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'root'"/>
        <xsl:with-param name="qname" select="'dei:CoverAbstract'"/>
      </xsl:call-template>
      <xsl:for-each select="m:fact[not(@concept = preceding-sibling::m:fact/@concept)]">
        <xsl:variable name="c" select="string(@concept)"/>
        <xsl:call-template name="loc">
          <xsl:with-param name="label" select="concat('cover_', position())"/>
          <xsl:with-param name="qname" select="$c"/>
        </xsl:call-template>
        <xsl:call-template name="arc">
          <xsl:with-param name="from" select="'root'"/>
          <xsl:with-param name="to" select="concat('cover_', position())"/>
          <xsl:with-param name="order" select="position()"/>
          <xsl:with-param name="preferred">
            <xsl:for-each select="$labels">
              <xsl:value-of select="key('lab-by-row', concat('cover|', $c))/@role"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:for-each>
    </link:presentationLink>
  </xsl:template>

  <!-- ============================================================ one statement -->
  <!-- The nodes of the statement's tree, then one locator and arc per node that is the first of
       its parent, concept and preferred label (the last, for a closing balance): a concept
       printed again under the same parent in the same role (each year's "Net income" of an
       equity statement, its yearly closing balances) is one relationship, whose facts carry
       all the periods (EFM 6.12.5: siblings of one concept have distinct preferred labels). -->
  <xsl:template match="m:statement">
    <xsl:variable name="sid" select="@id"/>
    <xsl:variable name="dimensional" select="@kind = 'equity' and m:column[@member]"/>
    <xsl:variable name="top">
      <xsl:choose>
        <xsl:when test="$dimensional">lineitems</xsl:when>
        <xsl:otherwise>root</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="nodes-rtf">
      <xsl:for-each select="m:row[@kind = 'header' or @concept]">
        <xsl:variable name="rid" select="@id"/>
        <xsl:variable name="pos" select="count(preceding-sibling::m:row) + 1"/>
        <xsl:variable name="parent-row">
          <xsl:call-template name="t2x:row-parent"/>
        </xsl:variable>
        <xsl:variable name="from">
          <xsl:choose>
            <xsl:when test="string($parent-row) != ''"><xsl:value-of select="$parent-row"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$top"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:choose>
          <xsl:when test="@kind = 'header'">
            <t2x:n id="{$rid}" from="{$from}" order="{$pos}" role="{$role-terse}">
              <xsl:attribute name="concept">
                <xsl:for-each select="$abstracts">
                  <xsl:value-of select="key('header-by-row', $rid)/@qname"/>
                </xsl:for-each>
              </xsl:attribute>
            </t2x:n>
          </xsl:when>
          <xsl:otherwise>
            <t2x:n id="{$rid}" from="{$from}" order="{$pos}" concept="{@concept}" end="{@period-role = 'end'}">
              <xsl:attribute name="role">
                <xsl:for-each select="$labels">
                  <xsl:value-of select="key('lab-by-row', $rid)/@role"/>
                </xsl:for-each>
              </xsl:attribute>
            </t2x:n>
            <!-- numbers printed inside the label that are facts of another concept -->
            <xsl:variable name="rc" select="@concept"/>
            <xsl:for-each select="m:cell[@concept and @concept != $rc]">
              <xsl:variable name="cc" select="string(@concept)"/>
              <xsl:if test="not(preceding-sibling::m:cell[@concept = $cc])">
                <xsl:variable name="k" select="count(preceding-sibling::m:cell[@concept and @concept != $rc]
                                                     [not(@concept = preceding-sibling::m:cell/@concept)]) + 1"/>
                <t2x:n id="{concat($rid, '_', $k)}" from="{$from}" order="{concat($pos, '.', format-number($k, '00'))}"
                       concept="{$cc}">
                  <xsl:attribute name="role">
                    <xsl:for-each select="$labels">
                      <xsl:value-of select="key('lab-by-row', concat($rid, '|', $cc))/@role"/>
                    </xsl:for-each>
                  </xsl:attribute>
                </t2x:n>
              </xsl:if>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="nodes" select="exsl:node-set($nodes-rtf)/t2x:n"/>
    <link:presentationLink xlink:type="extended">
      <xsl:attribute name="xlink:role">
        <xsl:call-template name="t2x:role-uri"/>
      </xsl:attribute>
      <xsl:call-template name="loc">
        <xsl:with-param name="label" select="'root'"/>
        <xsl:with-param name="qname" select="$abstracts/t2x:root[@statement = $sid]/@qname"/>
      </xsl:call-template>
      <xsl:if test="$dimensional">
        <xsl:call-template name="equity-table"/>
      </xsl:if>
      <xsl:for-each select="$nodes">
        <xsl:variable name="same" select="key('node', concat(@from, '|', @concept, '|', @role))"/>
        <xsl:variable name="keep" select="($same[last()]/@end = 'true' and generate-id($same[last()]) = generate-id())
                                          or (not($same[last()]/@end = 'true') and generate-id($same[1]) = generate-id())"/>
        <xsl:if test="$keep">
          <xsl:call-template name="loc">
            <xsl:with-param name="label" select="@id"/>
            <xsl:with-param name="qname" select="@concept"/>
          </xsl:call-template>
          <xsl:call-template name="arc">
            <xsl:with-param name="from" select="@from"/>
            <xsl:with-param name="to" select="@id"/>
            <xsl:with-param name="order" select="@order"/>
            <xsl:with-param name="preferred" select="@role"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:for-each>
    </link:presentationLink>
  </xsl:template>

  <!-- The table of an equity statement: table, axis, domain, the members of the component
       columns (each member once, in column order) and the line items. -->
  <xsl:template name="equity-table">
    <xsl:call-template name="loc">
      <xsl:with-param name="label" select="'table'"/>
      <xsl:with-param name="qname" select="'us-gaap:StatementTable'"/>
    </xsl:call-template>
    <xsl:call-template name="loc">
      <xsl:with-param name="label" select="'axis'"/>
      <xsl:with-param name="qname" select="'us-gaap:StatementEquityComponentsAxis'"/>
    </xsl:call-template>
    <xsl:call-template name="loc">
      <xsl:with-param name="label" select="'domain'"/>
      <xsl:with-param name="qname" select="'us-gaap:EquityComponentDomain'"/>
    </xsl:call-template>
    <xsl:call-template name="loc">
      <xsl:with-param name="label" select="'lineitems'"/>
      <xsl:with-param name="qname" select="'us-gaap:StatementLineItems'"/>
    </xsl:call-template>
    <xsl:call-template name="arc">
      <xsl:with-param name="from" select="'root'"/>
      <xsl:with-param name="to" select="'table'"/>
      <xsl:with-param name="order" select="1"/>
      <xsl:with-param name="preferred">
        <xsl:call-template name="part-role">
          <xsl:with-param name="part" select="'table'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="arc">
      <xsl:with-param name="from" select="'table'"/>
      <xsl:with-param name="to" select="'axis'"/>
      <xsl:with-param name="order" select="1"/>
      <xsl:with-param name="preferred">
        <xsl:call-template name="part-role">
          <xsl:with-param name="part" select="'axis'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="arc">
      <xsl:with-param name="from" select="'axis'"/>
      <xsl:with-param name="to" select="'domain'"/>
      <xsl:with-param name="order" select="1"/>
      <xsl:with-param name="preferred">
        <xsl:if test="m:column[not(@member)][normalize-space(@label) != '']">
          <xsl:value-of select="$role-terse"/>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:for-each select="m:column[@member]">
      <xsl:variable name="mem" select="@member"/>
      <xsl:if test="not(preceding-sibling::m:column[@member = $mem])">
        <xsl:call-template name="loc">
          <xsl:with-param name="label" select="concat('member_', @id)"/>
          <xsl:with-param name="qname" select="@member"/>
        </xsl:call-template>
        <xsl:call-template name="arc">
          <xsl:with-param name="from" select="'domain'"/>
          <xsl:with-param name="to" select="concat('member_', @id)"/>
          <xsl:with-param name="order" select="count(preceding-sibling::m:column) + 1"/>
          <xsl:with-param name="preferred">
            <xsl:if test="normalize-space(@label) != ''">
              <xsl:value-of select="$role-terse"/>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:if>
    </xsl:for-each>
    <xsl:call-template name="arc">
      <xsl:with-param name="from" select="'table'"/>
      <xsl:with-param name="to" select="'lineitems'"/>
      <xsl:with-param name="order" select="2"/>
      <xsl:with-param name="preferred">
        <xsl:call-template name="part-role">
          <xsl:with-param name="part" select="'lineitems'"/>
        </xsl:call-template>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The preferred label of a part of the equity table (common.xsl, t2x:label-plan). -->
  <xsl:template name="part-role">
    <xsl:param name="part"/>
    <xsl:variable name="row" select="concat(@id, '|', $part)"/>
    <xsl:for-each select="$labels">
      <xsl:value-of select="key('lab-by-row', $row)/@role"/>
    </xsl:for-each>
  </xsl:template>

  <!-- ============================================================ pieces -->
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
    <xsl:param name="from"/>
    <xsl:param name="to"/>
    <xsl:param name="order"/>
    <xsl:param name="preferred" select="''"/>
    <link:presentationArc xlink:type="arc" xlink:arcrole="{$arcrole-parent-child}"
                          xlink:from="{$from}" xlink:to="{$to}" order="{$order}">
      <xsl:if test="string($preferred) != ''">
        <xsl:attribute name="preferredLabel"><xsl:value-of select="$preferred"/></xsl:attribute>
      </xsl:if>
    </link:presentationArc>
  </xsl:template>
</xsl:stylesheet>
