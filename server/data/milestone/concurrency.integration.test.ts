import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { transaction } from "../prisma-client";
import { applyChangeOrder } from "../engagement/change-order";
import { DataRefusal } from "../refusal";
import { transitionMilestone, type AppliedTransition } from "./request-transition";
import { applyTransition } from "./transition";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope } from "../scope";
import {
  attachVerifiedEvidence,
  countAuditEvents,
  createTestDatabase,
  engagementAmounts,
  idOf,
  listEvidenceHashes,
  milestoneRow,
  seedForTests,
  sessionFor,
  testDatabaseKinds,
  type TestDatabase,
} from "../testing";

// Two people acting on one milestone at once: exactly one wins, the other gets a clear answer,
// and nothing is written twice. PostgreSQL runs these with real parallel connections.

const OWNER = "owner@northwind.test";
const PARALLEL = 8;

async function toApproved(owner: OrgScope, approver: ClientScope, milestoneId: string, kinds: string[]) {
  for (const action of ["start"] as const) await transitionMilestone(owner, { milestoneId, action });
  for (const kind of kinds) await attachVerifiedEvidence(OWNER, milestoneId, kind, "pass");
  await transitionMilestone(owner, { milestoneId, action: "submit" });
  await transitionMilestone(owner, { milestoneId, action: "verify" });
  const answer = await transitionMilestone(approver, {
    milestoneId,
    action: "approve",
    presentedHashes: await listEvidenceHashes(milestoneId),
  });
  expect(answer).toMatchObject({ ok: true, state: "approved" });
}

type Answer = AppliedTransition | { ok: false; code: string; reasons: string[] };

/** A transition's outcome as data: what it applied, or the refusal's code and reasons. */
function settled(request: Promise<AppliedTransition>): Promise<Answer> {
  return request.catch((error: unknown) => {
    if (!(error instanceof DataRefusal)) throw error;
    return { ok: false as const, code: error.code, reasons: error.reasons };
  });
}

function tally(answers: Answer[]) {
  const wins = answers.filter((a) => a.ok).length;
  const losses = answers.filter((a) => !a.ok).map((a) => (a.ok ? "" : a.code));
  return { wins, losses };
}

describe.each(testDatabaseKinds())("concurrent milestone actions on %s", (kind) => {
  let db: TestDatabase;
  let owner: OrgScope;
  let approver: ClientScope;
  const title = "Financial-grade blockchain data synchroniser — private deployment";

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    owner = (await resolveOrgScope((await sessionFor(OWNER)).userId))!;
    approver = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
  });
  afterAll(() => db.drop());

  it(`${PARALLEL} simultaneous approvals: one winner, one approval row, one audit event`, async () => {
    const delivery = await idOf("milestone", { title, key: "delivery" });
    await transitionMilestone(owner, { milestoneId: delivery, action: "start" });
    await attachVerifiedEvidence(OWNER, delivery, "git-tag", "pass");
    await attachVerifiedEvidence(OWNER, delivery, "junit", "pass");
    await transitionMilestone(owner, { milestoneId: delivery, action: "submit" });
    await transitionMilestone(owner, { milestoneId: delivery, action: "verify" });
    const hashes = await listEvidenceHashes(delivery);

    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, () =>
        settled(transitionMilestone(approver, { milestoneId: delivery, action: "approve", presentedHashes: hashes })),
      ),
    );
    const { wins, losses } = tally(answers);
    expect(wins).toBe(1);
    for (const code of losses) expect(["CONFLICT", "INVALID_TRANSITION"]).toContain(code);
    const row = await milestoneRow(delivery);
    expect(row.state).toBe("approved");
    expect(row.approvals.filter((a) => a.type === "approved")).toHaveLength(1);
    expect(await countAuditEvents("milestone.approve", delivery)).toBe(1);
  });

  it(`${PARALLEL} simultaneous invoice requests: invoiced once, for the amount at that moment`, async () => {
    const review = await idOf("milestone", { title, key: "review" });
    await toApproved(owner, approver, review, ["sha256", "manifest-review"]);
    const answers = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) =>
        settled(
          transitionMilestone(owner, { milestoneId: review, action: "invoice" }, i % 2 ? randomUUID() : undefined),
        ),
      ),
    );
    const { wins, losses } = tally(answers);
    expect(wins).toBe(1);
    for (const code of losses) expect(["CONFLICT", "INVALID_TRANSITION"]).toContain(code);
    expect((await milestoneRow(review)).invoicedAmountMinor).toBe(15_000_000n);
    expect(await countAuditEvents("milestone.invoice", review)).toBe(1);
  });

  it("a change order racing an invoice never alters the invoiced amount", async () => {
    const poc = await idOf("milestone", { title, key: "poc" });
    await toApproved(owner, approver, poc, ["junit", "lcov", "go-bench"]);
    const engagementId = await idOf("engagement", { title });
    const [invoice, change] = await Promise.all([
      settled(transitionMilestone(owner, { milestoneId: poc, action: "invoice" })),
      applyChangeOrder(owner, {
        engagementId,
        feeMinor: 100_000_000,
        // review is invoiced (1,500 bp); the rest is re-split among poc, delivery and upgrade
        sharesBp: {
          [poc]: 2_000,
          [await idOf("milestone", { title, key: "delivery" })]: 5_500,
          [await idOf("milestone", { title, key: "upgrade" })]: 1_000,
        },
        reason: "scope moved from the proof of concept to delivery",
      }).then(
        () => ({ ok: true }),
        (error: unknown) => {
          if (!(error instanceof DataRefusal)) throw error;
          return { ok: false, code: error.code };
        },
      ),
    ]);
    // whichever wins, the other either adapts (the change order treats poc as invoiced) or is refused
    expect(invoice.ok || change.ok).toBe(true);
    const row = await milestoneRow(poc);
    if (invoice.ok) expect(row.invoicedAmountMinor).toBe(row.amountMinor);
    const engagement = await engagementAmounts(engagementId);
    expect(engagement.sum).toBe(engagement.feeMinor);
  });
});

describe.runIf(testDatabaseKinds().includes("postgres"))("a lost race on PostgreSQL", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("postgres");
    await seedForTests(DEMO_ORGANISATIONS);
  });
  afterAll(() => db.drop());

  it("answers CONFLICT to the request that decided on a version another transaction changed", async () => {
    const owner = (await resolveOrgScope((await sessionFor(OWNER)).userId))!;
    const approver = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
    const review = await idOf("milestone", {
      title: "Financial-grade blockchain data synchroniser — private deployment",
      key: "review",
    });
    await toApproved(owner, approver, review, ["sha256", "manifest-review"]);

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let decided!: () => void;
    const firstDecided = new Promise<void>((resolve) => (decided = resolve));
    // the first request decides and writes, then holds its transaction open
    const first = transaction(async (tx) => {
      const result = await applyTransition(tx, owner, { milestoneId: review, action: "invoice" });
      decided();
      await held;
      return result;
    });
    await firstDecided;
    // the second reads the committed (approved) row, decides the same, and waits on the row lock
    const second = settled(transitionMilestone(owner, { milestoneId: review, action: "invoice" }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    expect(await first).toMatchObject({ ok: true, state: "invoiced" });
    expect(await second).toEqual({
      ok: false,
      code: "CONFLICT",
      reasons: ["the milestone was changed by someone else while this invoice was being decided"],
    });
    expect(await countAuditEvents("milestone.invoice", review)).toBe(1);
  });
});
