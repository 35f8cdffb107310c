import { describe, expect, it } from "vitest";
import { invoiceDocument, type InvoiceDocumentSource } from "../invoice-document";
import {
  formatExactMoney,
  minorTextToMajor,
  readUsageLineDetail,
  usageDetailText,
  type UsageLineDetail,
} from "./invoice-line";

// A usage line prints its quantities and each tier's quantity x price = exact amount under its
// description, in the document's language, with every digit of the exact amounts kept.

const measure = (text: string, size: number) => text.length * size * 0.5;

const tokens: UsageLineDetail = {
  meter: "llm_tokens",
  unit: "token",
  period: "2026-11",
  quantity: 1_257_200,
  freeQuantity: 10_000,
  billableQuantity: 1_247_200,
  tiers: [
    { upTo: 1_000_400, priceMinor: 1, perQuantity: 1_000, quantity: 1_000_400, amountExact: "1000.4" },
    { upTo: null, priceMinor: 0.5, perQuantity: 1_000, quantity: 246_800, amountExact: "123.4" },
  ],
  amountExact: "1123.8",
  byTenant: [{ tenant: "acme", quantity: 1_257_200 }],
};

const usageInvoice: InvoiceDocumentSource = {
  kind: "invoice",
  number: "INV-2026-0007",
  creditedNumber: null,
  usagePeriod: "2026-11",
  reason: "",
  issueDate: "2026-12-04",
  dueDate: "2027-01-03",
  currency: "EUR",
  taxRateBp: 1_900,
  subtotalMinor: 1_124,
  taxMinor: 214,
  totalMinor: 1_338,
  seller: { name: "Northwind", legalName: "", taxId: "", address: "", paymentInstructions: "" },
  buyer: { name: "Lakeside", legalName: null, taxId: null, address: null },
  engagement: "LLM gateway",
  lines: [
    {
      description: "Usage: llm_tokens (token), 2026-11",
      shareBp: null,
      amountMinor: 1_124,
      evidence: [],
      usage: tokens,
    },
  ],
};

describe("exact amounts", () => {
  it("moves a minor-unit decimal to major units without losing a digit", () => {
    expect(minorTextToMajor("1123.8", 2)).toBe("11.238");
    expect(minorTextToMajor("0.000001", 2)).toBe("0.00000001");
    expect(minorTextToMajor("5", 0)).toBe("5");
    expect(minorTextToMajor("120", 3)).toBe("0.12");
    expect(formatExactMoney("1123.8", "EUR", "en")).toBe("€11.238");
    expect(formatExactMoney("100", "EUR", "en")).toBe("€1.00");
    expect(formatExactMoney("123456789", "USD", "en")).toBe("$1,234,567.89");
  });

  it("reads back a stored detail, and nothing from a line without one", () => {
    expect(readUsageLineDetail(JSON.parse(JSON.stringify(tokens)))).toEqual(tokens);
    expect(readUsageLineDetail(null)).toBeNull();
    expect(readUsageLineDetail({ meter: "x" })).toBeNull();
  });
});

describe("a usage invoice's document", () => {
  it("prints the quantities and tiers under the line, in English and Chinese", () => {
    expect(usageDetailText(tokens, "EUR", "en").split("\n")).toEqual([
      "Quantity 1,257,200 token · free 10,000 · billable 1,247,200",
      "Tier 1 (up to 1,000,400): 1,000,400 × €0.01 per 1,000 token = €10.004",
      "Tier 2 (above 1,000,400): 246,800 × €0.005 per 1,000 token = €1.234",
      "Exact sum €11.238, rounded once to the amount",
    ]);
    expect(usageDetailText(tokens, "EUR", "zh-CN")).toContain("用量 1,257,200 token · 免费 10,000 · 计费 1,247,200");

    const en = invoiceDocument(usageInvoice, "en", measure);
    expect(en.title).toBe("Usage invoice");
    expect(en.meta).toContainEqual(["Usage period", "2026-11"]);
    expect(en.head.description.map((line) => line.text).join(" ")).toBe("Metered usage");
    expect(en.rows[0]!.evidence.map((line) => line.text).join(" ")).toContain("billable 1,247,200");
    expect(en.footer).toMatch(/rounded once/);
    expect(en.pages).toEqual([{ from: 0, to: 1, parties: true, closing: true }]);
    expect(invoiceDocument(usageInvoice, "zh-CN", measure).title).toBe("用量发票");
  });

  it("leaves an ordinary invoice as it was", () => {
    const plain = invoiceDocument(
      { ...usageInvoice, usagePeriod: null, lines: [{ ...usageInvoice.lines[0]!, usage: null }] },
      "en",
      measure,
    );
    expect(plain.title).toBe("Invoice");
    expect(plain.meta.map(([label]) => label)).not.toContain("Usage period");
    expect(plain.rows[0]!.evidence).toEqual([]);
  });
});
