import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Table, Td, Th } from "@/components/ui/table";
import type { ContractOut } from "@/server/api/routers/maintenance/maintenance.schema";
import { feeText } from "./fee-text";
import { formatIsoDate } from "@/server/domain/format";
import { DeliveryList } from "./delivery-list";

export type TermRow = ContractOut["terms"][number];

/**
 * A contract's terms: dates, fee, invoice, what was delivered in each and whether the client attested
 * access to the upgrade channel. `invoiceAction` and `accessAction` add the reader's controls.
 */
export function TermTable({
  terms,
  currency,
  caption,
  invoiceAction,
  accessAction,
}: {
  terms: TermRow[];
  currency: string;
  caption: string;
  invoiceAction?: (term: TermRow) => ReactNode;
  accessAction?: (term: TermRow) => ReactNode;
}) {
  const t = useTranslations("maintenance.page.terms");
  const hidden = useTranslations("invoices")("hidden");
  const statuses = useTranslations("invoices.statuses");
  const locale = useLocale();
  const date = (iso: string) => formatIsoDate(iso, locale);
  return (
    <Table>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          <Th>{t("term")}</Th>
          <Th>{t("period")}</Th>
          <Th className="text-right">{t("fee")}</Th>
          <Th>{t("invoice")}</Th>
          <Th>{t("deliveries")}</Th>
          <Th>{t("upgradeAccess")}</Th>
        </tr>
      </thead>
      <tbody>
        {terms.map((term) => (
          <tr key={term.id} data-term={term.index} data-current={term.current || undefined}>
            <Td className="whitespace-nowrap">
              {t("index", { index: term.index })}
              {term.current && (
                <span className="ml-2 rounded bg-teal-100 px-1.5 py-0.5 text-xs font-medium text-teal-900">
                  {t("current")}
                </span>
              )}
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {t("fromTo", { from: date(term.from), to: date(term.to) })}
            </Td>
            <Td className="text-right tabular-nums">{feeText(term.feeMinor, currency, locale, hidden)}</Td>
            <Td data-testid="term-invoice">
              {term.invoice ? (
                <>
                  <a href={`/api/v1/invoices/${term.invoice.id}/pdf`} className="text-teal-800 underline" download>
                    {term.invoice.number}
                  </a>
                  <span className="block text-xs text-slate-500">{statuses(term.invoice.status)}</span>
                </>
              ) : (
                (invoiceAction?.(term) ?? <span className="text-slate-500">{t("notInvoiced")}</span>)
              )}
            </Td>
            <Td>
              <DeliveryList deliveries={term.deliveries} />
            </Td>
            <Td data-testid="term-access">
              {term.upgradeAccess ? (
                <span>
                  {t("attested", {
                    date: date(term.upgradeAccess.attestedAt.slice(0, 10)),
                    by: term.upgradeAccess.by || t("someone"),
                  })}
                </span>
              ) : (
                <>
                  <span className="text-slate-500">{t("notAttested")}</span>
                  {accessAction?.(term)}
                </>
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
