import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import { issueInvoice } from "../data/invoice/issue";
import { resolveOrgScope } from "../data/scope";
import {
  attachVerifiedEvidence,
  createTestDatabase,
  databaseFingerprint,
  idOf,
  seedForTests,
  sessionFor,
  setEngagementHidesAmounts,
  testDatabaseKinds,
  type TestDatabase,
} from "../data/testing";
import { createCaller } from "./root";
import { errorCodeOf } from "./test-support/error-code";
import { approvedMilestone } from "./test-support/invoicing";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const CONTOSO = "Claims platform performance audit";
const OWNER = "owner@northwind.test";

const as = async (email: string) => createCaller({ session: await sessionFor(email) });

async function verified(engagement: string, key: string, consultant: string): Promise<string> {
  const owner = await as(consultant);
  const id = await idOf("milestone", { title: engagement, key });
  await owner.milestone.transition({ milestoneId: id, action: "start" });
  await owner.milestone.transition({ milestoneId: id, action: "submit" });
  for (const kind of ["sha256", "manifest-review"]) await attachVerifiedEvidence(consultant, id, kind, "pass");
  await owner.milestone.transition({ milestoneId: id, action: "verify" });
  return id;
}

describe.each(testDatabaseKinds())("home pages' reads on %s", (kind) => {
  let db: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
  });
  afterAll(() => db.drop());

  it("says there is nothing to do when nothing waits", async () => {
    // the demo's SLA trigger told the consultant of its joint load test: read first
    const reader = await as(OWNER);
    for (const notice of await reader.notification.list()) await reader.notification.markRead({ id: notice.id });
    const home = await (await as(OWNER)).home.consultant({});
    for (const section of Object.values(home)) expect(section).toEqual({ items: [], total: 0 });
    expect(await (await as("approver@eastbank.test")).home.client({})).toEqual({
      canDecide: true,
      awaitingDecision: { items: [], total: 0 },
      invoicesDue: { items: [], total: 0 },
    });
  });

  it("shows the consultant each kind of waiting item, linked by ids, and only their organisation's", async () => {
    ids.review = await verified(EASTBANK, "review", OWNER);
    ids.contosoReview = await verified(CONTOSO, "review", "owner@contoso.test");
    ids.poc = await idOf("milestone", { title: EASTBANK, key: "poc" });
    const owner = await as(OWNER);
    await owner.milestone.transition({ milestoneId: ids.poc, action: "start" });
    await attachVerifiedEvidence(OWNER, ids.poc, "junit", "pass");
    await attachVerifiedEvidence(OWNER, ids.poc, "lcov", "fail", ["lines coverage 70.00% < 85%"]);
    ids.delivery = await approvedMilestone(EASTBANK, "delivery", OWNER, "approver@eastbank.test");
    const scope = await resolveOrgScope((await sessionFor(OWNER)).userId);
    const { pdfIssuer } = await import("../services/pdf/invoice-issuer");
    ids.invoice = (
      await issueInvoice(
        scope!,
        {
          engagementId: await idOf("engagement", { title: EASTBANK }),
          milestoneIds: [ids.delivery],
          issueDate: "2026-01-05",
        },
        pdfIssuer("en"),
      )
    ).id;

    const before = await databaseFingerprint();
    const home = await owner.home.consultant({});
    expect(await databaseFingerprint()).toBe(before);

    expect(home.awaitingApproval).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          milestoneId: ids.review,
          milestoneTitle: "Architecture review",
          engagementTitle: EASTBANK,
          clientName: "Eastbank",
        }),
      ],
    });
    expect(home.gatesFailing.total).toBe(1);
    expect(home.gatesFailing.items[0]).toMatchObject({ milestoneId: ids.poc, state: "in_progress", unmetCount: 2 });
    expect(home.gatesFailing.items[0]!.reasons).toContain("lines coverage 70.00% < 85%");
    expect(home.failedEvidence.items).toEqual([
      expect.objectContaining({
        milestoneId: ids.poc,
        kind: "lcov",
        verdict: "fail",
        reasons: ["lines coverage 70.00% < 85%"],
      }),
    ]);
    expect(home.overdueInvoices).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          invoiceId: ids.invoice,
          dueDate: "2026-02-04",
          overdue: true,
          outstandingMinor: 47_700_000,
        }),
      ],
    });
    expect(home.unreadNotices.items.map((n) => n.kind)).toContain("approved");
    expect(home.unreadNotices.items.every((n) => n.params.engagement === EASTBANK)).toBe(true);

    const contoso = await (await as("owner@contoso.test")).home.consultant({});
    expect(contoso.awaitingApproval.items.map((i) => i.milestoneId)).toEqual([ids.contosoReview]);
    expect(JSON.stringify(contoso)).not.toContain(EASTBANK);
    expect(JSON.stringify(home)).not.toContain(CONTOSO);
  });

  it("bounds every list and keeps the full count", async () => {
    const home = await (await as(OWNER)).home.consultant({ limit: 1 });
    expect(home.unreadNotices.items.length).toBeLessThanOrEqual(1);
    expect(home.unreadNotices.total).toBeGreaterThanOrEqual(home.unreadNotices.items.length);
    expect(await errorCodeOf((await as(OWNER)).home.consultant({ limit: 500 }))).toBe("BAD_REQUEST");
  });

  it("shows a client's approver what waits for their decision and the invoices due; a viewer sees them, to read", async () => {
    const approver = await (await as("approver@eastbank.test")).home.client({});
    expect(approver.canDecide).toBe(true);
    expect(approver.awaitingDecision).toEqual({
      total: 1,
      items: [expect.objectContaining({ milestoneId: ids.review, currency: "CNY", amountMinor: 15_000_000 })],
    });
    expect(approver.invoicesDue).toEqual({
      total: 1,
      items: [expect.objectContaining({ invoiceId: ids.invoice, overdue: true, outstandingMinor: 47_700_000 })],
    });

    const viewer = await (await as("viewer@eastbank.test")).home.client({});
    expect(viewer.canDecide).toBe(false);
    expect(viewer.awaitingDecision.items.map((i) => i.milestoneId)).toEqual([ids.review]);
    expect(viewer.invoicesDue.items[0]!.outstandingMinor).toBe(47_700_000);
  });

  it("hides amounts from a viewer when the engagement says so, and from no approver", async () => {
    await setEngagementHidesAmounts(EASTBANK, true);
    try {
      const viewer = await (await as("viewer@eastbank.test")).home.client({});
      expect(viewer.awaitingDecision.items[0]!.amountMinor).toBeNull();
      expect(viewer.invoicesDue.items[0]!.outstandingMinor).toBeNull();
      const approver = await (await as("approver@eastbank.test")).home.client({});
      expect(approver.awaitingDecision.items[0]!.amountMinor).toBe(15_000_000);
    } finally {
      await setEngagementHidesAmounts(EASTBANK, false);
    }
  });

  it("never shows a client another client's items, in the same organisation or another", async () => {
    const lakeside = await (await as("approver@lakeside.test")).home.client({});
    expect(lakeside).toEqual({
      canDecide: true,
      awaitingDecision: { items: [], total: 0 },
      invoicesDue: { items: [], total: 0 },
    });
    const fabrikam = await (await as("approver@fabrikam.test")).home.client({});
    expect(fabrikam.awaitingDecision.items.map((i) => i.milestoneId)).toEqual([ids.contosoReview]);
    expect(fabrikam.invoicesDue.total).toBe(0);
  });

  it("keeps each home to its kind of user", async () => {
    expect(await errorCodeOf((await as(OWNER)).home.client({}))).toBe("FORBIDDEN");
    expect(await errorCodeOf((await as("approver@eastbank.test")).home.consultant({}))).toBe("FORBIDDEN");
    expect(await errorCodeOf(createCaller({ session: null }).home.consultant({}))).toBe("UNAUTHORIZED");
  });
});
