import type { ClauseMeasurements, Span, WindowAggregate } from "../../domain/sla/report";
import { meets, type SlaClauseTerms } from "../../domain/sla/terms";
import { MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { prisma } from "../prisma-client";
import { periodPercentile } from "./period-percentile";
import { computeWindowAggregates, fromEpochMs, type WindowTerms } from "./window-sql";

// What the compliance engine reads for one clause and period, in a few statements: the cached
// window aggregates (plus the windows after the period while an incident that began in it runs
// on), the period's latency percentile over its samples, reported downtime, integrity checks.

/** Windows read at a time while following an incident past the period's end. */
const FOLLOW_CHUNK = 500;

/**
 * The cached windows whose start lies in [from, to), sorted by start. They travel as one JSON row (a year of 5-minute
 * windows is 105,120 rows, which a row-per-window answer spends most of its time decoding); float8 prints its
 * shortest exact form, so the values read back exactly.
 */
async function cachedWindows(clauseId: string, from: number, to: number): Promise<WindowAggregate[]> {
  const [row] = await prisma().$queryRawUnsafe<{ windows: string | null }[]>(
    `SELECT json_agg(json_build_array((extract(epoch FROM "start") * 1000)::bigint, "value", "samples", "errors", "requests"))::text
       AS windows
     FROM "SlaWindow"
     WHERE "clauseId" = $1 AND "start" >= ${fromEpochMs("$2::bigint")} AND "start" < ${fromEpochMs("$3::bigint")}`,
    clauseId,
    from,
    to,
  );
  if (!row?.windows) return [];
  const rows = JSON.parse(row.windows) as [number, number, number, number | null, number | null][];
  // sorted here: an ORDER BY inside the aggregate sorts a year's windows on disk
  rows.sort((a, b) => a[0] - b[0]);
  return rows.map(([start, value, samples, errors, requests]) => ({
    start,
    value,
    samples,
    ...(errors !== null && requests !== null ? { errors, requests } : {}),
  }));
}

/** The clause's cached windows whose start lies in the span, sorted by start. */
export async function readWindows(clauseId: string, span: Span): Promise<WindowAggregate[]> {
  return cachedWindows(clauseId, span.from, span.to);
}

/** The cache holds windows cut by the clause's current terms; a period judged by an earlier version is recomputed. */
async function cacheFits(clauseId: string, terms: WindowTerms): Promise<boolean> {
  const row = await prisma().slaClause.findUnique({
    where: { id: clauseId },
    select: { metric: true, windowMinutes: true, percentile: true },
  });
  if (!row) return false;
  const percentile = row.percentile === null ? null : Number(row.percentile);
  return row.metric === terms.metric && row.windowMinutes === terms.windowMinutes && percentile === terms.percentile;
}

async function windowsFrom(clauseId: string, terms: WindowTerms, fits: boolean, from: number, to: number) {
  if (fits) return cachedWindows(clauseId, from, to);
  return computeWindowAggregates(prisma(), clauseId, terms, { kind: "range", from, to });
}

/**
 * Windows from one before the span to its end, then on past the end while the run of breached windows that reaches
 * the end goes on (an incident belongs to the period it starts in, and counts all its windows).
 */
async function windowsWithIncidentTail(
  clauseId: string,
  terms: SlaClauseTerms,
  span: Span,
  fits: boolean,
  asOf: number,
): Promise<WindowAggregate[]> {
  const minutes = terms.windowMinutes!;
  const length = minutes * MINUTE_MS;
  const windows = await windowsFrom(clauseId, terms, fits, windowStart(span.from, minutes) - length, span.to);
  const breached = (w: WindowAggregate) => !meets(w.value, terms.comparator, terms.target);
  let last = windows.at(-1);
  // windows starting at or after `asOf` are not judged yet (samples dated in the future count later)
  while (last && breached(last) && last.start + length >= span.to && last.start + length < asOf) {
    // a run goes on only through adjacent windows: the next chunk of them is all it can reach
    const from: number = last.start + length;
    const chunk = await windowsFrom(clauseId, terms, fits, from, from + FOLLOW_CHUNK * length);
    let followed = 0;
    for (const window of chunk) {
      if (window.start !== last.start + length || !breached(window)) break;
      windows.push(window);
      last = window;
      followed += 1;
    }
    if (followed < FOLLOW_CHUNK) break;
  }
  return windows;
}

export async function readClauseMeasurements(
  /** `cacheFits`: the caller knows whether the window cache was cut by these terms (read when not given) */
  clause: { id: string; terms: SlaClauseTerms; cacheFits?: boolean },
  span: Span,
  asOf: number,
): Promise<ClauseMeasurements> {
  const { id, terms } = clause;
  if (terms.metric === "availability") {
    const rows = await prisma().slaDowntime.findMany({
      where: { clauseId: id, from: { lt: new Date(span.to) }, to: { gt: new Date(span.from) } },
      select: { from: true, to: true },
      orderBy: { from: "asc" },
    });
    return { kind: "downtime", downtime: rows.map((r) => ({ from: r.from.getTime(), to: r.to.getTime() })) };
  }
  if (terms.metric === "integrity") {
    const rows = await prisma().slaSample.findMany({
      where: { clauseId: id, at: { gte: new Date(span.from), lt: new Date(Math.min(span.to, asOf)) } },
      select: { at: true, value: true },
      orderBy: { at: "asc" },
    });
    return { kind: "checks", checks: rows.map((r) => ({ at: r.at.getTime(), equal: r.value === 1 })) };
  }
  const fits = clause.cacheFits ?? (await cacheFits(id, terms));
  // independent reads: on PostgreSQL they run side by side on two connections
  const [windows, periodValue] = await Promise.all([
    windowsWithIncidentTail(id, terms, span, fits, asOf),
    terms.metric === "latency_percentile" ? periodPercentile(id, terms, span, asOf, fits) : null,
  ]);
  return { kind: "windows", windows, periodValue };
}
