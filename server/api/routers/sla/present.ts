import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import { clauseWindowSeries, engagementCompliance } from "../../../data/sla/compliance";
import { withoutCredits } from "../../../domain/sla/report";
import { listSlaClauses, type SlaClauseView } from "../../../data/sla/clauses";
import type { ClientScope, OrgScope } from "../../../data/scope";
import type { ClauseOut, ComplianceOut } from "./sla.schema";

// Shapes shared by the consultant's procedures and the portal's read-only twins.

/** A chart has at most this many points; longer periods are bucketed by their maximum (clauseWindowSeries). */
const CHART_POINTS = 600;

export function presentClause(view: SlaClauseView): ClauseOut {
  const { id, engagementId, version, measured, retiredAt, createdAt, updatedAt, ...terms } = view;
  return { id, engagementId, version, measured, retiredAt, createdAt, updatedAt, terms };
}

/**
 * The engagement's compliance for a period with each clause's window series and terms; credits are null for a reader
 * the engagement hides amounts from.
 */
export async function presentCompliance(
  scope: OrgScope | ClientScope,
  engagementId: string,
  period: string,
  engagement: { hideAmountsFromViewers: boolean } = { hideAmountsFromViewers: false },
): Promise<ComplianceOut> {
  const [report, clauses] = await Promise.all([
    engagementCompliance(scope, engagementId, period),
    listSlaClauses(scope, engagementId, { includeRetired: true }),
  ]);
  const show = seesAmounts(amountReaderOf(scope), engagement);
  const shown = show ? report : withoutCredits(report);
  const termsById = new Map(clauses.map((clause) => [clause.id, presentClause(clause).terms]));
  const series = await Promise.all(
    report.clauses.map((clause) => clauseWindowSeries(scope, clause.id, period, CHART_POINTS)),
  );
  return {
    engagementId: report.engagementId,
    period: report.period,
    currency: report.currency,
    totalCreditMinor: shown.totalCreditMinor,
    amountsHidden: !show,
    closed: report.clauses.length > 0 && report.clauses.every((clause) => Date.parse(clause.period.to) <= Date.now()),
    clauses: shown.clauses.map((clause, index) => ({
      ...clause,
      // the terms name money (credits, caps, the base): not for a reader amounts are hidden from
      terms: show ? (termsById.get(clause.id) ?? null) : null,
      series: series[index] ?? [],
    })),
  };
}
