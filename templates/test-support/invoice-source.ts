import type { InvoiceDocumentSource } from "@/server/domain/invoice-document";

// An issued invoice's figures for rendering checks and the PDF bench: lines of 1% at CNY 10,000
// each, totals consistent with them, parties and lines as given.

export interface SampleLine {
  description: string;
  evidence: { kind: string; verdict: string; sha256: string }[];
}

export function sampleInvoiceSource(lines: SampleLine[], parties: Pick<InvoiceDocumentSource, "seller" | "buyer" | "engagement">): InvoiceDocumentSource {
  return {
    kind: "invoice",
    number: "INV-2026-0042",
    creditedNumber: null,
    reason: "",
    issueDate: "2026-12-01",
    dueDate: "2026-12-31",
    currency: "CNY",
    taxRateBp: 600,
    subtotalMinor: lines.length * 1_000_000,
    taxMinor: lines.length * 60_000,
    totalMinor: lines.length * 1_060_000,
    ...parties,
    lines: lines.map((line) => ({ ...line, shareBp: 100, amountMinor: 1_000_000 })),
  };
}
