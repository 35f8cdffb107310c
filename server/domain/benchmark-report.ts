import { compareResults, roundedDelta, roundedP, type BenchVerdict } from "./evidence/bench-compare";
import type { BenchMetric, BenchResults, MetricStats } from "./evidence/go-bench";
import type { Locale } from "./locale";

// The Go benchmark comparison report of a milestone: its current go-bench evidence against the
// engagement's baseline, per benchmark and metric (medians with min-max, delta, Mann-Whitney p,
// verdict). `benchmarkReport` is the API's JSON; `benchmarkReportViewModel` the document the PDF
// template draws, with labels in the reader's language and the chart's bars already scaled.

export interface BenchmarkReportRow {
  name: string;
  metric: BenchMetric;
  baseline: MetricStats;
  current: MetricStats;
  /** percent, 2 decimals; null when the baseline median is 0 and the current is not */
  deltaPct: number | null;
  /** two-sided Mann-Whitney U, 4 significant digits */
  p: number;
  verdict: BenchVerdict;
}

export interface BenchmarkReport {
  benchmarks: BenchmarkReportRow[];
  /** benchmarks that only one of the two files has (not compared) */
  onlyInBaseline: string[];
  onlyInCurrent: string[];
}

export function benchmarkReport(baseline: BenchResults, current: BenchResults): BenchmarkReport {
  const benchmarks = compareResults(baseline, current).map((change) => ({ ...change, deltaPct: roundedDelta(change.deltaPct), p: roundedP(change.p) }));
  return {
    benchmarks,
    onlyInBaseline: [...baseline.keys()].filter((name) => !current.has(name)),
    onlyInCurrent: [...current.keys()].filter((name) => !baseline.has(name)),
  };
}

/** How a verdict reads for a metric: time gets faster or slower, memory lower or higher. */
export type VerdictWord = "faster" | "slower" | "lower" | "higher" | "unchanged" | "tooFewRuns";

export function verdictWord(metric: BenchMetric, verdict: BenchVerdict): VerdictWord {
  if (verdict === "no significant change") return "unchanged";
  if (verdict === "too few runs") return "tooFewRuns";
  if (metric === "ns/op") return verdict;
  return verdict === "faster" ? "lower" : "higher";
}

/** Better, worse, or neither: the colour a row and its bar are drawn in. */
export type VerdictTone = "better" | "worse" | "neutral";
export const verdictTone = (verdict: BenchVerdict): VerdictTone => (verdict === "faster" ? "better" : verdict === "slower" ? "worse" : "neutral");

export interface EvidenceFileFacts {
  sha256: string;
  filename: string | null;
  createdAt: string;
  milestoneTitle: string;
}

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
  engagement: string;
  client: string;
  milestone: string;
  generatedAt: string;
  files: { label: string; value: string }[];
  method: string;
  chartTitle: string;
  columns: { benchmark: string; metric: string; baseline: string; current: string; delta: string; p: string; verdict: string };
  pages: BenchmarkReportPage[];
  notes: string[];
  empty: string;
  pageLabel: string;
}

const LABELS = {
  en: {
    title: "Go benchmark comparison report",
    milestone: "Milestone",
    generated: "Generated",
    baseline: "Baseline",
    current: "Current",
    fileOf: (file: string, sha: string, when: string, milestone: string) => `${file} · SHA-256 ${sha} · ${when} · ${milestone}`,
    method:
      "Medians over the runs in each file, with min–max and the number of runs n. p is a two-sided Mann-Whitney U test of the runs; below 0.05 the change is significant. Fewer than 4 runs on either side are too few to compare.",
    chartTitle: "ns/op: median (bar) and min–max (line), baseline and current",
    columns: { benchmark: "Benchmark", metric: "Metric", baseline: "Baseline median (min–max, n)", current: "Current median (min–max, n)", delta: "Delta", p: "p", verdict: "Verdict" },
    verdicts: { faster: "Faster", slower: "Slower", lower: "Lower", higher: "Higher", unchanged: "No significant change", tooFewRuns: "Too few runs" },
    onlyInBaseline: (names: string) => `Only in the baseline (not compared): ${names}`,
    onlyInCurrent: (names: string) => `Only in the current run (not compared): ${names}`,
    unnamed: "(unnamed file)",
    empty: "The two files have no benchmark in common.",
    page: "Page",
  },
  "zh-CN": {
    title: "Go 基准测试对比报告",
    milestone: "里程碑",
    generated: "生成于",
    baseline: "基线",
    current: "当前",
    fileOf: (file: string, sha: string, when: string, milestone: string) => `${file} · SHA-256 ${sha} · ${when} · ${milestone}`,
    method: "各文件中多次运行的中位数，附最小–最大值和运行次数 n。p 值来自对运行结果的双侧 Mann-Whitney U 检验，低于 0.05 即为显著变化。任一侧少于 4 次运行则不足以比较。",
    chartTitle: "ns/op：中位数（条形）与最小–最大值（线），基线与当前",
    columns: { benchmark: "基准测试", metric: "指标", baseline: "基线中位数（最小–最大，n）", current: "当前中位数（最小–最大，n）", delta: "变化", p: "p 值", verdict: "结论" },
    verdicts: { faster: "更快", slower: "更慢", lower: "更低", higher: "更高", unchanged: "无显著变化", tooFewRuns: "运行次数不足" },
    onlyInBaseline: (names: string) => `仅见于基线（未比较）：${names}`,
    onlyInCurrent: (names: string) => `仅见于当前运行（未比较）：${names}`,
    unnamed: "（未命名文件）",
    empty: "两个文件没有共同的基准测试。",
    page: "页",
  },
} as const;

/** Benchmarks per (landscape A4) page: each has a chart group and up to three table rows. */
export const BENCHMARKS_PER_PAGE = 3;

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    numberFormats.set(locale, format);
  }
  return format.format(value);
}

/** Names listed in a note, at most NAMES_LISTED of them and how many more. */
const NAMES_LISTED = 12;
const someNames = (names: readonly string[]) => (names.length > NAMES_LISTED ? `${names.slice(0, NAMES_LISTED).join(", ")} … (+${names.length - NAMES_LISTED})` : names.join(", "));

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** "−97.19%", "+0%" style deltas; "—" when there is no finite percentage. */
export function formatDelta(delta: number | null, locale: Locale): string {
  if (delta === null) return "—";
  return `${delta > 0 ? "+" : delta < 0 ? "−" : "±"}${formatNumber(Math.abs(delta), locale)}%`;
}

export function formatStats(stats: MetricStats, locale: Locale): string {
  return `${formatNumber(stats.median, locale)} (${formatNumber(stats.min, locale)}–${formatNumber(stats.max, locale)}, n=${stats.n})`;
}

function chartGroup(row: BenchmarkReportRow, locale: Locale, labels: (typeof LABELS)[Locale]): ChartGroup {
  const scale = Math.max(row.baseline.max, row.current.max) || 1;
  const bar = (label: string, stats: MetricStats, tone: ChartBar["tone"]): ChartBar => ({
    label,
    median: stats.median / scale,
    min: stats.min / scale,
    max: stats.max / scale,
    text: `${formatNumber(stats.median, locale)} ns/op`,
    tone,
  });
  return { name: row.name, bars: [bar(labels.baseline, row.baseline, "baseline"), bar(labels.current, row.current, verdictTone(row.verdict))] };
}

export function benchmarkReportViewModel(source: BenchmarkReportSource, locale: Locale, generatedAt: Date): BenchmarkReportViewModel {
  const labels = LABELS[locale];
  const file = (facts: EvidenceFileFacts) => labels.fileOf(facts.filename ?? labels.unnamed, facts.sha256.slice(0, 12), utc(facts.createdAt), facts.milestoneTitle);
  const names = [...new Set(source.report.benchmarks.map((row) => row.name))];
  const pages: BenchmarkReportPage[] = [];
  for (let i = 0; i < names.length; i += BENCHMARKS_PER_PAGE) {
    const onPage = new Set(names.slice(i, i + BENCHMARKS_PER_PAGE));
    const rows = source.report.benchmarks.filter((row) => onPage.has(row.name));
    pages.push({
      chart: rows.filter((row) => row.metric === "ns/op").map((row) => chartGroup(row, locale, labels)),
      rows: rows.map((row) => ({
        benchmark: row.name,
        metric: row.metric,
        baseline: formatStats(row.baseline, locale),
        current: formatStats(row.current, locale),
        delta: formatDelta(row.deltaPct, locale),
        p: String(row.p),
        verdict: labels.verdicts[verdictWord(row.metric, row.verdict)],
        tone: verdictTone(row.verdict),
      })),
    });
  }
  const notes = [
    ...(source.report.onlyInBaseline.length ? [labels.onlyInBaseline(someNames(source.report.onlyInBaseline))] : []),
    ...(source.report.onlyInCurrent.length ? [labels.onlyInCurrent(someNames(source.report.onlyInCurrent))] : []),
  ];
  return {
    locale,
    title: labels.title,
    engagement: source.engagement,
    client: source.client,
    milestone: `${labels.milestone}: ${source.milestone}`,
    generatedAt: `${labels.generated} ${utc(generatedAt.toISOString())}`,
    files: [
      { label: labels.baseline, value: file(source.baseline) },
      { label: labels.current, value: file(source.current) },
    ],
    method: labels.method,
    chartTitle: labels.chartTitle,
    columns: { ...labels.columns },
    pages: pages.length > 0 ? pages : [{ chart: [], rows: [] }],
    notes,
    empty: labels.empty,
    pageLabel: labels.page,
  };
}
