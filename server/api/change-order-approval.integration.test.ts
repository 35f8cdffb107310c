import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyAuditChain } from "../domain/audit";
import { loadAuditChain } from "../data/audit/chain";
import {
  idOf,
  listEvidenceHashes,
  milestoneRow,
  notificationsFor,
  organisationIdOf,
  sessionFor,
  setEngagementHidesAmounts,
  testDatabaseKinds,
} from "../data/testing";
import { useTestDatabase } from "../test-support/database";
import { approvalLogResponse } from "./rest/approval-log";
import { createCaller } from "./root";
import { approvedMilestone } from "./test-support/invoicing";

// A client approves an amount as much as evidence: a change order that changes the amount of an
// approved, not yet invoiced milestone voids that approval, and the client is asked again, told why.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const OWNER = "owner@northwind.test";

describe.each(testDatabaseKinds())("change orders and approvals on %s", (kind) => {
  useTestDatabase(kind);

  it("voids the approval of an approved milestone whose amount changes, audited, and the client sees why", async () => {
    const poc = await approvedMilestone(EASTBANK, "poc", OWNER, "approver@eastbank.test");
    const engagementId = await idOf("engagement", { title: EASTBANK });
    const owner = createCaller({ session: await sessionFor(OWNER), origin: "https://tollgate.example" });
    const ids = Object.fromEntries(
      await Promise.all(
        ["review", "poc", "delivery", "upgrade"].map(async (key) => [
          key,
          await idOf("milestone", { title: EASTBANK, key }),
        ]),
      ),
    );

    const result = await owner.engagement.changeOrder({
      engagementId,
      feeMinor: 100_000_000,
      shares: [
        { milestoneId: ids.review!, shareBp: 1_500 },
        { milestoneId: ids.poc!, shareBp: 3_500 },
        { milestoneId: ids.delivery!, shareBp: 4_000 },
        { milestoneId: ids.upgrade!, shareBp: 1_000 },
      ],
      reason: "joint load test added to the proof of concept",
    });
    expect(result.approvalsVoided).toEqual([poc]);

    const row = await milestoneRow(poc);
    expect(row.state).toBe("verified");
    expect(row.amountMinor).toBe(35_000_000n);
    const approval = row.approvals.find((a) => a.type === "approved")!;
    expect(approval.voidedAt).not.toBeNull();
    expect(approval.voidReason).toEqual({
      kind: "amount_changed",
      fromMinor: 30_000_000,
      toMinor: 35_000_000,
      changeOrderReason: "joint load test added to the proof of concept",
    });

    const chain = await loadAuditChain(await organisationIdOf(OWNER));
    expect(verifyAuditChain(chain).ok).toBe(true);
    expect(chain.find((e) => e.action === "milestone.approval_voided" && e.entityId === poc)).toMatchObject({
      before: { state: "approved" },
      after: { state: "verified" },
      data: { changeOrderId: result.changeOrderId },
    });
    // the approvers are asked again
    expect(
      (await notificationsFor("approver@eastbank.test")).filter(
        (n) => n.kind === "awaiting_review" && n.milestoneId === poc,
      ).length,
    ).toBeGreaterThan(0);

    // the approver sees the amounts that changed; the milestone cannot be invoiced until approved again
    const approver = createCaller({ session: await sessionFor("approver@eastbank.test") });
    const review = await approver.portal.milestone.review({ id: poc });
    expect(review.canDecide).toBe(true);
    expect(review.approvals[0]).toMatchObject({
      voided: true,
      voidReason: { kind: "amount_changed", fromMinor: 30_000_000, toMinor: 35_000_000 },
    });
    expect(
      await owner.milestone.transition({ milestoneId: poc, action: "invoice" }).catch((e: { code: string }) => e.code),
    ).toBe("CONFLICT");

    // a viewer of an engagement that hides amounts learns why, without the amounts
    await setEngagementHidesAmounts(EASTBANK, true);
    const viewer = createCaller({ session: await sessionFor("viewer@eastbank.test") });
    expect((await viewer.portal.milestone.review({ id: poc })).approvals[0]).toMatchObject({
      voidReason: {
        kind: "amount_changed",
        fromMinor: null,
        toMinor: null,
        changeOrderReason: "joint load test added to the proof of concept",
      },
    });
    const viewerLog = await approvalLogResponse(
      await sessionFor("viewer@eastbank.test"),
      engagementId,
      new Request("http://tollgate.test/x?format=csv"),
    );
    const csv = await viewerLog.text();
    // (this viewer reads Chinese)
    expect(csv).toContain("变更单修改了金额（joint load test added to the proof of concept）");
    expect(csv).not.toMatch(/300,000|350,000|¥/);
    const approverLog = await (
      await approvalLogResponse(
        await sessionFor("approver@eastbank.test"),
        engagementId,
        new Request("http://tollgate.test/x?format=csv"),
      )
    ).text();
    expect(approverLog).toMatch(/from CN¥300,000\.00 to CN¥350,000\.00/);
    await setEngagementHidesAmounts(EASTBANK, false);

    // approving again is an ordinary approval of the same evidence
    await approver.portal.milestone.transition({
      milestoneId: poc,
      action: "approve",
      evidenceSha256: await listEvidenceHashes(poc),
      idempotencyKey: randomUUID(),
    });
    expect((await milestoneRow(poc)).state).toBe("approved");
  });

  it("leaves approvals alone when the approved milestone's amount does not change", async () => {
    const engagementId = await idOf("engagement", { title: "Checkout latency review" });
    const review = await approvedMilestone("Checkout latency review", "review", OWNER, "approver@lakeside.test");
    const owner = createCaller({ session: await sessionFor(OWNER) });
    const milestones = (await owner.engagement.get({ id: engagementId })).milestones;
    const shares = milestones.map((m) => ({ milestoneId: m.id, shareBp: m.shareBp }));
    const result = await owner.engagement.changeOrder({
      engagementId,
      feeMinor: (await owner.engagement.get({ id: engagementId })).feeMinor,
      shares,
      reason: "same split, recorded",
    });
    expect(result.approvalsVoided).toEqual([]);
    expect((await milestoneRow(review)).state).toBe("approved");
  });
});
