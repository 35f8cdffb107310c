"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  Legend,
  Rectangle,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from "recharts";
import { verdictTone, type BenchmarkReportRow, type VerdictTone } from "@/server/domain/benchmark-report";

// Each benchmark's ns/op, baseline and current, as a percentage of its baseline median, so
// benchmarks of very different sizes share one axis (100 = unchanged); whiskers are min-max.

const TONE: Record<VerdictTone, string> = { better: "#15803d", worse: "#b91c1c", neutral: "#0f766e" };
const BASELINE = "#94a3b8";

interface Point {
  name: string;
  baseline: number;
  baselineRange: [number, number];
  current: number;
  currentRange: [number, number];
  tone: VerdictTone;
}

function points(rows: readonly BenchmarkReportRow[]): Point[] {
  return rows
    .filter((row) => row.metric === "ns/op" && row.baseline.median > 0)
    .map((row) => {
      const pct = (value: number) => (100 * value) / row.baseline.median;
      const current = pct(row.current.median);
      return {
        name: row.name.replace(/^Benchmark/, ""),
        baseline: 100,
        baselineRange: [100 - pct(row.baseline.min), pct(row.baseline.max) - 100],
        current,
        currentRange: [current - pct(row.current.min), pct(row.current.max) - current],
        tone: verdictTone(row.verdict),
      };
    });
}

/** The current bar in its verdict's colour: green faster, red slower. */
function currentBar(props: BarShapeProps) {
  const tone = (props.payload as Point | undefined)?.tone ?? "neutral";
  return <Rectangle {...props} fill={TONE[tone]} />;
}

export function BenchmarkChart({ rows }: { rows: readonly BenchmarkReportRow[] }) {
  const t = useTranslations("benchmarkReport");
  const locale = useLocale();
  const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const data = points(rows);
  if (data.length === 0) return null;
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium">{t("chartTitle")}</figcaption>
      <div className="h-72" data-testid="benchmark-chart">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 11 }} interval={0} />
            <YAxis tickFormatter={(value: number) => `${percent.format(value)}%`} width={64} />
            <Tooltip formatter={(value) => `${percent.format(Number(value))}%`} />
            <Legend />
            <ReferenceLine y={100} stroke="#475569" strokeDasharray="4 2" />
            <Bar dataKey="baseline" name={t("baseline")} fill={BASELINE}>
              <ErrorBar dataKey="baselineRange" width={4} stroke="#0f172a" />
            </Bar>
            <Bar dataKey="current" name={t("current")} fill={TONE.neutral} shape={currentBar}>
              <ErrorBar dataKey="currentRange" width={4} stroke="#0f172a" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
