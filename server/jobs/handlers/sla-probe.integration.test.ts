import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { loadAuditChain } from "../../data/audit/chain";
import { prisma } from "../../data/prisma-client";
import { resolveOrgScope, type OrgScope } from "../../data/scope";
import { createSlaClause, retireSlaClause } from "../../data/sla/clauses";
import { findDueSlaProbes, latencyInUnit } from "../../data/sla/probes";
import { useDemoWithoutSla } from "../../data/sla/test-support";
import { idOf, sessionFor, testDatabaseKinds } from "../../data/testing";
import type { JobContext } from "../definition";
import type { JobName } from "../names";
import { probeEndpoint } from "../../services/probes/http-probe";
import { runSlaProbe, slaProbeSweep } from "./sla-probe";

// Independent sampling on both engines: the sweep picks the clauses whose probe slot has come, each
// probe goes through the SSRF-guarded prober (opened to loopback only through its test setting) and
// is recorded as the system's measurement, once per slot.

const OWNER = "owner@northwind.test";
const LAKESIDE = "Checkout latency review";

const availability: SlaClauseTermsInput = {
  title: "Storefront availability",
  metric: "availability",
  comparator: "gte",
  target: 99.9,
  unit: "%",
  period: "month",
  credit: { type: "tiered", baseMinor: 100_000, tiers: [{ below: 99.9, creditPct: 10 }] },
  probe: { url: "https://down.shop.test/health", everyMinutes: 5 },
};

const latency: SlaClauseTermsInput = {
  title: "Storefront latency",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 1500,
  unit: "ms",
  windowMinutes: 5,
  period: "month",
  credit: { type: "per_incident", perBreachedWindowMinor: 0, capPerIncidentMinor: 0 },
  probe: { url: "https://up.shop.test/health", everyMinutes: 1 },
};

describe.each(testDatabaseKinds())("SLA probes on %s", (kind) => {
  useDemoWithoutSla(kind);
  let server: Server;
  let base: string;
  let owner: OrgScope;
  let engagementId: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === "/up") setTimeout(() => res.end("ok"), 30);
      else {
        res.writeHead(503);
        res.end("down");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    owner = (await resolveOrgScope((await sessionFor(OWNER)).userId))!;
    engagementId = await idOf("engagement", { title: LAKESIDE });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function probedClause(terms: SlaClauseTermsInput, host: "up" | "down"): Promise<string> {
    const clause = await createSlaClause(owner, engagementId, {
      ...terms,
      probe: { url: `https://${host}.shop.test/health`, everyMinutes: terms.probe!.everyMinutes },
    });
    return clause.id;
  }

  /** The real prober, opened to loopback by its test setting: https://up.shop.test/… is the local server's /up. */
  const local = (url: string) =>
    probeEndpoint(`${base}/${new URL(url).hostname.split(".")[0]}`, { allowLocal: true, timeoutMs: 5_000 });

  it("records a down slot as downtime and an answer's time as a latency sample, once per slot", async () => {
    const down = await probedClause(availability, "down");
    const slow = await probedClause(latency, "up");
    const quiet = await probedClause({ ...availability, title: "Already probed" }, "down");
    await prisma().slaClause.update({ where: { id: quiet }, data: { probeLastAt: new Date() } });
    const retired = await probedClause({ ...availability, title: "Retired" }, "down");
    await retireSlaClause(owner, retired);

    const now = new Date();
    const due = await findDueSlaProbes(now);
    expect(due.map((d) => d.clauseId).sort()).toEqual([down, slow].sort());
    const downProbe = due.find((d) => d.clauseId === down)!;
    expect(downProbe.slotStart).toBe(windowStart(now.getTime(), 5));

    const recorded = await runSlaProbe(downProbe, local);
    expect(recorded).toMatchObject({ accepted: 1, replayed: false });
    const downtime = await prisma().slaDowntime.findMany({ where: { clauseId: down } });
    expect(downtime.map((d) => [d.from.getTime(), d.to.getTime()])).toEqual([
      [downProbe.slotStart, downProbe.slotStart + 5 * MINUTE_MS],
    ]);
    const batch = await prisma().slaMeasurementBatch.findFirstOrThrow({ where: { clauseId: down } });
    expect(batch).toMatchObject({
      source: "probe",
      actorKind: "system",
      idempotencyKey: `probe:${down}:${downProbe.slotStart}`,
    });
    const audit = (await loadAuditChain(owner.organisationId)).filter(
      (e) => e.action === "sla.measurements_recorded" && e.entityId === down,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorKind).toBe("system");
    // probed for this slot: not due again, and a second run of the same job records nothing
    expect((await findDueSlaProbes(now)).map((d) => d.clauseId)).not.toContain(down);
    expect(await runSlaProbe(downProbe, local)).toBeNull();
    expect(await prisma().slaDowntime.count({ where: { clauseId: down } })).toBe(1);

    const slowProbe = due.find((d) => d.clauseId === slow)!;
    expect(await runSlaProbe(slowProbe, local)).toMatchObject({ accepted: 1 });
    const [sample] = await prisma().slaSample.findMany({ where: { clauseId: slow } });
    expect(sample!.value).toBeGreaterThanOrEqual(25);
    expect(sample!.value).toBeLessThan(5_000);
  });

  it("records nothing for an endpoint that is up (availability) or an address the guard refuses", async () => {
    const up = await probedClause({ ...availability, title: "Up" }, "up");
    const guarded = await probedClause({ ...latency, title: "Guarded" }, "up");
    const due = await findDueSlaProbes(new Date());
    expect(
      await runSlaProbe(
        due.find((d) => d.clauseId === up)!,
        local,
      ),
    ).toBeNull();
    // without the test setting the prober refuses loopback (and plain http) before any contact
    const loopback = async () => [{ address: "127.0.0.1", family: 4 as const }];
    const strict = (url: string) => probeEndpoint(url, { allowLocal: false, timeoutMs: 5_000, resolver: loopback });
    expect((await strict("https://up.shop.test/health")).detail).toMatch(/non-public address/);
    expect(
      await runSlaProbe(
        due.find((d) => d.clauseId === guarded)!,
        strict,
      ),
    ).toBeNull();
    expect(await prisma().slaMeasurementBatch.count({ where: { clauseId: { in: [up, guarded] } } })).toBe(0);
    const marked = await prisma().slaClause.findMany({ where: { id: { in: [up, guarded] } } });
    expect(marked.every((c) => c.probeLastAt !== null)).toBe(true);
  });

  it("sweeps every minute, queueing one probe per clause and slot", async () => {
    const clause = await probedClause({ ...availability, title: "Swept" }, "down");
    const queued: { name: JobName; data: object; key?: string }[] = [];
    const job: JobContext = {
      retryCount: 0,
      lastAttempt: true,
      enqueue: async (name, data, key) => {
        queued.push({ name, data, key });
      },
    };
    await slaProbeSweep.handle({}, job);
    expect(slaProbeSweep.schedule).toBe("* * * * *");
    const mine = queued.find((q) => (q.data as { clauseId: string }).clauseId === clause)!;
    const slot = (mine.data as { slotStart: number }).slotStart;
    expect(mine).toEqual({
      name: "sla-probe-run",
      data: { organisationId: owner.organisationId, clauseId: clause, slotStart: slot },
      key: `${clause}:${slot}`,
    });
  });
});

describe("a probe's latency in the clause's unit", () => {
  it("converts milliseconds to seconds or microseconds, and keeps milliseconds otherwise", () => {
    expect(latencyInUnit(1500, "s")).toBe(1.5);
    expect(latencyInUnit(1500, "ms")).toBe(1500);
    expect(latencyInUnit(2, "µs")).toBe(2000);
    expect(latencyInUnit(7, "blocks")).toBe(7);
  });
});
