import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { HealthCheckDocument, HealthCheckDocumentRow } from "@/server/domain/health-check/document";
import { PDF_FONT_FAMILY } from "./fonts";

// The first-meeting health check on one page: a pure component of its view-model. The page does
// not wrap (four items and capped details always fit); text is rendered as given.

const STATUS_INK: Record<HealthCheckDocumentRow["status"], string> = {
  pass: "#166534",
  warn: "#92400e",
  fail: "#991b1b",
};

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 9, fontFamily: PDF_FONT_FAMILY, color: "#0f172a" },
  title: { fontSize: 18, fontWeight: 700, marginBottom: 10 },
  fact: { flexDirection: "row", marginBottom: 3 },
  factLabel: { width: 90, color: "#475569" },
  factValue: { flex: 1 },
  table: { marginTop: 14, borderTopWidth: 1, borderColor: "#cbd5e1" },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#e2e8f0", paddingVertical: 5 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  check: { width: "17%", paddingRight: 4 },
  status: { width: "9%", paddingRight: 4, fontWeight: 700 },
  httpStatus: { width: "7%", paddingRight: 4 },
  detail: { width: "27%", paddingRight: 4, fontSize: 8 },
  advice: { width: "40%" },
  note: { marginTop: 14, fontSize: 8, color: "#64748b" },
});

function Row({ row }: { row: HealthCheckDocumentRow }) {
  return (
    <View style={styles.row} wrap={false}>
      <Text style={styles.check}>{row.check}</Text>
      <Text style={[styles.status, { color: STATUS_INK[row.status] }]}>{row.statusLabel}</Text>
      <Text style={styles.httpStatus}>{row.httpStatus}</Text>
      <Text style={styles.detail}>{row.detail}</Text>
      <Text style={styles.advice}>{row.advice}</Text>
    </View>
  );
}

export function HealthCheckPdf({ doc }: { doc: HealthCheckDocument }) {
  return (
    <Document title={doc.title} language={doc.locale}>
      <Page size="A4" style={styles.page} wrap={false}>
        <Text style={styles.title}>{doc.title}</Text>
        {doc.facts.map((fact) => (
          <View key={fact.label} style={styles.fact}>
            <Text style={styles.factLabel}>{fact.label}</Text>
            <Text style={styles.factValue}>{fact.value}</Text>
          </View>
        ))}
        <View style={styles.table}>
          <View style={[styles.row, styles.head]}>
            <Text style={styles.check}>{doc.columns.check}</Text>
            <Text style={styles.status}>{doc.columns.status}</Text>
            <Text style={styles.httpStatus}>{doc.columns.httpStatus}</Text>
            <Text style={styles.detail}>{doc.columns.detail}</Text>
            <Text style={styles.advice}>{doc.columns.advice}</Text>
          </View>
          {doc.rows.map((row) => (
            <Row key={row.check} row={row} />
          ))}
        </View>
        <Text style={styles.note}>{doc.note}</Text>
      </Page>
    </Document>
  );
}
