<?xml version="1.0" encoding="UTF-8"?>
<!--
  calculation.xsl - statement model (docs/model.md) -> the calculation linkbase STEM_cal.xml.

  One link:calculationLink per statement role (equity statements excepted: their roll-forward
  is not a summation), from the subtotals and totals the parser found: each row/calc names the
  row it adds into (@parent) and the weight (+1/-1). An arc summation-item goes from the
  parent row's concept to the row's concept with that weight, and is written only when it
  can bind facts and is legal XBRL 2.1:
    - both rows have a concept, the concepts differ (a cash-flow "at end of year" row that
      continues "at beginning of year" is one concept in two periods, not a sum), and both
      rows have numeric cells (a unit);
    - both concepts have the same period type and the rows share at least one context;
    - the weight agrees with the balances (5.1.1.2: same balance +1, opposite balance -1);
    - the pair (parent concept, child concept) has not had an arc in this role yet;
    - the print confirms the summation at least once: in some context of the parent row, its
      printed value equals the weighted sum of the printed values of the children kept (a
      missing value counts as zero, as in XBRL 2.1 calculation binding). A total whose items
      are only partly tagged (an unmapped row in a note table) adds up in no period and gets
      no arcs, instead of an inconsistency that is not the filing's; a typo in one period of
      a summation that holds in another is the filing's own and stays visible.
  Statements without an arc get no calculationLink. Locators: one per concept per link.
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

  <xsl:output method="xml" version="1.0" encoding="UTF-8" indent="yes"/>
  <xsl:strip-space elements="*"/>

  <xsl:variable name="arcrole-summation" select="'http://www.xbrl.org/2003/arcrole/summation-item'"/>
  <xsl:key name="row" match="m:statement/m:row" use="@id"/>
  <!-- over the arc node-sets below: by identity, by parent row, by the concepts they link -->
  <xsl:key name="arc" match="t2x:arc" use="concat(@statement, '|', @from, '|', @to)"/>
  <xsl:key name="arc-prow" match="t2x:arc" use="@prow"/>
  <xsl:key name="arc-from" match="t2x:arc" use="concat(@statement, '|', @from)"/>
  <xsl:key name="arc-to" match="t2x:arc" use="concat(@statement, '|', @to)"/>

  <!-- every arc of the filing: <t2x:arc statement from to weight order/> -->
  <xsl:variable name="arcs-rtf">
    <xsl:for-each select="/m:filing/m:statement[@kind != 'equity']/m:row[@concept]/m:calc">
      <xsl:variable name="row" select=".."/>
      <xsl:variable name="pid" select="@parent"/>
      <xsl:variable name="sid" select="generate-id($row/..)"/>
      <xsl:variable name="parent" select="key('row', $pid)[generate-id(..) = $sid][@concept]"/>
      <xsl:variable name="cc" select="string($row/@concept)"/>
      <xsl:variable name="pc" select="string($parent/@concept)"/>
      <xsl:variable name="cdef" select="key('t2x:concept', $cc)"/>
      <xsl:variable name="pdef" select="key('t2x:concept', $pc)"/>
      <xsl:variable name="w" select="number(@weight)"/>
      <xsl:if test="$parent and $cc != $pc
                    and $row/m:cell[not(@concept)][@unit] and $parent/m:cell[not(@concept)][@unit]
                    and $cdef/@period = $pdef/@period
                    and $row/m:cell[not(@concept)]/@context = $parent/m:cell[not(@concept)]/@context
                    and ($w = 1 or $w = -1)
                    and (not($cdef/@balance) or not($pdef/@balance)
                         or ($cdef/@balance = $pdef/@balance and $w = 1)
                         or ($cdef/@balance != $pdef/@balance and $w = -1))">
        <t2x:arc statement="{$row/../@id}" prow="{$pid}" crow="{$row/@id}" from="{$pc}" to="{$cc}"
                 weight="{$w}" order="{count($row/preceding-sibling::m:row) + 1}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <!-- each (statement, parent concept, child concept) once: the first -->
  <xsl:variable name="unique-rtf">
    <xsl:for-each select="exsl:node-set($arcs-rtf)/t2x:arc">
      <xsl:if test="generate-id() = generate-id(key('arc', concat(@statement, '|', @from, '|', @to))[1])">
        <xsl:copy-of select="."/>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="unique" select="exsl:node-set($unique-rtf)/t2x:arc"/>
  <!-- the parent rows whose summation the print confirms in at least one context -->
  <xsl:variable name="confirmed-rtf">
    <xsl:for-each select="$unique">
      <xsl:variable name="p" select="@prow"/>
      <xsl:variable name="same-parent" select="key('arc-prow', $p)"/>
      <xsl:if test="generate-id() = generate-id($same-parent[1])">
        <xsl:variable name="plus-ids" select="$same-parent[@weight = 1]/@crow"/>
        <xsl:variable name="minus-ids" select="$same-parent[@weight = -1]/@crow"/>
        <xsl:variable name="checks">
          <!-- back in the model, where key() finds rows -->
          <xsl:for-each select="$filing">
          <xsl:variable name="plus" select="key('row', $plus-ids)"/>
          <xsl:variable name="minus" select="key('row', $minus-ids)"/>
          <xsl:for-each select="key('row', $p)/m:cell[not(@concept)]">
            <xsl:variable name="ctx" select="@context"/>
            <xsl:variable name="sum"
                          select="sum($plus/m:cell[not(@concept)][@context = $ctx]/@value)
                                  - sum($minus/m:cell[not(@concept)][@context = $ctx]/@value)"/>
            <xsl:variable name="diff" select="number(@value) - $sum"/>
            <xsl:if test="($plus | $minus)/m:cell[not(@concept)][@context = $ctx]
                          and $diff &lt; 0.5 and $diff &gt; -0.5">
              <t2x:ok/>
            </xsl:if>
          </xsl:for-each>
          </xsl:for-each>
        </xsl:variable>
        <xsl:if test="exsl:node-set($checks)/t2x:ok">
          <t2x:confirmed prow="{$p}"/>
        </xsl:if>
      </xsl:if>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="confirmed" select="exsl:node-set($confirmed-rtf)/t2x:confirmed/@prow"/>
  <xsl:variable name="all-arcs" select="$unique[@prow = $confirmed]"/>

  <xsl:template match="/">
    <xsl:call-template name="t2x:check-filing"/>
    <xsl:apply-templates select="m:filing"/>
  </xsl:template>

  <xsl:template match="m:filing">
    <xsl:call-template name="t2x:provenance-comment"/>
    <link:linkbase xsi:schemaLocation="http://www.xbrl.org/2003/linkbase http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd">
      <xsl:for-each select="m:statement">
        <xsl:variable name="sid" select="@id"/>
        <xsl:if test="$all-arcs[@statement = $sid]">
          <link:roleRef xlink:type="simple" xlink:href="{concat($stem, '.xsd#', @role)}">
            <xsl:attribute name="roleURI">
              <xsl:call-template name="t2x:role-uri"/>
            </xsl:attribute>
          </link:roleRef>
        </xsl:if>
      </xsl:for-each>
      <xsl:for-each select="m:statement">
        <xsl:variable name="sid" select="@id"/>
        <xsl:variable name="arcs" select="$all-arcs[@statement = $sid]"/>
        <xsl:if test="$arcs">
          <link:calculationLink xlink:type="extended">
            <xsl:attribute name="xlink:role">
              <xsl:call-template name="t2x:role-uri"/>
            </xsl:attribute>
            <!-- one locator per concept, in order of first use -->
            <xsl:for-each select="$arcs">
              <xsl:variable name="f" select="@from"/>
              <xsl:variable name="t" select="@to"/>
              <!-- the first arc of $arcs (the confirmed ones) that links the concept -->
              <xsl:variable name="first-f" select="(key('arc-from', concat($sid, '|', $f))
                                                    | key('arc-to', concat($sid, '|', $f)))
                                                   [@prow = $confirmed][1]"/>
              <xsl:variable name="first-t" select="(key('arc-from', concat($sid, '|', $t))
                                                    | key('arc-to', concat($sid, '|', $t)))
                                                   [@prow = $confirmed][1]"/>
              <xsl:if test="generate-id($first-f) = generate-id()">
                <xsl:call-template name="loc">
                  <xsl:with-param name="qname" select="$f"/>
                </xsl:call-template>
              </xsl:if>
              <xsl:if test="generate-id($first-t) = generate-id()">
                <xsl:call-template name="loc">
                  <xsl:with-param name="qname" select="$t"/>
                </xsl:call-template>
              </xsl:if>
            </xsl:for-each>
            <xsl:for-each select="$arcs">
              <link:calculationArc xlink:type="arc" xlink:arcrole="{$arcrole-summation}"
                                   xlink:from="{translate(@from, ':', '_')}"
                                   xlink:to="{translate(@to, ':', '_')}"
                                   order="{@order}" weight="{format-number(@weight, '0.0')}"/>
            </xsl:for-each>
          </link:calculationLink>
        </xsl:if>
      </xsl:for-each>
    </link:linkbase>
  </xsl:template>

  <xsl:template name="loc">
    <xsl:param name="qname"/>
    <link:loc xlink:type="locator" xlink:label="{translate($qname, ':', '_')}">
      <xsl:attribute name="xlink:href">
        <xsl:call-template name="t2x:concept-href">
          <xsl:with-param name="qname" select="$qname"/>
        </xsl:call-template>
      </xsl:attribute>
    </link:loc>
  </xsl:template>
</xsl:stylesheet>
