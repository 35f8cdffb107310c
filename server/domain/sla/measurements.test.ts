import { describe, expect, it } from "vitest";
import {
  checkMeasurements,
  exceedsItemLimit,
  measurementExtent,
  measurementKindOf,
  ZMeasurementEnvelope,
} from "./measurements";

const envelope = (body: Record<string, unknown>) =>
  ZMeasurementEnvelope.parse({ clauseId: "clause-1", idempotencyKey: "batch-0001", ...body });

describe("checkMeasurements", () => {
  it("turns latency samples into epoch milliseconds, whatever the offset", () => {
    const checked = checkMeasurements(
      "latency_percentile",
      envelope({
        samples: [
          { at: "2026-11-03T10:00:00Z", value: 1200.5 },
          { at: "2026-11-03T18:00:00.250+08:00", value: 0 },
        ],
      }),
    );
    expect(checked).toEqual({
      ok: true,
      measurements: {
        kind: "values",
        samples: [
          { at: Date.UTC(2026, 10, 3, 10), value: 1200.5 },
          { at: Date.UTC(2026, 10, 3, 10, 0, 0, 250), value: 0 },
        ],
      },
    });
  });

  it("names the first bad item and only that one", () => {
    const samples = Array.from({ length: 20 }, (_, i) => ({ at: "2026-11-03T10:00:00Z", value: i as unknown }));
    samples[12]!.value = "slow";
    samples[14]!.value = null;
    expect(checkMeasurements("gauge_max", envelope({ samples }))).toEqual({
      ok: false,
      reasons: ["samples[12].value: expected a finite number"],
    });
  });

  it("refuses times without an offset, error counts above requests, fractions and negatives", () => {
    const reasonOf = (metric: Parameters<typeof checkMeasurements>[0], body: Record<string, unknown>) => {
      const checked = checkMeasurements(metric, envelope(body));
      return checked.ok ? null : checked.reasons[0];
    };
    expect(reasonOf("latency_percentile", { samples: [{ at: "2026-11-03T10:00:00", value: 1 }] })).toBe(
      "samples[0].at: expected an ISO-8601 time with an offset, e.g. 2026-11-03T10:00:00Z",
    );
    const at = "2026-11-03T10:00:00Z";
    expect(reasonOf("error_rate", { samples: [{ at, errors: 3, requests: 2 }] })).toBe(
      "samples[0].errors: expected errors <= requests",
    );
    expect(reasonOf("error_rate", { samples: [{ at, errors: 1.5, requests: 2 }] })).toBe(
      "samples[0].errors: expected an integer >= 0",
    );
    expect(reasonOf("error_rate", { samples: [{ at, errors: 0, requests: -1 }] })).toBe(
      "samples[0].requests: expected an integer >= 0",
    );
    expect(reasonOf("availability", { downtime: [{ from: at, to: at }] })).toBe(
      "downtime[0].to: expected to after from",
    );
    expect(reasonOf("integrity", { checks: [{ at, expected: "", observed: "ab" }] })).toBe(
      "checks[0].expected: expected a non-empty string",
    );
  });

  it("refuses a list that does not fit the clause's metric", () => {
    expect(checkMeasurements("availability", envelope({ samples: [] }))).toEqual({
      ok: false,
      reasons: ["samples: a availability clause takes downtime [{from, to}]"],
    });
  });

  it("keeps digests as written and error counts as integers", () => {
    const at = "2026-11-03T10:00:00Z";
    expect(checkMeasurements("integrity", envelope({ checks: [{ at, expected: "ab", observed: "ac" }] }))).toEqual({
      ok: true,
      measurements: { kind: "checks", checks: [{ at: Date.parse(at), expected: "ab", observed: "ac" }] },
    });
    expect(checkMeasurements("error_rate", envelope({ samples: [{ at, errors: 0, requests: 0 }] }))).toEqual({
      ok: true,
      measurements: { kind: "error_rate", samples: [{ at: Date.parse(at), errors: 0, requests: 0 }] },
    });
  });
});

describe("the envelope", () => {
  it("takes exactly one list and a well-formed key", () => {
    const base = { clauseId: "clause-1", idempotencyKey: "batch-0001" };
    expect(ZMeasurementEnvelope.safeParse({ ...base }).success).toBe(false);
    expect(ZMeasurementEnvelope.safeParse({ ...base, samples: [], checks: [] }).success).toBe(false);
    expect(ZMeasurementEnvelope.safeParse({ ...base, idempotencyKey: "short", samples: [] }).success).toBe(false);
    expect(ZMeasurementEnvelope.safeParse({ ...base, samples: [], extra: 1 }).success).toBe(false);
  });

  it("counts items against the limit of 100,000", () => {
    expect(exceedsItemLimit(envelope({ samples: new Array(100_000).fill({}) }))).toBe(false);
    expect(exceedsItemLimit(envelope({ downtime: new Array(100_001).fill({}) }))).toBe(true);
  });
});

describe("measurementExtent and measurementKindOf", () => {
  it("spans from the first instant to the last, downtime from its first start to its last end", () => {
    expect(
      measurementExtent({
        kind: "values",
        samples: [
          { at: 30, value: 1 },
          { at: 10, value: 2 },
        ],
      }),
    ).toEqual({
      count: 2,
      span: { from: 10, to: 30 },
    });
    expect(
      measurementExtent({
        kind: "downtime",
        downtime: [
          { from: 5, to: 9 },
          { from: 1, to: 3 },
        ],
      }),
    ).toEqual({
      count: 2,
      span: { from: 1, to: 9 },
    });
    expect(measurementExtent({ kind: "checks", checks: [] })).toEqual({ count: 0, span: null });
  });

  it("maps each metric to the measurements it takes", () => {
    expect(measurementKindOf("latency_percentile")).toBe("values");
    expect(measurementKindOf("gauge_max")).toBe("values");
    expect(measurementKindOf("error_rate")).toBe("error_rate");
    expect(measurementKindOf("availability")).toBe("downtime");
    expect(measurementKindOf("integrity")).toBe("checks");
  });
});
