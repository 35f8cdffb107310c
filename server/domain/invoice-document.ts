import { documentWords } from "./document-words";
import { formatMoney } from "./currency";
import { layoutRow, planPages, type PagePlan, type TableRow } from "./invoice-layout";
import type { Locale } from "./locale";
import type { TextMeasure } from "./text-wrap";
import { usageDetailText, type UsageLineDetail } from "./usage/invoice-line";

// What an invoice or credit note PDF shows, as plain strings: built here from the issued
// figures (integer minor units, formatted once for the document's language), rendered by
// templates/invoice.tsx, which decides nothing.

export interface InvoiceDocumentSource {
  kind: "invoice" | "credit_note";
  number: string;
  creditedNumber: string | null;
  /** an SLA credit note credits a period of SLA clauses (e.g. 2026-11), not an invoice */
  slaPeriod?: string | null;
  /** a usage invoice bills a period of metered usage (e.g. 2026-11) */
  usagePeriod?: string | null;
  reason: string;
  issueDate: string;
  dueDate: string;
  currency: string;
  taxRateBp: number;
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  seller: { name: string; legalName: string; taxId: string; address: string; paymentInstructions: string };
  buyer: { name: string; legalName: string | null; taxId: string | null; address: string | null };
  engagement: string;
  lines: {
    description: string;
    shareBp: number | null;
    amountMinor: number;
    evidence: { kind: string; verdict: string; sha256: string }[];
    /** a usage line: its quantities and tiers, printed under its description */
    usage?: UsageLineDetail | null;
  }[];
}

export interface InvoiceDocument {
  locale: Locale;
  title: string;
  number: string;
  meta: [string, string][];
  seller: string[];
  buyer: string[];
  sellerLabel: string;
  buyerLabel: string;
  /** the table's head (bold) and one row per line, broken into lines with the document's font */
  head: TableRow;
  rows: TableRow[];
  totals: [string, string][];
  paymentLabel: string;
  payment: string;
  footer: string;
  /** which lines each page shows, planned so that every page fits (invoice-layout.ts) */
  pages: PagePlan[];
}

const percentFormats = {
  en: new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 2 }),
  "zh-CN": new Intl.NumberFormat("zh-CN", { style: "percent", maximumFractionDigits: 2 }),
};
const percent = (bp: number, locale: Locale) => percentFormats[locale].format(bp / 10_000);

/**
 * `measure` is the font's (server/services/pdf/text-measure.ts): the table's lines are broken here, exactly as they
 * will be painted.
 */
export function invoiceDocument(source: InvoiceDocumentSource, locale: Locale, measure: TextMeasure): InvoiceDocument {
  const l = documentWords(locale, "invoice");
  const money = (minor: number) => formatMoney(minor, source.currency, locale);
  const meta: [string, string][] = [
    [l.issueDate, source.issueDate],
    ...(source.kind === "invoice" ? ([[l.dueDate, source.dueDate]] as [string, string][]) : []),
    [l.engagement, source.engagement],
    ...(source.creditedNumber ? ([[l.credits, source.creditedNumber]] as [string, string][]) : []),
    ...(source.slaPeriod ? ([[l.slaPeriod, source.slaPeriod]] as [string, string][]) : []),
    ...(source.usagePeriod ? ([[l.usagePeriod, source.usagePeriod]] as [string, string][]) : []),
    ...(source.reason ? ([[l.reason, source.reason]] as [string, string][]) : []),
  ];
  const party = (p: { name: string; legalName: string | null; taxId: string | null; address: string | null }) =>
    [
      p.legalName || p.name,
      p.legalName && p.legalName !== p.name ? p.name : "",
      p.address ?? "",
      p.taxId ? `${l.taxId}: ${p.taxId}` : "",
    ].filter(Boolean);
  const document: Omit<InvoiceDocument, "pages"> = {
    locale,
    title: source.slaPeriod ? l.slaCreditNote : source.usagePeriod ? l.usageInvoice : l[source.kind],
    number: source.number,
    meta,
    sellerLabel: l.seller,
    buyerLabel: l.buyer,
    seller: party(source.seller),
    buyer: party(source.buyer),
    head: layoutRow(
      {
        description: source.slaPeriod ? l.slaClause : source.usagePeriod ? l.usageItem : l.description,
        evidence: "",
        share: l.share,
        amount: l.amount,
      },
      measure,
      true,
    ),
    rows: source.lines.map((line) =>
      layoutRow(
        {
          description: line.description,
          // a usage line's detail takes the smaller text under the description (a usage line has no evidence)
          evidence: line.usage
            ? usageDetailText(line.usage, source.currency, locale)
            : line.evidence.length === 0
              ? ""
              : `${l.evidence}: ` +
                `${line.evidence.map((e) => `${e.kind}: ${e.verdict} · ${e.sha256.slice(0, 12)}`).join("; ")}`,
          share: line.shareBp === null ? "" : percent(line.shareBp, locale),
          amount: money(line.amountMinor),
        },
        measure,
      ),
    ),
    totals: [
      [l.subtotal, money(source.subtotalMinor)],
      [`${l.tax} (${percent(source.taxRateBp, locale)})`, money(source.taxMinor)],
      [l.total, money(source.totalMinor)],
    ],
    paymentLabel: l.payment,
    payment: source.seller.paymentInstructions,
    footer: source.slaPeriod ? l.slaFooter : source.usagePeriod ? l.usageFooter : l.footer,
  };
  const pages = planPages({
    meta: meta.map(([label, value]) => `${label}: ${value}`),
    seller: document.seller,
    buyer: document.buyer,
    headHeight: document.head.height,
    rowHeights: document.rows.map((row) => row.height),
    totals: document.totals.length,
    payment: document.payment,
  });
  return { ...document, pages };
}
