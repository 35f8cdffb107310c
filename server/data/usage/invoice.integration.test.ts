import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { InvoiceDocumentSource } from "../../domain/invoice-document";
import type { CheckedEvent } from "../../domain/usage/events";
import type { PdfIssuer } from "../invoice/document";
import { findInvoice } from "../invoice/read";
import { prisma, transaction } from "../prisma-client";
import { resolveClientScope, resolveOrgScope, type OrgScope } from "../scope";
import {
  countAuditEvents,
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../testing";
import { storeUsageEvents } from "./ingest";
import { issueUsageInvoice } from "./invoice";
import { createMeter } from "./meters";
import { usageReport } from "./report";

// Usage invoices on both engines: only for a closed period, one line per meter with the exact tier
// amounts rounded once, at most once per meter and period (also when two issues race), never for
// another organisation's engagement; the PDF prints each line's quantities.

const OWNER = "owner@northwind.test";
const CONTOSO = "owner@contoso.test";
const ENGAGEMENT = "Checkout latency review";
const NOW = new Date("2026-12-15T00:00:00Z");

async function scopeOf(email: string): Promise<OrgScope> {
  return (await resolveOrgScope((await sessionFor(email)).userId))!;
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-usage-invoice-"));
  writeFileSync(path.join(dir, "doc.pdf"), bytes);
  const out = spawnSync("pdftotext", ["-layout", path.join(dir, "doc.pdf"), "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

/** The real issuer, also keeping what it printed so the test can read the PDF's words. */
async function printingIssuer(): Promise<PdfIssuer & { printed: { source: InvoiceDocumentSource; text: string }[] }> {
  const { pdfIssuer } = await import("../../services/pdf/invoice-issuer");
  const { blobStore } = await import("../../services/storage/blob-store");
  const real = pdfIssuer("en");
  const printed: { source: InvoiceDocumentSource; text: string }[] = [];
  return {
    printed,
    async issue(source) {
      const stored = await real.issue(source);
      const chunks: Buffer[] = [];
      for await (const chunk of blobStore().open(stored.storageKey)) chunks.push(chunk as Buffer);
      printed.push({ source, text: pdfText(new Uint8Array(Buffer.concat(chunks))) });
      return stored;
    },
  };
}

let sequence = 0;
const event = (meterId: string, period: string, at: string, quantity: number, tenant = ""): CheckedEvent => ({
  meterId,
  idempotencyKey: `e-${(sequence += 1)}`,
  atMs: Date.parse(at),
  quantity,
  tenant,
  period,
});

describe.each(testDatabaseKinds())("usage invoices on %s", (kind) => {
  let db: TestDatabase | undefined;
  let engagementId: string;
  const meters: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    const owner = await scopeOf(OWNER);
    engagementId = await idOf("engagement", { title: ENGAGEMENT });
    // 10,000 free; the first tier ends at 1,000,400 billable (1,000.4 minor units), the rest at 0.5 per 1,000
    const tokens = await createMeter(owner, engagementId, {
      meter: "llm_tokens",
      unit: "token",
      period: "month",
      timezone: "Asia/Shanghai",
      freeQuantity: 10_000,
      tiers: [
        { upTo: 1_000_400, priceMinor: 1, perQuantity: 1_000 },
        { upTo: null, priceMinor: 0.5, perQuantity: 1_000 },
      ],
    });
    const calls = await createMeter(owner, engagementId, {
      meter: "api_calls",
      unit: "call",
      period: "month",
      timezone: "UTC",
      freeQuantity: 0,
      tiers: [{ upTo: null, priceMinor: 2, perQuantity: 1 }],
    });
    const idle = await createMeter(owner, engagementId, {
      meter: "storage_gb",
      unit: "GB",
      period: "month",
      timezone: "UTC",
      freeQuantity: 0,
      tiers: [{ upTo: null, priceMinor: 10, perQuantity: 1 }],
    });
    Object.assign(meters, { tokens: tokens.id, calls: calls.id, idle: idle.id });
    await transaction((tx) =>
      storeUsageEvents(tx, engagementId, [
        // November in Shanghai: 1,257,200 tokens over three tenants (the first is November 1st, 05:00 local)
        event(tokens.id, "2026-11", "2026-10-31T21:00:00Z", 400_000, "acme"),
        event(tokens.id, "2026-11", "2026-11-20T10:00:00Z", 300_000, "acme"),
        event(tokens.id, "2026-11", "2026-11-12T03:00:00Z", 550_000, "globex"),
        event(tokens.id, "2026-11", "2026-11-30T15:00:00Z", 7_200),
        event(calls.id, "2026-11", "2026-11-02T00:00:00Z", 100, "acme"),
        event(calls.id, "2026-11", "2026-11-03T00:00:00Z", 50, "globex"),
        // October (for the race) and December (still open on the 15th)
        event(calls.id, "2026-10", "2026-10-05T00:00:00Z", 40),
        event(tokens.id, "2026-12", "2026-12-05T00:00:00Z", 90_000, "acme"),
      ]),
    );
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("refuses a period that has not closed", async () => {
    const owner = await scopeOf(OWNER);
    const issue = issueUsageInvoice(owner, { engagementId, period: "2026-12" }, await printingIssuer(), NOW);
    await expect(issue).rejects.toMatchObject({ code: "PERIOD_OPEN" });
    await expect(issue).rejects.toThrow(
      /usage for 2026-12 can be invoiced once the period closes at 2027-01-03T00:00:00.000Z/,
    );
    expect(await prisma().invoiceLine.count({ where: { usagePeriod: "2026-12" } })).toBe(0);
  });

  it("invoices a closed period: one line per meter with usage, its tiers exact and rounded once", async () => {
    const owner = await scopeOf(OWNER);
    const issuer = await printingIssuer();
    const invoice = await issueUsageInvoice(
      owner,
      { engagementId, period: "2026-11", issueDate: "2026-12-04" },
      issuer,
      NOW,
    );
    // tokens: 1,000.4 + 123.4 = 1,123.8 -> 1,124 (each tier rounded first would give 1,123); calls: 150 x 2
    expect(invoice).toMatchObject({ kind: "invoice", status: "issued", currency: "EUR", subtotalMinor: 1_424 });
    expect(invoice.number).toMatch(/^INV-2026-/);
    expect(invoice.lines.map((l) => [l.description, l.amountMinor])).toEqual([
      ["Usage: api_calls (call), 2026-11", 300],
      ["Usage: llm_tokens (token), 2026-11", 1_124],
    ]);
    expect(invoice.lines[1]!.usage).toEqual({
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
      byTenant: [
        { tenant: "acme", quantity: 700_000 },
        { tenant: "globex", quantity: 550_000 },
        { tenant: "", quantity: 7_200 },
      ],
    });
    const rows = await prisma().invoiceLine.findMany({
      where: { invoiceId: invoice.id },
      orderBy: { position: "asc" },
    });
    expect(rows.map((r) => [r.meterId, r.usagePeriod])).toEqual([
      [meters.calls, "2026-11"],
      [meters.tokens, "2026-11"],
    ]);
    expect(await countAuditEvents("invoice.issued", invoice.id)).toBe(1);

    // the client reads the same lines, and the report names the invoice for each meter it bills
    const approver = (await resolveClientScope((await sessionFor("approver@lakeside.test")).userId))!;
    expect((await findInvoice(approver, invoice.id)).lines[1]!.usage?.byTenant).toHaveLength(3);
    const report = await usageReport(owner, engagementId, "2026-11", NOW);
    expect(report.meters.map((m) => [m.meter, m.invoice?.number ?? null])).toEqual([
      ["api_calls", invoice.number],
      ["llm_tokens", invoice.number],
      ["storage_gb", null],
    ]);

    // the PDF prints each line's quantities and tiers under its description
    const text = issuer.printed[0]!.text.replace(/\s+/g, " ");
    expect(text).toContain("Usage invoice");
    expect(text).toContain("Usage period: 2026-11");
    expect(text).toContain("Quantity 1,257,200 token · free 10,000 · billable 1,247,200");
    expect(text).toContain("Tier 1 (up to 1,000,400): 1,000,400 × €0.01 per 1,000 token = €10.004");
    expect(text).toContain("Tier 2 (above 1,000,400): 246,800 × €0.005 per 1,000 token = €1.234");
    expect(text).toContain("Quantity 150 call · free 0 · billable 150");
    expect(text).toContain("€11.24");
  });

  it("refuses a second invoice of the period, naming the invoice each meter is on", async () => {
    const owner = await scopeOf(OWNER);
    const first = await prisma().invoiceLine.findFirstOrThrow({
      where: { usagePeriod: "2026-11", meterId: meters.tokens },
      select: { invoice: { select: { number: true } } },
    });
    const again = issueUsageInvoice(owner, { engagementId, period: "2026-11" }, await printingIssuer(), NOW);
    await expect(again).rejects.toMatchObject({
      code: "ALREADY_INVOICED",
      reasons: [
        `the usage of meter "api_calls" for 2026-11 is already invoiced on ${first.invoice.number}`,
        `the usage of meter "llm_tokens" for 2026-11 is already invoiced on ${first.invoice.number}`,
      ],
    });
  });

  it("issues one invoice when two issues of a period race", async () => {
    const owner = await scopeOf(OWNER);
    const issuer = await printingIssuer();
    const results = await Promise.allSettled([
      issueUsageInvoice(owner, { engagementId, period: "2026-10" }, issuer, NOW),
      issueUsageInvoice(owner, { engagementId, period: "2026-10" }, issuer, NOW),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: "ALREADY_INVOICED" });
    expect(await prisma().invoiceLine.count({ where: { usagePeriod: "2026-10" } })).toBe(1);
  });

  it("refuses a period without usage and a month that is not one", async () => {
    const owner = await scopeOf(OWNER);
    const issuer = await printingIssuer();
    await expect(issueUsageInvoice(owner, { engagementId, period: "2026-09" }, issuer, NOW)).rejects.toMatchObject({
      code: "NOTHING_TO_INVOICE",
    });
    await expect(issueUsageInvoice(owner, { engagementId, period: "2026-13" }, issuer, NOW)).rejects.toMatchObject({
      code: "INVALID_PERIOD",
    });
  });

  it("answers another organisation's engagement as not found", async () => {
    const contoso = await scopeOf(CONTOSO);
    const issue = issueUsageInvoice(contoso, { engagementId, period: "2026-11" }, await printingIssuer(), NOW);
    await expect(issue).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
