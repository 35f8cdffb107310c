import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type {
  BenchmarkReportViewModel,
  ChartBar,
  ChartGroup,
  ReportTableRow,
} from "@/server/domain/benchmark-report-document";
import { PDF_FONT_FAMILY } from "./fonts";

// The Go benchmark comparison report as PDF: a pure component of its view-model
// (server/domain/benchmark-report-document.ts, whose REPORT_LAYOUT follows these sizes). The chart is drawn with
// react-pdf boxes: per benchmark a
// bar for each side's ns/op median and a line over its min-max, already scaled by the view-model.
// One explicit Page per group of benchmarks the view-model planned.

const COLORS = {
  baseline: "#94a3b8",
  better: "#15803d",
  worse: "#b91c1c",
  neutral: "#0f766e",
  whisker: "#0f172a",
  track: "#f1f5f9",
} as const;

const styles = StyleSheet.create({
  page: { padding: 36, paddingBottom: 48, fontSize: 8.5, fontFamily: PDF_FONT_FAMILY, color: "#0f172a" },
  heading: { fontSize: 16, fontWeight: 700, marginBottom: 4 },
  meta: { fontSize: 9, color: "#475569", marginBottom: 2 },
  file: { flexDirection: "row", fontSize: 7.5, marginTop: 2 },
  fileLabel: { width: 52, fontWeight: 700 },
  fileValue: { flex: 1, color: "#334155" },
  method: { fontSize: 7.5, color: "#475569", marginTop: 3 },
  sectionTitle: { fontSize: 10, fontWeight: 700, marginTop: 12, marginBottom: 4 },
  group: { marginBottom: 6 },
  groupName: { fontSize: 8.5, fontWeight: 700, marginBottom: 2 },
  barRow: { flexDirection: "row", alignItems: "center", height: 12 },
  barLabel: { width: 52, fontSize: 7.5, color: "#475569" },
  track: { flex: 1, height: 9, backgroundColor: COLORS.track, position: "relative" },
  barText: { width: 96, fontSize: 7.5, textAlign: "right" },
  table: { marginTop: 4, borderTopWidth: 1, borderColor: "#cbd5e1" },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#e2e8f0", paddingVertical: 3 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  benchmark: { width: "22%", paddingRight: 4 },
  metric: { width: "7%", paddingRight: 4 },
  baseline: { width: "20%", paddingRight: 4 },
  current: { width: "20%", paddingRight: 4 },
  delta: { width: "8%", paddingRight: 6, textAlign: "right" },
  p: { width: "7%", paddingRight: 6, textAlign: "right" },
  verdict: { width: "16%" },
  note: { fontSize: 7.5, color: "#475569", marginTop: 3 },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#64748b", textAlign: "right" },
});

const pct = (fraction: number) => `${Math.max(0, Math.min(1, fraction)) * 100}%`;

function Bar({ bar }: { bar: ChartBar }) {
  return (
    <View style={styles.barRow}>
      <Text style={styles.barLabel}>{bar.label}</Text>
      <View style={styles.track}>
        <View
          style={{
            position: "absolute",
            left: 0,
            top: 1,
            height: 7,
            width: pct(bar.median),
            backgroundColor: COLORS[bar.tone],
          }}
        />
        <View
          style={{
            position: "absolute",
            left: pct(bar.min),
            top: 4,
            height: 1,
            width: pct(bar.max - bar.min),
            backgroundColor: COLORS.whisker,
          }}
        />
        <View
          style={{
            position: "absolute",
            left: pct(bar.min),
            top: 2,
            height: 5,
            width: 0.75,
            backgroundColor: COLORS.whisker,
          }}
        />
        <View
          style={{
            position: "absolute",
            left: pct(bar.max),
            top: 2,
            height: 5,
            width: 0.75,
            backgroundColor: COLORS.whisker,
          }}
        />
      </View>
      <Text style={styles.barText}>{bar.text}</Text>
    </View>
  );
}

function Group({ group }: { group: ChartGroup }) {
  return (
    <View style={styles.group} wrap={false}>
      <Text style={styles.groupName}>{group.name}</Text>
      <Bar bar={group.bars[0]} />
      <Bar bar={group.bars[1]} />
    </View>
  );
}

function Row({ row }: { row: ReportTableRow }) {
  const tone = row.tone === "better" ? COLORS.better : row.tone === "worse" ? COLORS.worse : "#0f172a";
  return (
    <View style={styles.row} wrap={false}>
      <Text style={styles.benchmark}>{row.benchmark}</Text>
      <Text style={styles.metric}>{row.metric}</Text>
      <Text style={styles.baseline}>{row.baseline}</Text>
      <Text style={styles.current}>{row.current}</Text>
      <Text style={styles.delta}>{row.delta}</Text>
      <Text style={styles.p}>{row.p}</Text>
      <Text style={[styles.verdict, { color: tone }]}>{row.verdict}</Text>
    </View>
  );
}

export function BenchmarkReportDocument({ vm }: { vm: BenchmarkReportViewModel }) {
  const c = vm.columns;
  return (
    <Document title={`${vm.title} — ${vm.milestone}`} language={vm.locale}>
      {vm.pages.map((page, index) => (
        <Page key={index} size="A4" orientation="landscape" style={styles.page}>
          {index === 0 && (
            <View>
              <Text style={styles.heading}>{vm.title}</Text>
              <Text style={styles.meta}>{vm.engagement}</Text>
              <Text style={styles.meta}>{vm.milestone}</Text>
              <Text style={styles.meta}>{vm.generatedAt}</Text>
              {vm.files.map((file) => (
                <View key={file.label} style={styles.file}>
                  <Text style={styles.fileLabel}>{file.label}</Text>
                  <Text style={styles.fileValue}>{file.value}</Text>
                </View>
              ))}
              <Text style={styles.method}>{vm.method}</Text>
              {vm.notes.map((note) => (
                <Text key={note} style={styles.note}>
                  {note}
                </Text>
              ))}
            </View>
          )}
          {page.chart.length > 0 && (
            <View>
              <Text style={styles.sectionTitle}>{vm.chartTitle}</Text>
              {page.chart.map((group) => (
                <Group key={group.name} group={group} />
              ))}
            </View>
          )}
          <View style={styles.table}>
            <View style={[styles.row, styles.head]}>
              <Text style={styles.benchmark}>{c.benchmark}</Text>
              <Text style={styles.metric}>{c.metric}</Text>
              <Text style={styles.baseline}>{c.baseline}</Text>
              <Text style={styles.current}>{c.current}</Text>
              <Text style={styles.delta}>{c.delta}</Text>
              <Text style={styles.p}>{c.p}</Text>
              <Text style={styles.verdict}>{c.verdict}</Text>
            </View>
            {page.rows.length === 0 ? (
              <Text style={{ paddingVertical: 6 }}>{vm.empty}</Text>
            ) : (
              page.rows.map((row) => <Row key={`${row.benchmark} ${row.metric}`} row={row} />)
            )}
          </View>
          <Text style={styles.footer}>{`${vm.pageLabel} ${index + 1} / ${vm.pages.length}`}</Text>
        </Page>
      ))}
    </Document>
  );
}
