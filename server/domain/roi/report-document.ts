import { irrShown } from "./irr-shown";
import { formatMoney } from "../currency";
import { documentWords, fill, type DocumentWords } from "../document-words";
import type { Locale } from "../locale";
import type { TextMeasure } from "../text-wrap";
import type { RoiReport } from "./report";
import {
  cashFlowChart,
  histogramChart,
  systemMapDrawing,
  type CashFlowChart,
  type HistogramChart,
  type SystemMapDrawing,
} from "./report-charts";
import { compactMoney, exactMoneyWords, roundedMoneyWords } from "./report-money";
import { assumptions, type RoiAssumptions } from "./report-assumptions";
import {
  calendarMonth,
  cashFlowTable,
  componentTable,
  debtTable,
  monthValue,
  numberText,
  percentText,
  type RoiFact,
  type RoiTable,
} from "./report-tables";
import { layoutSystemMap } from "./system-map-layout";

// The ROI report as a document (templates/roi-report.tsx draws it): a summary a finance reader
// can act on (what the client pays, what it avoids, when it pays back, how sure we are), the
// charts' geometry, the system map, the ranked debt register, the cash flows and the assumptions.
// A simulation still running prints as such: the figures it has, and no interval.

type Words = DocumentWords<"roi">;

export interface RoiReportDocument {
  locale: Locale;
  title: string;
  subtitle: string;
  summaryTitle: string;
  summary: string[];
  figures: RoiFact[];
  cashFlowChart: {
    title: string;
    chart: CashFlowChart;
    legend: { investment: string; benefit: string; cumulative: string };
    monthAxis: string;
  };
  histogram: { title: string; chart: HistogramChart | null; pending: string | null };
  systemMap: {
    title: string;
    intro: string;
    drawing: SystemMapDrawing | null;
    empty: string;
    components: RoiTable | null;
  };
  debt: { title: string; intro: string; table: RoiTable | null; notes: string[] };
  cashFlows: { title: string; table: RoiTable };
  assumptions: RoiAssumptions;
  footer: string;
  page: string;
}

/** The room the system map may take on its page (A4 landscape inside the margins, below the heading). */
export const SYSTEM_MAP_BOX = { width: 754, height: 300 } as const;

function summary(report: RoiReport, words: Words, locale: Locale, client: string): string[] {
  const exact = (minor: number) => exactMoneyWords(minor, report.currency, locale);
  const rounded = (minor: number) => roundedMoneyWords(minor, report.currency, locale);
  const paid = report.cashFlows.reduce((sum, f) => sum + f.investmentMinor, 0);
  const avoided = report.cashFlows.reduce((sum, f) => sum + f.benefitMinor, 0);
  const lastPaid = report.cashFlows.findLast((f) => f.investmentMinor > 0)?.month ?? null;
  const horizon = String(report.horizonMonths);
  const s = words.summary;
  const mc = report.monteCarlo;
  const ready = mc.status === "ready" && mc.npvP10Minor !== null && mc.npvP90Minor !== null;
  const shared = {
    rate: percentText(report.discountRate, locale, 2),
    npv: rounded(report.npvMinor),
    draws: numberText(mc.draws, locale, 0),
  };
  return [
    lastPaid === null
      ? fill(s.paysNothing, { client, avoided: rounded(avoided), horizon })
      : fill(s.pays, {
          client,
          paid: exact(paid),
          lastMonth: String(lastPaid),
          lastMonthName: calendarMonth(report.inputs.startMonth, lastPaid, locale),
          avoided: rounded(avoided),
          horizon,
        }),
    report.paybackMonth === null
      ? fill(s.noPayback, { horizon })
      : fill(s.payback, {
          month: String(report.paybackMonth),
          monthName: calendarMonth(report.inputs.startMonth, report.paybackMonth, locale),
        }),
    ready
      ? fill(s.npvInterval, {
          ...shared,
          p10: rounded(mc.npvP10Minor!),
          p90: rounded(mc.npvP90Minor!),
          probability: percentText(mc.probabilityPositive ?? 0, locale, 1),
        })
      : fill(s.npvPending, shared),
  ];
}

function figures(report: RoiReport, words: Words, locale: Locale): RoiFact[] {
  const money = (minor: number) => formatMoney(minor, report.currency, locale);
  const f = words.figures;
  const mc = report.monteCarlo;
  const simulated = (minor: number | null) => (mc.status === "ready" && minor !== null ? money(minor) : f.pending);
  return [
    { label: f.paid, value: money(report.cashFlows.reduce((sum, c) => sum + c.investmentMinor, 0)) },
    { label: f.avoided, value: money(report.cashFlows.reduce((sum, c) => sum + c.benefitMinor, 0)) },
    { label: f.npv, value: money(report.npvMinor) },
    {
      label: f.irr,
      value:
        report.irrAnnual === null
          ? f.noIrr
          : fill(f.irrValue, { rate: irrShown(report.irrAnnual, (rate) => percentText(rate, locale, 1)) }),
    },
    {
      label: f.payback,
      value:
        report.paybackMonth === null
          ? fill(f.noPayback, { horizon: String(report.horizonMonths) })
          : monthValue(report, report.paybackMonth, words, locale),
    },
    { label: f.p10, value: simulated(mc.npvP10Minor) },
    { label: f.p50, value: simulated(mc.npvP50Minor) },
    { label: f.p90, value: simulated(mc.npvP90Minor) },
    {
      label: f.probability,
      value:
        mc.status === "ready" && mc.probabilityPositive !== null
          ? percentText(mc.probabilityPositive, locale, 1)
          : f.pending,
    },
  ];
}

function histogram(report: RoiReport, words: Words, locale: Locale): RoiReportDocument["histogram"] {
  const mc = report.monteCarlo;
  const title = fill(words.charts.histogramTitle, { draws: numberText(mc.draws, locale, 0) });
  if (mc.status !== "ready") return { title, chart: null, pending: words.charts.histogramPending };
  const short = (minor: number) => compactMoney(minor, report.currency, locale);
  const markers = (
    [
      ["P10", mc.npvP10Minor],
      ["P50", mc.npvP50Minor],
      ["P90", mc.npvP90Minor],
    ] as const
  ).flatMap(([name, value]) => (value === null ? [] : [{ valueMinor: value, label: `${name} ${short(value)}` }]));
  return {
    title,
    chart: histogramChart({
      histogram: mc.histogram,
      markers,
      money: short,
      count: (n) => numberText(n, locale, 0),
    }),
    pending: null,
  };
}

/**
 * The report as a document. `measure` sizes the system map's boxes to their text in the
 * documents' font; the inputs' client name says who pays in the summary.
 */
export function roiReportDocument(report: RoiReport, locale: Locale, measure: TextMeasure): RoiReportDocument {
  const words = documentWords(locale, "roi");
  const short = (minor: number) => compactMoney(minor, report.currency, locale);
  const detail = (component: { costOfDelayPerQuarterMinor: number; feesMinor: number }) =>
    fill(words.systemMap.detail, {
      costOfDelay: short(component.costOfDelayPerQuarterMinor),
      fees: short(component.feesMinor),
    });
  // names are bold: measuring every line bold errs on the wide side
  const layout = layoutSystemMap(report.systemMap, (text, size) => measure(text, size, true), detail);
  const start = calendarMonth(report.inputs.startMonth, 0, locale);
  return {
    locale,
    title: words.title,
    subtitle: fill(words.subtitle, { currency: report.currency, startMonth: start }),
    summaryTitle: words.summaryTitle,
    // a snapshot shared before the inputs named the client has no name: the catalog's "the client"
    summary: summary(report, words, locale, report.inputs.clientName?.trim() || words.theClient),
    figures: figures(report, words, locale),
    cashFlowChart: {
      title: words.charts.cashFlowTitle,
      chart: cashFlowChart({
        cashFlows: report.cashFlows,
        paybackMonth: report.paybackMonth,
        money: short,
        paybackLabel: (month) => fill(words.charts.paybackMarker, { month: String(month) }),
      }),
      legend: {
        investment: words.charts.investment,
        benefit: words.charts.benefit,
        cumulative: words.charts.cumulative,
      },
      monthAxis: words.charts.monthAxis,
    },
    histogram: histogram(report, words, locale),
    systemMap: {
      title: words.systemMap.title,
      intro: words.systemMap.intro,
      drawing: systemMapDrawing({
        map: report.systemMap,
        layout,
        detail,
        maxWidth: SYSTEM_MAP_BOX.width,
        maxHeight: SYSTEM_MAP_BOX.height,
      }),
      empty: words.systemMap.empty,
      components: componentTable(report, words, locale),
    },
    debt: {
      title: words.debt.title,
      intro: words.debt.intro,
      table: debtTable(report, words, locale),
      notes: [
        ...(report.debt.length === 0 ? [words.debt.empty] : []),
        ...(report.inputs.dayRateMinor === null && report.debt.length > 0 ? [words.debt.noDayRate] : []),
      ],
    },
    cashFlows: { title: words.cashFlows.title, table: cashFlowTable(report, words, locale) },
    assumptions: assumptions(report, words, locale),
    footer: `${words.title} · ${start}`,
    page: words.page,
  };
}
