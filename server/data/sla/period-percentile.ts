import { divideCeil, exactDecimal } from "../../domain/sla/decimal";
import type { Span } from "../../domain/sla/report";
import type { SlaClauseTerms } from "../../domain/sla/terms";
import { exclusionSpans, firstWindowFrom, mergeSpans, MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { prisma } from "../prisma-client";
import { fromEpochMs, numberList } from "./window-sql";

// A latency clause's value over a period: the nearest-rank percentile of the period's samples
// (before asOf) outside excluded windows. The rank k = ceil(p/100 x n) is computed exactly, as the
// domain does; n comes from the window cache where whole windows lie in the period (only the edge
// windows' samples are counted), and the k-th value is read with a bounded sort from whichever end is
// nearer (a P99 keeps the top 1% in memory, not the whole year's samples).

export async function periodPercentile(
  clauseId: string,
  terms: SlaClauseTerms,
  span: Span,
  asOf: number,
  /** the window cache was cut by these terms, so it can count the samples of whole windows */
  cacheFits: boolean,
): Promise<number | null> {
  const minutes = terms.windowMinutes!;
  const length = minutes * MINUTE_MS;
  const exclusions = exclusionSpans(terms.exclusions);
  // a sample counts for nothing when its window overlaps an exclusion: whole windows are left out
  const excluded = mergeSpans(
    exclusions.map((e) => ({ from: windowStart(e.from, minutes), to: windowStart(e.to - 1, minutes) + length })),
  );
  const from = span.from;
  const to = Math.min(span.to, asOf);
  if (to <= from) return null;
  const notExcluded = `NOT EXISTS (SELECT 1 FROM unnest(string_to_array($4, ',')::bigint[], string_to_array($5, ',')::bigint[]) AS x(f, t)
      WHERE s."at" >= ${fromEpochMs("x.f")} AND s."at" < ${fromEpochMs("x.t")})`;
  const inRange = `s."clauseId" = $1 AND s."at" >= ${fromEpochMs("$2::bigint")} AND s."at" < ${fromEpochMs("$3::bigint")}`;
  const params = [clauseId, from, to, numberList(excluded.map((e) => e.from)), numberList(excluded.map((e) => e.to))];
  const samplesIn = (fromParam: string, toParam: string) =>
    `(SELECT count(*) FROM "SlaSample" s WHERE s."clauseId" = $1
        AND s."at" >= ${fromEpochMs(fromParam)} AND s."at" < ${fromEpochMs(toParam)} AND ${notExcluded})`;
  const innerFrom = firstWindowFrom(from, minutes);
  const innerTo = windowStart(to, minutes);
  // one statement: whole windows counted from the cache (when it was cut by these terms), the
  // samples of the edge windows counted where they lie
  const useCache = cacheFits && innerFrom < innerTo;
  const [counted] = await prisma().$queryRawUnsafe<{ n: bigint | null }[]>(
    useCache
      ? `SELECT (COALESCE((SELECT sum(w."samples") FROM "SlaWindow" w
           WHERE w."clauseId" = $1 AND w."start" >= ${fromEpochMs("$6::bigint")} AND w."start" < ${fromEpochMs("$7::bigint")}
             AND NOT EXISTS (SELECT 1 FROM unnest(string_to_array($4, ',')::bigint[], string_to_array($5, ',')::bigint[]) AS x(f, t)
               WHERE w."start" >= ${fromEpochMs("x.f")} AND w."start" < ${fromEpochMs("x.t")})), 0)
         + ${samplesIn("$2::bigint", "$6::bigint")} + ${samplesIn("$7::bigint", "$3::bigint")})::bigint AS n`
      : `SELECT ${samplesIn("$2::bigint", "$3::bigint")}::bigint AS n`,
    ...params,
    ...(useCache ? [innerFrom, innerTo] : []),
  );
  const n = BigInt(counted?.n ?? 0n);
  if (n === 0n) return null;

  const { units, scale } = exactDecimal(terms.percentile!);
  let rank = divideCeil(units * n, 100n * 10n ** BigInt(scale));
  if (rank < 1n) rank = 1n;
  if (rank > n) rank = n;
  const fromTop = n - rank < rank - 1n;
  const [row] = await prisma().$queryRawUnsafe<{ value: number }[]>(
    `SELECT s."value" FROM "SlaSample" s WHERE ${inRange} AND ${notExcluded}
     ORDER BY s."value" ${fromTop ? "DESC" : "ASC"} OFFSET ${fromTop ? n - rank : rank - 1n} LIMIT 1`,
    ...params,
  );
  return row ? Number(row.value) : null;
}
