import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import type { InvoiceDocumentSource } from "../../domain/invoice-document";
import { loadAuditChain } from "../audit/chain";
import type { PdfIssuer } from "../invoice/document";
import { findInvoice, listInvoices } from "../invoice/read";
import { prisma } from "../prisma-client";
import { resolveClientScope, resolveOrgScope, type OrgScope } from "../scope";
import { idOf, sessionFor, testDatabaseKinds } from "../testing";
import { createSlaClause } from "./clauses";
import { engagementCompliance } from "./compliance";
import { issueSlaCreditNote } from "./credit-note";
import { ingestMeasurements } from "./ingest";
import { useDemoWithoutSla } from "./test-support";

// SLA credit notes on both engines: once per closed period with credits, in the credit-note series,
// printed as a credit of a period, read by the client, counted on the cash dashboard, and refused
// for an open period, a period without credits, and another organisation's or client's engagement.

const OWNER = "owner@northwind.test";
const LAKESIDE = "Checkout latency review";
const MIN = 60_000;
const NOW = new Date("2026-12-15T00:00:00Z");

async function scopeOf(email: string): Promise<OrgScope> {
  return (await resolveOrgScope((await sessionFor(email)).userId))!;
}

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-sla-credit-"));
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

describe.each(testDatabaseKinds())("SLA credit notes on %s", (kind) => {
  useDemoWithoutSla(kind);

  async function latencyClause(owner: OrgScope) {
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, {
      title: "Checkout p99",
      metric: "latency_percentile",
      percentile: 99,
      comparator: "lte",
      target: 1500,
      unit: "ms",
      windowMinutes: 5,
      period: "month",
      timezone: "Asia/Shanghai",
      credit: { type: "per_incident", perBreachedWindowMinor: 10_000, capPerIncidentMinor: 25_000 },
    });
    const post = (key: string, start: string, values: number[]) =>
      ingestMeasurements(
        { kind: "user", scope: owner },
        {
          clauseId: clause.id,
          idempotencyKey: key,
          source: "api",
          measurements: {
            kind: "values",
            samples: values.map((value, i) => ({ at: Date.parse(start) + (i * 5 + 1) * MIN, value })),
          },
        },
      );
    // November: an incident of three windows (capped at 25,000) and one of a single window (10,000)
    await post("nov", "2026-11-10T02:00:00Z", [100, 2000, 2100, 2200, 90, 3000, 80]);
    // September: one breached window; October: all met
    await post("sep", "2026-09-03T02:00:00Z", [100, 1600, 100]);
    await post("oct", "2026-10-03T02:00:00Z", [100, 120, 130]);
    // the clause has been in force since August (a clause made after a period ended does not judge it)
    const since = new Date("2026-08-01T00:00:00Z");
    await prisma().slaClause.update({ where: { id: clause.id }, data: { createdAt: since } });
    await prisma().slaClauseVersion.updateMany({ where: { clauseId: clause.id }, data: { effectiveFrom: since } });
    return { engagementId, clause };
  }

  let clause: { id: string };
  beforeAll(async () => {
    clause = (await latencyClause(await scopeOf(OWNER))).clause;
  });

  it("issues one credit note per closed period, printed as a credit of the period", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const issuer = await printingIssuer();

    const report = await engagementCompliance(owner, engagementId, "2026-11", NOW);
    expect(report.clauses.find((c) => c.id === clause.id)).toMatchObject({ creditMinor: 35_000, capped: true });
    const note = await issueSlaCreditNote(
      owner,
      { engagementId, period: "2026-11", issueDate: "2026-12-03" },
      issuer,
      NOW,
    );
    expect(note).toMatchObject({
      kind: "credit_note",
      creditedInvoiceId: null,
      slaPeriod: "2026-11",
      currency: "EUR",
      taxRateBp: 1_900,
      subtotalMinor: report.totalCreditMinor,
      issueDate: "2026-12-03",
      status: "issued",
    });
    expect(note.number).toMatch(/^CN-/);
    expect(note.taxMinor).toBe(Math.round((report.totalCreditMinor * 1_900) / 10_000));
    expect(note.lines).toContainEqual({
      milestoneId: null,
      description: "SLA credit: Checkout p99, 2026-11: 2 incidents",
      shareBp: null,
      amountMinor: 35_000,
    });

    const printed = issuer.printed.at(-1)!;
    expect(printed.source).toMatchObject({ slaPeriod: "2026-11", creditedNumber: null });
    expect(printed.text).toContain("SLA credit note");
    expect(printed.text).toContain("Credits SLA period: 2026-11");
    expect(printed.text).toContain("SLA credit: Checkout p99, 2026-11: 2 incidents");
    expect(printed.text).toContain(note.number);

    const audit = (await loadAuditChain(owner.organisationId)).filter(
      (e) => e.action === "sla.credit_note_issued" && e.entityId === note.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: owner.userId,
      engagementId,
      data: { period: "2026-11", clauses: [expect.objectContaining({ id: clause.id, creditMinor: 35_000 })] },
    });

    await expect(issueSlaCreditNote(owner, { engagementId, period: "2026-11" }, issuer, NOW)).rejects.toMatchObject({
      code: "ALREADY_CREDITED",
    });

    // the client sees it with the engagement's invoices; another client and another organisation do not
    const lakeside = (await resolveClientScope((await sessionFor("approver@lakeside.test")).userId))!;
    expect((await listInvoices(lakeside, { engagementId })).map((i) => i.id)).toContain(note.id);
    const portal = await createCaller({ session: await sessionFor("approver@lakeside.test") }).portal.invoice.list({
      engagementId,
    });
    expect(portal.map((i) => i.number)).toContain(note.number);
    const eastbank = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
    await expect(findInvoice(eastbank, note.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(findInvoice(await scopeOf("owner@contoso.test"), note.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // the cash dashboard shows the credits issued, per currency
    const cash = await createCaller({ session: await sessionFor(OWNER) }).cash.summary();
    const eur = cash.currencies.find((c) => c.currency === "EUR")!;
    expect(eur.totals.slaCreditsMinor).toBe(note.totalMinor);
  });

  it("credits a period once when two issue it at the same moment", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const issuer = await printingIssuer();
    const outcomes = await Promise.allSettled([
      issueSlaCreditNote(owner, { engagementId, period: "2026-09" }, issuer, NOW),
      issueSlaCreditNote(owner, { engagementId, period: "2026-09" }, issuer, NOW),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "ALREADY_CREDITED" });
    const notes = (await listInvoices(owner, { engagementId })).filter((i) => i.slaPeriod === "2026-09");
    expect(notes).toHaveLength(1);
    expect(notes[0]!.subtotalMinor).toBe(10_000);
  });

  it("refuses an open period, a period without credits, a bad period and what is not the scope's", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const issuer = await printingIssuer();
    const issue = (scope: OrgScope, period: string) => issueSlaCreditNote(scope, { engagementId, period }, issuer, NOW);
    await expect(issue(owner, "2026-12")).rejects.toMatchObject({
      code: "PERIOD_OPEN",
      reasons: [expect.stringContaining("has not ended")],
    });
    await expect(issue(owner, "2026-10")).rejects.toMatchObject({ code: "NOTHING_TO_CREDIT" });
    await expect(issue(owner, "2026-13")).rejects.toMatchObject({ code: "INVALID_PERIOD" });
    await expect(issue(await scopeOf("owner@contoso.test"), "2026-11")).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(issuer.printed).toEqual([]);
    expect((await listInvoices(owner, { engagementId })).filter((i) => i.slaPeriod === "2026-10")).toEqual([]);
  });
});
