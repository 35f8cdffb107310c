import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { dnsLabel, openSloDocument, openSloYaml, strictTarget, type OpenSloClause } from "./openslo";
import { DNS_LABEL, ZSlo } from "./openslo-v1.testing";
import { ZSlaClauseTerms, type SlaClauseTermsInput } from "./terms";

// The export is checked against the OpenSLO v1 SLO rules (openslo-v1.testing.ts); the same checks
// accept the spec's own examples (fixtures/openslo, see fixtures/README.md), so they are not
// stricter than the spec.

const fixture = (name: string) =>
  readFileSync(path.resolve(import.meta.dirname, "../../../fixtures/openslo", name), "utf8");

const clause = (id: string, terms: SlaClauseTermsInput): OpenSloClause => ({
  id,
  version: 2,
  createdAt: "2026-10-20T03:00:00.000Z",
  terms: ZSlaClauseTerms.parse(terms),
});

const DEMO: OpenSloClause[] = [
  clause("cmsyncdelay0000000001", {
    title: "Sync delay",
    metric: "latency_percentile",
    percentile: 99,
    comparator: "lte",
    target: 1.5,
    unit: "s",
    windowMinutes: 5,
    period: "month",
    timezone: "Asia/Shanghai",
    credit: { type: "per_incident", perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 },
    measurementMethod: "Block produced to row stored",
  }),
  clause("cmintegrity0000000002", {
    title: "Data integrity",
    metric: "integrity",
    comparator: "gte",
    target: 100,
    unit: "%",
    period: "month",
    timezone: "Asia/Shanghai",
    credit: { type: "tiered", baseMinor: 1_000_000, tiers: [{ below: 100, creditPct: 5 }] },
  }),
  clause("cmavailability0000003", {
    title: "Availability",
    metric: "availability",
    comparator: "gte",
    target: 99.995,
    unit: "%",
    period: "year",
    timezone: "Asia/Shanghai",
    credit: { type: "tiered", baseMinor: 1_000_000, tiers: [{ below: 99.995, creditPct: 5 }] },
  }),
  clause("cmerrorrate0000000004", {
    title: "Error rate",
    metric: "error_rate",
    comparator: "lte",
    target: 12,
    unit: "%",
    windowMinutes: 1,
    period: "quarter",
    timezone: "Europe/Berlin",
    credit: { type: "per_incident", perBreachedWindowMinor: 0, capPerIncidentMinor: 0 },
  }),
  clause("cmgoroutines000000005", {
    title: "Goroutines 协程数",
    metric: "gauge_max",
    comparator: "lt",
    target: 5000,
    unit: "goroutines",
    windowMinutes: 15,
    period: "month",
    credit: { type: "per_incident", perBreachedWindowMinor: 0, capPerIncidentMinor: 0 },
  }),
];
const ENGAGEMENT = {
  id: "cmengagement000000009",
  title: "Financial-grade blockchain data synchroniser — private deployment",
};

describe("OpenSLO export", () => {
  it("checks with rules that accept the spec's own examples", () => {
    for (const name of ["timeslices-slo.yaml", "occurences-slo.yaml"]) {
      const docs = parseAllDocuments(fixture(name)).map((d) => d.toJS());
      for (const doc of docs) expect(ZSlo.safeParse(doc).error, name).toBeUndefined();
    }
    const slo = openSloDocument(ENGAGEMENT, DEMO[0]!);
    const objective = slo.spec.objectives[0]!;
    for (const broken of [
      { ...slo, metadata: { ...slo.metadata, name: "Sync_Delay" } },
      { ...slo, spec: { ...slo.spec, objectives: [{ ...objective, target: 1 }] } },
      { ...slo, spec: { ...slo.spec, objectives: [{ ...objective, timeSliceTarget: undefined }] } },
      { ...slo, spec: { ...slo.spec, timeWindow: [{ duration: "1M", isRolling: false }] } },
    ])
      expect(ZSlo.safeParse(broken).success).toBe(false);
  });

  it("writes one valid SLO document per clause in one YAML text", () => {
    const text = openSloYaml({ engagement: ENGAGEMENT, clauses: DEMO });
    const docs = parseAllDocuments(text);
    expect(docs.map((d) => d.errors)).toEqual(DEMO.map(() => []));
    const slos = docs.map((d) => d.toJS() as Record<string, unknown>);
    expect(slos).toEqual(DEMO.map((c) => openSloDocument(ENGAGEMENT, c)));
    for (const slo of slos) expect(ZSlo.safeParse(slo).error, JSON.stringify(slo)).toBeUndefined();
  });

  it("maps a latency clause to a Timeslices threshold SLO over its calendar month", () => {
    expect(openSloDocument(ENGAGEMENT, DEMO[0]!)).toEqual({
      apiVersion: "openslo/v1",
      kind: "SLO",
      metadata: {
        name: "sync-delay-00000001",
        displayName: "Sync delay",
        annotations: {
          "tollgate/clause-id": "cmsyncdelay0000000001",
          "tollgate/clause-version": "2",
          "tollgate/engagement-id": ENGAGEMENT.id,
          "tollgate/engagement": ENGAGEMENT.title,
        },
      },
      spec: {
        description: "Block produced to row stored",
        service: "financial-grade-blockchain-data-synchroniser-private-d-00000009",
        indicator: {
          metadata: { name: "sync-delay-indicator-00000001", displayName: "Sync delay" },
          spec: {
            thresholdMetric: {
              metricSource: {
                type: "Tollgate",
                spec: {
                  clauseId: "cmsyncdelay0000000001",
                  clauseVersion: 2,
                  series: "latency",
                  unit: "s",
                  percentile: 99,
                },
              },
            },
          },
        },
        timeWindow: [
          {
            duration: "1M",
            calendar: { startTime: "2026-10-01 00:00:00", timeZone: "Asia/Shanghai" },
            isRolling: false,
          },
        ],
        budgetingMethod: "Timeslices",
        objectives: [
          {
            displayName: "Sync delay: lte 1.5 s",
            op: "lte",
            value: 1.5,
            target: 0.9999,
            timeSliceTarget: 0.99,
            timeSliceWindow: "5m",
          },
        ],
      },
    });
  });

  it("maps ratio clauses to good/total indicators: error rate per slice, availability and integrity per period", () => {
    const [, integrity, availability, errors] = DEMO.map((c) => openSloDocument(ENGAGEMENT, c));
    expect(errors!.spec).toMatchObject({
      budgetingMethod: "Timeslices",
      timeWindow: [{ duration: "1Q", calendar: { startTime: "2026-10-01 00:00:00", timeZone: "Europe/Berlin" } }],
      objectives: [{ target: 0.999999, timeSliceTarget: 0.88, timeSliceWindow: "1m" }],
      indicator: {
        spec: {
          ratioMetric: {
            good: { metricSource: { spec: { series: "requests-without-error" } } },
            total: { metricSource: { spec: { series: "requests" } } },
          },
        },
      },
    });
    expect(errors!.spec.objectives[0]).not.toHaveProperty("op");
    expect(availability!.spec).toMatchObject({
      budgetingMethod: "Occurrences",
      timeWindow: [{ duration: "1Y", calendar: { startTime: "2026-01-01 00:00:00" } }],
      objectives: [{ targetPercent: 99.995 }],
    });
    // 100 % cannot be written as a target (below 1): the strictest one instead
    expect(integrity!.spec.objectives).toEqual([{ displayName: "Data integrity: gte 100 %", target: 0.999999 }]);
  });

  it("derives DNS-1123 labels from any title", () => {
    expect(dnsLabel("Goroutines 协程数", "cmgoroutines000000005")).toBe("goroutines-00000005");
    expect(dnsLabel("数据完整性", "cmintegrity0000000002")).toBe("sla-00000002");
    expect(dnsLabel("Ünïcödé — Latency!", "ID-1")).toBe("unicode-latency-id1");
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.stringMatching(/^[a-z0-9]{1,30}$/), (title, id) => {
        expect(dnsLabel(title, id)).toMatch(DNS_LABEL);
      }),
    );
  });

  it("writes a target that one bad slice in the longest period breaks and no bad slice meets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), (slices) => {
        const target = strictTarget(slices);
        expect(target).toBeLessThan(1);
        expect((slices - 1) / slices).toBeLessThan(target);
      }),
    );
    expect(strictTarget(8940)).toBe(0.9999);
  });
});
