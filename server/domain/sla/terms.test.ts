import { describe, expect, it } from "vitest";
import { ZSlaClauseTerms, type SlaClauseTermsInput } from "./terms";

const latency: SlaClauseTermsInput = {
  title: "Sync delay",
  metric: "latency_percentile",
  percentile: 99.9,
  comparator: "lte",
  target: 1.5,
  unit: "s",
  windowMinutes: 5,
  period: "month",
  timezone: "Asia/Shanghai",
  credit: { type: "per_incident", perBreachedWindowMinor: 200_000, capPerIncidentMinor: 8_500_000 },
};

const problems = (terms: SlaClauseTermsInput) => {
  const parsed = ZSlaClauseTerms.safeParse(terms);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("SLA clause terms", () => {
  it("accept the field guide's latency clause", () => {
    expect(problems(latency)).toEqual([]);
  });

  it("keep only figures the database stores exactly", () => {
    expect(problems({ ...latency, percentile: 0.00001 })).toEqual(["percentile: at most 4 decimal places"]);
    expect(problems({ ...latency, target: 0.0000001 })).toEqual(["target: at most 6 decimal places"]);
    expect(problems({ ...latency, target: 1e15 })).toEqual(["target: under 1e14 in size"]);
    expect(problems({ ...latency, target: 99.999999 })).toEqual([]);
  });

  it("name each term that does not fit the metric", () => {
    expect(problems({ ...latency, metric: "availability", unit: "%" }).sort()).toEqual([
      "credit: availability has no windows, so no incidents: use a tiered credit",
      "percentile: only a latency clause has a percentile",
      "windowMinutes: availability is judged over the period; it has no window",
    ]);
    expect(problems({ ...latency, percentile: null })).toEqual([
      "percentile: a latency clause names its percentile, e.g. 99",
    ]);
    expect(problems({ ...latency, timezone: "Mars/Base" })).toEqual([
      "timezone: an IANA time zone, e.g. Asia/Shanghai",
    ]);
  });
});
