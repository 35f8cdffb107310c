import { exactDecimal } from "../../domain/sla/decimal";
import type { WindowAggregate } from "../../domain/sla/report";
import type { SlaClauseTerms } from "../../domain/sla/terms";
import { MINUTE_MS } from "../../domain/sla/windows";
import type { Tx } from "../prisma-client";

// The per-window aggregates in SQL, equal to the domain's definition (server/domain/sla/windows.ts):
// windows aligned to multiples of windowMinutes since the epoch; latency = the value at the nearest
// rank ceil(p/100 x n), computed in integer arithmetic on p's exact decimal as the domain does
// (percentile_disc works in floats, and 7% of 100 samples would be its rank 8); error rate =
// 100 x sum(errors) / sum(requests) in float8 (no requests: no window); gauge = max(value).

export const EPOCH = `timestamptz '1970-01-01 00:00:00+00'`;

/** SQL for an epoch-ms bigint expression as a timestamptz. */
export const fromEpochMs = (expression: string) => `(${EPOCH} + (${expression}) * interval '1 millisecond')`;

/** Epoch ms as one text parameter ("1,2,3"), read back with `string_to_array($n, ',')::bigint[]`. */
export const numberList = (values: readonly number[]): string => values.join(",");

export type WindowTerms = Pick<SlaClauseTerms, "metric" | "percentile" | "windowMinutes">;

/** Which windows to aggregate: these starts, all the clause's, or those whose start lies in [from, to). */
export type WindowSet =
  { kind: "starts"; starts: number[] } | { kind: "all" } | { kind: "range"; from: number; to: number };

/**
 * The samples of the windows in `set`, each with its window's start. Touched windows are joined by range (an index
 * scan each); a whole clause or a range is one pass that bins each sample (a join would match every window
 * against every sample's range).
 */
function samplesOf(set: WindowSet, lengthMs: number): { sql: string; params: unknown[] } {
  const length = `${lengthMs} * interval '1 millisecond'`;
  if (set.kind === "starts")
    return {
      sql: `SELECT w.start, s."value", s."errors", s."requests"
        FROM (SELECT ${fromEpochMs("t.start")} AS start FROM unnest(string_to_array($2, ',')::bigint[]) AS t(start)) AS w
        JOIN "SlaSample" s ON s."clauseId" = $1 AND s."at" >= w.start AND s."at" < w.start + ${length}`,
      params: [numberList(set.starts)],
    };
  const binned = `SELECT date_bin(${length}, s."at", ${EPOCH}) AS start, s."value", s."errors", s."requests"
    FROM "SlaSample" s WHERE s."clauseId" = $1`;
  if (set.kind === "all") return { sql: binned, params: [] };
  // the samples of the windows starting in [from, to): from the first such start to the first start after them
  const firstStartFrom = (ms: number) => Math.ceil(ms / lengthMs) * lengthMs;
  return {
    sql: `${binned} AND s."at" >= ${fromEpochMs("$2::bigint")} AND s."at" < ${fromEpochMs("$3::bigint")}`,
    params: [firstStartFrom(set.from), firstStartFrom(set.to)],
  };
}

/** SELECT start, value, samples, errors, requests for the windows of `set` that have data. */
export function windowAggregateSql(terms: WindowTerms, set: WindowSet): { sql: string; params: unknown[] } {
  if (terms.windowMinutes === null) throw new Error(`${terms.metric} has no windows`);
  const { sql: samples, params } = samplesOf(set, terms.windowMinutes * MINUTE_MS);
  if (terms.metric === "error_rate")
    return {
      sql: `SELECT s.start, (100 * sum(s."errors"))::float8 / sum(s."requests")::float8 AS value, count(*)::int AS samples,
          sum(s."errors")::bigint AS errors, sum(s."requests")::bigint AS requests
        FROM (${samples}) s GROUP BY s.start HAVING sum(s."requests") > 0`,
      params,
    };
  if (terms.metric === "gauge_max")
    return {
      sql: `SELECT s.start, max(s."value") AS value, count(*)::int AS samples, NULL::bigint AS errors, NULL::bigint AS requests
        FROM (${samples}) s GROUP BY s.start`,
      params,
    };
  if (terms.metric !== "latency_percentile" || terms.percentile === null)
    throw new Error(`${terms.metric} has no window aggregate`);
  const { units, scale } = exactDecimal(terms.percentile);
  const denominator = 100n * 10n ** BigInt(scale);
  return {
    sql: `SELECT start, value, n::int AS samples, NULL::bigint AS errors, NULL::bigint AS requests FROM (
        SELECT s.start, s."value", row_number() OVER (PARTITION BY s.start ORDER BY s."value") AS rank,
          count(*) OVER (PARTITION BY s.start) AS n
        FROM (${samples}) s) ranked
      WHERE rank = least(n, greatest(1, div(${units}::numeric * n + ${denominator - 1n}, ${denominator}::numeric)))`,
    params,
  };
}

const UPSERT = `INSERT INTO "SlaWindow" ("clauseId", "start", "value", "samples", "errors", "requests")
  SELECT $1, a.start, a.value, a.samples, a.errors, a.requests FROM (%) AS a
  ON CONFLICT ("clauseId", "start") DO UPDATE SET "value" = EXCLUDED."value", "samples" = EXCLUDED."samples",
    "errors" = EXCLUDED."errors", "requests" = EXCLUDED."requests"`;

/** Recomputes and stores the aggregates of the windows in `set`. */
export async function storeWindowAggregates(tx: Tx, clauseId: string, terms: WindowTerms, set: WindowSet) {
  const { sql, params } = windowAggregateSql(terms, set);
  return tx.$executeRawUnsafe(UPSERT.replace("%", sql), clauseId, ...params);
}

type AggregateRow = { start: Date; value: number; samples: number; errors: bigint | null; requests: bigint | null };

export function toWindowAggregate(row: AggregateRow): WindowAggregate {
  return {
    start: row.start.getTime(),
    value: Number(row.value),
    samples: Number(row.samples),
    ...(row.errors !== null && row.requests !== null
      ? { errors: Number(row.errors), requests: Number(row.requests) }
      : {}),
  };
}

/** The aggregates of the windows in `set`, computed from the samples (not the cache), sorted by start. */
export async function computeWindowAggregates(
  client: Pick<Tx, "$queryRawUnsafe">,
  clauseId: string,
  terms: WindowTerms,
  set: WindowSet,
): Promise<WindowAggregate[]> {
  const { sql, params } = windowAggregateSql(terms, set);
  const rows = await client.$queryRawUnsafe<AggregateRow[]>(`${sql} ORDER BY start`, clauseId, ...params);
  return rows.map(toWindowAggregate);
}
