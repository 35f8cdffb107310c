import { beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../../api/root";
import { errorCodeOf } from "../../api/test-support/error-code";
import { useTestDatabase } from "../../test-support/database";
import { addDays } from "../../domain/invoice";
import { countAuditEvents, notificationsFor, sessionFor, testDatabaseKinds } from "../testing";
import { resolveClientScope, type ClientScope } from "../scope";
import { giveNotice } from "./notice";
import { draftRenewal, findDueRenewals } from "./renew";
import { APPROVER, countingPdf, eastbankId, OWNER, ownerScope, today, VIEWER } from "./test-support";
import { createContract } from "./write";

// The client's notice (before the notice date only, the approver only, audited, and the end of
// renewals) and the upgrade-channel attestation, on both engines.

async function approverScope(): Promise<ClientScope> {
  return (await resolveClientScope((await sessionFor(APPROVER)).userId))!;
}

async function refusal(call: Promise<unknown>): Promise<{ code: string; reasons: string[] }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: string; reasons?: string[] };
    return { code: e.code ?? "?", reasons: e.reasons ?? [] };
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabaseKinds())("maintenance notice on %s", (kind) => {
  useTestDatabase(kind);
  const portal = async (email: string) => createCaller({ session: await sessionFor(email) });
  const contract = async (startsOn: string) =>
    createContract(await ownerScope(), {
      engagementId: await eastbankId(),
      startsOn,
      feeMinor: 100_000,
      termMonths: 12,
      noticeDays: 30,
      includes: "",
      clauseIds: [],
      autoRenew: true,
      releaseTagPattern: "v*",
    });

  let scope: ClientScope;
  beforeAll(async () => {
    scope = await approverScope();
  });

  it("takes notice the day before the notice date: audited, ends at term end, and no renewal is drafted", async () => {
    const created = await contract("2026-01-15");
    expect(created.nextRenewal).toMatchObject({ date: "2027-01-15", noticeDate: "2026-12-16" });
    const noticed = await giveNotice(scope, created.id, "2026-12-15");
    expect(noticed).toMatchObject({ noticeGiven: true, endsOn: "2027-01-14", nextRenewal: null, revision: 2 });
    expect(noticed.noticeGivenBy).toEqual(expect.any(String));
    expect(await countAuditEvents("maintenance.notice_given", created.id)).toBe(1);
    expect((await notificationsFor(OWNER)).some((n) => n.kind === "maintenance_notice_given")).toBe(true);

    expect((await findDueRenewals("2026-12-20")).map((d) => d.contractId)).not.toContain(created.id);
    expect(await draftRenewal(created.id, 2, "2026-12-20", countingPdf())).toBe(false);
    const again = await refusal(giveNotice(scope, created.id, "2026-12-15"));
    expect(again).toMatchObject({ code: "NOTICE_CLOSED" });
    expect(again.reasons[0]).toContain("already given");
  });

  it("refuses notice on and after the notice date with the date (409)", async () => {
    const created = await contract("2026-01-15");
    const onTheDay = await refusal(giveNotice(scope, created.id, "2026-12-16"));
    expect(onTheDay.code).toBe("NOTICE_CLOSED");
    expect(onTheDay.reasons).toEqual(["notice had to be given before 2026-12-16; the contract renews on 2027-01-15"]);
    expect(await countAuditEvents("maintenance.notice_given", created.id)).toBe(0);

    const lapsed = await contract(addDays(today(), -340));
    const through = await portal(APPROVER);
    expect(await errorCodeOf(through.portal.maintenance.giveNotice({ contractId: lapsed.id }))).toBe("CONFLICT");
  });

  it("lets only the client's approver act: a viewer is refused, another client or organisation does not see it", async () => {
    const created = await contract(addDays(today(), -10));
    const viewer = await portal(VIEWER);
    expect((await viewer.portal.maintenance.list({ engagementId: await eastbankId() })).length).toBeGreaterThan(0);
    expect(await errorCodeOf(viewer.portal.maintenance.giveNotice({ contractId: created.id }))).toBe("FORBIDDEN");
    const termId = created.terms[0]!.id;
    expect(await errorCodeOf(viewer.portal.maintenance.attestUpgradeAccess({ termId }))).toBe("FORBIDDEN");
    for (const other of ["approver@lakeside.test", "approver@fabrikam.test"]) {
      const stranger = await portal(other);
      expect(await errorCodeOf(stranger.portal.maintenance.giveNotice({ contractId: created.id })), other).toBe(
        "NOT_FOUND",
      );
      expect(await errorCodeOf(stranger.portal.maintenance.attestUpgradeAccess({ termId })), other).toBe("NOT_FOUND");
      expect(await errorCodeOf(stranger.portal.maintenance.list({ engagementId: await eastbankId() })), other).toBe(
        "NOT_FOUND",
      );
    }
    const approver = await portal(APPROVER);
    const given = await approver.portal.maintenance.giveNotice({ contractId: created.id });
    expect(given).toMatchObject({ noticeGiven: true, endsOn: created.terms[0]!.to });
  });

  it("records access to the upgrade channel once per term, audited", async () => {
    const created = await contract(addDays(today(), -10));
    const termId = created.terms[0]!.id;
    const approver = await portal(APPROVER);
    const attested = await approver.portal.maintenance.attestUpgradeAccess({ termId });
    expect(attested.terms[0]!.upgradeAccess).toEqual({ attestedAt: expect.any(String), by: expect.any(String) });
    expect(await errorCodeOf(approver.portal.maintenance.attestUpgradeAccess({ termId }))).toBe("CONFLICT");
    expect(await countAuditEvents("maintenance.upgrade_access_attested", termId)).toBe(1);
  });

  it("records upgrade channel access only for a term that has begun", async () => {
    const created = await contract(addDays(today(), 20));
    const termId = created.terms[0]!.id;
    const approver = await portal(APPROVER);
    expect(await errorCodeOf(approver.portal.maintenance.attestUpgradeAccess({ termId }))).toBe("CONFLICT");
    expect(await countAuditEvents("maintenance.upgrade_access_attested", termId)).toBe(0);
  });
});
