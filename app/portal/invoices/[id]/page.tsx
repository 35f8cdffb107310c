import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TenantTable, TierRange } from "@/components/usage/usage-report";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { matchLocale } from "@/server/domain/locale";
import { formatExactMoney, formatQuantity } from "@/server/domain/usage/invoice-line";

export const dynamic = "force-dynamic";

/** One invoice as the client reads it: its lines (a usage line with its quantities, tiers and tenants) and totals. */
export default async function PortalInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const invoice = await loadForPage((api) => api.portal.invoice.get({ id }));
  const t = await getTranslations();
  const locale = matchLocale(await getLocale()) ?? "en";
  const money = (minor: number | null) =>
    minor === null ? t("invoices.hidden") : formatMoney(minor, invoice.currency, locale);
  const exact = (amount: string | null) => (amount === null ? "—" : formatExactMoney(amount, invoice.currency, locale));
  const q = (quantity: number) => formatQuantity(quantity, locale);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/portal" className="text-sm text-teal-800 hover:underline">
          ← {t("portal.back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">
          {invoice.kind === "credit_note" ? t("invoices.creditNote") : t("usage.portal.invoice")} {invoice.number}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {invoice.engagementTitle} · {t(`invoices.statuses.${invoice.status}`)} · {invoice.issueDate} ·{" "}
          {t("invoices.due")} {invoice.dueDate}
        </p>
        {!invoice.amountsHidden && (
          <a href={`/api/v1/invoices/${invoice.id}/pdf`} className="text-sm text-teal-800 underline" download>
            {t("invoices.pdf")}
          </a>
        )}
      </div>
      {invoice.lines.map((line, index) => (
        <Card key={index} className="space-y-3 p-4" data-line={index + 1}>
          <div className="flex flex-wrap justify-between gap-2">
            <h2 className="font-medium">{line.description}</h2>
            <p className="tabular-nums">{money(line.amountMinor)}</p>
          </div>
          {line.usage && (
            <>
              <p className="text-sm" data-testid="usage-line-quantities">
                {t("usage.portal.quantities", {
                  quantity: q(line.usage.quantity),
                  unit: line.usage.unit,
                  free: q(line.usage.freeQuantity),
                  billable: q(line.usage.billableQuantity),
                })}
              </p>
              <Table aria-label={t("usage.page.tiersCaption", { meter: line.usage.meter })}>
                <thead>
                  <tr>
                    <Th>{t("usage.page.tier")}</Th>
                    <Th className="text-right">{t("usage.page.quantityIn", { unit: line.usage.unit })}</Th>
                    <Th className="text-right">{t("usage.page.price")}</Th>
                    <Th className="text-right">{t("usage.page.tierAmount")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {line.usage.tiers.map((tier, tierIndex) => (
                    <tr key={tierIndex}>
                      <Td>
                        {tierIndex + 1} · <TierRange tiers={line.usage!.tiers} index={tierIndex} />
                      </Td>
                      <Td className="text-right tabular-nums">{q(tier.quantity)}</Td>
                      <Td className="text-right tabular-nums">
                        {tier.priceMinor === null
                          ? "—"
                          : t("usage.page.pricePer", {
                              price: exact(String(tier.priceMinor)),
                              per: q(tier.perQuantity),
                              unit: line.usage!.unit,
                            })}
                      </Td>
                      <Td className="text-right tabular-nums">{exact(tier.amountExact)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {line.usage.amountExact !== null && (
                <p className="text-xs text-slate-600">
                  {t("usage.page.exact", { amount: exact(line.usage.amountExact) })}
                </p>
              )}
              <h3 className="text-sm font-medium">{t("usage.portal.byTenant")}</h3>
              <TenantTable tenants={line.usage.byTenant} unit={line.usage.unit} />
            </>
          )}
        </Card>
      ))}
      <Card className="p-4">
        <dl className="ml-auto grid max-w-xs grid-cols-2 gap-1 text-sm">
          <dt>{t("usage.portal.subtotal")}</dt>
          <dd className="text-right tabular-nums">{money(invoice.subtotalMinor)}</dd>
          <dt>{t("usage.portal.tax")}</dt>
          <dd className="text-right tabular-nums">{money(invoice.taxMinor)}</dd>
          <dt className="font-semibold">{t("invoices.total")}</dt>
          <dd className="text-right font-semibold tabular-nums" data-testid="invoice-total">
            {money(invoice.totalMinor)}
          </dd>
        </dl>
      </Card>
    </div>
  );
}
