import { documentWords, fill, type DocumentWords } from "./document-words";
import {
  formatDelta,
  formatNumber,
  formatStats,
  verdictTone,
  verdictWord,
  type BenchmarkReport,
  type BenchmarkReportRow,
  type EvidenceFileFacts,
  type VerdictTone,
} from "./benchmark-report";
import type { MetricStats } from "./evidence/go-bench";
import type { Locale } from "./locale";

// The benchmark comparison report as a document (templates/benchmark-report.tsx draws it): labels
// in the reader's language, figures formatted, the chart's bars scaled, and the benchmarks split
// into pages by an estimate of their height that errs on the tall side, so no page overflows.

export interface BenchmarkReportSource {
  engagement: string;
  client: string;
  milestone: string;
  baseline: EvidenceFileFacts;
  current: EvidenceFileFacts;
  report: BenchmarkReport;
}

export interface ChartBar {
  label: string;
  /** the median and the min-max whisker, as fractions of the group's scale */
  median: number;
  min: number;
  max: number;
  text: string;
  tone: VerdictTone | "baseline";
}

export interface ChartGroup {
  name: string;
  bars: [ChartBar, ChartBar];
}

export interface ReportTableRow {
  benchmark: string;
  metric: string;
  baseline: string;
  current: string;
  delta: string;
  p: string;
  verdict: string;
  tone: VerdictTone;
}

export interface BenchmarkReportPage {
  chart: ChartGroup[];
  rows: ReportTableRow[];
}

export interface BenchmarkReportViewModel {
  locale: Locale;
  title: string;
  /** the engagement's title and its client */
  engagement: string;
  milestone: string;
  generatedAt: string;
  files: { label: string; value: string }[];
  method: string;
  /** benchmarks only one file has, on the first page */
  notes: string[];
  chartTitle: string;
  columns: {
    benchmark: string;
    metric: string;
    baseline: string;
    current: string;
    delta: string;
    p: string;
    verdict: string;
  };
  pages: BenchmarkReportPage[];
  empty: string;
  pageLabel: string;
}

/**
 * The template's sizes in points (landscape A4, Noto Sans SC, whose lines are ~1.45 em tall),
 * rounded up. Characters per line assume an average Latin width of 0.55 em; CJK counts double.
 */
export const REPORT_LAYOUT = {
  body: 595.28 - 36 - 48,
  heading: 30,
  line: 13.5,
  smallLine: 11.5,
  chartTitle: 34,
  chartGroupBars: 2 * 12 + 8,
  tableHead: 8 + 2 * 13.5,
  rowPadding: 8,
  chars: { meta: 140, file: 150, method: 175, chartName: 150, benchmarkColumn: 30 },
} as const;

/** Names listed in a note, at most NAMES_LISTED of them and how many more. */
const NAMES_LISTED = 12;
const someNames = (names: readonly string[]) =>
  names.length > NAMES_LISTED
    ? `${names.slice(0, NAMES_LISTED).join(", ")} … (+${names.length - NAMES_LISTED})`
    : names.join(", ");
const FILENAME_SHOWN = 80;
const shortened = (name: string) => (name.length > FILENAME_SHOWN ? `${name.slice(0, FILENAME_SHOWN - 1)}…` : name);
/** Sub-benchmark names may break after each "/" (a zero-width space), not only at the column's edge. */
const breakable = (name: string) => name.replace(/\//g, "/\u200B");

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return width;
}
const linesOf = (text: string, chars: number) => Math.max(1, Math.ceil(textWidth(text) / chars));

function chartGroup(row: BenchmarkReportRow, locale: Locale, labels: DocumentWords<"benchmarkReport">): ChartGroup {
  const scale = Math.max(row.baseline.max, row.current.max) || 1;
  const bar = (label: string, stats: MetricStats, tone: ChartBar["tone"]): ChartBar => ({
    label,
    median: stats.median / scale,
    min: stats.min / scale,
    max: stats.max / scale,
    text: `${formatNumber(stats.median, locale)} ns/op`,
    tone,
  });
  return {
    name: breakable(row.name),
    bars: [bar(labels.baseline, row.baseline, "baseline"), bar(labels.current, row.current, verdictTone(row.verdict))],
  };
}

function tableRow(row: BenchmarkReportRow, locale: Locale, labels: DocumentWords<"benchmarkReport">): ReportTableRow {
  return {
    benchmark: breakable(row.name),
    metric: row.metric,
    baseline: formatStats(row.baseline, locale),
    current: formatStats(row.current, locale),
    delta: formatDelta(row.deltaPct, locale),
    p: String(row.p),
    verdict: labels.verdicts[verdictWord(row.metric, row.verdict)],
    tone: verdictTone(row.verdict),
  };
}

/** The estimated height of one benchmark: its chart group (when it has ns/op) and its table rows. */
function benchmarkHeight(name: string, rows: readonly BenchmarkReportRow[]): number {
  const L = REPORT_LAYOUT;
  const group = rows.some((row) => row.metric === "ns/op")
    ? linesOf(name, L.chars.chartName) * L.line + L.chartGroupBars
    : 0;
  return group + rows.length * (L.rowPadding + linesOf(name, L.chars.benchmarkColumn) * L.line);
}

/** Benchmarks in order, as many on a page as its body holds; the first page also holds the header. */
function planPages(source: BenchmarkReport, headerHeight: number): BenchmarkReportRow[][] {
  const L = REPORT_LAYOUT;
  const byName = new Map<string, BenchmarkReportRow[]>();
  for (const row of source.benchmarks) byName.set(row.name, [...(byName.get(row.name) ?? []), row]);
  const pages: BenchmarkReportRow[][] = [];
  let page: BenchmarkReportRow[] = [];
  let used = 0;
  for (const [name, rows] of byName) {
    const height = benchmarkHeight(name, rows);
    const room = L.body - L.chartTitle - L.tableHead - (pages.length === 0 ? headerHeight : 0);
    // a benchmark taller than a page still gets one of its own
    if (page.length > 0 && used + height > room) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(...rows);
    used += height;
  }
  if (page.length > 0 || pages.length === 0) pages.push(page);
  return pages;
}

export function benchmarkReportViewModel(
  source: BenchmarkReportSource,
  locale: Locale,
  generatedAt: Date,
): BenchmarkReportViewModel {
  const L = REPORT_LAYOUT;
  const labels = documentWords(locale, "benchmarkReport");
  const file = (facts: EvidenceFileFacts) =>
    `${shortened(facts.filename ?? labels.unnamed)} · SHA-256 ${facts.sha256.slice(0, 12)} · ` +
    `${utc(facts.createdAt)} · ${facts.milestoneTitle}`;
  const files = [
    { label: labels.baseline, value: file(source.baseline) },
    { label: labels.current, value: file(source.current) },
  ];
  const notes = [
    ...(source.report.onlyInBaseline.length
      ? [fill(labels.onlyInBaseline, { names: someNames(source.report.onlyInBaseline) })]
      : []),
    ...(source.report.onlyInCurrent.length
      ? [fill(labels.onlyInCurrent, { names: someNames(source.report.onlyInCurrent) })]
      : []),
  ];
  const vm = {
    locale,
    title: labels.title,
    engagement: `${source.engagement} · ${source.client}`,
    milestone: `${labels.milestone}: ${source.milestone}`,
    generatedAt: `${labels.generated} ${utc(generatedAt.toISOString())}`,
    files,
    method: labels.method,
    notes,
  };
  const small = (text: string, chars: number) => linesOf(text, chars) * L.smallLine + 3;
  const headerHeight =
    L.heading +
    [vm.engagement, vm.milestone, vm.generatedAt].reduce(
      (sum, text) => sum + linesOf(text, L.chars.meta) * L.line + 2,
      0,
    ) +
    files.reduce((sum, f) => sum + small(f.value, L.chars.file), 0) +
    small(vm.method, L.chars.method) +
    notes.reduce((sum, note) => sum + small(note, L.chars.method) + 3, 0) +
    6;
  return {
    ...vm,
    chartTitle: labels.chartTitle,
    columns: { ...labels.columns },
    pages: planPages(source.report, headerHeight).map((rows) => ({
      chart: rows.filter((row) => row.metric === "ns/op").map((row) => chartGroup(row, locale, labels)),
      rows: rows.map((row) => tableRow(row, locale, labels)),
    })),
    empty: labels.empty,
    pageLabel: labels.page,
  };
}
