import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scenario } from "../../domain/sla/clause-scenarios.fixture";
import type { ParsedMeasurements } from "../../domain/sla/measurements";
import { referenceCompliance, type ReferenceInput } from "../../domain/sla/reference";
import { resolveOrgScope } from "../scope";
import { idOf, sessionFor, testDatabaseKinds } from "../testing";
import { createSlaClause } from "./clauses";
import { engagementCompliance } from "./compliance";
import { ingestMeasurements } from "./ingest";
import { useDemoWithoutSla } from "./test-support";

// The stored path (samples in SQL, the per-window cache refreshed as they arrive, the period's
// percentile in SQL, the engine over it) gives exactly what the plain reference reading of the raw
// samples gives, for random clauses, zones, exclusions, caps and incidents across period edges.

const EASTBANK_ENGAGEMENT = "Financial-grade blockchain data synchroniser — private deployment";
const digest = (n: number) => n.toString(16).padStart(64, "0");

function measurementsOf(input: ReferenceInput): ParsedMeasurements {
  switch (input.terms.metric) {
    case "latency_percentile":
    case "gauge_max":
      return { kind: "values", samples: input.samples.map((s) => ({ at: s.at, value: s.value ?? 0 })) };
    case "error_rate":
      return {
        kind: "error_rate",
        samples: input.samples.map((s) => ({ at: s.at, errors: s.errors ?? 0, requests: s.requests ?? 0 })),
      };
    case "availability":
      return { kind: "downtime", downtime: [...(input.downtime ?? [])] };
    case "integrity":
      return {
        kind: "checks",
        checks: input.samples.map((s, i) => ({ at: s.at, expected: digest(i), observed: digest(s.equal ? i : i + 1) })),
      };
  }
}

describe.each(testDatabaseKinds())("SLA compliance from stored measurements on %s", (kind) => {
  useDemoWithoutSla(kind);

  it("equals the reference implementation over the raw samples", async () => {
    const scope = (await resolveOrgScope((await sessionFor("owner@northwind.test")).userId))!;
    const engagementId = await idOf("engagement", { title: EASTBANK_ENGAGEMENT });
    const inputs = fc.sample(scenario(), { numRuns: kind === "pglite" ? 16 : 24, seed: 20261202 });
    for (const [index, input] of inputs.entries()) {
      const clause = await createSlaClause(scope, engagementId, input.terms);
      const measurements = measurementsOf(input);
      const empty =
        measurements.kind === "downtime"
          ? measurements.downtime.length === 0
          : (measurements.kind === "checks" ? measurements.checks : measurements.samples).length === 0;
      if (!empty)
        await ingestMeasurements(
          { kind: "user", scope },
          { clauseId: clause.id, idempotencyKey: `property-${kind}-${index}`, source: "api", measurements },
        );
      const report = await engagementCompliance(scope, engagementId, input.periodKey, new Date(input.asOf));
      const stored = report.clauses.find((c) => c.id === clause.id);
      expect(stored, `scenario ${index}`).toEqual(referenceCompliance({ ...input, id: clause.id, version: 1 }));
    }
  });
});
