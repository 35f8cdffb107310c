import { Canvas, Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { InvoiceDocument } from "@/server/domain/invoice-document";
import { INVOICE_LAYOUT as L, type PagePlan } from "@/server/domain/invoice-layout";
import { paintTable, tableHeight } from "./invoice-table";
import { PDF_FONT_FAMILY } from "./fonts";

// An invoice or credit note: a pure component of its document model. Pages are the model's
// plan: each page's lines are known to fit, so no page flows (a flowing page is laid out twice);
// the table's rows come laid out and are painted (invoice-table.ts); totals and payment
// instructions follow the last line.

const styles = StyleSheet.create({
  // a page that does not flow takes its content's height: at least A4, and the plan keeps it at A4
  page: {
    padding: L.padding,
    fontSize: L.fontSize,
    fontFamily: PDF_FONT_FAMILY,
    color: "#0f172a",
    minHeight: L.pageHeight,
  },
  header: { flexDirection: "row", justifyContent: "space-between", marginBottom: L.headerGap },
  title: { fontSize: L.titleSize, fontWeight: 700 },
  number: { fontSize: L.numberSize, marginTop: 2 },
  metaColumn: { maxWidth: "50%" },
  meta: { fontSize: L.metaSize, color: "#334155" },
  parties: { flexDirection: "row", gap: L.partyGap, marginBottom: L.partiesGap },
  party: { flex: 1 },
  label: { fontSize: L.labelSize, color: "#64748b", marginBottom: 2, textTransform: "uppercase" },
  totals: { marginTop: L.totalsGap, marginLeft: "50%" },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: L.totalRowPadding },
  grand: {
    fontWeight: 700,
    fontSize: L.grandSize,
    borderTopWidth: 1,
    borderColor: "#0f172a",
    marginTop: 2,
    paddingTop: 4,
  },
  payment: { marginTop: L.paymentGap },
  footer: {
    position: "absolute",
    bottom: 22,
    left: L.padding,
    right: L.padding,
    fontSize: 7.5,
    color: "#64748b",
    flexDirection: "row",
    justifyContent: "space-between",
  },
});

export function InvoicePdf({ doc }: { doc: InvoiceDocument }) {
  return (
    <Document title={`${doc.title} ${doc.number}`} language={doc.locale}>
      {doc.pages.map((plan, index) => (
        <InvoicePage key={index} doc={doc} plan={plan} index={index} />
      ))}
    </Document>
  );
}

function InvoicePage({ doc, plan, index }: { doc: InvoiceDocument; plan: PagePlan; index: number }) {
  const rows = doc.rows.slice(plan.from, plan.to);
  return (
    <Page size="A4" style={styles.page} wrap={false}>
      <View style={styles.header}>
        <View>
          <Text style={styles.title}>{doc.title}</Text>
          <Text style={styles.number}>{doc.number}</Text>
        </View>
        <View style={styles.metaColumn}>
          {doc.meta.map(([label, value]) => (
            <Text key={label} style={styles.meta}>{`${label}: ${value}`}</Text>
          ))}
        </View>
      </View>
      {plan.parties && (
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
      {plan.to > plan.from && (
        <Canvas style={{ height: tableHeight(doc.head, rows) }} paint={paintTable(doc.head, rows)} />
      )}
      {plan.closing && (
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
        <Text>{`${doc.number} · ${index + 1}/${doc.pages.length}`}</Text>
      </View>
    </Page>
  );
}
