import { invoiceTotals } from "@/server/domain/invoice";
import type { InvoiceDocumentSource } from "@/server/domain/invoice-document";

// An issued invoice's figures for rendering checks and the PDF bench: lines of 1% with amounts
// that differ line by line (CNY 10,000.00 and up), totals computed as issuing computes them.

export interface SampleLine {
  description: string;
  evidence: { kind: string; verdict: string; sha256: string }[];
}

export function sampleInvoiceSource(
  lines: SampleLine[],
  parties: Pick<InvoiceDocumentSource, "seller" | "buyer" | "engagement">,
): InvoiceDocumentSource {
  const priced = lines.map((line, i) => ({ ...line, shareBp: 100, amountMinor: 1_000_000 + i * 1_013 }));
  const totals = priced.length > 0 ? invoiceTotals(priced, 600) : { subtotalMinor: 0, taxMinor: 0, totalMinor: 0 };
  return {
    kind: "invoice",
    number: "INV-2026-0042",
    creditedNumber: null,
    reason: "",
    issueDate: "2026-12-01",
    dueDate: "2026-12-31",
    currency: "CNY",
    taxRateBp: 600,
    ...totals,
    ...parties,
    lines: priced,
  };
}
