import type { GateRequirement } from "../gate";
import { evidenceKindsFor } from "../gate-evaluation";
import type { Threshold } from "./verdict";

/**
 * The thresholds a gate requirement sets for one evidence file, or null when that kind of file
 * cannot satisfy the requirement. Go reports statements, which stand in for a "lines" target.
 */
export function thresholdsForRequirement(requirement: GateRequirement, evidenceKind: string): Threshold[] | null {
  if (!evidenceKindsFor(requirement.kind).includes(evidenceKind)) return null;
  switch (requirement.kind) {
    case "coverage": {
      const metric = evidenceKind === "go-cover" && (requirement.params.metric === "lines" || requirement.params.metric === "statements") ? "statements" : requirement.params.metric;
      return [{ metric, value: requirement.params.minPct }];
    }
    case "junit":
      return [{ metric: "tests", value: requirement.params.minTests }];
    case "go-bench":
      return requirement.params.maxNsPerOp === undefined ? [] : [{ metric: requirement.params.benchmark, value: requirement.params.maxNsPerOp }];
    case "load-test":
      return [
        { metric: requirement.params.percentile, value: requirement.params.maxMs },
        ...(requirement.params.maxErrorPct === undefined ? [] : [{ metric: "errorRatePct", value: requirement.params.maxErrorPct }]),
      ];
    default:
      return [];
  }
}
