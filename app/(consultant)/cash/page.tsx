import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { CashCharts } from "./_components/cash-charts";

export const dynamic = "force-dynamic";

export default async function CashPage() {
  const cash = await loadForPage((api) => api.cash.summary());
  const t = await getTranslations("cash");
  const locale = await getLocale();
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>

      <h2 className="mt-6 text-lg font-semibold">{t("totals")}</h2>
      <Card className="mt-3">
        <Table aria-label={t("totals")}>
          <thead>
            <tr>
              <Th>{t("currency")}</Th>
              <Th className="text-right">{t("invoiced")}</Th>
              <Th className="text-right">{t("paid")}</Th>
              <Th className="text-right">{t("outstanding")}</Th>
              <Th className="text-right">{t("slaCredits")}</Th>
            </tr>
          </thead>
          <tbody>
            {cash.currencies.map((c) => (
              <tr key={c.currency} data-currency={c.currency}>
                <Td className="font-medium">{c.currency}</Td>
                <Td className="text-right tabular-nums">{formatMoney(c.totals.invoicedMinor, c.currency, locale)}</Td>
                <Td className="text-right tabular-nums">{formatMoney(c.totals.paidMinor, c.currency, locale)}</Td>
                <Td className="text-right tabular-nums">
                  {formatMoney(c.totals.outstandingMinor, c.currency, locale)}
                </Td>
                <Td className="text-right tabular-nums" data-sla-credits={c.totals.slaCreditsMinor}>
                  {formatMoney(c.totals.slaCreditsMinor, c.currency, locale)}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>

      {cash.currencies.map((c) => (
        <section key={c.currency} className="mt-8" aria-label={c.currency}>
          <h2 className="text-lg font-semibold">{c.currency}</h2>
          <Card className="mt-3 p-4">
            <CashCharts cash={c} />
          </Card>
        </section>
      ))}

      <h2 className="mt-8 text-lg font-semibold">{t("overdue")}</h2>
      <Card className="mt-3">
        {cash.overdue.length === 0 ? (
          <p className="p-4 text-sm text-slate-600">{t("noOverdue")}</p>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {cash.overdue.map((o) => (
              <li key={o.id} className="flex flex-wrap justify-between gap-2 px-4 py-2" data-overdue={o.number}>
                <span>
                  <span className="font-medium">{o.number}</span> · {o.clientName} · {o.engagementTitle}
                </span>
                <span className="tabular-nums">
                  {formatMoney(o.outstandingMinor, o.currency, locale)} · {o.dueDate} (+{o.daysOverdue})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
