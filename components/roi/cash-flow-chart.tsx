"use client";

import { useLocale, useTranslations } from "next-intl";
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatMoney } from "@/server/domain/currency";
import type { CashFlow } from "@/server/domain/roi/report";
import { cashFlowPoints, compactMoney } from "./chart-data";

// Monthly bars (investment below the axis, benefit above), the cumulative net as a line on its own
// axis, and the payback month marked.

export function CashFlowChart({
  cashFlows,
  currency,
  paybackMonth,
}: {
  cashFlows: CashFlow[];
  currency: string;
  paybackMonth: number | null;
}) {
  const t = useTranslations("roi.cashFlow");
  const locale = useLocale();
  const data = cashFlowPoints(cashFlows);
  if (data.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  const tick = (value: number) => compactMoney(value, currency, locale);
  return (
    <figure>
      <figcaption className="sr-only">{t("caption")}</figcaption>
      <p className="mb-1 text-xs text-slate-500" aria-hidden="true">
        {t("legend")}
      </p>
      <div
        className="h-72"
        data-testid="roi-cash-flow-chart"
        data-months={data.length}
        data-payback={paybackMonth ?? ""}
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} stackOffset="sign" margin={{ top: 16, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="month" tick={{ fontSize: 11 }} />
            <YAxis yAxisId="flows" width={80} tick={{ fontSize: 11 }} tickFormatter={tick} />
            <YAxis yAxisId="cumulative" orientation="right" width={80} tick={{ fontSize: 11 }} tickFormatter={tick} />
            <Tooltip
              labelFormatter={(month) => t("month", { month: Number(month) })}
              // investment is drawn below the axis but is an amount paid, shown as such
              formatter={(value, name) => {
                const minor = name === t("investment") ? Math.abs(Number(value)) : Number(value);
                return [formatMoney(minor, currency, locale), name];
              }}
            />
            <ReferenceLine yAxisId="flows" y={0} stroke="#475569" />
            <Bar
              yAxisId="flows"
              name={t("investment")}
              dataKey="investmentMinor"
              stackId="flows"
              fill="#b91c1c"
              isAnimationActive={false}
            />
            <Bar
              yAxisId="flows"
              name={t("benefit")}
              dataKey="benefitMinor"
              stackId="flows"
              fill="#0f766e"
              isAnimationActive={false}
            />
            <Line
              yAxisId="cumulative"
              name={t("cumulative")}
              dataKey="cumulativeMinor"
              stroke="#1e3a8a"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            {paybackMonth !== null && (
              <ReferenceLine
                yAxisId="flows"
                x={paybackMonth}
                stroke="#1e3a8a"
                strokeDasharray="4 2"
                label={{ value: t("payback", { month: paybackMonth }), position: "top", fontSize: 11 }}
              />
            )}
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
