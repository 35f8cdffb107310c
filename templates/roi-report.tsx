import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { RoiReportDocument } from "@/server/domain/roi/report-document";
import type { RoiFact, RoiTable } from "@/server/domain/roi/report-tables";
import { REPORT_FOOTER_STYLE, REPORT_PAGE_STYLE } from "./fonts";
import { CashFlowChartView, HistogramView } from "./roi-report-charts";
import { SystemMapView } from "./roi-report-map";

// An engagement's ROI report: a pure component of its view-model (server/domain/roi/
// report-document.ts). Five parts, each starting a page: the summary with the cash-flow chart and
// the NPV histogram; the system map and the ranked debt register (landscape, for their width);
// the cash flows by month; the assumptions. Long tables flow onto further pages.

const styles = StyleSheet.create({
  page: REPORT_PAGE_STYLE,
  heading: { fontSize: 18, fontWeight: 700 },
  subtitle: { fontSize: 9, color: "#475569", marginTop: 2 },
  h2: { fontSize: 12, fontWeight: 700, marginBottom: 4 },
  h3: { fontSize: 9.5, fontWeight: 700, marginTop: 10, marginBottom: 3 },
  summary: { marginTop: 10, padding: 8, backgroundColor: "#f8fafc", borderRadius: 3 },
  sentence: { fontSize: 10, lineHeight: 1.4, marginBottom: 2 },
  intro: { fontSize: 8, color: "#475569", marginBottom: 8, lineHeight: 1.35 },
  facts: { flexDirection: "row", flexWrap: "wrap", marginTop: 8 },
  fact: { width: "50%", flexDirection: "row", paddingVertical: 1.5, paddingRight: 8 },
  factLabel: { width: "48%", color: "#475569" },
  factValue: { width: "52%", fontWeight: 700 },
  assumption: { flexDirection: "row", paddingVertical: 1.5 },
  assumptionLabel: { width: 130, color: "#475569" },
  chartTitle: { fontSize: 8.5, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  note: { fontSize: 8, color: "#475569", marginTop: 4 },
  table: { borderTopWidth: 1, borderColor: "#cbd5e1", fontSize: 7.5 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderColor: "#e2e8f0", paddingVertical: 2 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  total: { fontWeight: 700, borderTopWidth: 1, borderColor: "#0f172a" },
  cell: { paddingHorizontal: 2 },
  footer: REPORT_FOOTER_STYLE,
});

function Table({ table }: { table: RoiTable }) {
  const cells = (values: string[]) =>
    values.map((value, i) => (
      <Text
        key={i}
        style={[styles.cell, { width: `${table.widths[i]! * 100}%`, textAlign: table.numeric[i] ? "right" : "left" }]}
      >
        {value}
      </Text>
    ));
  return (
    <View style={styles.table}>
      <View style={[styles.row, styles.head]} wrap={false}>
        {cells(table.columns)}
      </View>
      {table.rows.map((row, i) => (
        <View key={i} style={styles.row} wrap={false}>
          {cells(row)}
        </View>
      ))}
      {table.total && (
        <View style={[styles.row, styles.total]} wrap={false}>
          {cells(table.total)}
        </View>
      )}
    </View>
  );
}

function Facts({ facts }: { facts: RoiFact[] }) {
  return (
    <View style={styles.facts}>
      {facts.map((fact) => (
        <View key={fact.label} style={styles.fact} wrap={false}>
          <Text style={styles.factLabel}>{fact.label}</Text>
          <Text style={styles.factValue}>{fact.value}</Text>
        </View>
      ))}
    </View>
  );
}

function Part({ doc, landscape, children }: { doc: RoiReportDocument; landscape?: boolean; children: ReactNode }) {
  return (
    <Page size="A4" orientation={landscape ? "landscape" : "portrait"} style={styles.page}>
      {children}
      <View style={styles.footer} fixed>
        <Text style={{ flex: 1, paddingRight: 12 }}>{doc.footer}</Text>
        <Text
          render={({ pageNumber, totalPages }) =>
            doc.locale === "zh-CN"
              ? `第 ${pageNumber} / ${totalPages} ${doc.page}`
              : `${doc.page} ${pageNumber} / ${totalPages}`
          }
        />
      </View>
    </Page>
  );
}

export function RoiReportPdf({ doc }: { doc: RoiReportDocument }) {
  const { assumptions } = doc;
  return (
    <Document title={`${doc.title} — ${doc.subtitle}`} language={doc.locale}>
      <Part doc={doc}>
        <Text style={styles.heading}>{doc.title}</Text>
        <Text style={styles.subtitle}>{doc.subtitle}</Text>
        <View style={styles.summary}>
          {doc.summary.map((sentence) => (
            <Text key={sentence} style={styles.sentence}>
              {sentence}
            </Text>
          ))}
        </View>
        <Facts facts={doc.figures} />
        <Text style={styles.chartTitle}>{doc.cashFlowChart.title}</Text>
        <CashFlowChartView
          chart={doc.cashFlowChart.chart}
          legend={doc.cashFlowChart.legend}
          monthAxis={doc.cashFlowChart.monthAxis}
        />
        <Text style={styles.chartTitle}>{doc.histogram.title}</Text>
        {doc.histogram.chart ? (
          <HistogramView chart={doc.histogram.chart} />
        ) : (
          <Text style={styles.note}>{doc.histogram.pending}</Text>
        )}
      </Part>
      <Part doc={doc} landscape>
        <Text style={styles.h2}>{doc.systemMap.title}</Text>
        <Text style={styles.intro}>{doc.systemMap.intro}</Text>
        {doc.systemMap.drawing ? (
          <SystemMapView drawing={doc.systemMap.drawing} />
        ) : (
          <Text style={styles.note}>{doc.systemMap.empty}</Text>
        )}
        {doc.systemMap.components && (
          <View style={{ marginTop: 14 }}>
            <Table table={doc.systemMap.components} />
          </View>
        )}
      </Part>
      <Part doc={doc} landscape>
        <Text style={styles.h2}>{doc.debt.title}</Text>
        <Text style={styles.intro}>{doc.debt.intro}</Text>
        {doc.debt.table && <Table table={doc.debt.table} />}
        {doc.debt.notes.map((note) => (
          <Text key={note} style={styles.note}>
            {note}
          </Text>
        ))}
      </Part>
      <Part doc={doc}>
        <Text style={styles.h2}>{doc.cashFlows.title}</Text>
        <Table table={doc.cashFlows.table} />
      </Part>
      <Part doc={doc}>
        <Text style={styles.h2}>{assumptions.title}</Text>
        {assumptions.facts.map((fact) => (
          <View key={fact.label} style={styles.assumption} wrap={false}>
            <Text style={styles.assumptionLabel}>{fact.label}</Text>
            <Text style={{ flex: 1 }}>{fact.value}</Text>
          </View>
        ))}
        <Text style={[styles.intro, { marginTop: 6 }]}>{assumptions.method}</Text>
        {assumptions.sections.map((section) => (
          <View key={section.title}>
            <Text style={styles.h3}>{section.title}</Text>
            {section.table ? <Table table={section.table} /> : <Text style={styles.note}>{section.none}</Text>}
          </View>
        ))}
      </Part>
    </Document>
  );
}
