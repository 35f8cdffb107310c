import { describe, expect, it } from "vitest";
import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { loadAuditChain } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { resolveClientScope, resolveOrgScope, type OrgScope } from "../scope";
import { idOf, organisationIdOf, sessionFor, testDatabaseKinds } from "../testing";
import { closeActionItem, listActionItems } from "./action-items";
import { createSlaClause, retireSlaClause } from "./clauses";
import { ingestMeasurements } from "./ingest";
import { useDemoWithoutSla } from "./test-support";
import { raiseTriggeredActions } from "./triggers";

// Triggers on both engines: one action item per continuous episode, both sides told, the audit
// naming the clause and the interval; action items read by both sides and closed by the consultant.

const OWNER = "owner@northwind.test";
const LAKESIDE = "Checkout latency review";
const MIN = 60_000;
const T = Date.parse("2026-11-12T02:00:00Z");
const DELIVERY = { origin: "https://tollgate.example", smtpConfigured: false };

const errorRateClause = (title: string): SlaClauseTermsInput => ({
  title,
  metric: "error_rate",
  comparator: "lte",
  target: 1,
  unit: "%",
  windowMinutes: 5,
  period: "month",
  timezone: "Asia/Shanghai",
  credit: { type: "per_incident", perBreachedWindowMinor: 0, capPerIncidentMinor: 0 },
  triggers: [{ when: "above", value: 12, forMinutes: 10, action: "Joint load test" }],
});

async function scopeOf(email: string): Promise<OrgScope> {
  return (await resolveOrgScope((await sessionFor(email)).userId))!;
}

/** Window aggregates as the measurement cache holds them, then the trigger check over their span. */
async function windowsArrive(clauseId: string, starts: number[], value: number): Promise<void> {
  for (const start of starts)
    await prisma().slaWindow.upsert({
      where: { clauseId_start: { clauseId, start: new Date(start) } },
      create: {
        clauseId,
        start: new Date(start),
        value,
        samples: 1,
        errors: BigInt(Math.round(value * 100)),
        requests: 10_000n,
      },
      update: { value },
    });
  const span = { from: Math.min(...starts), to: Math.max(...starts) + 5 * MIN };
  await transaction((tx) => raiseTriggeredActions(tx, clauseId, span, DELIVERY));
}

const itemsOf = (clauseId: string) =>
  prisma().actionItem.findMany({ where: { clauseId }, orderBy: { episodeFrom: "asc" } });

describe.each(testDatabaseKinds())("SLA triggers on %s", (kind) => {
  useDemoWithoutSla(kind);

  it("raises one action item per continuous episode, growing it as later windows extend it", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, errorRateClause("Checkout error rate"));

    await windowsArrive(clause.id, [T], 20);
    expect(await itemsOf(clause.id)).toEqual([]); // 5 minutes is not yet the trigger's 10

    await windowsArrive(clause.id, [T + 5 * MIN, T + 10 * MIN], 20);
    await windowsArrive(clause.id, [T + 5 * MIN, T + 10 * MIN], 20); // the same posting again
    let items = await itemsOf(clause.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: "Joint load test",
      source: "sla_trigger",
      status: "open",
      triggerIndex: 0,
      engagementId,
      episodeFrom: new Date(T),
      episodeTo: new Date(T + 15 * MIN),
    });

    // a later window extends the episode: the same item, a longer interval
    await windowsArrive(clause.id, [T + 15 * MIN], 30);
    items = await itemsOf(clause.id);
    expect(items).toHaveLength(1);
    expect(items[0]!.episodeTo).toEqual(new Date(T + 20 * MIN));

    // a quiet window ends it; the next hot run is a second episode
    await windowsArrive(clause.id, [T + 20 * MIN], 0.5);
    await windowsArrive(clause.id, [T + 25 * MIN, T + 30 * MIN, T + 35 * MIN], 14);
    items = await itemsOf(clause.id);
    expect(items.map((i) => [i.episodeFrom!.getTime(), i.episodeTo!.getTime()])).toEqual([
      [T, T + 20 * MIN],
      [T + 25 * MIN, T + 40 * MIN],
    ]);
  });

  it("tells both sides, in the app and by email, and audits the clause and the interval", async () => {
    const owner = await scopeOf(OWNER);
    const organisationId = await organisationIdOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, errorRateClause("Payment error rate"));
    const at = T + 24 * 60 * MIN;
    await windowsArrive(clause.id, [at, at + 5 * MIN], 13);
    const [item] = await itemsOf(clause.id);

    const notices = await prisma().notification.findMany({
      where: { kind: "sla_trigger", engagementId, params: { path: ["clause"], equals: "Payment error rate" } },
      include: { user: { select: { email: true } } },
    });
    const consultants = await prisma().user.findMany({
      where: { organisationId, kind: "consultant", deactivatedAt: null },
      select: { email: true },
    });
    const clientUsers = await prisma().clientUser.findMany({
      where: { client: { name: "Lakeside Retail" }, user: { deactivatedAt: null } },
      select: { user: { select: { email: true } } },
    });
    const everyone = [...consultants.map((u) => u.email), ...clientUsers.map((c) => c.user.email)].sort();
    expect(everyone).toContain("approver@lakeside.test");
    expect(notices.map((n) => n.user.email).sort()).toEqual(everyone);
    expect(notices[0]!.params).toMatchObject({
      action: "Joint load test",
      clause: "Payment error rate",
      engagement: LAKESIDE,
      from: "2026-11-13 10:00 (Asia/Shanghai)",
      to: "2026-11-13 10:10 (Asia/Shanghai)",
    });
    const mail = await prisma().outboxMessage.findMany({
      where: { kind: "sla.trigger_fired", body: { contains: "Payment error rate" } },
    });
    expect(mail.map((m) => m.toEmail).sort()).toEqual(everyone);
    const clientMail = mail.find((m) => m.toEmail === "approver@lakeside.test")!;
    expect(clientMail.subject).toBe("SLA trigger: Joint load test");
    expect(clientMail.body).toContain(`https://tollgate.example/portal/engagements/${engagementId}/sla`);

    const fired = (await loadAuditChain(organisationId)).filter(
      (e) => e.action === "sla.trigger_fired" && e.entityId === item!.id,
    );
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({
      actorKind: "system",
      engagementId,
      data: {
        clause: { id: clause.id, title: "Payment error rate" },
        interval: { from: new Date(at).toISOString(), to: new Date(at + 10 * MIN).toISOString() },
        trigger: { index: 0, when: "above", value: 12, forMinutes: 10, action: "Joint load test" },
      },
    });
  });

  it("lets both sides read the items, the consultant close one once, and no one else see them", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, errorRateClause("Search error rate"));
    const at = T + 48 * 60 * MIN;
    await windowsArrive(clause.id, [at, at + 5 * MIN], 40);
    const lakeside = (await resolveClientScope((await sessionFor("approver@lakeside.test")).userId))!;
    const eastbank = (await resolveClientScope((await sessionFor("approver@eastbank.test")).userId))!;
    const contoso = await scopeOf("owner@contoso.test");

    const seen = await listActionItems(lakeside, engagementId);
    const item = seen.find((i) => i.clauseId === clause.id)!;
    expect(item).toMatchObject({
      title: "Joint load test",
      clauseTitle: "Search error rate",
      status: "open",
      episodeFrom: new Date(at).toISOString(),
      episodeTo: new Date(at + 10 * MIN).toISOString(),
      closedAt: null,
    });
    expect((await listActionItems(owner, engagementId)).map((i) => i.id)).toContain(item.id);
    // newest first
    const createdAt = (await listActionItems(owner, engagementId)).map((i) => i.createdAt);
    expect([...createdAt].sort().reverse()).toEqual(createdAt);
    await expect(listActionItems(eastbank, engagementId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listActionItems(contoso, engagementId)).rejects.toMatchObject({ code: "NOT_FOUND" });

    await expect(closeActionItem(contoso, item.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const closed = await closeActionItem(owner, item.id);
    expect(closed).toMatchObject({ id: item.id, status: "done" });
    expect(closed.closedAt).not.toBeNull();
    await expect(closeActionItem(owner, item.id)).rejects.toMatchObject({ code: "ALREADY_CLOSED" });
    const audit = (await loadAuditChain(owner.organisationId)).filter(
      (e) => e.action === "action_item.closed" && e.entityId === item.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorKind: "user", actorId: owner.userId, after: { status: "done" } });
  });

  it("fires from posted measurements once per episode, however the postings overlap", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, errorRateClause("Ingested error rate"));
    const at = T + 72 * 60 * MIN;
    const sample = (minute: number, errors: number) => ({ at: at + minute * MIN, errors, requests: 100 });
    const post = (key: string, samples: ReturnType<typeof sample>[]) =>
      ingestMeasurements(
        { kind: "user", scope: owner },
        { clauseId: clause.id, idempotencyKey: key, source: "api", measurements: { kind: "error_rate", samples } },
      );
    await post("first", [sample(1, 20), sample(6, 20)]);
    await post("overlapping", [sample(7, 20), sample(11, 20)]);
    await post("first", [sample(1, 20), sample(6, 20)]); // a replay changes nothing
    // a window without traffic is no data: it ends the episode, and the next run is another one
    await post("later", [sample(21, 30), sample(26, 30)]);
    const items = await itemsOf(clause.id);
    expect(items.map((i) => [i.episodeFrom!.getTime() - at, i.episodeTo!.getTime() - at])).toEqual([
      [0, 15 * MIN],
      [20 * MIN, 30 * MIN],
    ]);
    const notices = await prisma().notification.count({
      where: {
        kind: "sla_trigger",
        params: { path: ["clause"], equals: "Ingested error rate" },
        user: { email: OWNER },
      },
    });
    expect(notices).toBe(2);
  });

  it("follows an episode back past the usual reach, so it is recorded from its first window", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, {
      ...errorRateClause("Long error rate"),
      triggers: [{ when: "above", value: 12, forMinutes: 12, action: "Joint load test" }],
    });
    const at = T + 96 * 60 * MIN;
    const hour = Array.from({ length: 13 }, (_, i) => at + i * 5 * MIN);
    for (const start of hour.slice(0, -1))
      await prisma().slaWindow.create({ data: { clauseId: clause.id, start: new Date(start), value: 25, samples: 1 } });
    await windowsArrive(clause.id, hour.slice(-1), 25);
    const items = await itemsOf(clause.id);
    expect(items.map((i) => [i.episodeFrom!.getTime(), i.episodeTo!.getTime()])).toEqual([[at, at + 65 * MIN]]);
  });

  it("raises nothing for a retired clause", async () => {
    const owner = await scopeOf(OWNER);
    const engagementId = await idOf("engagement", { title: LAKESIDE });
    const clause = await createSlaClause(owner, engagementId, errorRateClause("Retired error rate"));
    await retireSlaClause(owner, clause.id);
    await windowsArrive(clause.id, [T, T + 5 * MIN, T + 10 * MIN], 50);
    expect(await itemsOf(clause.id)).toEqual([]);
  });
});
