import { describe, expect, it } from "vitest";
import type { TechnicalTarget } from "./objective";
import { actualFromClause, actualFromVerification, convertUnit, objectiveVerdict } from "./verdict";

const target = (over: Partial<TechnicalTarget>): TechnicalTarget => ({
  metric: "report_latency",
  comparator: "lt",
  value: 800,
  unit: "ms",
  percentile: null,
  ...over,
});

describe("convertUnit", () => {
  it("converts between time units exactly enough to compare", () => {
    expect(convertUnit(2000, "ms", "s")).toBe(2);
    expect(convertUnit(75711, "ns", "ms")).toBe(0.075711);
    expect(convertUnit(1.5, "s", "ms")).toBe(1500);
    expect(convertUnit(3, "µs", "ns")).toBe(3000);
    expect(convertUnit(3, "us", "µs")).toBe(3);
    expect(convertUnit(90, "min", "h")).toBe(1.5);
    expect(convertUnit(1, "d", "h")).toBe(24);
    expect(convertUnit(0.1, "s", "ms")).toBe(100);
  });

  it("keeps a figure in the same unit and refuses units that do not convert", () => {
    expect(convertUnit(87.5, "%", "%")).toBe(87.5);
    expect(convertUnit(12, "Rows", "rows")).toBe(12);
    expect(convertUnit(12, "%", "ms")).toBeNull();
    expect(convertUnit(12, "MB", "ms")).toBeNull();
    expect(convertUnit(Number.NaN, "ms", "ms")).toBeNull();
  });
});

describe("objectiveVerdict", () => {
  it("reads every comparator, with no data when there is no actual", () => {
    expect(objectiveVerdict(target({ comparator: "lt" }), 799)).toBe("met");
    expect(objectiveVerdict(target({ comparator: "lt" }), 800)).toBe("not_met");
    expect(objectiveVerdict(target({ comparator: "lte" }), 800)).toBe("met");
    expect(objectiveVerdict(target({ comparator: "lte" }), 800.1)).toBe("not_met");
    expect(objectiveVerdict(target({ comparator: "gte", value: 99.9, unit: "%" }), 99.9)).toBe("met");
    expect(objectiveVerdict(target({ comparator: "gte", value: 99.9, unit: "%" }), 99.89)).toBe("not_met");
    expect(objectiveVerdict(target({ comparator: "gt", value: 80 }), 80)).toBe("not_met");
    expect(objectiveVerdict(target({ comparator: "gt", value: 80 }), 80.01)).toBe("met");
    expect(objectiveVerdict(target({}), null)).toBe("no_data");
  });

  it("counts a figure equal up to rounding as equal", () => {
    expect(objectiveVerdict(target({ comparator: "eq", value: 100, unit: "%" }), 100)).toBe("met");
    expect(objectiveVerdict(target({ comparator: "eq", value: 0.3 }), 0.1 + 0.2)).toBe("met");
    expect(objectiveVerdict(target({ comparator: "eq", value: 100 }), 99.99)).toBe("not_met");
    expect(objectiveVerdict(target({ comparator: "lte", value: 0.3 }), 0.1 + 0.2)).toBe("met");
  });
});

describe("actualFromVerification", () => {
  it("reads a coverage report's metric the requirement names", () => {
    const metrics = { lines: { covered: 875, total: 1000, pct: 87.5 }, branches: { covered: 1, total: 2, pct: 50 } };
    const coverage = target({ metric: "line_coverage", comparator: "gte", value: 80, unit: "%" });
    expect(
      actualFromVerification(
        { kind: "coverage", params: { metric: "lines", minPct: 85 } },
        { verifierKind: "lcov", metrics },
        coverage,
      ),
    ).toEqual({ value: 87.5, detail: "lines coverage 87.5 %" });
    expect(
      actualFromVerification(
        { kind: "coverage", params: { metric: "branches" } },
        { verifierKind: "lcov", metrics },
        coverage,
      )?.value,
    ).toBe(50);
    const goCover = { statements: { covered: 9, total: 10, pct: 90 } };
    expect(
      actualFromVerification({ kind: "coverage", params: {} }, { verifierKind: "go-cover", metrics: goCover }, coverage)
        ?.value,
    ).toBe(90);
  });

  it("reads a load test's latency at the target's percentile, or its error rate", () => {
    const metrics = { requests: 1000, latencyMs: { p95: 420, p99: 910.5 }, errorRatePct: 0.25 };
    const load = { kind: "load-test", params: { percentile: "p95", maxMs: 800 } };
    expect(actualFromVerification(load, { verifierKind: "k6", metrics }, target({ percentile: 99 }))).toEqual({
      value: 910.5,
      detail: "p99 latency 910.5 ms",
    });
    expect(actualFromVerification(load, { verifierKind: "k6", metrics }, target({ unit: "s" }))?.value).toBe(0.42);
    expect(
      actualFromVerification(load, { verifierKind: "jmeter", metrics }, target({ metric: "error_rate", unit: "%" }))
        ?.value,
    ).toBe(0.25);
    expect(actualFromVerification(load, { verifierKind: "k6", metrics }, target({ percentile: 50 }))).toBeNull();
  });

  it("reads the requirement's Go benchmark median in the target's unit", () => {
    const metrics = {
      benchmarks: [
        { name: "BenchmarkOther-2", runs: 6, nsPerOp: { median: 10, min: 9, max: 11 } },
        { name: "BenchmarkSyncBlock-2", runs: 6, nsPerOp: { median: 75711, min: 72044, max: 78677 } },
      ],
    };
    const bench = { kind: "go-bench", params: { benchmark: "SyncBlock", compareToBaseline: true } };
    expect(actualFromVerification(bench, { verifierKind: "go-bench", metrics }, target({}))).toEqual({
      value: 0.075711,
      detail: "BenchmarkSyncBlock-2 median 75711 ns/op",
    });
    const missing = { kind: "go-bench", params: { benchmark: "BenchmarkNone" } };
    expect(actualFromVerification(missing, { verifierKind: "go-bench", metrics }, target({}))).toBeNull();
    expect(actualFromVerification(bench, { verifierKind: "go-bench", metrics }, target({ unit: "%" }))).toBeNull();
  });

  it("reads a JUnit report's pass rate", () => {
    const metrics = { tests: 8, failures: 0, errors: 0, skipped: 1, passed: 7 };
    const passRate = target({ metric: "test_pass_rate", comparator: "eq", value: 100, unit: "%" });
    expect(actualFromVerification({ kind: "junit", params: {} }, { verifierKind: "junit", metrics }, passRate)).toEqual(
      { value: 87.5, detail: "7 of 8 tests passed" },
    );
    expect(
      actualFromVerification({ kind: "junit", params: {} }, { verifierKind: "junit", metrics: { tests: 0 } }, passRate),
    ).toBeNull();
  });

  it("has nothing to say for kinds without a figure or malformed metrics", () => {
    expect(
      actualFromVerification({ kind: "sha256", params: {} }, { verifierKind: "sha256", metrics: {} }, target({})),
    ).toBeNull();
    expect(
      actualFromVerification({ kind: "coverage", params: null }, { verifierKind: "lcov", metrics: "junk" }, target({})),
    ).toBeNull();
  });
});

describe("actualFromClause", () => {
  it("converts the clause's measured value to the target's unit", () => {
    const clause = { title: "Sync delay", unit: "s", periodKey: "2026-11" };
    expect(actualFromClause(clause, 2.12, target({ unit: "ms" }))).toEqual({
      value: 2120,
      detail: "Sync delay 2026-11: 2.12 s",
    });
    expect(actualFromClause(clause, null, target({}))).toBeNull();
    expect(actualFromClause(clause, 2, target({ unit: "%" }))).toBeNull();
  });
});
