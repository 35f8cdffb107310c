import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Table, Td, Th } from "@/components/ui/table";
import { rangeText } from "@/components/debt/register-rows";
import { formatMoney } from "@/server/domain/currency";
import type { RoiDebtInput } from "@/server/domain/roi/inputs";
import { monthKeyAt } from "./chart-data";

/** The debt ranges the simulation draws from; they are edited on the debt page. */
export function DebtRanges({
  debt,
  currency,
  startMonth,
  debtHref,
}: {
  debt: RoiDebtInput[];
  currency: string;
  startMonth: string;
  debtHref?: string;
}) {
  const t = useTranslations("roi.ranges");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (
    <div className="space-y-2">
      {debt.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <Table aria-label={t("title")}>
          <thead>
            <tr>
              <Th>{t("item")}</Th>
              <Th className="text-right">{t("costPerQuarter")}</Th>
              <Th className="text-right">{t("fixDays")}</Th>
              <Th>{t("fixMonth")}</Th>
            </tr>
          </thead>
          <tbody>
            {debt.map((item) => (
              <tr key={item.id}>
                <Td>{item.title}</Td>
                <Td className="text-right whitespace-nowrap">{rangeText(item.costPerQuarterMinor, money)}</Td>
                <Td className="text-right">{rangeText(item.fixDays, (days) => number.format(days))}</Td>
                <Td>
                  {item.fixMonth === null
                    ? t("open")
                    : t("month", { month: item.fixMonth, key: monthKeyAt(startMonth, item.fixMonth) })}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {debtHref && (
        <p className="text-sm">
          <Link href={debtHref} className="text-teal-800 underline">
            {t("edit")}
          </Link>
        </p>
      )}
    </div>
  );
}
