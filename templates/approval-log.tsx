import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ApprovalLogRow, ApprovalLogViewModel } from "@/server/domain/approval-log";
import { PDF_FONT_FAMILY } from "./fonts";

// The approval log as PDF: a pure component of its view-model. One explicit Page per group of
// rows (a single wrapping Page is many times slower to lay out); text is rendered as given, so
// names and comments are never interpreted.

const ROWS_PER_PAGE = 8;

const styles = StyleSheet.create({
  page: { padding: 36, fontSize: 9, fontFamily: PDF_FONT_FAMILY, color: "#0f172a" },
  heading: { fontSize: 16, fontWeight: 700, marginBottom: 4 },
  meta: { fontSize: 9, color: "#475569", marginBottom: 2 },
  table: { marginTop: 12, borderTopWidth: 1, borderColor: "#cbd5e1" },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#e2e8f0", paddingVertical: 4 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  milestone: { width: "18%", paddingRight: 4 },
  decision: { width: "14%", paddingRight: 4 },
  who: { width: "13%", paddingRight: 4 },
  when: { width: "12%", paddingRight: 4 },
  comment: { width: "20%", paddingRight: 4 },
  hashes: { width: "23%", fontSize: 6.5, color: "#334155" },
  footer: { position: "absolute", bottom: 20, left: 36, right: 36, fontSize: 8, color: "#64748b", textAlign: "right" },
});

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out.length > 0 ? out : [[]];
}

function Row({ row }: { row: ApprovalLogRow }) {
  return (
    <View style={styles.row} wrap={false}>
      <Text style={styles.milestone}>{row.milestone}</Text>
      <Text style={styles.decision}>{row.decision}</Text>
      <Text style={styles.who}>{row.who}</Text>
      <Text style={styles.when}>{row.when}</Text>
      <Text style={styles.comment}>{row.comment}</Text>
      <Text style={styles.hashes}>{row.hashes.join("\n")}</Text>
    </View>
  );
}

export function ApprovalLogDocument({ vm }: { vm: ApprovalLogViewModel }) {
  const pages = chunks(vm.rows, ROWS_PER_PAGE);
  return (
    <Document title={`${vm.heading} — ${vm.engagement}`} language={vm.locale}>
      {pages.map((rows, index) => (
        <Page key={index} size="A4" orientation="landscape" style={styles.page}>
          {index === 0 && (
            <View>
              <Text style={styles.heading}>{vm.heading}</Text>
              <Text style={styles.meta}>{vm.engagement}</Text>
              <Text style={styles.meta}>{vm.client}</Text>
              <Text style={styles.meta}>{vm.generatedAt}</Text>
            </View>
          )}
          <View style={styles.table}>
            <View style={[styles.row, styles.head]}>
              <Text style={styles.milestone}>{vm.columns.milestone}</Text>
              <Text style={styles.decision}>{vm.columns.decision}</Text>
              <Text style={styles.who}>{vm.columns.who}</Text>
              <Text style={styles.when}>{vm.columns.when}</Text>
              <Text style={styles.comment}>{vm.columns.comment}</Text>
              <Text style={styles.hashes}>{vm.columns.hashes}</Text>
            </View>
            {rows.length === 0 ? (
              <Text style={{ paddingVertical: 6 }}>{vm.empty}</Text>
            ) : (
              rows.map((row, i) => <Row key={i} row={row} />)
            )}
          </View>
          <Text style={styles.footer}>{`${vm.pageLabel} ${index + 1} / ${pages.length}`}</Text>
        </Page>
      ))}
    </Document>
  );
}
