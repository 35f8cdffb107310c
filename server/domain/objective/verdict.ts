import { benchmarkKey } from "../evidence/go-bench";
import type { ObjectiveVerdict, TechnicalTarget } from "./objective";

// An objective's actual and its verdict. The actual is read from the newest passing verification of
// the linked gate requirement (or an SLA clause's measured value) and converted to the target's unit;
// a figure that cannot be converted is no data, never a wrong verdict.

/** Time units and their length in nanoseconds. */
const TIME_UNITS: Record<string, number> = {
  ns: 1,
  µs: 1e3,
  μs: 1e3,
  us: 1e3,
  ms: 1e6,
  s: 1e9,
  sec: 1e9,
  min: 60e9,
  h: 3600e9,
  d: 86_400e9,
};

/** Kept to 12 significant digits, so 2000 ms reads back as exactly 2 s. */
const tidy = (value: number) => Number(value.toPrecision(12));

const normalUnit = (unit: string) => unit.trim().toLowerCase();

/** `value` in `from` expressed in `to`; null when the two units do not convert. */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (!Number.isFinite(value)) return null;
  const a = normalUnit(from);
  const b = normalUnit(to);
  if (a === b) return value;
  const fromNs = TIME_UNITS[a];
  const toNs = TIME_UNITS[b];
  if (fromNs === undefined || toNs === undefined) return null;
  return tidy((value * fromNs) / toNs);
}

/** Room for the rounding of a converted or decimal figure: an equal figure is equal. */
const tolerance = (value: number) => 1e-9 * Math.max(1, Math.abs(value));

export function objectiveVerdict(target: TechnicalTarget, actual: number | null): ObjectiveVerdict {
  if (actual === null || !Number.isFinite(actual)) return "no_data";
  const slack = tolerance(target.value);
  const met = {
    lte: actual <= target.value + slack,
    lt: actual < target.value - slack,
    gte: actual >= target.value - slack,
    gt: actual > target.value + slack,
    eq: Math.abs(actual - target.value) <= slack,
  }[target.comparator];
  return met ? "met" : "not_met";
}

export interface ObjectiveActual {
  value: number;
  /** what the figure is, e.g. "BenchmarkSyncBlock median 75711 ns/op" */
  detail: string;
}

const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const finite = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);
const shown = (value: number) => String(tidy(value));

function converted(value: number | null, unit: string, target: TechnicalTarget, detail: string) {
  if (value === null) return null;
  const inTarget = convertUnit(value, unit, target.unit);
  return inTarget === null ? null : { value: inTarget, detail };
}

function coverageActual(params: Record<string, unknown>, metrics: Record<string, unknown>, target: TechnicalTarget) {
  const named = typeof params.metric === "string" ? params.metric : "lines";
  // Go's cover profile counts statements only: it stands for lines there
  const metric = [named, "lines", "statements"].find((name) => finite(record(metrics[name]).pct) !== null);
  if (!metric) return null;
  const pct = finite(record(metrics[metric]).pct)!;
  return converted(pct, "%", target, `${metric} coverage ${shown(pct)} %`);
}

function loadTestActual(params: Record<string, unknown>, metrics: Record<string, unknown>, target: TechnicalTarget) {
  if (normalUnit(target.unit) === "%") {
    const rate = finite(metrics.errorRatePct);
    return converted(rate, "%", target, `error rate ${rate === null ? "" : shown(rate)} %`);
  }
  const stat =
    target.percentile !== null
      ? `p${target.percentile}`
      : typeof params.percentile === "string"
        ? params.percentile
        : "";
  const latency = finite(record(metrics.latencyMs)[stat]);
  return converted(latency, "ms", target, `${stat} latency ${latency === null ? "" : shown(latency)} ms`);
}

function goBenchActual(params: Record<string, unknown>, metrics: Record<string, unknown>, target: TechnicalTarget) {
  if (typeof params.benchmark !== "string") return null;
  const wanted = benchmarkKey(params.benchmark);
  const benchmarks = Array.isArray(metrics.benchmarks) ? metrics.benchmarks.map(record) : [];
  const found = benchmarks.find((b) => typeof b.name === "string" && benchmarkKey(b.name) === wanted);
  if (!found) return null;
  const median = finite(record(found.nsPerOp).median);
  return converted(median, "ns", target, `${String(found.name)} median ${median === null ? "" : shown(median)} ns/op`);
}

function junitActual(metrics: Record<string, unknown>, target: TechnicalTarget) {
  const tests = finite(metrics.tests);
  const passed = finite(metrics.passed);
  if (tests === null || passed === null || tests <= 0) return null;
  const rate = tidy((100 * passed) / tests);
  return converted(rate, "%", target, `${passed} of ${tests} tests passed`);
}

/**
 * The actual a passing verification of a requirement shows, in the target's unit: coverage (the
 * requirement's metric, %), load test (the target's percentile in ms, or the error rate for a %
 * target), Go benchmark (the requirement's benchmark median ns/op), JUnit (the pass rate, %).
 * Null when the verification holds no figure that converts to the target's unit.
 */
export function actualFromVerification(
  requirement: { kind: string; params: unknown },
  verification: { verifierKind: string; metrics: unknown },
  target: TechnicalTarget,
): ObjectiveActual | null {
  const params = record(requirement.params);
  const metrics = record(verification.metrics);
  switch (requirement.kind) {
    case "coverage":
      return coverageActual(params, metrics, target);
    case "load-test":
      return loadTestActual(params, metrics, target);
    case "go-bench":
      return goBenchActual(params, metrics, target);
    case "junit":
      return junitActual(metrics, target);
    default:
      return null;
  }
}

/** An SLA clause's measured value over a period, in the target's unit. */
export function actualFromClause(
  clause: { title: string; unit: string; periodKey: string },
  value: number | null,
  target: TechnicalTarget,
): ObjectiveActual | null {
  if (value === null) return null;
  return converted(value, clause.unit, target, `${clause.title} ${clause.periodKey}: ${shown(value)} ${clause.unit}`);
}
