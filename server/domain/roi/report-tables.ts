import { formatMoney } from "../currency";
import { fill, type DocumentWords } from "../document-words";
import type { Locale } from "../locale";
import type { RoiReport } from "./report";

// The ROI report's tables as rows of text: the ranked debt register, the cash flows by month and
// the system map's components with what is attached to them (the assumptions: ./report-assumptions.ts).
// Column widths are shares of the page's text width; the template draws any of them alike.

type Words = DocumentWords<"roi">;

export interface RoiFact {
  label: string;
  value: string;
}

export interface RoiTable {
  columns: string[];
  /** shares of the text width, summing to 1 */
  widths: number[];
  /** true: a figure, set right-aligned */
  numeric: boolean[];
  rows: string[][];
  total: string[] | null;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A plain number with at most `digits` decimals, grouped for the locale. */
export function numberText(value: number, locale: Locale, digits = 2): string {
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A share (0.08) as "8 %": the space is how the documents write percentages. */
export const percentText = (share: number, locale: Locale, digits = 1) =>
  `${numberText(Math.round(share * 100 * 10 ** digits) / 10 ** digits, locale, digits)} %`;

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** Month `index` after the start month (YYYY-MM), "December 2026" / "2026年12月", or "Dec 2026" when short. */
export function calendarMonth(startMonth: string, index: number, locale: Locale, short = false): string {
  const [year, month] = startMonth.split("-").map(Number) as [number, number];
  const key = `${locale}|${short}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { year: "numeric", month: short ? "short" : "long", timeZone: "UTC" });
    monthFormats.set(key, format);
  }
  return format.format(new Date(Date.UTC(year, month - 1 + index, 1)));
}

export function monthValue(report: RoiReport, month: number, words: Words, locale: Locale): string {
  return fill(words.monthValue, {
    month: String(month),
    monthName: calendarMonth(report.inputs.startMonth, month, locale),
  });
}

export function debtTable(report: RoiReport, words: Words, locale: Locale): RoiTable | null {
  if (report.debt.length === 0) return null;
  const money = (minor: number) => formatMoney(minor, report.currency, locale);
  const c = words.debt.columns;
  return {
    columns: [
      c.rank,
      c.title,
      c.impact,
      c.costPerQuarter,
      c.fixDays,
      c.fixCost,
      c.costOfDelayPerWeek,
      c.paybackWeeks,
      c.wsjf,
      c.plAccount,
    ],
    widths: [0.03, 0.23, 0.07, 0.11, 0.06, 0.1, 0.1, 0.08, 0.1, 0.12],
    numeric: [true, false, false, true, true, true, true, true, true, false],
    rows: report.debt.map((item, index) => [
      String(index + 1),
      item.title,
      words.debt.impacts[item.impact],
      money(item.costPerQuarterMinor),
      numberText(item.fixDays, locale),
      item.fixCostMinor === null ? "—" : money(item.fixCostMinor),
      money(item.costOfDelayPerWeekMinor),
      item.paybackWeeks === null ? "—" : numberText(item.paybackWeeks, locale),
      // minor units per fix day: shown as money per day
      money(Math.round(item.wsjf)),
      item.plAccount || "—",
    ]),
    total: null,
  };
}

export function cashFlowTable(report: RoiReport, words: Words, locale: Locale): RoiTable {
  const money = (minor: number) => formatMoney(minor, report.currency, locale);
  const c = words.cashFlows.columns;
  let cumulative = 0;
  const sum = (pick: (f: RoiReport["cashFlows"][number]) => number) =>
    report.cashFlows.reduce((total, f) => total + pick(f), 0);
  return {
    columns: [c.month, c.calendar, c.investment, c.benefit, c.net, c.cumulative],
    widths: [0.08, 0.16, 0.19, 0.19, 0.19, 0.19],
    numeric: [true, false, true, true, true, true],
    rows: report.cashFlows.map((flow) => {
      cumulative += flow.netMinor;
      return [
        String(flow.month),
        calendarMonth(report.inputs.startMonth, flow.month, locale, true),
        money(flow.investmentMinor),
        money(flow.benefitMinor),
        money(flow.netMinor),
        money(cumulative),
      ];
    }),
    total: [
      words.cashFlows.total,
      "",
      money(sum((f) => f.investmentMinor)),
      money(sum((f) => f.benefitMinor)),
      money(sum((f) => f.netMinor)),
      "",
    ],
  };
}

/** The map's components with the money and the items attached to each, costliest delay first. */
export function componentTable(report: RoiReport, words: Words, locale: Locale): RoiTable | null {
  const { components } = report.systemMap;
  if (components.length === 0) return null;
  const money = (minor: number) => formatMoney(minor, report.currency, locale);
  const debtTitles = new Map(report.inputs.debt.map((d) => [d.id, d.title]));
  const objectiveTitles = new Map(report.inputs.objectives.map((o) => [o.id, o.title]));
  const titles = (ids: string[], known: Map<string, string>) =>
    ids.length === 0 ? "—" : ids.map((id) => known.get(id) ?? id).join("; ");
  const c = words.systemMap.columns;
  return {
    columns: [c.component, c.kind, c.costOfDelay, c.fees, c.debt, c.slaClauses, c.objectives],
    widths: [0.16, 0.08, 0.13, 0.12, 0.27, 0.07, 0.17],
    numeric: [false, false, true, true, false, true, false],
    rows: [...components]
      .sort((a, b) => b.costOfDelayPerQuarterMinor - a.costOfDelayPerQuarterMinor || a.name.localeCompare(b.name))
      .map((component) => [
        component.name,
        words.systemMap.kinds[component.kind],
        money(component.costOfDelayPerQuarterMinor),
        money(component.feesMinor),
        titles(component.debtItemIds, debtTitles),
        numberText(component.slaClauseIds.length, locale, 0),
        titles(component.objectiveIds, objectiveTitles),
      ]),
    total: null,
  };
}
