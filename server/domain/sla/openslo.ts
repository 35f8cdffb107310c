import { DateTime } from "luxon";
import { Document } from "yaml";
import { periodKeyOf, periodSpan } from "./period";
import type { SlaClauseTerms, SlaPeriodKind } from "./terms";

// An engagement's active SLA clauses as OpenSLO v1 `kind: SLO` documents (one per clause, one
// multi-document YAML file), for tools that read SLOs. The mapping:
// - per-window metrics are Timeslices SLOs with the clause's window as the time slice; latency and
//   gauges use a thresholdMetric (a slice is good when the share of its samples meeting the target
//   is at least timeSliceTarget: p/100 for a percentile, all of them for a maximum, which is the
//   clause's own judgement for ≤ and <), error rate a ratio of good requests to all requests;
// - availability and integrity are Occurrences SLOs over good/total minutes or checks;
// - the time window is the clause's calendar period in its zone.
// A clause demands every window (or check) be good, but OpenSLO's target is below 1: the target
// written is the largest 1 - 10^-k that one bad slice in the longest period already breaks.

export interface OpenSloClause {
  id: string;
  version: number;
  createdAt: string;
  terms: SlaClauseTerms;
}

export interface OpenSloSource {
  engagement: { id: string; title: string };
  clauses: OpenSloClause[];
}

const DNS_LABEL_MAX = 63;
const DISPLAY_NAME_MAX = 63;
const SOURCE_TYPE = "Tollgate";
const DURATION: Record<SlaPeriodKind, string> = { month: "1M", quarter: "1Q", year: "1Y" };
/** the longest period of each kind in minutes, with an hour for a daylight-saving change */
const LONGEST_PERIOD_MINUTES: Record<SlaPeriodKind, number> = {
  month: 31 * 1440 + 60,
  quarter: 92 * 1440 + 60,
  year: 366 * 1440 + 60,
};
/** checks per period assumed when an integrity clause demands every check match */
const CHECKS_BOUND = 999_999;

/** A DNS-1123 label (RFC 1123, at most 63 characters): the text's ASCII words and the id's last 8 characters. */
export function dnsLabel(text: string, id: string): string {
  const short = id
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(-8);
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, DNS_LABEL_MAX - short.length - 1)
    .replace(/-+$/, "");
  return [slug || "sla", short].filter(Boolean).join("-");
}

const displayName = (text: string) =>
  [...text].length > DISPLAY_NAME_MAX ? `${[...text].slice(0, DISPLAY_NAME_MAX - 1).join("")}…` : text;

/** 1 - 10^-k for the fewest digits k with 10^k above `slices`: one bad slice out of `slices` falls short of it. */
export function strictTarget(slices: number): number {
  const digits = String(Math.max(1, Math.ceil(slices))).length;
  return Number((1 - 10 ** -digits).toFixed(digits));
}

const share = (percent: number) => Number((percent / 100).toFixed(12));

function calendarStart(terms: SlaClauseTerms, createdAt: string): string {
  const key = periodKeyOf(terms.period, Date.parse(createdAt), terms.timezone);
  return DateTime.fromMillis(periodSpan(key, terms.timezone).from, { zone: terms.timezone }).toFormat(
    "yyyy-MM-dd HH:mm:ss",
  );
}

function source(clause: OpenSloClause, series: string, extra: Record<string, unknown> = {}) {
  return {
    metricSource: {
      type: SOURCE_TYPE,
      spec: { clauseId: clause.id, clauseVersion: clause.version, series, ...extra },
    },
  };
}

const errorCeiling = (terms: SlaClauseTerms) => terms.comparator === "lte" || terms.comparator === "lt";

function indicatorSpec(clause: OpenSloClause) {
  const { terms } = clause;
  switch (terms.metric) {
    case "latency_percentile":
      return { thresholdMetric: source(clause, "latency", { unit: terms.unit, percentile: terms.percentile }) };
    case "gauge_max":
      return { thresholdMetric: source(clause, "gauge", { unit: terms.unit }) };
    case "error_rate":
      // a ceiling on errors counts the requests without one as good; a floor (rare) the failed ones
      return {
        ratioMetric: {
          counter: false,
          good: source(clause, errorCeiling(terms) ? "requests-without-error" : "requests-with-error"),
          total: source(clause, "requests"),
        },
      };
    case "availability":
      return {
        ratioMetric: {
          counter: false,
          good: source(clause, "minutes-up"),
          total: source(clause, "minutes-outside-exclusions"),
        },
      };
    case "integrity":
      return {
        ratioMetric: { counter: false, good: source(clause, "checks-matching"), total: source(clause, "checks") },
      };
  }
}

function objective(terms: SlaClauseTerms): Record<string, unknown> {
  const name = displayName(`${terms.title}: ${terms.comparator} ${terms.target} ${terms.unit}`);
  if (terms.windowMinutes === null) {
    const checks = terms.metric === "integrity" ? CHECKS_BOUND : LONGEST_PERIOD_MINUTES[terms.period];
    return terms.target < 100
      ? { displayName: name, targetPercent: terms.target }
      : { displayName: name, target: strictTarget(checks) };
  }
  const slices = LONGEST_PERIOD_MINUTES[terms.period] / terms.windowMinutes;
  const sliceTarget =
    terms.metric === "latency_percentile"
      ? share(terms.percentile ?? 100)
      : terms.metric === "error_rate"
        ? share(errorCeiling(terms) ? 100 - terms.target : terms.target)
        : 1;
  return {
    displayName: name,
    ...(terms.metric === "error_rate" ? {} : { op: terms.comparator, value: terms.target }),
    target: strictTarget(slices),
    timeSliceTarget: sliceTarget,
    timeSliceWindow: `${terms.windowMinutes}m`,
  };
}

/** One OpenSLO v1 SLO object for a clause. */
export function openSloDocument(engagement: OpenSloSource["engagement"], clause: OpenSloClause) {
  const { terms } = clause;
  const name = dnsLabel(terms.title, clause.id);
  return {
    apiVersion: "openslo/v1",
    kind: "SLO",
    metadata: {
      name,
      displayName: displayName(terms.title),
      annotations: {
        "tollgate/clause-id": clause.id,
        "tollgate/clause-version": String(clause.version),
        "tollgate/engagement-id": engagement.id,
        "tollgate/engagement": engagement.title,
      },
    },
    spec: {
      ...(terms.measurementMethod ? { description: terms.measurementMethod } : {}),
      service: dnsLabel(engagement.title, engagement.id),
      indicator: {
        metadata: { name: dnsLabel(`${terms.title} indicator`, clause.id), displayName: displayName(terms.title) },
        spec: indicatorSpec(clause),
      },
      timeWindow: [
        {
          duration: DURATION[terms.period],
          calendar: { startTime: calendarStart(terms, clause.createdAt), timeZone: terms.timezone },
          isRolling: false,
        },
      ],
      budgetingMethod: terms.windowMinutes === null ? "Occurrences" : "Timeslices",
      objectives: [objective(terms)],
    },
  };
}

/** Every clause's SLO as one multi-document YAML text. */
export function openSloYaml(source: OpenSloSource): string {
  return source.clauses
    .map((clause) => `---\n${new Document(openSloDocument(source.engagement, clause)).toString({ lineWidth: 0 })}`)
    .join("");
}
