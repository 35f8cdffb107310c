"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "@/server/domain/currency";
import type { MonteCarloSummary } from "@/server/domain/roi/report";
import { binIndexOf, compactMoney, histogramPoints } from "./chart-data";

// How the simulated NPVs fall: one bar per bin, P10, P50 and P90 marked on the bin they fall in.

export function NpvHistogram({ monteCarlo, currency }: { monteCarlo: MonteCarloSummary; currency: string }) {
  const t = useTranslations("roi.histogram");
  const locale = useLocale();
  if (monteCarlo.status !== "ready" || monteCarlo.histogram.length === 0)
    return <p className="text-sm text-slate-600">{t("pending")}</p>;
  const data = histogramPoints(monteCarlo.histogram);
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const marks = (
    [
      ["P10", monteCarlo.npvP10Minor],
      ["P50", monteCarlo.npvP50Minor],
      ["P90", monteCarlo.npvP90Minor],
    ] as const
  ).flatMap(([label, value]) => {
    const index = value === null ? null : binIndexOf(monteCarlo.histogram, value);
    return index === null || value === null ? [] : [{ label, index, value }];
  });
  return (
    <figure>
      <figcaption className="sr-only">{t("caption", { draws: monteCarlo.draws })}</figcaption>
      <p className="mb-1 text-xs text-slate-500" aria-hidden="true">
        {t("legend", { draws: monteCarlo.draws, seed: monteCarlo.seed })}
      </p>
      <div className="h-64" data-testid="roi-npv-histogram" data-bins={data.length}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} barCategoryGap={1} margin={{ top: 16, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="index"
              tick={{ fontSize: 11 }}
              tickFormatter={(index: number) => compactMoney(data[index]?.fromMinor ?? 0, currency, locale)}
            />
            <YAxis width={48} tick={{ fontSize: 11 }} allowDecimals={false} />
            <Tooltip
              labelFormatter={(index) => {
                const bin = data[Number(index)];
                return bin ? `${money(bin.fromMinor)} – ${money(bin.toMinor)}` : "";
              }}
              formatter={(value) => [String(value), t("draws")]}
            />
            <Bar dataKey="count" fill="#0f766e" isAnimationActive={false} />
            {marks.map((mark, order) => (
              <ReferenceLine
                key={mark.label}
                x={mark.index}
                stroke="#1e3a8a"
                strokeDasharray="4 2"
                // stacked, so marks that fall in one bin stay readable
                label={{
                  value: `${mark.label} ${compactMoney(mark.value, currency, locale)}`,
                  position: "insideTop",
                  dy: order * 13,
                  fontSize: 11,
                }}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
