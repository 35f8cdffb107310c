import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ZObjectiveFields, type ObjectiveFieldsInput } from "../../domain/objective/objective";
import { verifyFile } from "../../domain/evidence/verify";
import { useTestDatabase } from "../../test-support/database";
import { recordEvidence } from "../evidence/record";
import { prisma } from "../prisma-client";
import { DataRefusal } from "../refusal";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope } from "../scope";
import { engagementCompliance } from "../sla/compliance";
import { countStatements } from "../roi/test-support";
import { countAuditEvents, idOf, sessionFor, setEngagementHidesAmounts, testDatabaseKinds } from "../testing";
import { listObjectives, objectiveSourceChoices } from "./read";
import { createObjective, deleteObjective, editObjective } from "./write";

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const LAKESIDE = "Checkout latency review";
const BENCH = path.resolve(import.meta.dirname, "../../domain/evidence/fixtures/bench-new.txt");

const fields = (input: Partial<ObjectiveFieldsInput> = {}) =>
  ZObjectiveFields.parse({
    pain: "Pages are slow",
    observedBehaviour: "Users wait for the page",
    target: { metric: "page_latency", comparator: "lte", value: 1, unit: "s" },
    ...input,
  });

async function orgScope(email: string): Promise<OrgScope> {
  return (await resolveOrgScope((await sessionFor(email)).userId))!;
}
async function clientScope(email: string): Promise<ClientScope> {
  return (await resolveClientScope((await sessionFor(email)).userId))!;
}

async function requirementOf(milestoneKey: string, kind: string, engagementTitle = EASTBANK) {
  return prisma().gateRequirement.findFirstOrThrow({
    where: { kind, milestone: { key: milestoneKey, engagement: { title: engagementTitle } } },
  });
}

async function expectNotFound(work: Promise<unknown>) {
  await expect(work).rejects.toMatchObject({ code: "NOT_FOUND" });
}

describe.each(testDatabaseKinds())("objectives on %s", (kind) => {
  const handle = useTestDatabase(kind);
  let owner: OrgScope;
  let contoso: OrgScope;
  let approver: ClientScope;
  let viewer: ClientScope;
  let lakeside: ClientScope;
  let eastbank: string;
  let lakesideEngagement: string;

  beforeAll(async () => {
    owner = await orgScope("owner@northwind.test");
    contoso = await orgScope("owner@contoso.test");
    approver = await clientScope("approver@eastbank.test");
    viewer = await clientScope("viewer@eastbank.test");
    lakeside = await clientScope("approver@lakeside.test");
    eastbank = await idOf("engagement", { title: EASTBANK });
    lakesideEngagement = await idOf("engagement", { title: LAKESIDE });
    await prisma().engagement.updateMany({ where: { id: lakesideEngagement }, data: { status: "active" } });
  });

  it("lists the demo's objectives in order, with the SLA report's figures as actuals", async () => {
    const objectives = await listObjectives(owner, eastbank);
    expect(objectives.map((o) => [o.pain, o.source?.kind ?? null])).toEqual([
      ["Reports are slow", "requirement"],
      ["Export stutters", null],
      ["Yesterday's data is missing", "sla_clause"],
      ["Blocks must be re-synced by hand", "sla_clause"],
    ]);
    const [slow, exportStutters, missing, resync] = objectives;
    // no passing go-bench verification yet, no source at all
    expect(slow).toMatchObject({ actual: null, verdict: "no_data", baseline: 2400, costPerQuarterMinor: 18_000_000 });
    expect(slow!.target).toEqual({
      metric: "report_latency",
      comparator: "lt",
      value: 800,
      unit: "ms",
      percentile: 99,
    });
    expect(exportStutters).toMatchObject({
      actual: null,
      verdict: "no_data",
      cost: { value: 15, unit: "% of exports" },
    });

    const november = await engagementCompliance(owner, eastbank, "2026-11");
    const reported = (title: string) => november.clauses.find((c) => c.title === title)!.value!;
    expect(missing!.actual).toBe(reported("Sync delay"));
    expect(missing!.verdict).toBe(reported("Sync delay") < 3 ? "met" : "not_met");
    expect(missing!.actualDetail).toContain("Sync delay 2026-11");
    expect(resync!.actual).toBeCloseTo(reported("Error rate"), 9);
    expect(resync!.verdict).toBe("not_met");
  });

  it("reads availability and integrity clauses as the SLA report does, converting units", async () => {
    const clause = (title: string) => prisma().slaClause.findFirstOrThrow({ where: { engagementId: eastbank, title } });
    const availability = await createObjective(
      owner,
      eastbank,
      fields({
        pain: "The service goes down",
        target: { metric: "availability", comparator: "gte", value: 99.9, unit: "%" },
        source: { kind: "sla_clause", id: (await clause("Availability")).id },
      }),
    );
    const integrity = await createObjective(
      owner,
      eastbank,
      fields({
        pain: "Rows do not match the chain",
        target: { metric: "integrity", comparator: "eq", value: 100, unit: "%" },
        source: { kind: "sla_clause", id: (await clause("Data integrity")).id },
      }),
    );
    const inMs = await createObjective(
      owner,
      eastbank,
      fields({
        pain: "Sync is slow",
        target: { metric: "sync_delay", comparator: "lte", value: 1500, unit: "ms" },
        source: { kind: "sla_clause", id: (await clause("Sync delay")).id },
      }),
    );
    const year = await engagementCompliance(owner, eastbank, "2026");
    const november = await engagementCompliance(owner, eastbank, "2026-11");
    expect(availability.actual).toBeCloseTo(year.clauses.find((c) => c.title === "Availability")!.value!, 6);
    expect(availability.verdict).toBe("met");
    expect(integrity).toMatchObject({ actual: 100, verdict: "met" });
    const syncDelay = november.clauses.find((c) => c.title === "Sync delay")!.value!;
    expect(inMs.actual).toBeCloseTo(syncDelay * 1000, 6);
    expect(inMs.verdict).toBe(syncDelay <= 1.5 ? "met" : "not_met");
    for (const id of [availability.id, integrity.id, inMs.id]) await deleteObjective(owner, id);
  });

  it("takes the actual from the newest passing verification of real evidence", async () => {
    const requirement = await requirementOf("poc", "go-bench");
    const result = await verifyFile({
      kind: "go-bench",
      file: (async function* () {
        yield new Uint8Array(readFileSync(BENCH));
      })(),
      goBench: { benchmark: "BenchmarkSyncBlock", compareToBaseline: false, maxSlowdownPct: 0 },
    });
    expect(result.verdict).toBe("pass");
    const verification = (verdict: "pass" | "fail", metrics: object) => ({
      requirementId: requirement.id,
      verifierKind: "go-bench",
      verifierVersion: "1",
      params: requirement.params as object,
      verdict,
      metrics: metrics as never,
      reasons: [],
    });
    await recordEvidence(owner, {
      milestoneId: requirement.milestoneId,
      kind: "go-bench",
      sha256: "a".repeat(64),
      source: "manual",
      verifications: [verification("pass", result.metrics)],
    });
    // a newer failing run does not replace the verified figure
    await recordEvidence(owner, {
      milestoneId: requirement.milestoneId,
      kind: "go-bench",
      sha256: "b".repeat(64),
      source: "manual",
      verifications: [
        verification("fail", { benchmarks: [{ name: "BenchmarkSyncBlock-2", nsPerOp: { median: 9e9 } }] }),
      ],
    });
    const [slow] = await listObjectives(approver, eastbank);
    // the median of the five runs in the fixture: 73549 ns/op
    expect(slow).toMatchObject({
      actual: 0.073549,
      verdict: "met",
      actualDetail: "BenchmarkSyncBlock median 73549 ns/op",
    });
    expect(slow!.actualAt).not.toBeNull();
  });

  it("creates, edits and deletes with an audit event each, refusing a source from elsewhere", async () => {
    const coverage = await requirementOf("poc", "coverage");
    const created = await createObjective(
      owner,
      eastbank,
      fields({
        pain: "Releases break things",
        target: { metric: "line_coverage", comparator: "gte", value: 80, unit: "%" },
        cost: { value: 3, unit: "incidents/quarter" },
        translationKey: "releases_break",
        source: { kind: "requirement", id: coverage.id },
      }),
    );
    expect(created).toMatchObject({ pain: "Releases break things", source: { kind: "requirement", id: coverage.id } });
    expect(await countAuditEvents("objective.created", created.id)).toBe(1);
    const listed = await listObjectives(owner, eastbank);
    expect(listed.at(-1)!.id).toBe(created.id);

    const edited = await editObjective(
      owner,
      created.id,
      fields({ pain: "Releases still break things", baseline: 41.5, businessGoal: "Ship without fear" }),
    );
    expect(edited).toMatchObject({
      pain: "Releases still break things",
      baseline: 41.5,
      source: null,
      verdict: "no_data",
    });
    expect(await countAuditEvents("objective.edited", created.id)).toBe(1);

    const lakesideRequirement = await prisma().gateRequirement.findFirstOrThrow({
      where: { milestone: { engagement: { title: LAKESIDE } } },
    });
    await expectNotFound(
      editObjective(owner, created.id, fields({ source: { kind: "requirement", id: lakesideRequirement.id } })),
    );
    await expectNotFound(editObjective(owner, created.id, fields({ source: { kind: "sla_clause", id: "nope" } })));
    const clause = await prisma().slaClause.findFirstOrThrow({
      where: { engagementId: eastbank, title: "Error rate" },
    });
    await prisma().slaClause.update({ where: { id: clause.id }, data: { retiredAt: new Date() } });
    await expectNotFound(editObjective(owner, created.id, fields({ source: { kind: "sla_clause", id: clause.id } })));
    await prisma().slaClause.update({ where: { id: clause.id }, data: { retiredAt: null } });
    expect(await countAuditEvents("objective.edited", created.id)).toBe(1);

    await deleteObjective(owner, created.id);
    expect(await countAuditEvents("objective.deleted", created.id)).toBe(1);
    await expectNotFound(deleteObjective(owner, created.id));
  });

  it("keeps every tenant and client to its own objectives", async () => {
    const [first] = await listObjectives(owner, eastbank);
    expect((await listObjectives(viewer, eastbank)).length).toBeGreaterThan(0);
    await expectNotFound(listObjectives(contoso, eastbank));
    await expectNotFound(listObjectives(lakeside, eastbank));
    await expectNotFound(createObjective(contoso, eastbank, fields()));
    await expectNotFound(editObjective(contoso, first!.id, fields()));
    await expectNotFound(deleteObjective(contoso, first!.id));
    await expectNotFound(objectiveSourceChoices(contoso, eastbank));
    expect(await listObjectives(lakeside, lakesideEngagement)).toEqual([]);
    // money is an amount a viewer does not see where the engagement hides amounts; the approver still does
    await setEngagementHidesAmounts(EASTBANK, true);
    expect((await listObjectives(viewer, eastbank))[0]).toMatchObject({ costPerQuarterMinor: null, baseline: 2400 });
    expect((await listObjectives(approver, eastbank))[0]).toMatchObject({ costPerQuarterMinor: 18_000_000 });
    await setEngagementHidesAmounts(EASTBANK, false);
    expect((await listObjectives(viewer, eastbank))[0]).toMatchObject({ costPerQuarterMinor: 18_000_000 });
  });

  it("offers the engagement's requirements and current clauses as sources", async () => {
    const choices = await objectiveSourceChoices(owner, eastbank);
    expect(choices.requirements).toContainEqual(expect.objectContaining({ kind: "go-bench" }));
    expect(choices.slaClauses.map((c) => c.title)).toEqual([
      "Sync delay",
      "Data integrity",
      "Availability",
      "Error rate",
    ]);
  });

  it("holds at most MAX_OBJECTIVES and reads any number in the same statements", async () => {
    const { statements: few } = await countStatements(handle.db!, () => listObjectives(owner, eastbank));
    const clauses = await prisma().slaClause.findMany({ where: { engagementId: eastbank } });
    const requirements = await prisma().gateRequirement.findMany({ where: { milestone: { engagementId: eastbank } } });
    const sources = [
      ...clauses.map((c) => ({ kind: "sla_clause" as const, id: c.id })),
      ...requirements.map((r) => ({ kind: "requirement" as const, id: r.id })),
    ];
    const held = await prisma().objective.count({ where: { engagementId: eastbank } });
    for (let i = held; i < 50; i += 1)
      await createObjective(owner, eastbank, fields({ pain: `Pain ${i}`, source: sources[i % sources.length]! }));
    const { result, statements: many } = await countStatements(handle.db!, () => listObjectives(owner, eastbank));
    expect(result).toHaveLength(50);
    expect(many.length).toBe(few.length);
    expect(many.length).toBeLessThanOrEqual(8);
    await expect(createObjective(owner, eastbank, fields())).rejects.toBeInstanceOf(DataRefusal);
  });
});
