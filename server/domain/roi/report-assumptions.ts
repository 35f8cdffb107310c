import { formatMoney } from "../currency";
import { fill, type DocumentWords } from "../document-words";
import type { Locale } from "../locale";
import type { RoiReport } from "./report";
import { calendarMonth, monthValue, numberText, percentText, type RoiFact, type RoiTable } from "./report-tables";

// The ROI report's assumptions: the rate, horizon, seed and day rate, how the model counts, and
// every input the figures came from (the debt estimates' ranges, the milestones' fees and months,
// the objectives, the decisions with a P&L effect).

type Words = DocumentWords<"roi">;

export interface RoiTableSection {
  title: string;
  table: RoiTable | null;
  none: string;
}

export interface RoiAssumptions {
  title: string;
  facts: RoiFact[];
  method: string;
  sections: RoiTableSection[];
}

const section = (title: string, rows: string[][], table: Omit<RoiTable, "rows" | "total">, none: string) => ({
  title,
  table: rows.length === 0 ? null : { ...table, rows, total: null },
  none,
});

export function assumptions(report: RoiReport, words: Words, locale: Locale): RoiAssumptions {
  const { inputs } = report;
  const w = words.assumptions;
  const money = (minor: number) => formatMoney(minor, report.currency, locale);
  const month = (index: number) => monthValue(report, index, words, locale);
  const range = (r: { low: number; likely: number; high: number }, show: (n: number) => string) =>
    r.low === r.likely && r.likely === r.high ? show(r.likely) : `${show(r.low)} / ${show(r.likely)} / ${show(r.high)}`;
  const monthlyRate = (1 + report.discountRate) ** (1 / 12) - 1;
  return {
    title: w.title,
    facts: [
      { label: w.currency, value: report.currency },
      {
        label: w.discountRate,
        value: fill(w.discountRateValue, {
          annual: percentText(report.discountRate, locale, 2),
          monthly: percentText(monthlyRate, locale, 3),
        }),
      },
      {
        label: w.horizon,
        value: fill(w.horizonValue, {
          months: String(report.horizonMonths),
          start: calendarMonth(inputs.startMonth, 0, locale),
        }),
      },
      { label: w.dayRate, value: inputs.dayRateMinor === null ? w.noDayRate : money(inputs.dayRateMinor) },
      { label: w.seed, value: String(report.monteCarlo.seed) },
      { label: w.draws, value: numberText(report.monteCarlo.draws, locale, 0) },
    ],
    method: w.method,
    sections: [
      section(
        w.rangesTitle,
        inputs.debt.map((d) => [
          d.title,
          range(d.costPerQuarterMinor, money),
          range(d.fixDays, (n) => numberText(n, locale)),
          d.fixMonth === null ? w.open : month(d.fixMonth),
        ]),
        {
          columns: [
            w.rangeColumns.title,
            w.rangeColumns.costPerQuarter,
            w.rangeColumns.fixDays,
            w.rangeColumns.fixMonth,
          ],
          widths: [0.3, 0.36, 0.14, 0.2],
          numeric: [false, true, true, false],
        },
        w.none,
      ),
      section(
        w.milestonesTitle,
        inputs.milestones.map((m) => [m.title, money(m.amountMinor), month(m.month), w.bases[m.basis]]),
        {
          columns: [
            w.milestoneColumns.title,
            w.milestoneColumns.amount,
            w.milestoneColumns.month,
            w.milestoneColumns.basis,
          ],
          widths: [0.38, 0.2, 0.24, 0.18],
          numeric: [false, true, false, false],
        },
        w.none,
      ),
      section(
        w.objectivesTitle,
        inputs.objectives.map((o) => [
          o.title,
          money(o.costPerQuarterMinor),
          o.fromMonth === null ? w.noGate : month(o.fromMonth),
        ]),
        {
          columns: [w.objectiveColumns.title, w.objectiveColumns.costPerQuarter, w.objectiveColumns.fromMonth],
          widths: [0.48, 0.24, 0.28],
          numeric: [false, true, false],
        },
        w.none,
      ),
      section(
        w.adrsTitle,
        inputs.adrs.map((a) => [
          `ADR ${a.number}: ${a.title}`,
          a.plAccount,
          money(a.amountMinor),
          w.recurrences[a.recurrence],
          w.effects[a.effect],
          month(a.month),
        ]),
        {
          columns: [
            w.adrColumns.title,
            w.adrColumns.account,
            w.adrColumns.amount,
            w.adrColumns.recurrence,
            w.adrColumns.effect,
            w.adrColumns.month,
          ],
          widths: [0.3, 0.14, 0.16, 0.1, 0.08, 0.22],
          numeric: [false, false, true, false, false, false],
        },
        w.none,
      ),
    ],
  };
}
