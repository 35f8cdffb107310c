import { Document, Line, Page, Polyline, Rect, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { SlaChart } from "@/server/domain/sla/report-chart";
import type { SlaReportClause, SlaReportViewModel, SlaVerdictTone } from "@/server/domain/sla/report-document";
import { REPORT_FOOTER_STYLE, REPORT_PAGE_STYLE } from "./fonts";

// An engagement's SLA report for one period: a pure component of its view-model
// (server/domain/sla/report-document.ts). The chart's geometry comes ready from the view-model
// (report-chart.ts) and is drawn with react-pdf's Svg primitives; axis labels are positioned text.

const COLORS = {
  met: { backgroundColor: "#dcfce7", color: "#166534" },
  breached: { backgroundColor: "#fee2e2", color: "#991b1b" },
  none: { backgroundColor: "#f1f5f9", color: "#475569" },
  line: "#0f766e",
  target: "#b45309",
  incident: "#fecaca",
  exclusion: "#e2e8f0",
  axis: "#94a3b8",
} as const satisfies Record<SlaVerdictTone, object> & Record<string, unknown>;

const styles = StyleSheet.create({
  page: REPORT_PAGE_STYLE,
  heading: { fontSize: 18, fontWeight: 700 },
  meta: { fontSize: 9, color: "#475569", marginTop: 2 },
  summary: { marginTop: 10, padding: 6, backgroundColor: "#f8fafc", borderRadius: 3 },
  clause: { marginTop: 16, paddingTop: 8, borderTopWidth: 1, borderColor: "#cbd5e1" },
  titleRow: { flexDirection: "row", alignItems: "center", justifyContent: "space-between" },
  title: { fontSize: 13, fontWeight: 700, flex: 1, paddingRight: 8 },
  badge: { fontSize: 8, paddingHorizontal: 6, paddingVertical: 2, borderRadius: 3, fontWeight: 700 },
  terms: { marginTop: 3, fontWeight: 700 },
  small: { fontSize: 8, color: "#475569", marginTop: 2 },
  facts: { marginTop: 6 },
  fact: { flexDirection: "row", paddingVertical: 1.5 },
  factLabel: { width: 110, color: "#475569" },
  factValue: { flex: 1 },
  sectionTitle: { fontSize: 9.5, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  chart: { position: "relative" },
  tick: { position: "absolute", fontSize: 6.5, color: "#64748b" },
  table: { borderTopWidth: 1, borderColor: "#cbd5e1" },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#e2e8f0", paddingVertical: 2.5 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  when: { width: "32%", paddingRight: 4 },
  windows: { width: "14%", textAlign: "right", paddingRight: 8 },
  credit: { width: "22%", textAlign: "right" },
  total: {
    marginTop: 18,
    paddingTop: 6,
    borderTopWidth: 1.5,
    borderColor: "#0f172a",
    flexDirection: "row",
    justifyContent: "space-between",
    fontSize: 11,
    fontWeight: 700,
  },
  footer: REPORT_FOOTER_STYLE,
});

function Chart({ chart }: { chart: SlaChart }) {
  const { plot } = chart;
  return (
    <View style={[styles.chart, { width: chart.width, height: chart.height }]}>
      <Svg width={chart.width} height={chart.height} viewBox={`0 0 ${chart.width} ${chart.height}`}>
        {chart.bands.map((band, i) => (
          <Rect
            key={i}
            x={band.x}
            y={plot.top}
            width={band.width}
            height={plot.bottom - plot.top}
            fill={band.kind === "incident" ? COLORS.incident : COLORS.exclusion}
          />
        ))}
        {chart.yTicks.map((tick) => (
          <Line
            key={tick.y}
            x1={plot.left}
            x2={plot.right}
            y1={tick.y}
            y2={tick.y}
            stroke="#f1f5f9"
            strokeWidth={0.5}
          />
        ))}
        <Line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={COLORS.axis} strokeWidth={0.6} />
        <Line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={COLORS.axis} strokeWidth={0.6} />
        {chart.lines.map((points, i) => (
          <Polyline key={i} points={points} fill="none" stroke={COLORS.line} strokeWidth={0.7} />
        ))}
        <Line
          x1={plot.left}
          x2={plot.right}
          y1={chart.target.y}
          y2={chart.target.y}
          stroke={COLORS.target}
          strokeWidth={0.8}
          strokeDasharray="3,2"
        />
      </Svg>
      {chart.yTicks.map((tick) => (
        <Text
          key={tick.y}
          style={[styles.tick, { left: 0, width: plot.left - 3, top: tick.y - 4, textAlign: "right" }]}
        >
          {tick.label}
        </Text>
      ))}
      {chart.xTicks.map((tick) => (
        <Text
          key={tick.x}
          style={[styles.tick, { left: tick.x - 15, width: 30, top: plot.bottom + 3, textAlign: "center" }]}
        >
          {tick.label}
        </Text>
      ))}
    </View>
  );
}

function Clause({ clause, labels }: { clause: SlaReportClause; labels: SlaReportViewModel["labels"] }) {
  const c = labels.columns;
  return (
    <View style={styles.clause}>
      <View style={styles.titleRow} wrap={false}>
        <Text style={styles.title}>{clause.title}</Text>
        <Text style={[styles.badge, COLORS[clause.verdict.tone]]}>{clause.verdict.text}</Text>
      </View>
      <Text style={styles.terms}>{clause.terms}</Text>
      <Text style={styles.small}>{clause.judged}</Text>
      <Text style={styles.small}>{`${labels.credit}: ${clause.creditTerms}`}</Text>
      {clause.triggers.map((trigger) => (
        <Text key={trigger} style={styles.small}>
          {trigger}
        </Text>
      ))}
      {clause.method && <Text style={styles.small}>{`${labels.method}: ${clause.method}`}</Text>}
      <View style={styles.facts}>
        {clause.facts.map((fact) => (
          <View key={fact.label} style={styles.fact} wrap={false}>
            <Text style={styles.factLabel}>{fact.label}</Text>
            <Text style={styles.factValue}>{fact.value}</Text>
          </View>
        ))}
      </View>
      {clause.chartTitle && (
        <View wrap={false}>
          <Text style={styles.sectionTitle}>{clause.chartTitle}</Text>
          {clause.chart && clause.chart.lines.length > 0 ? (
            <Chart chart={clause.chart} />
          ) : (
            <Text style={styles.small}>{labels.noSeries}</Text>
          )}
        </View>
      )}
      {clause.exclusions.length > 0 && (
        <View wrap={false}>
          <Text style={styles.sectionTitle}>{labels.exclusions}</Text>
          {clause.exclusions.map((text) => (
            <Text key={text}>{text}</Text>
          ))}
        </View>
      )}
      {clause.incidents && (
        <View>
          <Text style={styles.sectionTitle}>{labels.incidents}</Text>
          {clause.incidents.length === 0 ? (
            <Text style={styles.small}>{labels.noIncidents}</Text>
          ) : (
            <View style={styles.table}>
              <View style={[styles.row, styles.head]} wrap={false}>
                <Text style={styles.when}>{c.from}</Text>
                <Text style={styles.when}>{c.to}</Text>
                <Text style={styles.windows}>{c.windows}</Text>
                <Text style={styles.credit}>{c.credit}</Text>
              </View>
              {clause.incidents.map((row) => (
                <View key={row.from} style={styles.row} wrap={false}>
                  <Text style={styles.when}>{row.from}</Text>
                  <Text style={styles.when}>{row.to}</Text>
                  <Text style={styles.windows}>{row.windows}</Text>
                  <Text style={styles.credit}>{row.credit}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      )}
      <Text style={styles.small}>{clause.times}</Text>
    </View>
  );
}

export function SlaReportDocument({ vm }: { vm: SlaReportViewModel }) {
  return (
    <Document title={`${vm.title} — ${vm.engagement} — ${vm.period.value}`} language={vm.locale}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.heading}>{vm.title}</Text>
        <Text style={[styles.meta, { fontSize: 11, color: "#0f172a" }]}>{vm.engagement}</Text>
        <Text style={styles.meta}>{`${vm.period.label}: ${vm.period.value}`}</Text>
        {vm.parties.map((party) => (
          <Text key={party.label} style={styles.meta}>{`${party.label}: ${party.value}`}</Text>
        ))}
        <Text style={styles.meta}>{vm.generated}</Text>
        <Text style={styles.summary}>{vm.summary}</Text>
        {vm.empty && <Text style={{ marginTop: 12 }}>{vm.empty}</Text>}
        {vm.clauses.map((clause, index) => (
          <Clause key={index} clause={clause} labels={vm.labels} />
        ))}
        <View style={styles.total} wrap={false}>
          <Text>{vm.total.label}</Text>
          <Text>{vm.total.value}</Text>
        </View>
        <View style={styles.footer} fixed>
          <Text style={{ flex: 1, paddingRight: 12 }}>{`${vm.engagement} · ${vm.period.value}`}</Text>
          <Text
            render={({ pageNumber, totalPages }) =>
              vm.locale === "zh-CN"
                ? `第 ${pageNumber} / ${totalPages} ${vm.labels.page}`
                : `${vm.labels.page} ${pageNumber} / ${totalPages}`
            }
          />
        </View>
      </Page>
    </Document>
  );
}
