import type { GateRequirement } from "../gate";
import { evidenceKindsFor } from "./kinds";
import type { GoBenchCriteria } from "./go-bench-gate";
import type { Threshold } from "./verdict";

/**
 * The thresholds a gate requirement sets for one evidence file, or null when that kind of file
 * cannot satisfy the requirement. Go reports statements, which stand in for a "lines" target.
 */
export function thresholdsForRequirement(requirement: GateRequirement, evidenceKind: string): Threshold[] | null {
  if (!(evidenceKindsFor(requirement.kind) as readonly string[]).includes(evidenceKind)) return null;
  switch (requirement.kind) {
    case "coverage": {
      const metric =
        evidenceKind === "go-cover" &&
        (requirement.params.metric === "lines" || requirement.params.metric === "statements")
          ? "statements"
          : requirement.params.metric;
      return [{ metric, value: requirement.params.minPct }];
    }
    case "junit":
      return [{ metric: "tests", value: requirement.params.minTests }];
    case "go-bench":
      // judged by its criteria (goBenchCriteria), not by name=value thresholds
      return [];
    case "load-test":
      return [
        { metric: requirement.params.percentile, value: requirement.params.maxMs },
        ...(requirement.params.maxErrorPct === undefined
          ? []
          : [{ metric: "errorRatePct", value: requirement.params.maxErrorPct }]),
      ];
    default:
      return [];
  }
}

/** What a go-bench requirement asks of a benchmark file, or undefined for other requirements. */
export function goBenchCriteria(requirement: GateRequirement): GoBenchCriteria | undefined {
  if (requirement.kind !== "go-bench") return undefined;
  const { benchmark, maxNsPerOp, maxBytesPerOp, maxAllocsPerOp, compareToBaseline, maxSlowdownPct } =
    requirement.params;
  return {
    benchmark,
    maxNsPerOp,
    maxBytesPerOp,
    maxAllocsPerOp,
    compareToBaseline,
    maxSlowdownPct: maxSlowdownPct ?? 0,
  };
}
