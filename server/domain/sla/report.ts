import type { SlaClauseTerms, SlaMetric } from "./terms";

// The shapes of a compliance answer (the REST contract of GET /api/v1/engagements/{id}/sla) and of
// what the engine reads. Times are epoch milliseconds inside the domain and ISO-8601 at the edges.

/** A half-open interval [from, to) in epoch milliseconds. */
export interface Span {
  from: number;
  to: number;
}

/** One window that has samples: its start (a multiple of windowMinutes since the epoch) and aggregates. */
export interface WindowAggregate {
  start: number;
  /** the window's value: nearest-rank percentile (latency), 100 x errors/requests (error rate), maximum (gauge) */
  value: number;
  samples: number;
  /** error rate only: the sums, so a period's rate is sum(errors) / sum(requests) */
  errors?: number;
  requests?: number;
}

/** The raw material of one clause for one period (gathered by server/data/sla, judged by evaluateClause). */
export type ClauseMeasurements =
  | {
      kind: "windows";
      /** windows that have samples, sorted by start, from one window before the period to past its end (see ADR 0015) */
      windows: WindowAggregate[];
      /**
       * The period's value over its samples (not in excluded windows): latency percentile over all samples; error rate
       * and gauge are derived from the windows when null.
       */
      periodValue: number | null;
    }
  | { kind: "downtime"; downtime: Span[] }
  | { kind: "checks"; checks: { at: number; equal: boolean }[] };

export interface IncidentView {
  from: string;
  to: string;
  windows: number;
  creditMinor: number;
}

export interface ClauseCompliance {
  id: string;
  title: string;
  metric: SlaMetric;
  target: number;
  comparator: SlaClauseTerms["comparator"];
  unit: string;
  period: { key: string; from: string; to: string };
  /** null: no data in the period */
  value: number | null;
  /** null: a period metric without data */
  met: boolean | null;
  windows: { total: number; breached: number; noData: number; excluded: number };
  incidents: IncidentView[];
  creditMinor: number;
  /** a cap (per incident or per period) lowered the credit */
  capped: boolean;
  /** credits count only where the clause's own period kind is the period asked for */
  creditApplies: boolean;
  version: number;
}

export interface EngagementSlaReport {
  engagementId: string;
  period: string;
  currency: string;
  clauses: ClauseCompliance[];
  totalCreditMinor: number;
}

/** The report as a reader the engagement hides amounts from reads it: the same figures, every credit null. */
export function withoutCredits(report: EngagementSlaReport) {
  return {
    ...report,
    totalCreditMinor: null,
    clauses: report.clauses.map((clause) => ({
      ...clause,
      creditMinor: null,
      incidents: clause.incidents.map((incident) => ({ ...incident, creditMinor: null })),
    })),
  };
}
