import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { createCaller } from "../../api/root";
import { maintenanceContractsRest } from "../../api/rest/maintenance-contracts";
import { approvedMilestone } from "../../api/test-support/invoicing";
import { errorCodeOf } from "../../api/test-support/error-code";
import { addDays } from "../../domain/invoice";
import {
  attachVerifiedEvidence,
  countAuditEvents,
  createTestDatabase,
  idOf,
  milestoneRow,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../testing";
import { prisma } from "../prisma-client";
import {
  APPROVER,
  attachDelivery,
  daysFromToday,
  EASTBANK,
  eastbankId,
  invoiceMilestone,
  OWNER,
  today,
} from "./test-support";

// Creating and reading maintenance contracts: the defaults from a paid delivery, the term
// calendar, the clauses, optimistic edits, the deliveries of each term and the REST shape.

async function refusalOf(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code ?? "?", message: e.message ?? "" };
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabaseKinds())("maintenance contracts on %s", (kind) => {
  let db: TestDatabase;
  const owner = async () => createCaller({ session: await sessionFor(OWNER) });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
  });
  afterAll(() => db.drop());

  it("refuses a start it cannot find, then starts on the day delivery was paid for the upgrade share", async () => {
    const engagementId = await eastbankId();
    const early = await refusalOf((await owner()).maintenance.create({ engagementId }));
    expect(early.code).toBe("BAD_REQUEST");
    expect(early.message).toMatch(/^startsOn: /);

    await approvedMilestone(EASTBANK, "delivery", OWNER, APPROVER);
    const delivery = await invoiceMilestone("delivery", "2026-03-01");
    const api = await owner();
    const half = Math.floor(delivery.totalMinor / 2);
    await api.invoice.recordPayment({
      invoiceId: delivery.id,
      amountMinor: half,
      paidOn: "2026-03-10",
      method: "wire",
    });
    await api.invoice.recordPayment({
      invoiceId: delivery.id,
      amountMinor: delivery.totalMinor - half,
      paidOn: "2026-03-20",
      method: "wire",
    });
    const upgradeId = await idOf("milestone", { title: EASTBANK, key: "upgrade" });
    await attachVerifiedEvidence(OWNER, upgradeId, "attestation", "pass");
    const upgradeInvoice = await invoiceMilestone("upgrade", "2026-03-21");

    const contract = await api.maintenance.create({ engagementId, includes: "Upgrade channel, rule updates" });
    const upgradeShare = Number((await milestoneRow(upgradeId)).amountMinor);
    expect(contract).toMatchObject({
      startsOn: "2026-03-20",
      feeMinor: upgradeShare,
      termMonths: 12,
      noticeDays: 30,
      autoRenew: true,
      currency: "CNY",
      noticeGiven: false,
      nextRenewal: { date: "2027-03-20", noticeDate: "2027-02-18", feeMinor: upgradeShare },
      revision: 1,
    });
    // the client paid the first year with the upgrade-rights invoice
    expect(contract.terms).toEqual([
      expect.objectContaining({
        index: 1,
        from: "2026-03-20",
        to: "2027-03-19",
        feeMinor: upgradeShare,
        invoice: { id: upgradeInvoice.id, number: expect.any(String), status: "issued" },
      }),
    ]);
    expect(await countAuditEvents("maintenance.created", contract.id)).toBe(1);
  });

  it("lays terms on the calendar from a month's end and keeps them on edits made on the loaded revision", async () => {
    const api = await owner();
    const engagementId = await eastbankId();
    const contract = await api.maintenance.create({
      engagementId,
      startsOn: "2026-01-31",
      feeMinor: 500_00,
      termMonths: 1,
    });
    expect(contract.terms[0]).toMatchObject({ from: "2026-01-31", to: "2026-02-27" });
    expect(contract.nextRenewal).toMatchObject({ date: "2026-02-28", noticeDate: "2026-01-29" });

    const fields = {
      startsOn: "2026-01-31",
      feeMinor: 600_00,
      termMonths: 3,
      noticeDays: 10,
      releaseTagPattern: "v1.*",
    };
    const edited = await api.maintenance.update({ contractId: contract.id, revision: 1, fields });
    expect(edited).toMatchObject({ revision: 2, feeMinor: 600_00, termMonths: 3, releaseTagPattern: "v1.*" });
    expect(edited.terms[0]).toMatchObject({ from: "2026-01-31", to: "2026-04-29", feeMinor: 500_00 });
    const stale = await refusalOf(api.maintenance.update({ contractId: contract.id, revision: 1, fields }));
    expect(stale).toMatchObject({ code: "CONFLICT" });
    expect(stale.message).toContain("revision 1 (now 2)");
  });

  it("takes only the engagement's own SLA clauses", async () => {
    const api = await owner();
    const clause = await prisma().slaClause.findFirstOrThrow({
      where: { engagementId: await eastbankId() },
      select: { id: true, title: true },
    });
    const withClause = await api.maintenance.create({
      engagementId: await eastbankId(),
      startsOn: "2026-06-01",
      feeMinor: 1,
      clauseIds: [clause.id],
    });
    expect(withClause.clauses).toEqual([{ id: clause.id, name: clause.title }]);
    const lakeside = await idOf("engagement", { title: "Checkout latency review" });
    expect(
      await errorCodeOf(
        api.maintenance.create({ engagementId: lakeside, startsOn: "2026-06-01", feeMinor: 1, clauseIds: [clause.id] }),
      ),
    ).toBe("NOT_FOUND");
  });

  it("shows in each term the tags and files delivered in it: v1.* releases, other tags and files patches", async () => {
    const api = await owner();
    const engagementId = await eastbankId();
    const contract = await api.maintenance.create({
      engagementId,
      startsOn: daysFromToday(-10),
      feeMinor: 1_000,
      releaseTagPattern: "v1.*",
    });
    const release = await attachDelivery("poc", { tag: "v1.4.0" });
    await attachDelivery("poc", { tag: "v2.0.0" });
    await attachDelivery("poc", { filename: "hotfix-cve-2026-1234.patch" });
    const [read] = (await api.maintenance.list({ engagementId })).filter((c) => c.id === contract.id);
    const term = read!.terms[0]!;
    expect(term.current).toBe(true);
    expect(term.deliveries.map((d) => [d.kind, d.name])).toEqual([
      ["release", "v1.4.0"],
      ["patch", "v2.0.0"],
      ["patch", "hotfix-cve-2026-1234.patch"],
    ]);
    expect(term.deliveries[0]).toMatchObject({ evidenceId: release, at: expect.stringMatching(today()) });
    // a term that ended before them shows none of them
    const past = await api.maintenance.create({ engagementId, startsOn: addDays(today(), -400), feeMinor: 1 });
    expect((await api.maintenance.list({ engagementId })).find((c) => c.id === past.id)!.terms[0]!.deliveries).toEqual(
      [],
    );
  });

  it("answers GET /contracts to consultants and the engagement's client, 404 to another tenant", async () => {
    const engagementId = await eastbankId();
    const response = await maintenanceContractsRest(await sessionFor(OWNER), engagementId);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>[];
    const first = body[0] as {
      id: string;
      terms: { from: string; to: string; feeMinor: number; invoiceId: string | null; deliveries: unknown[] }[];
      nextRenewal: { date: string; feeMinor: number } | null;
      autoRenew: boolean;
      noticeGiven: boolean;
    };
    expect(first).toMatchObject({
      id: expect.any(String),
      autoRenew: true,
      noticeGiven: false,
      nextRenewal: { date: "2027-03-20", feeMinor: expect.any(Number) },
    });
    expect(first.terms[0]).toMatchObject({ from: "2026-03-20", to: "2027-03-19", invoiceId: expect.any(String) });
    expect(Array.isArray(first.terms[0]!.deliveries)).toBe(true);
    const client = await maintenanceContractsRest(await sessionFor("viewer@eastbank.test"), engagementId);
    expect(client.status).toBe(200);
    expect(((await client.json()) as unknown[]).length).toBe(body.length);
    for (const other of ["owner@contoso.test", "approver@lakeside.test"]) {
      const refused = await maintenanceContractsRest(await sessionFor(other), engagementId);
      expect(refused.status, other).toBe(404);
    }
    expect((await maintenanceContractsRest(null, engagementId)).status).toBe(401);
    const contoso = createCaller({ session: await sessionFor("owner@contoso.test") });
    expect(await errorCodeOf(contoso.maintenance.list({ engagementId }))).toBe("NOT_FOUND");
    expect(
      await errorCodeOf(
        contoso.maintenance.update({
          contractId: first.id,
          revision: 1,
          fields: { startsOn: "2026-03-20", feeMinor: 1 },
        }),
      ),
    ).toBe("NOT_FOUND");
  });
});
