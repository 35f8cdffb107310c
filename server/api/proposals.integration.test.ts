import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../domain/audit";
import { loadAuditChain } from "../data/audit/chain";
import { prisma } from "../data/prisma-client";
import { decideProposal } from "../data/proposal/decide";
import { DataRefusal } from "../data/refusal";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope } from "../data/scope";
import { idOf, notificationsFor, organisationIdOf, outboxFor, sessionFor, testDatabaseKinds } from "../data/testing";
import { addDays } from "../domain/invoice";
import type { ProposalDraftInput } from "../domain/proposal/proposal";
import { todayIso } from "../domain/proposal/standing";
import { useTestDatabase } from "../test-support/database";
import type { SessionClaims } from "../auth";
import { seedDemoPackages } from "./demo-packages";
import { createCaller } from "./root";
import { errorCodeOf } from "./test-support/error-code";

// A proposal's life through the procedures: made from a package and numbered, sent to the
// client's approvers, declined or accepted once (creating the engagement), refused when closed.

const OWNER = "owner@northwind.test";
const NOTICES = { origin: "https://tollgate.example", smtpConfigured: false };
const api = (session: SessionClaims | null) => createCaller({ session, origin: NOTICES.origin });
const today = todayIso(new Date());

interface Refused {
  code: string;
  refusal: string | null;
  reasons: string[];
}

function refusalOf(error: unknown): Refused {
  if (!(error instanceof TRPCError)) throw error;
  const cause = error.cause as { code?: string; reasons?: string[] } | undefined;
  if (cause?.reasons) return { code: error.code, refusal: cause.code ?? null, reasons: cause.reasons };
  return { code: error.code, refusal: null, reasons: [error.message] };
}

async function refused(call: Promise<unknown>): Promise<Refused> {
  try {
    await call;
  } catch (error) {
    return refusalOf(error);
  }
  throw new Error("the call was not refused");
}

describe.each(testDatabaseKinds())("proposals on %s", (kind) => {
  useTestDatabase(kind);
  let owner: SessionClaims;
  let ownerScope: OrgScope;
  let approver: SessionClaims;
  let packages: { saas: string; privateDeployment: string; audit: string };
  let eastbank: string;

  const draft = (overrides: Partial<ProposalDraftInput> = {}): ProposalDraftInput => ({
    clientId: eastbank,
    packageId: packages.privateDeployment,
    title: "Synchroniser phase two",
    quantities: { nodes: 4, daily_volume: 3.5, retention_years: 7 },
    taxRateBp: 600,
    startDate: addDays(today, 10),
    validUntil: addDays(today, 30),
    objectives: [
      {
        pain: "Reports are slow",
        observedBehaviour: "Analysts wait for the month-end report",
        target: { metric: "report_latency", comparator: "lt", value: 800, unit: "ms", percentile: 99 },
        link: { kind: "requirement", milestoneKey: "poc", position: 1 },
      },
      {
        pain: "The service goes down",
        observedBehaviour: "Checkout falls back to card terminals",
        target: { metric: "availability", comparator: "gte", value: 99.9, unit: "%" },
        link: { kind: "sla_clause", index: 0 },
      },
    ],
    ...overrides,
  });

  const sentProposal = async (overrides: Partial<ProposalDraftInput> = {}) => {
    const created = await api(owner).proposal.create(draft(overrides));
    return api(owner).proposal.send({ proposalId: created.id });
  };

  beforeAll(async () => {
    owner = await sessionFor(OWNER);
    ownerScope = (await resolveOrgScope(owner.userId))!;
    approver = await sessionFor("approver@eastbank.test");
    packages = await seedDemoPackages(ownerScope);
    eastbank = await idOf("client", { name: "Eastbank" });
  });

  it("numbers proposals in their own gapless series, also when created at once", async () => {
    const year = today.slice(0, 4);
    const first = await api(owner).proposal.create(draft());
    expect(first).toMatchObject({ number: `Q-${year}-0001`, status: "draft", standing: "draft", currency: "CNY" });
    // 200,000.00 + 4 x 50,000.00 + 3.5 x 20,000.00 + 7 x 10,000.00 = 540,000.00
    expect(first.priceMinor).toBe(54_000_000);
    expect(first.price.formula).toContain("= CNY 540,000.00");
    expect(first.milestoneAmountsMinor.reduce((a, b) => a + b, 0)).toBe(54_000_000);
    expect(first.offer.quantities).toEqual({ nodes: 4, daily_volume: 3.5, retention_years: 7 });
    const many = await Promise.all([1, 2, 3, 4].map(() => api(owner).proposal.create(draft())));
    expect(many.map((p) => p.number).sort()).toEqual([2, 3, 4, 5].map((n) => `Q-${year}-000${n}`));
    const invoices = await prisma().invoiceSequence.findMany({ where: { series: { startsWith: "proposal:" } } });
    expect(invoices).toHaveLength(1);
  });

  it("refuses a draft that does not hold together, naming the field", async () => {
    const quantity = await refused(api(owner).proposal.create(draft({ quantities: { nodes: 0 } })));
    expect(quantity.code).toBe("UNPROCESSABLE_CONTENT");
    expect(quantity.reasons.join()).toContain("quantities.nodes");
    const expired = await refused(api(owner).proposal.create(draft({ validUntil: addDays(today, -1) })));
    expect(expired.reasons.join()).toContain("validUntil");
    const link = await refused(
      api(owner).proposal.create(
        draft({
          objectives: [
            {
              pain: "p",
              observedBehaviour: "o",
              target: { metric: "m", comparator: "lt", value: 1, unit: "s" },
              link: { kind: "requirement", milestoneKey: "nowhere", position: 0 },
            },
          ],
        }),
      ),
    );
    expect(link.reasons.join()).toContain("objectives.0.link");
    const contoso = await sessionFor("owner@contoso.test");
    expect(await errorCodeOf(api(contoso).proposal.create(draft()))).toBe("NOT_FOUND");
  });

  it("sends to the client's approvers with a notice and an email; a client without approver is refused", async () => {
    const sent = await sentProposal();
    expect(sent).toMatchObject({ status: "sent", standing: "sent" });
    expect(sent.sentAt).not.toBeNull();
    const notice = (await notificationsFor("approver@eastbank.test")).find((n) => n.proposalId === sent.id);
    expect(notice).toMatchObject({ kind: "proposal_sent", engagementId: null });
    expect((await notificationsFor("viewer@eastbank.test")).some((n) => n.proposalId === sent.id)).toBe(false);
    const mail = (await outboxFor("approver@eastbank.test")).find((m) => m.kind === "proposal.sent");
    expect(mail?.body).toContain(`/portal/proposals/${sent.id}`);
    const lonely = await prisma().client.create({
      data: { organisationId: await organisationIdOf(OWNER), name: "Client without approver" },
    });
    const created = await api(owner).proposal.create(draft({ clientId: lonely.id }));
    const refusal = await refused(api(owner).proposal.send({ proposalId: created.id }));
    expect(refusal).toMatchObject({ code: "CONFLICT", refusal: "NO_APPROVER" });
    expect((await api(owner).proposal.get({ proposalId: created.id })).status).toBe("draft");
  });

  it("shows the client only its sent proposals; others answer not found", async () => {
    const draftOnly = await api(owner).proposal.create(draft());
    const sent = await sentProposal();
    const page = await api(approver).portal.proposals({ limit: 200 });
    expect(page.items.some((p) => p.id === sent.id)).toBe(true);
    expect(page.items.some((p) => p.id === draftOnly.id)).toBe(false);
    expect(await errorCodeOf(api(approver).portal.proposal({ proposalId: draftOnly.id }))).toBe("NOT_FOUND");
    const lakeside = await sessionFor("approver@lakeside.test");
    expect(await errorCodeOf(api(lakeside).portal.proposal({ proposalId: sent.id }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(api(lakeside).portal.decideProposal({ proposalId: sent.id, decision: "accept" }))).toBe(
      "NOT_FOUND",
    );
    const contoso = await sessionFor("owner@contoso.test");
    expect(await errorCodeOf(api(contoso).proposal.get({ proposalId: sent.id }))).toBe("NOT_FOUND");
    const viewer = await sessionFor("viewer@eastbank.test");
    expect((await api(viewer).portal.proposal({ proposalId: sent.id })).id).toBe(sent.id);
    expect(await errorCodeOf(api(viewer).portal.decideProposal({ proposalId: sent.id, decision: "accept" }))).toBe(
      "FORBIDDEN",
    );
  });

  it("declines with a comment, tells the consultants, and cannot be accepted then", async () => {
    const sent = await sentProposal();
    expect(await errorCodeOf(api(approver).portal.decideProposal({ proposalId: sent.id, decision: "decline" }))).toBe(
      "BAD_REQUEST",
    );
    const declined = await api(approver).portal.decideProposal({
      proposalId: sent.id,
      decision: "decline",
      comment: "Over budget this year",
    });
    expect(declined).toMatchObject({ status: "declined", decisionComment: "Over budget this year" });
    const notice = (await notificationsFor(OWNER)).find((n) => n.proposalId === sent.id);
    expect(notice).toMatchObject({ kind: "proposal_declined" });
    const again = await refused(api(approver).portal.decideProposal({ proposalId: sent.id, decision: "accept" }));
    expect(again).toMatchObject({ code: "CONFLICT", refusal: "PROPOSAL_CLOSED", reasons: ["declined"] });
  });

  it("accepts once, creating the engagement with milestones, gates, SLA clauses and objectives", async () => {
    const sent = await sentProposal({ title: "Accepted synchroniser" });
    const accepted = await api(approver).portal.decideProposal({ proposalId: sent.id, decision: "accept" });
    expect(accepted.status).toBe("accepted");
    const engagementId = accepted.engagementId!;
    const engagement = await prisma().engagement.findUniqueOrThrow({
      where: { id: engagementId },
      include: {
        milestones: { include: { requirements: true }, orderBy: { position: "asc" } },
        slaClauses: true,
        objectives: { orderBy: { position: "asc" } },
      },
    });
    expect(engagement).toMatchObject({
      title: "Accepted synchroniser",
      currency: "CNY",
      taxRateBp: 600,
      status: "active",
    });
    expect(engagement.feeMinor).toBe(54_000_000n);
    expect(engagement.milestones.map((m) => m.key)).toEqual(accepted.offer.milestones.map((m) => m.key));
    expect(engagement.milestones.map((m) => Number(m.amountMinor))).toEqual(accepted.milestoneAmountsMinor);
    expect(engagement.milestones.flatMap((m) => m.requirements).length).toBeGreaterThan(0);
    expect(engagement.slaClauses.map((c) => c.title)).toEqual(["Availability"]);
    const poc = engagement.milestones.find((m) => m.key === "poc")!;
    const coverage = poc.requirements.find((r) => r.position === 1)!;
    expect(engagement.objectives.map((o) => [o.requirementId, o.slaClauseId])).toEqual([
      [coverage.id, null],
      [null, engagement.slaClauses[0]!.id],
    ]);
    const orgId = await organisationIdOf(OWNER);
    const events = await prisma().auditEvent.findMany({ where: { organisationId: orgId, engagementId } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["engagement.created", "sla_clause.created", "proposal.accepted"]),
    );
    expect(verifyAuditChain(await loadAuditChain(orgId)).ok).toBe(true);
    expect((await notificationsFor(OWNER)).find((n) => n.proposalId === sent.id)).toMatchObject({
      kind: "proposal_accepted",
      engagementId,
    });
    expect((await api(approver).portal.engagement.list()).some((e: { id: string }) => e.id === engagementId)).toBe(
      true,
    );
    const twice = await refused(api(approver).portal.decideProposal({ proposalId: sent.id, decision: "accept" }));
    expect(twice).toMatchObject({ code: "CONFLICT", refusal: "PROPOSAL_CLOSED", reasons: ["already accepted"] });
  });

  it("accepts at most once under concurrency: one engagement", async () => {
    const sent = await sentProposal({ title: "Raced synchroniser" });
    const scope = (await resolveClientScope(approver.userId)) as ClientScope;
    const outcomes = await Promise.allSettled(
      [1, 2].map(() => decideProposal(scope, sent.id, { decision: "accept", comment: "" }, NOTICES)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const loser = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(DataRefusal);
    expect(loser.reason).toMatchObject({ code: "PROPOSAL_CLOSED", reasons: ["already accepted"] });
    expect(await prisma().engagement.count({ where: { title: "Raced synchroniser" } })).toBe(1);
  });

  it("refuses an expired proposal", async () => {
    const sent = await sentProposal();
    const yesterday = addDays(today, -1);
    await prisma().proposal.update({
      where: { id: sent.id },
      data: { validUntil: new Date(`${yesterday}T00:00:00Z`) },
    });
    expect((await api(approver).portal.proposal({ proposalId: sent.id })).standing).toBe("expired");
    const refusal = await refused(api(approver).portal.decideProposal({ proposalId: sent.id, decision: "accept" }));
    expect(refusal).toMatchObject({
      code: "CONFLICT",
      refusal: "PROPOSAL_CLOSED",
      reasons: [`expired on ${yesterday}`],
    });
  });

  it("supersedes the revised proposal when the revision is sent; withdrawn ones are closed", async () => {
    const original = await sentProposal();
    const revision = await api(owner).proposal.revise({ proposalId: original.id, draft: draft({ taxRateBp: 0 }) });
    expect(revision).toMatchObject({ status: "draft", revisesId: original.id });
    // the client learns of a revision only once it is sent
    expect((await api(owner).proposal.get({ proposalId: original.id })).revisedById).toBe(revision.id);
    expect((await api(approver).portal.proposal({ proposalId: original.id })).revisedById).toBeNull();
    expect(await errorCodeOf(api(owner).proposal.revise({ proposalId: original.id, draft: draft() }))).toBe("CONFLICT");
    await api(owner).proposal.send({ proposalId: revision.id });
    expect((await api(approver).portal.proposal({ proposalId: original.id })).revisedById).toBe(revision.id);
    expect((await api(owner).proposal.get({ proposalId: original.id })).status).toBe("superseded");
    const refusal = await refused(api(approver).portal.decideProposal({ proposalId: original.id, decision: "accept" }));
    expect(refusal.reasons).toEqual([`superseded by ${revision.number}`]);
    await api(owner).proposal.withdraw({ proposalId: revision.id });
    const withdrawn = await refused(
      api(approver).portal.decideProposal({ proposalId: revision.id, decision: "accept" }),
    );
    expect(withdrawn.reasons).toEqual(["withdrawn"]);
    // a draft revision taken back frees its original for another revision
    const open = await sentProposal();
    const dropped = await api(owner).proposal.revise({ proposalId: open.id, draft: draft() });
    await api(owner).proposal.withdraw({ proposalId: dropped.id });
    const again = await api(owner).proposal.revise({ proposalId: open.id, draft: draft({ taxRateBp: 0 }) });
    expect(again).toMatchObject({ status: "draft", revisesId: open.id });
  });

  it("lists the organisation's proposals a page at a time", async () => {
    const first = await api(owner).proposal.list({ limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await api(owner).proposal.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items[0]!.id).not.toBe(first.items[1]!.id);
    const sent = await api(owner).proposal.list({ limit: 200, status: "accepted" });
    expect(sent.items.every((p) => p.status === "accepted")).toBe(true);
    // what the client can still decide: sent and valid today, however many closed ones are newer
    const open = await api(approver).portal.proposals({ limit: 200, open: true });
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((p) => p.standing === "sent")).toBe(true);
    const all = await api(approver).portal.proposals({ limit: 200 });
    expect(open.items.map((p) => p.id)).toEqual(all.items.filter((p) => p.standing === "sent").map((p) => p.id));
  });
});
