import { DateTime } from "luxon";
import { formatMoney } from "../currency";
import { documentWords, fill, type DocumentWords } from "../document-words";
import type { Locale } from "../locale";
import { parsePeriodKey } from "./period";
import type { ClauseCompliance, EngagementSlaReport } from "./report";
import { slaChart, type SlaChart } from "./report-chart";
import type { SlaClauseTerms } from "./terms";

// The SLA report for one period as a document (templates/sla-report.tsx draws it): per clause its
// terms in words, the period's value against the target, the verdict, windows, incidents, credits
// and a chart of window values; then the period's total. Times are printed in each clause's zone.

export interface SlaReportClauseSource {
  terms: SlaClauseTerms;
  compliance: ClauseCompliance;
  /** window values for the chart (clauseWindowSeries) */
  series: { start: string; value: number }[];
}

export interface SlaReportSource {
  organisation: string;
  engagement: string;
  client: string;
  report: EngagementSlaReport;
  clauses: SlaReportClauseSource[];
  /** false for a client's viewer when the engagement hides amounts from viewers (amount-visibility.ts) */
  showsAmounts?: boolean;
}

export type SlaVerdictTone = "met" | "breached" | "none";

export interface SlaReportFact {
  label: string;
  value: string;
}

export interface SlaReportIncidentRow {
  from: string;
  to: string;
  windows: string;
  credit: string;
}

export interface SlaReportClause {
  title: string;
  verdict: { text: string; tone: SlaVerdictTone };
  terms: string;
  judged: string;
  creditTerms: string;
  triggers: string[];
  method: string | null;
  facts: SlaReportFact[];
  /** per-window metrics only */
  incidents: SlaReportIncidentRow[] | null;
  exclusions: string[];
  chartTitle: string | null;
  chart: SlaChart | null;
  times: string;
}

export interface SlaReportViewModel {
  locale: Locale;
  title: string;
  engagement: string;
  parties: SlaReportFact[];
  period: SlaReportFact;
  generated: string;
  summary: string;
  clauses: SlaReportClause[];
  empty: string | null;
  total: SlaReportFact;
  labels: {
    method: string;
    credit: string;
    incidents: string;
    noIncidents: string;
    noSeries: string;
    exclusions: string;
    columns: DocumentWords<"slaReport">["columns"];
    page: string;
  };
}

type Words = DocumentWords<"slaReport">;

const numberText = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: true }).format(value);

const withUnit = (value: number, unit: string, locale: Locale) =>
  unit === "%" ? `${numberText(value, locale)} %` : `${numberText(value, locale)} ${unit}`;

const localTime = (iso: string, timezone: string) =>
  DateTime.fromISO(iso, { zone: timezone }).toFormat("yyyy-MM-dd HH:mm");

/** "November 2026" / "2026年11月", "Q4 2026" / "2026年第4季度", "2026" / "2026年". */
export function periodLabel(key: string, locale: Locale): string {
  const { kind } = parsePeriodKey(key);
  const words = documentWords(locale, "slaReport").periodNames;
  const year = key.slice(0, 4);
  if (kind === "year") return fill(words.yearLabel, { year });
  if (kind === "quarter") return fill(words.quarterLabel, { year, quarter: key.slice(6) });
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", timeZone: "UTC" }).format(
    new Date(`${key}-01T00:00:00Z`),
  );
}

export function termsText(terms: SlaClauseTerms, words: Words, locale: Locale): string {
  return fill(words.terms[terms.metric], {
    percentile: numberText(terms.percentile ?? 0, locale),
    comparator: words.comparators[terms.comparator],
    target: numberText(terms.target, locale),
    unit: terms.unit,
    window: String(terms.windowMinutes ?? ""),
    period: words.periodNames[terms.period],
  });
}

export function creditText(terms: SlaClauseTerms, currency: string, words: Words, locale: Locale): string {
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const credit = terms.credit;
  const parts =
    credit.type === "per_incident"
      ? [
          fill(words.credit.perIncident, {
            amount: money(credit.perBreachedWindowMinor),
            cap: money(credit.capPerIncidentMinor),
          }),
        ]
      : [...credit.tiers]
          .sort((a, b) => b.below - a.below)
          .map((tier) =>
            fill(words.credit.tier, {
              pct: numberText(tier.creditPct, locale),
              base: money(credit.baseMinor),
              below: numberText(tier.below, locale),
            }),
          );
  if (credit.capPerPeriodMinor !== null)
    parts.push(fill(words.credit.periodCap, { cap: money(credit.capPerPeriodMinor) }));
  return parts.join(locale === "zh-CN" ? "；" : "; ");
}

export function verdictTone(compliance: Pick<ClauseCompliance, "met">): SlaVerdictTone {
  return compliance.met === null ? "none" : compliance.met ? "met" : "breached";
}

function clauseSection(
  source: SlaReportClauseSource,
  currency: string,
  words: Words,
  locale: Locale,
  showsAmounts: boolean,
): SlaReportClause {
  const { terms, compliance } = source;
  const money = (minor: number) => (showsAmounts ? formatMoney(minor, currency, locale) : "—");
  const tone = verdictTone(compliance);
  const windowed = terms.windowMinutes !== null;
  const kind = parsePeriodKey(compliance.period.key).kind;
  const credit = compliance.creditApplies
    ? `${money(compliance.creditMinor)}${compliance.capped ? ` (${words.facts.capped})` : ""}`
    : fill(words.facts.notApplicable, { period: words.periodNames[terms.period] });
  const facts: SlaReportFact[] = [
    {
      label: words.facts.value,
      value: compliance.value === null ? words.facts.noValue : withUnit(compliance.value, terms.unit, locale),
    },
    {
      label: words.facts.target,
      value: `${words.comparators[terms.comparator]} ${withUnit(terms.target, terms.unit, locale)}`,
    },
    ...(windowed
      ? [
          {
            label: words.facts.windows,
            value: fill(words.facts.windowCounts, {
              total: numberText(compliance.windows.total, locale),
              breached: numberText(compliance.windows.breached, locale),
              noData: numberText(compliance.windows.noData, locale),
              excluded: numberText(compliance.windows.excluded, locale),
            }),
          },
        ]
      : []),
    { label: words.facts.credit, value: credit },
  ];
  const span = { from: Date.parse(compliance.period.from), to: Date.parse(compliance.period.to) };
  const exclusions = terms.exclusions.filter((e) => Date.parse(e.from) < span.to && Date.parse(e.to) > span.from);
  const chart = windowed
    ? slaChart({
        span,
        series: source.series.map((point) => ({ at: Date.parse(point.start), value: point.value })),
        target: terms.target,
        incidents: compliance.incidents.map((i) => ({ from: Date.parse(i.from), to: Date.parse(i.to) })),
        exclusions: exclusions.map((e) => ({ from: Date.parse(e.from), to: Date.parse(e.to) })),
        label: (value) => numberText(value, locale),
        timeLabel: (ms) => DateTime.fromMillis(ms, { zone: terms.timezone }).toFormat(kind === "month" ? "d" : "M/d"),
      })
    : null;
  return {
    title: compliance.title,
    verdict: { text: words.verdicts[tone], tone },
    terms: termsText(terms, words, locale),
    judged: fill(words.judged, { period: words.periodNames[terms.period], timezone: terms.timezone, currency }),
    creditTerms: showsAmounts ? creditText(terms, currency, words, locale) : words.amountsHidden,
    triggers: terms.triggers.map((t) =>
      fill(words.trigger, {
        direction: words.triggerDirections[t.when],
        value: numberText(t.value, locale),
        minutes: String(t.forMinutes),
        action: t.action,
      }),
    ),
    method: terms.measurementMethod || null,
    facts,
    incidents: windowed
      ? compliance.incidents.map((i) => ({
          from: localTime(i.from, terms.timezone),
          to: localTime(i.to, terms.timezone),
          windows: numberText(i.windows, locale),
          credit: compliance.creditApplies ? money(i.creditMinor) : "—",
        }))
      : null,
    exclusions: exclusions.map(
      (e) =>
        `${localTime(e.from, terms.timezone)} – ${localTime(e.to, terms.timezone)}${e.reason ? ` · ${e.reason}` : ""}`,
    ),
    chartTitle: windowed ? fill(words.chartTitle, { unit: terms.unit }) : null,
    chart,
    times: fill(words.times, { timezone: terms.timezone }),
  };
}

export function slaReportViewModel(source: SlaReportSource, locale: Locale, generatedAt: Date): SlaReportViewModel {
  const words = documentWords(locale, "slaReport");
  const { report } = source;
  const byId = new Map(source.clauses.map((c) => [c.compliance.id, c]));
  const clauses = report.clauses.flatMap((compliance) => {
    const clause = byId.get(compliance.id);
    return clause
      ? [clauseSection({ ...clause, compliance }, report.currency, words, locale, source.showsAmounts ?? true)]
      : [];
  });
  const count = (tone: SlaVerdictTone) => clauses.filter((c) => c.verdict.tone === tone).length;
  return {
    locale,
    title: words.title,
    engagement: source.engagement,
    parties: [
      { label: words.provider, value: source.organisation },
      { label: words.client, value: source.client },
    ],
    period: { label: words.period, value: periodLabel(report.period, locale) },
    generated: `${words.generated} ${generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    summary: fill(words.summary, {
      met: String(count("met")),
      breached: String(count("breached")),
      none: String(count("none")),
      total: String(clauses.length),
    }),
    clauses,
    empty: clauses.length === 0 ? words.noClauses : null,
    total: {
      label: words.totalCredit,
      value:
        (source.showsAmounts ?? true)
          ? formatMoney(report.totalCreditMinor, report.currency, locale)
          : words.amountsHidden,
    },
    labels: {
      method: words.method,
      credit: words.credit.label,
      incidents: words.incidents,
      noIncidents: words.noIncidents,
      noSeries: words.noSeries,
      exclusions: words.exclusions,
      columns: words.columns,
      page: words.page,
    },
  };
}
