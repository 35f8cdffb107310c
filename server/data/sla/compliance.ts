import { evaluateClause } from "../../domain/sla/evaluate";
import { parsePeriodKey, PeriodKeyError, periodSpan, type PeriodKey } from "../../domain/sla/period";
import type { EngagementSlaReport, Span } from "../../domain/sla/report";
import { ZSlaClauseTerms, type SlaClauseTerms } from "../../domain/sla/terms";
import { visibleEngagement } from "../engagement/visible";
import { prisma } from "../prisma-client";
import { DataRefusal } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { getSlaClause, termsOfRow } from "./clauses";
import { readClauseMeasurements, readWindows } from "./measurements-read";

// An engagement's SLA compliance for one period, computed from the stored measurements on every
// request (the per-window aggregates are kept current as measurements arrive). Each clause is judged
// in its own time zone by the version of its terms in force at the period's end.

/** The period key, or the refusal a caller can act on. */
export function readPeriodKey(key: string): PeriodKey {
  try {
    return parsePeriodKey(key);
  } catch (error) {
    if (error instanceof PeriodKeyError) throw new DataRefusal("INVALID_PERIOD", [error.message]);
    throw error;
  }
}

interface VersionRow {
  version: number;
  terms: SlaClauseTerms;
  effectiveFrom: Date;
}

/** The version in force at the end of the span: the latest that started before it, else the first. */
export function versionInForce(versions: VersionRow[], span: Span): VersionRow | undefined {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const started = sorted.filter((v) => v.effectiveFrom.getTime() < span.to);
  return started.at(-1) ?? sorted[0];
}

export async function engagementCompliance(
  scope: OrgScope | ClientScope,
  engagementId: string,
  periodKey: string,
  now = new Date(),
): Promise<EngagementSlaReport> {
  const period = readPeriodKey(periodKey);
  const engagement = await visibleEngagement(scope, engagementId);
  const clauses = await prisma().slaClause.findMany({
    where: { engagementId, organisationId: scope.organisationId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { versions: { select: { version: true, terms: true, effectiveFrom: true } } },
  });
  const results = [];
  for (const clause of clauses) {
    const current = termsOfRow(clause);
    const versions = clause.versions.map((v) => ({ ...v, terms: ZSlaClauseTerms.parse(v.terms) }));
    const roughSpan = periodSpan(period.key, current.timezone);
    const inForce = versionInForce(versions, roughSpan) ?? { version: clause.version, terms: current };
    const span = periodSpan(period.key, inForce.terms.timezone);
    // a clause retired before the period began has nothing to say about it (one entered late still
    // judges the periods before it: a contract often starts before its clauses are recorded)
    if (clause.retiredAt && clause.retiredAt.getTime() <= span.from) continue;
    const asOf = now.getTime();
    // the window cache is cut by the current terms' windows; an earlier version's are computed from the samples
    const cacheFits =
      inForce.terms.metric === current.metric &&
      inForce.terms.windowMinutes === current.windowMinutes &&
      inForce.terms.percentile === current.percentile;
    const measurements = await readClauseMeasurements({ id: clause.id, terms: inForce.terms, cacheFits }, span, asOf);
    results.push(
      evaluateClause({
        id: clause.id,
        version: inForce.version,
        terms: inForce.terms,
        periodKey: period.key,
        span,
        asOf,
        measurements,
      }),
    );
  }
  return {
    engagementId,
    period: period.key,
    currency: engagement.currency,
    clauses: results,
    totalCreditMinor: results.reduce((sum, clause) => sum + (clause.creditApplies ? clause.creditMinor : 0), 0),
  };
}

/** A clause's window values over the period for a chart: at most `maxPoints`, the worst value of each bucket kept. */
export async function clauseWindowSeries(
  scope: OrgScope | ClientScope,
  clauseId: string,
  periodKey: string,
  maxPoints = 2000,
): Promise<{ start: string; value: number }[]> {
  const clause = await getSlaClause(scope, clauseId);
  const span = periodSpan(readPeriodKey(periodKey).key, clause.timezone);
  const windows = (await readWindows(clauseId, span)).filter((w) => w.start >= span.from && w.start < span.to);
  const size = Math.max(1, Math.ceil(windows.length / Math.max(1, maxPoints)));
  const worse = (a: number, b: number) => (clause.comparator.startsWith("g") ? Math.min(a, b) : Math.max(a, b));
  const series: { start: string; value: number }[] = [];
  for (let i = 0; i < windows.length; i += size) {
    const bucket = windows.slice(i, i + size);
    series.push({
      start: new Date(bucket[0]!.start).toISOString(),
      value: bucket.map((w) => w.value).reduce(worse),
    });
  }
  return series;
}
