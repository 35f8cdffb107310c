import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ORGANISATIONS } from "@/prisma/demo-data";
import type { SlaClauseTermsInput } from "@/server/domain/sla/terms";
import {
  createTestDatabase,
  idOf,
  seedForTests,
  sessionFor,
  setEngagementHidesAmounts,
  testDatabaseKinds,
  type TestDatabase,
} from "../../../data/testing";
import { createCaller } from "../../root";
import { errorCodeOf } from "../../test-support/error-code";

// The SLA procedures end to end on a real database: a clause from the form's input, a CSV upload,
// the period's compliance with its chart series, the portal's twins (amounts hidden from viewers),
// a new version after measurements, the credit note once, action items closed once.

const EASTBANK = "Financial-grade blockchain data synchroniser — private deployment";
const PERIOD = "2026-10";

const LATENCY: SlaClauseTermsInput = {
  title: "Routers: checkout p99",
  metric: "latency_percentile",
  percentile: 99,
  comparator: "lte",
  target: 300,
  unit: "ms",
  windowMinutes: 5,
  period: "month",
  credit: { type: "per_incident", perBreachedWindowMinor: 10_000, capPerIncidentMinor: 25_000 },
};

/** One good window, three breached in a row, one good: one incident of three windows, capped at 250.00. */
const CSV = [
  "at,value",
  "2026-10-10T09:01:00Z,120",
  "2026-10-10T09:06:00Z,480",
  "2026-10-10T09:11:00Z,650",
  "2026-10-10T09:16:00Z,700",
  "2026-10-10T09:21:00Z,130",
].join("\n");

async function zodPaths(call: Promise<unknown>): Promise<string[]> {
  try {
    await call;
    return [];
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof ZodError)
      return error.cause.issues.map((issue) => issue.path.join("."));
    throw error;
  }
}

describe.each(testDatabaseKinds())("SLA procedures on %s", (kind) => {
  let db: TestDatabase;
  let engagementId: string;
  let clauseId: string;
  const as = async (email: string) => createCaller({ session: await sessionFor(email) });

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await seedForTests(DEMO_ORGANISATIONS);
    engagementId = await idOf("engagement", { title: EASTBANK });
  });
  afterAll(() => db.drop());

  it("refuses terms that do not hold together, naming the field at fault", async () => {
    const owner = await as("owner@northwind.test");
    const paths = await zodPaths(
      owner.sla.create({ engagementId, terms: { ...LATENCY, percentile: null, unit: "ms", target: Number.NaN } }),
    );
    expect(paths).toEqual(expect.arrayContaining(["terms.target"]));
    const crossField = await zodPaths(owner.sla.create({ engagementId, terms: { ...LATENCY, percentile: null } }));
    expect(crossField).toEqual(["terms.percentile"]);
  });

  it("adds a clause, takes a CSV once per key and judges the period with its chart series", async () => {
    const owner = await as("owner@northwind.test");
    const clause = await owner.sla.create({ engagementId, terms: LATENCY });
    clauseId = clause.id;
    expect(clause).toMatchObject({ version: 1, retiredAt: null, terms: { title: LATENCY.title, percentile: 99 } });

    const upload = { clauseId, format: "csv" as const, text: CSV, idempotencyKey: "routers-upload-1" };
    expect(await owner.sla.uploadMeasurements(upload)).toMatchObject({ accepted: 5, replayed: false });
    expect(await owner.sla.uploadMeasurements(upload)).toMatchObject({ replayed: true });
    expect(
      await errorCodeOf(
        owner.sla.uploadMeasurements({ ...upload, text: "at,value\nyesterday,1\n", idempotencyKey: "routers-bad-1" }),
      ),
    ).toBe("UNPROCESSABLE_CONTENT");

    const report = await owner.sla.compliance({ engagementId, period: PERIOD });
    const judged = report.clauses.find((c) => c.id === clauseId)!;
    expect(judged).toMatchObject({ met: false, capped: true, creditMinor: 25_000, creditApplies: true });
    expect(judged.windows.breached).toBe(3);
    expect(judged.incidents).toHaveLength(1);
    expect(judged.incidents[0]).toMatchObject({ windows: 3, creditMinor: 25_000 });
    expect(judged.series.map((point) => point.value)).toEqual([120, 480, 650, 700, 130]);
    expect(judged.terms?.title).toBe(LATENCY.title);
    expect(report.closed).toBe(true);
    expect(report.amountsHidden).toBe(false);
  });

  it("shows the client the same verdict, and hides credits from a viewer when the engagement hides amounts", async () => {
    const approver = await as("approver@eastbank.test");
    const seen = (await approver.portal.sla.compliance({ engagementId, period: PERIOD })).clauses.find(
      (c) => c.id === clauseId,
    )!;
    expect(seen).toMatchObject({ met: false, creditMinor: 25_000 });

    await setEngagementHidesAmounts(EASTBANK, true);
    const viewer = await as("viewer@eastbank.test");
    const hidden = await viewer.portal.sla.compliance({ engagementId, period: PERIOD });
    expect(hidden.amountsHidden).toBe(true);
    expect(hidden.totalCreditMinor).toBeNull();
    const clause = hidden.clauses.find((c) => c.id === clauseId)!;
    expect(clause.creditMinor).toBeNull();
    expect(clause.incidents[0]?.creditMinor).toBeNull();
    expect(clause.met).toBe(false);
    await setEngagementHidesAmounts(EASTBANK, false);

    expect(
      await errorCodeOf((await as("approver@lakeside.test")).portal.sla.compliance({ engagementId, period: PERIOD })),
    ).toBe("NOT_FOUND");
  });

  it("starts version 2 when terms change after measurements; the history keeps version 1", async () => {
    const owner = await as("owner@northwind.test");
    const edited = await owner.sla.edit({ clauseId, terms: { ...LATENCY, target: 400 } });
    expect(edited.version).toBe(2);
    const detail = await owner.sla.clause({ clauseId });
    expect(detail.versions.map((v) => [v.version, v.terms.target])).toEqual([
      [2, 400],
      [1, 300],
    ]);
  });

  it("issues the period's SLA credit note once", async () => {
    const owner = await as("owner@northwind.test");
    const note = await owner.sla.issueCreditNote({ engagementId, period: PERIOD });
    expect(note.kind).toBe("credit_note");
    expect(note.subtotalMinor).toBeGreaterThan(0);
    expect(await errorCodeOf(owner.sla.issueCreditNote({ engagementId, period: PERIOD }))).toBe("CONFLICT");
  });

  it("lists the action item a trigger raised and closes it once", async () => {
    const owner = await as("owner@northwind.test");
    const trigger = await owner.sla.create({
      engagementId,
      terms: {
        title: "Routers: error rate",
        metric: "error_rate",
        comparator: "lte",
        target: 1,
        unit: "%",
        windowMinutes: 5,
        period: "month",
        credit: { type: "per_incident", perBreachedWindowMinor: 100, capPerIncidentMinor: 1_000 },
        triggers: [{ when: "above", value: 12, forMinutes: 5, action: "Joint load test" }],
      },
    });
    await owner.sla.uploadMeasurements({
      clauseId: trigger.id,
      format: "csv",
      text: "at,errors,requests\n2026-10-12T03:01:00Z,30,100\n2026-10-12T03:06:00Z,40,100\n",
      idempotencyKey: "routers-trigger-1",
    });
    const items = await owner.sla.actionItems({ engagementId });
    const item = items.find((i) => i.clauseId === trigger.id)!;
    expect(item).toMatchObject({ title: "Joint load test", status: "open" });
    const approver = await as("approver@eastbank.test");
    expect((await approver.portal.sla.actionItems({ engagementId })).map((i) => i.id)).toContain(item.id);

    expect(await owner.sla.closeActionItem({ actionItemId: item.id })).toMatchObject({ status: "done" });
    expect(await errorCodeOf(owner.sla.closeActionItem({ actionItemId: item.id }))).toBe("CONFLICT");
  });

  it("retires a clause: gone from the default list, kept when retired ones are asked for", async () => {
    const owner = await as("owner@northwind.test");
    const retired = await owner.sla.retire({ clauseId });
    expect(retired.retiredAt).not.toBeNull();
    expect((await owner.sla.clauses({ engagementId })).map((c) => c.id)).not.toContain(clauseId);
    const all = await owner.sla.clauses({ engagementId, includeRetired: true });
    expect(all.find((c) => c.id === clauseId)?.version).toBe(2);
  });
});
