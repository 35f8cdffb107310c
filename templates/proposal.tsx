import { Document, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { DocumentFact, ProposalDocument } from "@/server/domain/proposal/document";
import { REPORT_FOOTER_STYLE, REPORT_PAGE_STYLE } from "./fonts";

// A proposal (quote): a pure component of its view-model (server/domain/proposal/document.ts).
// The creation date is the proposal's own, so the same proposal renders to the same bytes.

const styles = StyleSheet.create({
  page: REPORT_PAGE_STYLE,
  heading: { fontSize: 18, fontWeight: 700 },
  subheading: { fontSize: 12, marginTop: 3 },
  facts: { marginTop: 10, flexDirection: "row", flexWrap: "wrap" },
  fact: { width: "33%", paddingVertical: 2 },
  factLabel: { fontSize: 7.5, color: "#475569" },
  parties: { marginTop: 10, flexDirection: "row" },
  party: { flex: 1, paddingRight: 12 },
  section: { marginTop: 14 },
  sectionTitle: {
    fontSize: 11,
    fontWeight: 700,
    marginBottom: 4,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderColor: "#cbd5e1",
  },
  bullet: { flexDirection: "row", paddingVertical: 1 },
  line: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 2 },
  lineLabel: { flex: 1, paddingRight: 8 },
  small: { fontSize: 8, color: "#475569", marginTop: 2 },
  totals: { marginTop: 4, paddingTop: 4, borderTopWidth: 1, borderColor: "#cbd5e1" },
  total: { fontWeight: 700, fontSize: 11 },
  row: { flexDirection: "row", borderBottomWidth: 1, borderColor: "#e2e8f0", paddingVertical: 3 },
  head: { fontWeight: 700, backgroundColor: "#f1f5f9" },
  milestone: { width: "28%", paddingRight: 4 },
  share: { width: "10%", textAlign: "right", paddingRight: 6 },
  amount: { width: "18%", textAlign: "right", paddingRight: 8 },
  gate: { flex: 1 },
  block: { marginBottom: 6 },
  bold: { fontWeight: 700 },
  acceptance: { marginTop: 16, padding: 8, backgroundColor: "#f0fdfa", borderRadius: 3 },
  footer: REPORT_FOOTER_STYLE,
});

function Line({ fact, strong }: { fact: DocumentFact; strong?: boolean }) {
  return (
    <View style={styles.line} wrap={false}>
      <Text style={[styles.lineLabel, strong ? styles.total : {}]}>{fact.label}</Text>
      <Text style={strong ? styles.total : {}}>{fact.value}</Text>
    </View>
  );
}

export function ProposalPdf({ doc, createdAt }: { doc: ProposalDocument; createdAt: Date }) {
  return (
    <Document title={`${doc.title} — ${doc.heading}`} language={doc.locale} creationDate={createdAt}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.heading}>{doc.title}</Text>
        <Text style={styles.subheading}>{doc.heading}</Text>
        <View style={styles.facts}>
          {doc.facts.map((fact) => (
            <View key={fact.label} style={styles.fact}>
              <Text style={styles.factLabel}>{fact.label}</Text>
              <Text>{fact.value}</Text>
            </View>
          ))}
        </View>
        <View style={styles.parties}>
          {doc.parties.map((party) => (
            <View key={party.label} style={styles.party}>
              <Text style={styles.factLabel}>{party.label}</Text>
              {party.lines.map((line, index) => (
                <Text key={index} style={index === 0 ? styles.bold : {}}>
                  {line}
                </Text>
              ))}
            </View>
          ))}
        </View>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{doc.packageLabel}</Text>
          <Text>{doc.packageLine}</Text>
          <Text style={[styles.small, { marginTop: 4 }]}>{doc.includesLabel}</Text>
          {doc.includes.map((item) => (
            <View key={item} style={styles.bullet}>
              <Text style={{ width: 10 }}>•</Text>
              <Text style={{ flex: 1 }}>{item}</Text>
            </View>
          ))}
        </View>
        <View style={styles.section} wrap={false}>
          <Text style={styles.sectionTitle}>{doc.priceLabel}</Text>
          {doc.priceLines.map((fact, index) => (
            <Line key={index} fact={fact} />
          ))}
          <Text style={styles.small}>{doc.formula}</Text>
          <View style={styles.totals}>
            {doc.totals.map((fact, index) => (
              <Line key={fact.label} fact={fact} strong={index === doc.totals.length - 1} />
            ))}
          </View>
        </View>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{doc.milestonesLabel}</Text>
          <View style={[styles.row, styles.head]} fixed>
            <Text style={styles.milestone}>{doc.columns.milestone}</Text>
            <Text style={styles.share}>{doc.columns.share}</Text>
            <Text style={styles.amount}>{doc.columns.amount}</Text>
            <Text style={styles.gate}>{doc.columns.gate}</Text>
          </View>
          {doc.milestones.map((m, index) => (
            <View key={index} style={styles.row} wrap={false}>
              <Text style={styles.milestone}>{m.title}</Text>
              <Text style={styles.share}>{m.share}</Text>
              <Text style={styles.amount}>{m.amount}</Text>
              <Text style={styles.gate}>{m.gate}</Text>
            </View>
          ))}
        </View>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{doc.slaLabel}</Text>
          {doc.noSla && <Text>{doc.noSla}</Text>}
          {doc.slaClauses.map((clause, index) => (
            <View key={index} style={styles.block} wrap={false}>
              <Text style={styles.bold}>{clause.title}</Text>
              <Text>{clause.terms}</Text>
              <Text style={styles.small}>{clause.credit}</Text>
            </View>
          ))}
        </View>
        <View style={styles.section}>
          <Text style={styles.sectionTitle}>{doc.objectivesLabel}</Text>
          {doc.noObjectives && <Text>{doc.noObjectives}</Text>}
          {doc.objectives.map((objective, index) => (
            <View key={index} style={styles.block} wrap={false}>
              <Text style={styles.bold}>{objective.headline}</Text>
              {objective.details.map((detail) => (
                <Text key={detail} style={styles.small}>
                  {detail}
                </Text>
              ))}
            </View>
          ))}
        </View>
        <Text style={styles.acceptance} wrap={false}>
          {doc.acceptance}
        </Text>
        <View style={styles.footer} fixed>
          <Text style={{ flex: 1, paddingRight: 12 }}>{doc.title}</Text>
          <Text
            render={({ pageNumber, totalPages }) =>
              doc.pageLabel.replace("{page}", String(pageNumber)).replace("{pages}", String(totalPages))
            }
          />
        </View>
      </Page>
    </Document>
  );
}
