import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { loadAuditChain } from "../data/audit/chain";
import { issueInvoice } from "../data/invoice/issue";
import { resolveOrgScope } from "../data/scope";
import {
  attachVerifiedEvidence,
  createTestDatabase,
  idOf,
  milestoneRow,
  organisationIdOf,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  tryToAlterInvoice,
  type TestDatabase,
} from "../data/testing";
import type { SessionClaims } from "../auth";
import { invoicePdfRest, listInvoicesRest } from "./rest/invoices";
import { appRouter, createCaller } from "./root";
import { errorCodeOf } from "./test-support/error-code";
import { approvedMilestone } from "./test-support/invoicing";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const OWNER = "owner@northwind.test";
const DAY = "2026-12-01";

function pdfText(bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmpdir(), "tollgate-invoice-"));
  writeFileSync(path.join(dir, "doc.pdf"), bytes);
  const out = spawnSync("pdftotext", ["-layout", path.join(dir, "doc.pdf"), "-"], { encoding: "utf8" });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout;
}

describe.each(testDatabaseKinds())("invoicing on %s", (kind) => {
  let db: TestDatabase;
  let owner: SessionClaims;
  let engagementId: string;
  const api = () => createCaller({ session: owner });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    owner = await sessionFor(OWNER);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  let review: string;
  let firstInvoiceId: string;

  it("issues INV-2026-0001 for the approved review: CNY 150,000.00 + 6% = 159,000.00, PDF stored once by SHA-256", async () => {
    review = await approvedMilestone(EASTBANK, "review", OWNER, "approver@eastbank.test");
    // the API issues with today's date; the data layer takes a date, so the number is known here
    const scope = (await resolveOrgScope(owner.userId))!;
    const { pdfIssuer } = await import("../services/pdf/invoice-issuer");
    const invoice = await issueInvoice(
      scope,
      { engagementId, milestoneIds: [review], idempotencyKey: "first-issue", issueDate: DAY },
      pdfIssuer("en"),
    );
    firstInvoiceId = invoice.id;
    expect(invoice).toMatchObject({
      number: "INV-2026-0001",
      subtotalMinor: 15_000_000,
      taxMinor: 900_000,
      totalMinor: 15_900_000,
      status: "issued",
      dueDate: "2026-12-31",
      currency: "CNY",
    });
    expect((await milestoneRow(review)).state).toBe("invoiced");

    const response = await invoicePdfRest(owner, invoice.id);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="INV-2026-0001.pdf"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const sha = createHash("sha256").update(bytes).digest("hex");
    expect(sha).toBe(invoice.pdfSha256);
    const audit = (await loadAuditChain(await organisationIdOf(OWNER))).find(
      (e) => e.action === "invoice.issued" && e.entityId === invoice.id,
    );
    expect(audit?.data).toMatchObject({ pdfSha256: sha });
    // the client downloads exactly the issued bytes
    const clientCopy = new Uint8Array(
      await (await invoicePdfRest(await sessionFor("approver@eastbank.test"), invoice.id)).arrayBuffer(),
    );
    expect(createHash("sha256").update(clientCopy).digest("hex")).toBe(sha);

    const text = pdfText(bytes);
    expect(text).toContain("INV-2026-0001");
    expect(text).toMatch(/CN¥159,000\.00|CNY\s159,000\.00/);
    expect(text).toMatch(/CN¥9,000\.00|CNY\s9,000\.00/);
    expect(text).toContain("东岸银行股份有限公司");
    expect(text).toContain("Architecture review");
  });

  it("is idempotent: the same key answers the same invoice; with other milestones it is refused", async () => {
    const again = await api().invoice.issue({ engagementId, milestoneIds: [review], idempotencyKey: "first-issue" });
    expect(again.id).toBe(firstInvoiceId);
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    expect(
      await errorCodeOf(api().invoice.issue({ engagementId, milestoneIds: [poc], idempotencyKey: "first-issue" })),
    ).toBe("UNPROCESSABLE_CONTENT");
  });

  it("refuses milestones that are not approved, with reasons, and uses no number for it", async () => {
    const poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    const refused = await api()
      .invoice.issue({ engagementId, milestoneIds: [poc], idempotencyKey: "not-approved" })
      .then(
        () => null,
        (e: TRPCError) => e,
      );
    expect(refused?.code).toBe("CONFLICT");
    expect(refused?.message).toContain("cannot invoice a milestone that is planned");

    // a failure inside the issuing step (here: rendering) rolls back the number with everything else
    const scope = (await resolveOrgScope(owner.userId))!;
    const approvedPoc = await approvedMilestone(EASTBANK, "poc", OWNER, "approver@eastbank.test");
    await expect(
      issueInvoice(
        scope,
        { engagementId, milestoneIds: [approvedPoc], idempotencyKey: "render-fails", issueDate: DAY },
        { issue: () => Promise.reject(new Error("disk full")) },
      ),
    ).rejects.toThrow("disk full");
    expect((await milestoneRow(approvedPoc)).state).toBe("approved");
    const { pdfIssuer } = await import("../services/pdf/invoice-issuer");
    const next = await issueInvoice(
      scope,
      { engagementId, milestoneIds: [approvedPoc], idempotencyKey: "after-failure", issueDate: DAY },
      pdfIssuer("en"),
    );
    expect(next.number).toBe("INV-2026-0002");
  });

  it("never changes an issued invoice: the database refuses, and no procedure edits one", async () => {
    await expect(tryToAlterInvoice(firstInvoiceId, { totalMinor: 1n })).rejects.toThrow(/cannot be changed/);
    await expect(tryToAlterInvoice(firstInvoiceId, { number: "INV-2026-9999" })).rejects.toThrow(/cannot be changed/);
    const invoiceProcedures = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("invoice."));
    expect(invoiceProcedures.sort()).toEqual([
      "invoice.creditNote",
      "invoice.get",
      "invoice.issue",
      "invoice.list",
      "invoice.recordPayment",
    ]);
  });

  it("takes partial and full payments, refuses overpayment, and marks the milestone paid", async () => {
    expect(
      await errorCodeOf(
        api().invoice.recordPayment({
          invoiceId: firstInvoiceId,
          amountMinor: 15_900_001,
          paidOn: DAY,
          method: "wire",
        }),
      ),
    ).toBe("CONFLICT");
    const partial = await api().invoice.recordPayment({
      invoiceId: firstInvoiceId,
      amountMinor: 5_000_000,
      paidOn: DAY,
      method: "wire",
      reference: "EB-1",
    });
    expect(partial).toMatchObject({ status: "partially_paid", paidMinor: 5_000_000 });
    expect((await milestoneRow(review)).state).toBe("invoiced");
    const paid = await api().invoice.recordPayment({
      invoiceId: firstInvoiceId,
      amountMinor: 10_900_000,
      paidOn: "2026-12-15",
      method: "wire",
      reference: "EB-2",
    });
    expect(paid).toMatchObject({ status: "paid", paidMinor: 15_900_000 });
    expect((await milestoneRow(review)).state).toBe("paid");
    expect(
      await errorCodeOf(
        api().invoice.recordPayment({ invoiceId: firstInvoiceId, amountMinor: 1, paidOn: DAY, method: "wire" }),
      ),
    ).toBe("CONFLICT");
    expect(
      await errorCodeOf(
        api().invoice.recordPayment({
          invoiceId: firstInvoiceId,
          amountMinor: 1,
          paidOn: "2026-02-30",
          method: "wire",
        }),
      ),
    ).toBe("BAD_REQUEST");
  });

  it("corrects with numbered credit notes; a full credit voids the invoice and reopens its milestones", async () => {
    const scope = (await resolveOrgScope(owner.userId))!;
    const invoices = await api().invoice.list({ engagementId });
    const second = invoices.find((i) => i.number === "INV-2026-0002")!;
    expect(
      await errorCodeOf(
        api().invoice.creditNote({ invoiceId: second.id, reason: "too much", subtotalMinor: second.subtotalMinor }),
      ),
    ).toBe("BAD_REQUEST");
    const partial = await api().invoice.creditNote({
      invoiceId: second.id,
      reason: "Discount agreed in steering meeting",
      subtotalMinor: 1_000_000,
    });
    expect(partial).toMatchObject({
      kind: "credit_note",
      creditedNumber: "INV-2026-0002",
      subtotalMinor: 1_000_000,
      taxMinor: 60_000,
      totalMinor: 1_060_000,
    });
    expect(partial.number).toMatch(/^CN-\d{4}-0001$/);
    const rest = await api()
      .invoice.creditNote({ invoiceId: second.id, reason: "Cancelled" })
      .then(
        () => "OK",
        (e: TRPCError) => e.code,
      );
    expect(rest).toBe("BAD_REQUEST"); // a full credit after a partial one would exceed the invoice
    const third = await issueInvoice(
      scope,
      {
        engagementId,
        milestoneIds: [await idOf("milestone", { title: EASTBANK, key: "upgrade" })],
        idempotencyKey: "upgrade",
        issueDate: DAY,
      },
      {
        issue: async () => ({ sha256: "0".repeat(64), storageKey: `00/${"0".repeat(64)}`, sizeBytes: 1 }),
      },
    ).catch((e: Error) => e);
    // the prepaid upgrade milestone has no attestation yet: refused with the gate's reason
    expect(String(third)).toContain("no attestation evidence attached");
    const upgrade = await idOf("milestone", { title: EASTBANK, key: "upgrade" });
    await attachVerifiedEvidence(OWNER, upgrade, "attestation", "pass");
    const { pdfIssuer } = await import("../services/pdf/invoice-issuer");
    const upgradeInvoice = await issueInvoice(
      scope,
      { engagementId, milestoneIds: [upgrade], idempotencyKey: "upgrade-2", issueDate: DAY },
      pdfIssuer("zh-CN"),
    );
    expect(upgradeInvoice.number).toBe("INV-2026-0003");
    const chinese = pdfText(new Uint8Array(await (await invoicePdfRest(owner, upgradeInvoice.id)).arrayBuffer()));
    expect(chinese).toContain("价税合计");
    expect(chinese).toContain("东岸银行股份有限公司");
    const voided = await api().invoice.creditNote({
      invoiceId: upgradeInvoice.id,
      reason: "Upgrade rights moved to next year",
    });
    expect(voided.totalMinor).toBe(upgradeInvoice.totalMinor);
    expect((await api().invoice.get({ id: upgradeInvoice.id })).status).toBe("void");
    expect((await milestoneRow(upgrade)).state).toBe("approved");
    const text = pdfText(new Uint8Array(await (await invoicePdfRest(owner, voided.id)).arrayBuffer()));
    expect(text).toContain("Credit note");
    expect(text).toContain("INV-2026-0003");
  });

  it("lists invoices as JSON and formula-safe CSV for the caller's tenant only", async () => {
    const json = (await (await listInvoicesRest(owner, new Request("http://t/api/v1/invoices"))).json()) as {
      invoices: { number: string }[];
    };
    expect(json.invoices.map((i) => i.number)).toEqual(
      expect.arrayContaining(["INV-2026-0001", "INV-2026-0002", "INV-2026-0003"]),
    );
    const csv = await (await listInvoicesRest(owner, new Request("http://t/api/v1/invoices?format=csv"))).text();
    expect(csv).toContain("INV-2026-0001,invoice,,");
    expect(csv).toContain("159000.00");
    const contoso = (await (
      await listInvoicesRest(await sessionFor("owner@contoso.test"), new Request("http://t/api/v1/invoices"))
    ).json()) as { invoices: unknown[] };
    expect(contoso.invoices).toEqual([]);
    expect((await invoicePdfRest(await sessionFor("approver@lakeside.test"), firstInvoiceId)).status).toBe(404);
    const portal = await createCaller({ session: await sessionFor("approver@eastbank.test") }).portal.invoice.list({});
    expect(portal.map((i) => i.number)).toContain("INV-2026-0001");
  });

  it("numbers 20 concurrent issues with 20 distinct consecutive numbers", async () => {
    const clientId = await idOf("client", { name: "Eastbank" });
    const milestones: { engagementId: string; milestoneId: string }[] = [];
    for (let i = 0; i < 20; i += 1) {
      const created = await api().engagement.create({
        clientId,
        title: `Upgrade rights ${i}`,
        currency: "CNY",
        feeMinor: 1_000_000 + i,
        taxRateBp: 600,
        startDate: "2026-12-01",
        milestones: [
          {
            key: "upgrade",
            title: "Upgrade rights",
            kind: "prepaid",
            shareBp: 10_000,
            requirements: [{ kind: "attestation", params: { statement: "channel access granted" } }],
          },
        ],
      });
      const milestoneId = await idOf("milestone", { title: `Upgrade rights ${i}`, key: "upgrade" });
      await attachVerifiedEvidence(OWNER, milestoneId, "attestation", "pass");
      milestones.push({ engagementId: created.id, milestoneId });
    }
    const scope = (await resolveOrgScope(owner.userId))!;
    const stub = { issue: async () => ({ sha256: "f".repeat(64), storageKey: `ff/${"f".repeat(64)}`, sizeBytes: 1 }) };
    const issued = await Promise.all(
      milestones.map((m, i) =>
        issueInvoice(
          scope,
          {
            engagementId: m.engagementId,
            milestoneIds: [m.milestoneId],
            idempotencyKey: `concurrent-${i}`,
            issueDate: "2027-01-05",
          },
          stub,
        ),
      ),
    );
    const numbers = issued.map((i) => i.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-2027-${String(i + 1).padStart(4, "0")}`));
  });

  it("numbers by the organisation's patterns, which only its owner changes and which never reuse a number", async () => {
    const scope = (await resolveOrgScope(owner.userId))!;
    const stub = { issue: async () => ({ sha256: "e".repeat(64), storageKey: `ee/${"e".repeat(64)}`, sizeBytes: 1 }) };
    const clientId = await idOf("client", { name: "Eastbank" });
    const prepaid = async (title: string) => {
      const created = await api().engagement.create({
        clientId,
        title,
        currency: "CNY",
        feeMinor: 500_000,
        taxRateBp: 600,
        startDate: "2026-12-01",
        milestones: [
          {
            key: "upgrade",
            title: "Upgrade rights",
            kind: "prepaid",
            shareBp: 10_000,
            requirements: [{ kind: "attestation", params: { statement: "channel access granted" } }],
          },
        ],
      });
      const milestoneId = await idOf("milestone", { title, key: "upgrade" });
      await attachVerifiedEvidence(OWNER, milestoneId, "attestation", "pass");
      return (issueDate: string, key: string) =>
        issueInvoice(
          scope,
          { engagementId: created.id, milestoneIds: [milestoneId], idempotencyKey: key, issueDate },
          stub,
        );
    };
    const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
    expect(
      await errorCodeOf(
        approver.organisation.updateNumbering({ invoicePattern: "X-{NNNN}", creditNotePattern: "Y-{NNNN}" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await errorCodeOf(
        api().organisation.updateNumbering({ invoicePattern: "INV-{DD}-{NNNN}", creditNotePattern: "CN-{NNNN}" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await errorCodeOf(
        api().organisation.updateNumbering({ invoicePattern: "A-{NNNN}", creditNotePattern: "A-{NNNNN}" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await api().organisation.numbering()).toEqual({
      invoicePattern: "INV-{YYYY}-{NNNN}",
      creditNotePattern: "CN-{YYYY}-{NNNN}",
    });

    await api().organisation.updateNumbering({
      invoicePattern: "NW/{YY}{MM}/{NNNNN}",
      creditNotePattern: "NW-CN-{YYYY}-{NNN}",
    });
    expect((await (await prepaid("Numbering monthly"))("2027-02-03", "monthly")).number).toBe("NW/2702/00001");
    // a wider counter continues the year's series after the 20 concurrent invoices
    await api().organisation.updateNumbering({
      invoicePattern: "INV-{YYYY}-{NNNNN}",
      creditNotePattern: "CN-{YYYY}-{NNNN}",
    });
    expect((await (await prepaid("Numbering wider"))("2027-01-06", "wider")).number).toBe("INV-2027-00021");
    // a pattern whose first number was printed before is refused at issue, and keeps no number
    await api().organisation.updateNumbering({
      invoicePattern: "INV-2027-0{NNN}",
      creditNotePattern: "CN-{YYYY}-{NNNN}",
    });
    const clash = await prepaid("Numbering clash");
    const refused = await clash("2027-01-07", "clash").catch((e: unknown) => e);
    expect(refused).toMatchObject({ name: "InvoiceRefusal", code: "NUMBER_TAKEN" });
    expect((refused as Error).message).toContain("INV-2027-0001 was already issued");
    await api().organisation.updateNumbering({
      invoicePattern: "INV-{YYYY}-{NNNN}",
      creditNotePattern: "CN-{YYYY}-{NNNN}",
    });
    expect((await clash("2027-01-07", "clash-again")).number).toBe("INV-2027-0022");
    const changes = (await loadAuditChain(await organisationIdOf(OWNER))).filter(
      (e) => e.action === "organisation.numbering_changed",
    );
    expect(changes).toHaveLength(4);
    expect(changes[0]).toMatchObject({
      before: { invoicePattern: "INV-{YYYY}-{NNNN}" },
      after: { invoicePattern: "NW/{YY}{MM}/{NNNNN}" },
    });
  });
});
