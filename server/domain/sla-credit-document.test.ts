import { describe, expect, it } from "vitest";
import { slaTriggerEmail, zonedMinute } from "./emails";
import { invoiceDocument, type InvoiceDocumentSource } from "./invoice-document";

// An SLA credit note prints as a credit of a period (not of an invoice), in both languages; an SLA
// trigger's email names the action, the clause, the condition and the interval.

const measure = (text: string, size: number) => text.length * size * 0.5;

const slaNote: InvoiceDocumentSource = {
  kind: "credit_note",
  number: "CN-2026-0003",
  creditedNumber: null,
  slaPeriod: "2026-11",
  reason: "SLA credits for the period 2026-11",
  issueDate: "2026-12-03",
  dueDate: "2026-12-03",
  currency: "CNY",
  taxRateBp: 600,
  subtotalMinor: 8_500_000,
  taxMinor: 510_000,
  totalMinor: 9_010_000,
  seller: { name: "Northwind", legalName: "", taxId: "", address: "", paymentInstructions: "" },
  buyer: { name: "Eastbank", legalName: null, taxId: null, address: null },
  engagement: "Synchroniser",
  lines: [
    {
      description: "SLA credit: Sync delay, 2026-11: 2 incidents",
      shareBp: null,
      amountMinor: 8_500_000,
      evidence: [],
    },
  ],
};

describe("an SLA credit note's document", () => {
  it("names the period it credits, its clauses and why, in English and Chinese", () => {
    const en = invoiceDocument(slaNote, "en", measure);
    expect(en.title).toBe("SLA credit note");
    expect(en.meta).toContainEqual(["Credits SLA period", "2026-11"]);
    expect(en.meta.map(([label]) => label)).not.toContain("Credits invoice");
    expect(en.head.description.map((line) => line.text).join(" ")).toBe("SLA clause");
    expect(en.footer).toMatch(/SLA clauses' recorded measurements/);
    const zh = invoiceDocument(slaNote, "zh-CN", measure);
    expect(zh.title).toBe("SLA 赔付贷项通知单");
    expect(zh.meta).toContainEqual(["赔付的 SLA 期间", "2026-11"]);
    expect(zh.footer).toMatch(/SLA 条款/);
  });

  it("leaves an ordinary credit note as it was", () => {
    const plain = invoiceDocument({ ...slaNote, slaPeriod: null, creditedNumber: "INV-2026-0001" }, "en", measure);
    expect(plain.title).toBe("Credit note");
    expect(plain.meta).toContainEqual(["Credits invoice", "INV-2026-0001"]);
    expect(plain.meta.map(([label]) => label)).not.toContain("Credits SLA period");
  });
});

describe("an SLA trigger's email", () => {
  const input = {
    action: "Joint load test",
    clause: "Error rate",
    engagement: "Synchroniser",
    trigger: { when: "above" as const, value: 12, forMinutes: 5, unit: "%" },
    from: zonedMinute("2026-11-20T06:00:00Z", "Asia/Shanghai"),
    to: zonedMinute("2026-11-20T06:15:00Z", "Asia/Shanghai"),
    link: "https://tollgate.example/engagements/e1/sla",
  };

  it("reads the interval in the clause's time zone", () => {
    expect(input.from).toBe("2026-11-20 14:00 (Asia/Shanghai)");
  });

  it("says what held, when, and what the engagement must now do, in both languages", () => {
    const en = slaTriggerEmail("en", input);
    expect(en.subject).toBe("SLA trigger: Joint load test");
    expect(en.body).toContain("above 12 % for 5 minutes");
    expect(en.body).toContain("from 2026-11-20 14:00 (Asia/Shanghai) to 2026-11-20 14:15 (Asia/Shanghai)");
    expect(en.body).toContain(input.link);
    const zh = slaTriggerEmail("zh-CN", input);
    expect(zh.subject).toBe("SLA 触发：Joint load test");
    expect(zh.body).toContain("高于 12 % 持续 5 分钟");
    expect(zh.body).toContain(input.link);
  });
});
