"use client";

import { useLocale, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney, minorUnitDigits } from "@/server/domain/currency";

// Bars are drawn from integer minor units; every label goes through formatMoney, so no amount is
// ever rounded through a float for display.

export interface CurrencyCashView {
  currency: string;
  byState: { state: string; amountMinor: number }[];
  byMonth: { month: string; invoicedMinor: number; paidMinor: number }[];
}

export function CashCharts({ cash }: { cash: CurrencyCashView }) {
  const t = useTranslations();
  const locale = useLocale();
  const money = (value: unknown) => formatMoney(Number(value), cash.currency, locale);
  // axis ticks only: a rough compact figure ("1.5M") needs no exact money
  const compact = (value: unknown) =>
    new Intl.NumberFormat(locale, { notation: "compact" }).format(Number(value) / 10 ** minorUnitDigits(cash.currency));
  const states = cash.byState.map((s) => ({ ...s, label: t(`milestoneState.${s.state}` as "milestoneState.planned") }));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure>
        <figcaption className="mb-2 text-sm font-medium">{t("cash.byState")}</figcaption>
        <div className="h-64" data-testid={`chart-state-${cash.currency}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={states}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-20} textAnchor="end" height={50} />
              <YAxis tickFormatter={compact} width={60} />
              <Tooltip formatter={money} />
              <Bar dataKey="amountMinor" name={cash.currency} fill="#0f766e" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure>
        <figcaption className="mb-2 text-sm font-medium">{t("cash.byMonth")}</figcaption>
        <div className="h-64" data-testid={`chart-month-${cash.currency}`}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={cash.byMonth}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="month" tick={{ fontSize: 11 }} />
              <YAxis tickFormatter={compact} width={60} />
              <Tooltip formatter={money} />
              <Legend />
              <Bar dataKey="invoicedMinor" name={t("cash.invoiced")} fill="#0369a1" />
              <Bar dataKey="paidMinor" name={t("cash.paid")} fill="#15803d" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
