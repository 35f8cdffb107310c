import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/server/domain/currency";
import type { Range } from "@/server/domain/debt/item";
import type { DebtFigures } from "@/server/domain/roi/report";
import { ImpactBadge } from "./impact-badge";

// The ranked debt register (WSJF, highest first), as the consultant's debt page and the client's
// shared ROI report show it. Figures are the likely ones; ranges are shown beside them when known.

export interface DebtRegisterRow {
  key: string;
  rank: number | null;
  figures: DebtFigures;
  costRange?: Range;
  daysRange?: Range;
  status?: ReactNode;
  actions?: ReactNode;
}

export function DebtRegisterTable({
  rows,
  currency,
  caption,
}: {
  rows: DebtRegisterRow[];
  currency: string;
  caption: string;
}) {
  const t = useTranslations("debt.register");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const withStatus = rows.some((row) => row.status !== undefined);
  const withActions = rows.some((row) => row.actions !== undefined);
  if (rows.length === 0) return <p className="p-4 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <Table aria-label={caption}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <Th>{t("rank")}</Th>
          <Th>{t("title")}</Th>
          <Th>{t("impact")}</Th>
          <Th className="text-right">{t("costPerQuarter")}</Th>
          <Th className="text-right">{t("fixDays")}</Th>
          <Th className="text-right">{t("fixCost")}</Th>
          <Th className="text-right">{t("costOfDelayPerWeek")}</Th>
          <Th className="text-right">{t("paybackWeeks")}</Th>
          <Th className="text-right">{t("wsjf")}</Th>
          <Th>{t("plAccount")}</Th>
          {withStatus && <Th>{t("status")}</Th>}
          {withActions && <Th>{t("actions")}</Th>}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, rank, figures, costRange, daysRange, status, actions }) => (
          <tr key={key} data-debt-item={figures.id} data-rank={rank ?? ""}>
            <Td>{rank ?? "–"}</Td>
            <Td className="min-w-48 font-medium">{figures.title}</Td>
            <Td>
              <ImpactBadge impact={figures.impact} />
            </Td>
            <Td className="text-right whitespace-nowrap">
              <RangeCell likely={figures.costPerQuarterMinor} range={costRange} format={money} />
            </Td>
            <Td className="text-right whitespace-nowrap">
              <RangeCell likely={figures.fixDays} range={daysRange} format={(days) => number.format(days)} />
            </Td>
            <Td className="text-right whitespace-nowrap">
              {figures.fixCostMinor === null ? t("noDayRate") : money(figures.fixCostMinor)}
            </Td>
            <Td className="text-right whitespace-nowrap">{money(figures.costOfDelayPerWeekMinor)}</Td>
            <Td className="text-right">
              {figures.paybackWeeks === null ? "–" : t("weeks", { weeks: number.format(figures.paybackWeeks) })}
            </Td>
            <Td className="text-right whitespace-nowrap" data-wsjf={figures.wsjf}>
              {/* minor units of delay cost per week, per day of fix */}
              {t("perFixDay", { amount: money(Math.round(figures.wsjf)) })}
            </Td>
            <Td>{figures.plAccount || "–"}</Td>
            {withStatus && <Td>{status}</Td>}
            {withActions && <Td>{actions}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** The likely figure, and under it the range (low – high) when the estimate is one. */
function RangeCell({ likely, range, format }: { likely: number; range?: Range; format: (n: number) => string }) {
  const spread = range && (range.low !== range.likely || range.likely !== range.high);
  return (
    <>
      {format(likely)}
      {spread ? (
        <span className="block text-xs text-slate-500">
          {format(range.low)} – {format(range.high)}
        </span>
      ) : null}
    </>
  );
}
