import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/server/domain/currency";
import { matchLocale } from "@/server/domain/locale";
import { formatExactMoney, formatQuantity } from "@/server/domain/usage/invoice-line";

// A period's usage per meter: quantity, free, billable, each tier and the amount, and the
// quantity of each tenant. Shared by the consultant's tab and the portal; amounts are null where a
// client viewer may not see them.

export interface UsageReportView {
  period: string;
  currency: string;
  closed: boolean;
  totalMinor: number | null;
  meters: {
    meter: string;
    unit: string;
    quantity: number;
    freeQuantity: number;
    billableQuantity: number;
    amountMinor: number | null;
    amountExact: string | null;
    tiers: {
      upTo: number | null;
      priceMinor: number | null;
      perQuantity: number;
      quantity: number;
      amountExact: string | null;
    }[];
    byTenant: { tenant: string; quantity: number }[];
    closesAt: string;
    invoice: { id: string; number: string } | null;
  }[];
}

/** "up to 1,000,000" or "above 1,000,000": a tier's bounds in billable units. */
export function TierRange({ tiers, index }: { tiers: { upTo: number | null }[]; index: number }) {
  const t = useTranslations("usage.page");
  const locale = matchLocale(useLocale()) ?? "en";
  const upTo = tiers[index]!.upTo;
  if (upTo !== null) return <>{t("upTo", { upTo: formatQuantity(upTo, locale) })}</>;
  return <>{t("above", { from: formatQuantity(tiers[index - 1]?.upTo ?? 0, locale) })}</>;
}

export function TenantTable({ tenants, unit }: { tenants: { tenant: string; quantity: number }[]; unit: string }) {
  const t = useTranslations("usage.page");
  const locale = matchLocale(useLocale()) ?? "en";
  const total = tenants.reduce((sum, row) => sum + row.quantity, 0);
  const share = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  return (
    <Table aria-label={t("tenantsCaption")}>
      <thead>
        <tr>
          <Th>{t("tenant")}</Th>
          <Th className="text-right">{t("quantityIn", { unit })}</Th>
          <Th className="text-right">{t("share")}</Th>
        </tr>
      </thead>
      <tbody>
        {tenants.map((row) => (
          <tr key={row.tenant} data-tenant={row.tenant}>
            <Td>{row.tenant || t("noTenant")}</Td>
            <Td className="text-right tabular-nums">{formatQuantity(row.quantity, locale)}</Td>
            <Td className="text-right tabular-nums">{total > 0 ? share.format(row.quantity / total) : "—"}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function UsageReport({
  report,
  invoiceHref,
}: {
  report: UsageReportView;
  invoiceHref: (invoiceId: string) => string;
}) {
  const t = useTranslations("usage.page");
  const locale = matchLocale(useLocale()) ?? "en";
  const q = (quantity: number) => formatQuantity(quantity, locale);
  const exact = (amount: string | null) => (amount === null ? "—" : formatExactMoney(amount, report.currency, locale));
  if (report.meters.length === 0) return <p className="text-sm text-slate-600">{t("noMeters")}</p>;
  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="usage-total">
        {report.totalMinor === null
          ? t("amountsHidden")
          : t("total", { period: report.period, total: formatMoney(report.totalMinor, report.currency, locale) })}
        {" · "}
        {report.closed ? t("closed") : t("open")}
      </p>
      {report.meters.map((meter) => (
        <Card key={meter.meter} className="space-y-3 p-4" data-meter={meter.meter}>
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="font-medium">
              {meter.meter} <span className="text-sm font-normal text-slate-600">({meter.unit})</span>
            </h3>
            <p className="text-sm">
              {meter.invoice ? (
                <>
                  {t("invoicedOn")}{" "}
                  <Link href={invoiceHref(meter.invoice.id)} className="text-teal-800 underline">
                    {meter.invoice.number}
                  </Link>
                </>
              ) : (
                t("notInvoiced", { closesAt: meter.closesAt.slice(0, 16).replace("T", " ") })
              )}
            </p>
          </div>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-slate-600">{t("quantity")}</dt>
              <dd className="tabular-nums" data-testid="usage-quantity">
                {q(meter.quantity)}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("free")}</dt>
              <dd className="tabular-nums">{q(meter.freeQuantity)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("billable")}</dt>
              <dd className="tabular-nums">{q(meter.billableQuantity)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("amount")}</dt>
              <dd className="tabular-nums" data-testid="usage-amount">
                {meter.amountMinor === null ? "—" : formatMoney(meter.amountMinor, report.currency, locale)}
                {meter.amountExact !== null && (
                  <span className="block text-xs text-slate-500">
                    {t("exact", { amount: exact(meter.amountExact) })}
                  </span>
                )}
              </dd>
            </div>
          </dl>
          <Table aria-label={t("tiersCaption", { meter: meter.meter })}>
            <thead>
              <tr>
                <Th>{t("tier")}</Th>
                <Th className="text-right">{t("quantityIn", { unit: meter.unit })}</Th>
                <Th className="text-right">{t("price")}</Th>
                <Th className="text-right">{t("tierAmount")}</Th>
              </tr>
            </thead>
            <tbody>
              {meter.tiers.map((tier, index) => (
                <tr key={index}>
                  <Td>
                    {index + 1} · <TierRange tiers={meter.tiers} index={index} />
                  </Td>
                  <Td className="text-right tabular-nums">{q(tier.quantity)}</Td>
                  <Td className="text-right tabular-nums">
                    {tier.priceMinor === null
                      ? "—"
                      : t("pricePer", {
                          price: exact(String(tier.priceMinor)),
                          per: q(tier.perQuantity),
                          unit: meter.unit,
                        })}
                  </Td>
                  <Td className="text-right tabular-nums">{exact(tier.amountExact)}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {meter.byTenant.length > 0 && <TenantTable tenants={meter.byTenant} unit={meter.unit} />}
        </Card>
      ))}
    </div>
  );
}
