import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatMoney } from "@/server/domain/currency";
import { Table, Td, Th } from "./ui/table";

export interface InvoiceRow {
  id: string;
  kind: "invoice" | "credit_note";
  number: string;
  creditedNumber: string | null;
  status: "issued" | "partially_paid" | "paid" | "void";
  overdue: boolean;
  currency: string;
  /** null: hidden from this reader (a viewer of an engagement that hides amounts) */
  totalMinor: number | null;
  paidMinor: number | null;
  dueDate: string;
  engagementTitle?: string;
}

/** Invoices and credit notes with their status and the stored PDF; `actions` adds per-row controls. */
export function InvoiceTable<Row extends InvoiceRow>({
  invoices,
  actions,
  showEngagement = false,
}: {
  invoices: Row[];
  actions?: (invoice: Row) => ReactNode;
  showEngagement?: boolean;
}) {
  const t = useTranslations("invoices");
  const locale = useLocale();
  if (invoices.length === 0) return <p className="p-4 text-sm text-slate-600">{t("empty")}</p>;
  return (
    <Table aria-label={t("title")}>
      <thead>
        <tr>
          <Th>{t("number")}</Th>
          {showEngagement && <Th className="hidden md:table-cell" />}
          <Th>{t("status")}</Th>
          <Th className="text-right">{t("total")}</Th>
          <Th className="text-right">{t("paid")}</Th>
          <Th>{t("due")}</Th>
          <Th>{t("pdf")}</Th>
          {actions && <Th />}
        </tr>
      </thead>
      <tbody>
        {invoices.map((invoice) => (
          <tr key={invoice.id} data-invoice={invoice.number} data-status={invoice.status}>
            <Td>
              <span className="font-medium tabular-nums">{invoice.number}</span>
              {invoice.kind === "credit_note" && (
                <span className="block text-xs text-slate-500">
                  {t("credits", { number: invoice.creditedNumber ?? "" })}
                </span>
              )}
            </Td>
            {showEngagement && <Td className="hidden md:table-cell">{invoice.engagementTitle}</Td>}
            <Td>
              {invoice.kind === "credit_note" ? t("creditNote") : t(`statuses.${invoice.status}`)}
              {invoice.overdue && (
                <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                  {t("overdue")}
                </span>
              )}
            </Td>
            <Td className="text-right tabular-nums" data-testid="invoice-total">
              {invoice.totalMinor === null ? t("hidden") : formatMoney(invoice.totalMinor, invoice.currency, locale)}
            </Td>
            <Td className="text-right tabular-nums">
              {invoice.kind === "invoice"
                ? invoice.paidMinor === null
                  ? t("hidden")
                  : formatMoney(invoice.paidMinor, invoice.currency, locale)
                : ""}
            </Td>
            <Td className="tabular-nums">{invoice.kind === "invoice" ? invoice.dueDate : ""}</Td>
            <Td>
              {invoice.totalMinor === null ? (
                <span className="text-xs text-slate-500">{t("hidden")}</span>
              ) : (
                <a href={`/api/v1/invoices/${invoice.id}/pdf`} className="text-teal-800 underline" download>
                  {t("pdf")}
                </a>
              )}
            </Td>
            {actions && <Td>{actions(invoice)}</Td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
