import type { SlaClause } from "@prisma/client";
import { periodKeyOf, periodSpan } from "../../domain/sla/period";
import { availability } from "../../domain/sla/period-metrics";
import type { Span } from "../../domain/sla/report";
import { isWindowed, type SlaClauseTerms } from "../../domain/sla/terms";
import { exclusionSpans, mergeSpans, MINUTE_MS, windowStart } from "../../domain/sla/windows";
import { prisma } from "../prisma-client";
import { termsOfRow } from "../sla/clauses";
import { fromEpochMs } from "../sla/window-sql";

// Each linked SLA clause's value over its newest period that has measurements (the period of the
// newest batch's last measurement, judged up to now), the figure the SLA report shows for that
// period, in two statements for any number of clauses: the newest measurement of each, then every
// clause's figure. Latency is the nearest-rank percentile of the period's samples outside excluded
// windows, error rate errors over requests, a gauge its maximum, integrity the share of equal
// checks, availability from the reported downtime.

export interface ClauseFigure {
  title: string;
  unit: string;
  periodKey: string;
  /** null when nothing in the period is measured */
  value: number | null;
  /** the period's end, or now while it runs */
  at: string;
}

interface FigureSpec {
  id: string;
  metric: string;
  from: number;
  to: number;
  pct: number | null;
  excl: [number, number][];
}

/** Excluded time as the engine counts it: whole windows for a per-window metric, the spans themselves otherwise. */
function excludedSpans(terms: SlaClauseTerms): Span[] {
  const spans = exclusionSpans(terms.exclusions);
  const minutes = terms.windowMinutes;
  if (!isWindowed(terms.metric) || minutes === null) return mergeSpans(spans);
  const length = minutes * MINUTE_MS;
  return mergeSpans(
    spans.map((e) => ({ from: windowStart(e.from, minutes), to: windowStart(e.to - 1, minutes) + length })),
  );
}

const at = (column: string) => fromEpochMs(column);

async function readFigures(specs: FigureSpec[]) {
  return prisma().$queryRawUnsafe<{ id: string; value: number | null; downtime: [number, number][] | null }[]>(
    `WITH spec AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, metric text, "from" bigint, "to" bigint, pct numeric, excl jsonb)
     ), samples AS (
       SELECT sp.id, s."value", s."errors", s."requests" FROM spec sp
       JOIN "SlaSample" s ON s."clauseId" = sp.id AND s."at" >= ${at('sp."from"')} AND s."at" < ${at('sp."to"')}
       WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(sp.excl) e
         WHERE s."at" >= ${at("(e->>0)::bigint")} AND s."at" < ${at("(e->>1)::bigint")})
     ), ranked AS (
       SELECT id, "value", row_number() OVER (PARTITION BY id ORDER BY "value") AS rn, count(*) OVER (PARTITION BY id) AS n
       FROM samples WHERE "value" IS NOT NULL
     )
     SELECT sp.id,
       (CASE sp.metric
         WHEN 'latency_percentile' THEN (SELECT r."value" FROM ranked r
           WHERE r.id = sp.id AND r.rn = GREATEST(1, CEIL(sp.pct * r.n / 100)))
         WHEN 'error_rate' THEN (SELECT CASE WHEN sum(x."requests") > 0 THEN 100.0 * sum(x."errors") / sum(x."requests") END
           FROM samples x WHERE x.id = sp.id)
         WHEN 'gauge_max' THEN (SELECT max(x."value") FROM samples x WHERE x.id = sp.id)
         WHEN 'integrity' THEN (SELECT CASE WHEN count(*) > 0 THEN 100.0 * count(*) FILTER (WHERE x."value" = 1) / count(*) END
           FROM samples x WHERE x.id = sp.id)
       END)::float8 AS "value",
       (SELECT json_agg(json_build_array((extract(epoch FROM d."from") * 1000)::bigint, (extract(epoch FROM d."to") * 1000)::bigint))
         FROM "SlaDowntime" d WHERE sp.metric = 'availability' AND d."clauseId" = sp.id
           AND d."from" < ${at('sp."to"')} AND d."to" > ${at('sp."from"')}) AS downtime
     FROM spec sp`,
    JSON.stringify(specs),
  );
}

/** The figure of each clause by id; a clause without measurements has none. */
export async function clauseFigures(clauses: SlaClause[], now = new Date()): Promise<Map<string, ClauseFigure>> {
  const figures = new Map<string, ClauseFigure>();
  if (clauses.length === 0) return figures;
  const newest = await prisma().slaMeasurementBatch.groupBy({
    by: ["clauseId"],
    where: { clauseId: { in: clauses.map((c) => c.id) }, lastAt: { not: null } },
    _max: { lastAt: true },
  });
  const newestOf = new Map(newest.map((row) => [row.clauseId, row._max.lastAt]));
  const judged = clauses.flatMap((clause) => {
    const last = newestOf.get(clause.id);
    if (!last) return [];
    const terms = termsOfRow(clause);
    const periodKey = periodKeyOf(terms.period, Math.min(last.getTime(), now.getTime()), terms.timezone);
    const span = periodSpan(periodKey, terms.timezone);
    return [{ clause, terms, periodKey, span: { from: span.from, to: Math.min(span.to, now.getTime()) } }];
  });
  if (judged.length === 0) return figures;
  const specs = judged.map(({ clause, terms, span }) => ({
    id: clause.id,
    metric: terms.metric,
    from: span.from,
    to: span.to,
    pct: terms.percentile,
    excl: excludedSpans(terms).map((s): [number, number] => [s.from, s.to]),
  }));
  const rows = new Map((await readFigures(specs)).map((row) => [row.id, row]));
  for (const { clause, terms, periodKey, span } of judged) {
    const row = rows.get(clause.id);
    const value =
      terms.metric === "availability"
        ? availability(
            span,
            span.to,
            exclusionSpans(terms.exclusions),
            (row?.downtime ?? []).map(([from, to]) => ({ from: Number(from), to: Number(to) })),
          ).value
        : (row?.value ?? null);
    figures.set(clause.id, {
      title: terms.title,
      unit: terms.unit,
      periodKey,
      value: value === null ? null : Number(value),
      at: new Date(span.to).toISOString(),
    });
  }
  return figures;
}
