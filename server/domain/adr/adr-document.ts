import { documentWords, fill } from "../document-words";
import type { Locale } from "../locale";
import { adrLabel, type AdrContent, type AdrStatus } from "./adr";

// The ADR document (one ADR or an engagement's whole log) as a view-model for the PDF template:
// every label in the reader's language, every figure already formatted.

export interface AdrValidationSource {
  label: string;
  verdict: "pass" | "fail" | "met" | "missed" | "none";
  checkedAt: string | null;
  detail: string | null;
}

export interface AdrDocumentSource extends AdrContent {
  validationLink: AdrValidationSource | null;
  acknowledgements: { by: string; at: string; current: boolean }[];
}

export interface AdrDocumentSection {
  heading: string;
  text: string;
}

export interface AdrDocumentEntry {
  anchor: string;
  label: string;
  title: string;
  status: AdrStatus;
  statusLabel: string;
  meta: string[];
  links: string[];
  sections: AdrDocumentSection[];
  options: { title: string; pros: string[]; cons: string[] }[];
  validation: { label: string; verdict: string; good: boolean | null; detail: string } | null;
  acknowledgements: string[];
}

export interface AdrDocument {
  locale: Locale;
  title: string;
  engagement: string;
  generatedOn: string;
  labels: {
    contents: string;
    supersedeGraph: string;
    options: string;
    pros: string;
    cons: string;
    validatedBy: string;
    acknowledged: string;
    page: string;
    noAdrs: string;
  };
  toc: { anchor: string; label: string; title: string; status: AdrStatus; statusLabel: string }[];
  graph: string[];
  entries: AdrDocumentEntry[];
}

const anchorOf = (number: number) => `adr-${number}`;

export function adrDocument(
  source: { engagement: string; adrs: readonly AdrDocumentSource[]; single: boolean },
  locale: Locale,
  today: string,
): AdrDocument {
  const t = documentWords(locale, "adr");
  const entries = source.adrs.map((adr): AdrDocumentEntry => {
    const links = [
      ...(adr.supersededBy !== null ? [`${t.supersededBy} ${adrLabel(adr.supersededBy)}`] : []),
      ...(adr.supersedes !== null ? [`${t.supersedes} ${adrLabel(adr.supersedes)}`] : []),
    ];
    const sections: AdrDocumentSection[] = [
      { heading: t.context, text: adr.context },
      { heading: t.drivers, text: adr.decisionDrivers.map((d) => `• ${d}`).join("\n") },
      { heading: t.outcome, text: adr.decisionOutcome },
      { heading: t.consequences, text: adr.consequences },
      { heading: t.confirmation, text: adr.validation },
    ].filter((s) => s.text.trim() !== "");
    const v = adr.validationLink;
    return {
      anchor: anchorOf(adr.number),
      label: adrLabel(adr.number),
      title: adr.title,
      status: adr.status,
      statusLabel: t.statuses[adr.status],
      meta: [
        `${t.date}: ${adr.date ?? t.dateUnknown}`,
        ...(adr.importedStatus !== null
          ? [`${t.statuses[adr.status]}, ${fill(t.importedStatus, { status: adr.importedStatus })}`]
          : []),
        ...(adr.deciders.length > 0 ? [`${t.deciders}: ${adr.deciders.join(", ")}`] : []),
        ...(adr.consulted.length > 0 ? [`${t.consulted}: ${adr.consulted.join(", ")}`] : []),
        ...(adr.informed.length > 0 ? [`${t.informed}: ${adr.informed.join(", ")}`] : []),
      ],
      links,
      sections,
      options: adr.consideredOptions,
      validation: v
        ? {
            label: v.label,
            verdict: t.verdicts[v.verdict],
            good: v.verdict === "pass" || v.verdict === "met" ? true : v.verdict === "none" ? null : false,
            detail: [v.checkedAt?.slice(0, 10), v.detail].filter(Boolean).join(" · "),
          }
        : null,
      acknowledgements: adr.acknowledgements.map(
        (a) => `${a.by}, ${a.at.slice(0, 10)} (${a.current ? t.current : t.earlier})`,
      ),
    };
  });
  return {
    locale,
    title: source.single && entries[0] ? `${t.one} ${entries[0].label}` : t.log,
    engagement: source.engagement,
    generatedOn: today,
    labels: {
      contents: t.contents,
      supersedeGraph: t.supersedeGraph,
      options: t.options,
      pros: t.pros,
      cons: t.cons,
      validatedBy: t.validatedBy,
      acknowledged: t.acknowledged,
      page: t.page,
      noAdrs: t.noAdrs,
    },
    toc: entries.map((e) => ({
      anchor: e.anchor,
      label: e.label,
      title: e.title,
      status: e.status,
      statusLabel: e.statusLabel,
    })),
    graph: source.adrs
      .filter((a) => a.supersededBy !== null)
      .map((a) => `${adrLabel(a.number)} → ${adrLabel(a.supersededBy!)}`),
    entries,
  };
}
