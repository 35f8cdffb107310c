import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { InvoiceDocument } from "@/server/domain/invoice-document";

// An invoice or credit note: a pure component of its document model. Lines are laid out on
// explicit pages of LINES_PER_PAGE, the totals and payment instructions after the last line.

const LINES_PER_PAGE = 14;

const styles = StyleSheet.create({
  page: { padding: 40, fontSize: 9.5, fontFamily: "NotoSansSC", color: "#0f172a" },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: 16 },
  title: { fontSize: 20, fontWeight: 700 },
  number: { fontSize: 12, marginTop: 2 },
  meta: { fontSize: 9, color: "#334155" },
  parties: { flexDirection: "row", gap: 24, marginBottom: 16 },
  party: { flex: 1 },
  label: { fontSize: 8, color: "#64748b", marginBottom: 2, textTransform: "uppercase" },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#e2e8f0", paddingVertical: 5 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  description: { width: "60%", paddingRight: 6 },
  share: { width: "15%", textAlign: "right" },
  amount: { width: "25%", textAlign: "right" },
  evidence: { fontSize: 7, color: "#475569", marginTop: 2 },
  totals: { marginTop: 10, marginLeft: "50%" },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  grand: { fontWeight: 700, fontSize: 11, borderTopWidth: 1, borderColor: "#0f172a", marginTop: 2, paddingTop: 4 },
  payment: { marginTop: 18 },
  footer: { position: "absolute", bottom: 22, left: 40, right: 40, fontSize: 7.5, color: "#64748b", flexDirection: "row", justifyContent: "space-between" },
});

function pagesOf<T>(items: T[]): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += LINES_PER_PAGE) pages.push(items.slice(i, i + LINES_PER_PAGE));
  return pages.length > 0 ? pages : [[]];
}

export function InvoicePdf({ doc }: { doc: InvoiceDocument }) {
  const pages = pagesOf(doc.lines);
  return (
    <Document title={`${doc.title} ${doc.number}`} language={doc.locale}>
      {pages.map((lines, index) => (
        <Page key={index} size="A4" style={styles.page} wrap={false}>
          <View style={styles.header}>
            <View>
              <Text style={styles.title}>{doc.title}</Text>
              <Text style={styles.number}>{doc.number}</Text>
            </View>
            <View>
              {doc.meta.map(([label, value]) => (
                <Text key={label} style={styles.meta}>{`${label}: ${value}`}</Text>
              ))}
            </View>
          </View>
          {index === 0 && (
            <View style={styles.parties}>
              <View style={styles.party}>
                <Text style={styles.label}>{doc.sellerLabel}</Text>
                {doc.seller.map((line) => (
                  <Text key={line}>{line}</Text>
                ))}
              </View>
              <View style={styles.party}>
                <Text style={styles.label}>{doc.buyerLabel}</Text>
                {doc.buyer.map((line) => (
                  <Text key={line}>{line}</Text>
                ))}
              </View>
            </View>
          )}
          <View style={[styles.row, styles.head]}>
            <Text style={styles.description}>{doc.columns.description}</Text>
            <Text style={styles.share}>{doc.columns.share}</Text>
            <Text style={styles.amount}>{doc.columns.amount}</Text>
          </View>
          {lines.map((line, i) => (
            <View key={i} style={styles.row} wrap={false}>
              <View style={styles.description}>
                <Text>{line.description}</Text>
                {line.evidence.length > 0 && <Text style={styles.evidence}>{`${doc.evidenceLabel}: ${line.evidence.join("; ")}`}</Text>}
              </View>
              <Text style={styles.share}>{line.share}</Text>
              <Text style={styles.amount}>{line.amount}</Text>
            </View>
          ))}
          {index === pages.length - 1 && (
            <>
              <View style={styles.totals}>
                {doc.totals.map(([label, value], i) => (
                  <View key={label} style={i === doc.totals.length - 1 ? [styles.totalRow, styles.grand] : styles.totalRow}>
                    <Text>{label}</Text>
                    <Text>{value}</Text>
                  </View>
                ))}
              </View>
              {doc.payment && (
                <View style={styles.payment}>
                  <Text style={styles.label}>{doc.paymentLabel}</Text>
                  <Text>{doc.payment}</Text>
                </View>
              )}
            </>
          )}
          <View style={styles.footer}>
            <Text>{doc.footer}</Text>
            <Text>{`${doc.number} · ${index + 1}/${pages.length}`}</Text>
          </View>
        </Page>
      ))}
    </Document>
  );
}
