import { capPeriod, perIncidentCredit, tieredCredit, type CappedAmount } from "./credit";
import { availability, integrity } from "./period-metrics";
import { parsePeriodKey } from "./period";
import type { ClauseCompliance, ClauseMeasurements, IncidentView, Span } from "./report";
import { isWindowed, meets, type SlaClauseTerms } from "./terms";
import { judgeWindows, type IncidentRun, type WindowCounts, type WindowJudgement } from "./window-judgement";
import { exclusionSpans, MINUTE_MS } from "./windows";

// One clause judged over one period: the value, the verdict, the incidents and the credit. The rules
// are written out, with a worked example, in docs/adr/0015-sla-compliance-and-credits.md.

export interface ClauseEvaluationInput {
  id: string;
  version: number;
  terms: SlaClauseTerms;
  periodKey: string;
  span: Span;
  /** now: an open period is judged up to here (windows starting at or after it are not counted) */
  asOf: number;
  measurements: ClauseMeasurements;
}

const NO_WINDOWS: WindowCounts = { total: 0, breached: 0, noData: 0, excluded: 0 };

function mismatch(terms: SlaClauseTerms, kind: ClauseMeasurements["kind"]): never {
  throw new RangeError(`a ${terms.metric} clause is not judged from ${kind} measurements`);
}

function judge(input: ClauseEvaluationInput): WindowJudgement {
  const { terms, span, asOf, measurements } = input;
  if (isWindowed(terms.metric)) {
    if (measurements.kind !== "windows") mismatch(terms, measurements.kind);
    return judgeWindows(terms, span, asOf, measurements);
  }
  const exclusions = exclusionSpans(terms.exclusions);
  if (terms.metric === "availability") {
    if (measurements.kind !== "downtime") mismatch(terms, measurements.kind);
    const { value } = availability(span, asOf, exclusions, measurements.downtime);
    return { value, windows: { ...NO_WINDOWS }, incidents: [] };
  }
  if (measurements.kind !== "checks") mismatch(terms, measurements.kind);
  const value = integrity(span, asOf, exclusions, measurements.checks);
  return { value, windows: { ...NO_WINDOWS }, incidents: [] };
}

interface Credits {
  period: CappedAmount;
  incidents: number[];
}

function credits(terms: SlaClauseTerms, judged: WindowJudgement): Credits {
  const { credit } = terms;
  if (credit.type === "tiered") {
    return { period: tieredCredit(credit, judged.value), incidents: judged.incidents.map(() => 0) };
  }
  const perIncident = judged.incidents.map((incident) => perIncidentCredit(credit, incident.windows));
  const period = capPeriod(
    perIncident.map((amount) => amount.creditMinor),
    credit.capPerPeriodMinor,
  );
  const anyIncidentCapped = perIncident.some((amount) => amount.capped);
  return {
    period: { creditMinor: period.creditMinor, capped: period.capped || anyIncidentCapped },
    incidents: perIncident.map((amount) => amount.creditMinor),
  };
}

function incidentView(run: IncidentRun, windowMinutes: number, creditMinor: number): IncidentView {
  return {
    from: new Date(run.start).toISOString(),
    to: new Date(run.start + run.windows * windowMinutes * MINUTE_MS).toISOString(),
    windows: run.windows,
    creditMinor,
  };
}

export function evaluateClause(input: ClauseEvaluationInput): ClauseCompliance {
  const { terms, span } = input;
  const judged = judge(input);
  // a monthly clause is paid from its monthly report only, never again from a quarter or a year
  const creditApplies = parsePeriodKey(input.periodKey).kind === terms.period;
  const paid = creditApplies ? credits(terms, judged) : { period: { creditMinor: 0, capped: false }, incidents: [] };
  const met = isWindowed(terms.metric)
    ? judged.windows.breached === 0
    : judged.value === null
      ? null
      : meets(judged.value, terms.comparator, terms.target);
  return {
    id: input.id,
    title: terms.title,
    metric: terms.metric,
    target: terms.target,
    comparator: terms.comparator,
    unit: terms.unit,
    period: { key: input.periodKey, from: new Date(span.from).toISOString(), to: new Date(span.to).toISOString() },
    value: judged.value,
    met,
    windows: judged.windows,
    incidents: judged.incidents.map((run, index) =>
      incidentView(run, terms.windowMinutes ?? 0, paid.incidents[index] ?? 0),
    ),
    creditMinor: paid.period.creditMinor,
    capped: paid.period.capped,
    creditApplies,
    version: input.version,
  };
}
