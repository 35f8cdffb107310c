import type { TechnicalTarget } from "./objective";

// The field guide's built-in library of common translations: a pain the client names, restated as a
// technical target a gate or an SLA clause can measure. Picking one fills in the target and the unit
// its cost is usually counted in; the consultant edits both. The pain and goal words of each entry are
// in the catalogs under objectives.library.<key>.{pain,goal}.

export interface TargetTranslation {
  key: string;
  target: TechnicalTarget;
  /** the unit the pain's cost is usually counted in */
  costUnit: string;
}

export const TARGET_TRANSLATIONS = [
  {
    key: "slow_reports",
    target: { metric: "report_latency", comparator: "lt", value: 800, unit: "ms", percentile: 99 },
    costUnit: "hours/month",
  },
  {
    key: "export_stutters",
    target: { metric: "http_read_timeout", comparator: "lte", value: 2, unit: "s", percentile: null },
    costUnit: "% of exports",
  },
  {
    key: "missing_data",
    target: { metric: "cdc_lag", comparator: "lt", value: 3, unit: "s", percentile: 95 },
    costUnit: "hours of delay",
  },
  {
    key: "service_down",
    target: { metric: "availability", comparator: "gte", value: 99.9, unit: "%", percentile: null },
    costUnit: "hours/month",
  },
  {
    key: "submit_errors",
    target: { metric: "error_rate", comparator: "lte", value: 0.1, unit: "%", percentile: null },
    costUnit: "% of submissions",
  },
  {
    key: "releases_break",
    target: { metric: "line_coverage", comparator: "gte", value: 80, unit: "%", percentile: null },
    costUnit: "incidents/quarter",
  },
  {
    key: "flaky_builds",
    target: { metric: "test_pass_rate", comparator: "eq", value: 100, unit: "%", percentile: null },
    costUnit: "hours/month",
  },
] as const satisfies readonly TargetTranslation[];

export type TargetTranslationKey = (typeof TARGET_TRANSLATIONS)[number]["key"];

/** The library entry with this key, or null (a stored key the library no longer has). */
export function translationFor(key: string): (typeof TARGET_TRANSLATIONS)[number] | null {
  return TARGET_TRANSLATIONS.find((entry) => entry.key === key) ?? null;
}
