import { Document, Link, Page, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { AdrDocument, AdrDocumentEntry } from "@/server/domain/adr/adr-document";
import type { AdrStatus } from "@/server/domain/adr/adr";
import { PDF_FONT_FAMILY, REPORT_FOOTER_STYLE } from "./fonts";

// ADRs as PDF: a pure component of its view-model. A cover page with the contents (linked to each
// ADR) and the supersede links, then one page per ADR, which flows onto more pages when long;
// page numbers in the footer. Text is rendered as given, never interpreted.

const BADGE: Record<AdrStatus, { backgroundColor: string; color: string }> = {
  proposed: { backgroundColor: "#e0f2fe", color: "#075985" },
  accepted: { backgroundColor: "#dcfce7", color: "#166534" },
  rejected: { backgroundColor: "#fee2e2", color: "#991b1b" },
  deprecated: { backgroundColor: "#f1f5f9", color: "#475569" },
  superseded: { backgroundColor: "#fef3c7", color: "#92400e" },
};

const styles = StyleSheet.create({
  page: {
    paddingTop: 40,
    paddingHorizontal: 44,
    paddingBottom: 48,
    fontSize: 9.5,
    fontFamily: PDF_FONT_FAMILY,
    color: "#0f172a",
  },
  heading: { fontSize: 18, fontWeight: 700 },
  meta: { fontSize: 9, color: "#475569", marginTop: 2 },
  h2: { fontSize: 12, fontWeight: 700, marginTop: 16, marginBottom: 6 },
  tocRow: {
    flexDirection: "row",
    alignItems: "center",
    paddingVertical: 3,
    borderBottomWidth: 1,
    borderColor: "#e2e8f0",
  },
  tocLabel: { width: 60, fontWeight: 700, color: "#0f172a", textDecoration: "none" },
  tocTitle: { flex: 1, paddingRight: 8, color: "#0f172a", textDecoration: "none" },
  badge: { fontSize: 7.5, paddingHorizontal: 5, paddingVertical: 1.5, borderRadius: 3 },
  title: { fontSize: 15, fontWeight: 700, marginTop: 4 },
  titleRow: { flexDirection: "row", alignItems: "center", gap: 8 },
  link: { fontSize: 9, color: "#92400e", marginTop: 2 },
  section: { marginTop: 10 },
  sectionHeading: { fontSize: 10, fontWeight: 700, marginBottom: 2 },
  body: { lineHeight: 1.45 },
  option: { marginTop: 4, paddingLeft: 8 },
  optionTitle: { fontWeight: 700 },
  verdict: { marginTop: 10, padding: 6, borderWidth: 1, borderRadius: 3 },
  footer: REPORT_FOOTER_STYLE,
});

function Badge({ status, label }: { status: AdrStatus; label: string }) {
  return <Text style={[styles.badge, BADGE[status]]}>{label}</Text>;
}

function Footer({ doc }: { doc: AdrDocument }) {
  return (
    <View style={styles.footer} fixed>
      <Text>{`${doc.engagement} · ${doc.generatedOn}`}</Text>
      <Text
        render={({ pageNumber, totalPages }) =>
          doc.locale === "zh-CN"
            ? `第 ${pageNumber} / ${totalPages} 页`
            : `${doc.labels.page} ${pageNumber} / ${totalPages}`
        }
      />
    </View>
  );
}

function Entry({ entry, labels }: { entry: AdrDocumentEntry; labels: AdrDocument["labels"] }) {
  const verdictColour =
    entry.validation?.good === true ? "#166534" : entry.validation?.good === false ? "#991b1b" : "#475569";
  return (
    <View id={entry.anchor}>
      <View style={styles.titleRow}>
        <Text style={styles.title}>{`${entry.label} ${entry.title}`}</Text>
        <Badge status={entry.status} label={entry.statusLabel} />
      </View>
      {entry.meta.map((line) => (
        <Text key={line} style={styles.meta}>
          {line}
        </Text>
      ))}
      {entry.links.map((line) => (
        <Text key={line} style={styles.link}>
          {line}
        </Text>
      ))}
      {entry.validation && (
        <View style={[styles.verdict, { borderColor: verdictColour }]} wrap={false}>
          <Text
            style={{ color: verdictColour, fontWeight: 700 }}
          >{`${labels.validatedBy}: ${entry.validation.label} — ${entry.validation.verdict}`}</Text>
          {entry.validation.detail !== "" && <Text style={styles.meta}>{entry.validation.detail}</Text>}
        </View>
      )}
      {entry.sections.map((section) => (
        <View key={section.heading} style={styles.section}>
          <Text style={styles.sectionHeading}>{section.heading}</Text>
          <Text style={styles.body}>{section.text}</Text>
        </View>
      ))}
      {entry.options.length > 0 && (
        <View style={styles.section}>
          <Text style={styles.sectionHeading}>{labels.options}</Text>
          {entry.options.map((option) => (
            <View key={option.title} style={styles.option} wrap={false}>
              <Text style={styles.optionTitle}>{option.title}</Text>
              {option.pros.map((p) => (
                <Text key={`+${p}`}>{`${labels.pros}: ${p}`}</Text>
              ))}
              {option.cons.map((c) => (
                <Text key={`-${c}`}>{`${labels.cons}: ${c}`}</Text>
              ))}
            </View>
          ))}
        </View>
      )}
      {entry.acknowledgements.length > 0 && (
        <View style={styles.section}>
          <Text style={styles.sectionHeading}>{labels.acknowledged}</Text>
          {entry.acknowledgements.map((a) => (
            <Text key={a}>{a}</Text>
          ))}
        </View>
      )}
    </View>
  );
}

export function AdrDocumentPdf({ doc }: { doc: AdrDocument }) {
  return (
    <Document title={`${doc.title} — ${doc.engagement}`} language={doc.locale}>
      <Page size="A4" style={styles.page}>
        <Text style={styles.heading}>{doc.title}</Text>
        <Text style={styles.meta}>{doc.engagement}</Text>
        <Text style={styles.meta}>{doc.generatedOn}</Text>
        <Text style={styles.h2}>{doc.labels.contents}</Text>
        {doc.toc.length === 0 && <Text>{doc.labels.noAdrs}</Text>}
        {doc.toc.map((item) => (
          <View key={item.anchor} style={styles.tocRow}>
            <Link src={`#${item.anchor}`} style={styles.tocLabel}>
              {item.label}
            </Link>
            <Link src={`#${item.anchor}`} style={styles.tocTitle}>
              {item.title}
            </Link>
            <Badge status={item.status} label={item.statusLabel} />
          </View>
        ))}
        {doc.graph.length > 0 && (
          <>
            <Text style={styles.h2}>{doc.labels.supersedeGraph}</Text>
            {doc.graph.map((line) => (
              <Text key={line}>{line}</Text>
            ))}
          </>
        )}
        <Footer doc={doc} />
      </Page>
      {doc.entries.map((entry) => (
        <Page key={entry.anchor} size="A4" style={styles.page}>
          <Entry entry={entry} labels={doc.labels} />
          <Footer doc={doc} />
        </Page>
      ))}
    </Document>
  );
}
