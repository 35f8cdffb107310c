"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { compactMoney } from "@/components/roi/chart-data";
import { formatMoney } from "@/server/domain/currency";

// One bar per debt item, in the register's order: what a week of waiting costs.

const shortTitle = (title: string) => (title.length > 24 ? `${title.slice(0, 23)}…` : title);

export function CostOfDelayChart({
  items,
  currency,
}: {
  items: { id: string; title: string; costOfDelayPerWeekMinor: number }[];
  currency: string;
}) {
  const t = useTranslations("debt.chart");
  const locale = useLocale();
  if (items.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const data = items.map((item) => ({ ...item, label: shortTitle(item.title) }));
  return (
    <figure>
      <figcaption className="sr-only">{t("caption")}</figcaption>
      <div className="h-64" data-testid="cost-of-delay-chart" data-bars={data.length}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
            <YAxis
              width={80}
              tick={{ fontSize: 11 }}
              tickFormatter={(value: number) => compactMoney(value, currency, locale)}
            />
            <Tooltip
              labelFormatter={(_, payload) => String(payload?.[0]?.payload?.title ?? "")}
              formatter={(value) => [formatMoney(Number(value), currency, locale), t("perWeek")]}
            />
            <Bar dataKey="costOfDelayPerWeekMinor" fill="#b45309" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
