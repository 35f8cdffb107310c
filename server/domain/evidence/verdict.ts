// What every verifier answers, and how thresholds turn figures into a verdict.

export interface CoverageFigure {
  covered: number;
  total: number;
  /** 100 * covered / total, unrounded */
  pct: number;
}

export type Metrics = Record<string, unknown>;

export interface VerifierResult {
  kind: string;
  verdict: "pass" | "fail";
  metrics: Metrics;
  reasons: string[];
}

export function figure(covered: number, total: number): CoverageFigure | undefined {
  return total > 0 ? { covered, total, pct: (100 * covered) / total } : undefined;
}

/** A threshold `metric=value`: coverage passes at or above the value, times at or below it. */
export interface Threshold {
  metric: string;
  value: number;
}

export function parseThreshold(text: string): Threshold | null {
  const match = /^([A-Za-z][\w.-]*)\s*=\s*(-?\d+(?:\.\d+)?)$/.exec(text.trim());
  return match ? { metric: match[1] ?? "", value: Number(match[2]) } : null;
}

const trimmed = (n: number) => Number(n.toFixed(2)).toString();

/** Judges coverage figures against minimum percentages; a metric the report lacks fails clearly. */
export function judgeCoverage(
  kind: string,
  metrics: Record<string, CoverageFigure | undefined>,
  thresholds: readonly Threshold[],
): VerifierResult {
  const reasons: string[] = [];
  for (const threshold of thresholds) {
    const value = metrics[threshold.metric];
    if (!value) reasons.push(`the report has no ${threshold.metric} data to compare with ${trimmed(threshold.value)}%`);
    else if (value.pct < threshold.value)
      reasons.push(`${threshold.metric} coverage ${trimmed(value.pct)}% < ${trimmed(threshold.value)}%`);
  }
  const present = Object.fromEntries(Object.entries(metrics).filter(([, v]) => v !== undefined));
  return { kind, verdict: reasons.length === 0 ? "pass" : "fail", metrics: present, reasons };
}
