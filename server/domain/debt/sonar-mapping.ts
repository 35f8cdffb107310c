import type { DebtImpact } from "./item";

// How SonarQube's severities become a debt item's impact, written once: the parser reads it and
// the import form shows it. SonarQube has two scales: the legacy `severity` of an issue and, since
// 10.2, the `impacts` (one severity per software quality). An issue that has impacts is judged by
// them (its highest), the legacy severity only when it has none; a group of issues takes the
// highest impact of its issues.

export const SONAR_LEGACY_SEVERITIES = ["BLOCKER", "CRITICAL", "MAJOR", "MINOR", "INFO"] as const;
export const SONAR_IMPACT_SEVERITIES = ["BLOCKER", "HIGH", "MEDIUM", "LOW", "INFO"] as const;

export type SonarLegacySeverity = (typeof SONAR_LEGACY_SEVERITIES)[number];
export type SonarImpactSeverity = (typeof SONAR_IMPACT_SEVERITIES)[number];

export const SONAR_IMPACT_MAPPING = {
  /** `issues[].severity` (the legacy scale) */
  severity: { BLOCKER: "critical", CRITICAL: "high", MAJOR: "medium", MINOR: "low", INFO: "low" },
  /** `issues[].impacts[].severity` (the software-quality scale) */
  impacts: { BLOCKER: "critical", HIGH: "high", MEDIUM: "medium", LOW: "low", INFO: "low" },
  /** an `api/measures/component` answer carries no severity: its one item starts at this impact */
  measures: "medium",
} as const satisfies {
  severity: Record<SonarLegacySeverity, DebtImpact>;
  impacts: Record<SonarImpactSeverity, DebtImpact>;
  measures: DebtImpact;
};

const RANK: Record<DebtImpact, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function higherImpact(a: DebtImpact, b: DebtImpact): DebtImpact {
  return RANK[a] >= RANK[b] ? a : b;
}
