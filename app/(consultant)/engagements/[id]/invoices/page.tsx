import { getLocale, getTranslations } from "next-intl/server";
import { InvoiceTable } from "@/components/invoice-table";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney, minorToDecimal, minorUnitDigits } from "@/server/domain/currency";
import { InvoiceActions } from "../_components/invoice-actions";
import { IssueInvoice } from "../_components/issue-invoice";
import { loadEngagement } from "../_components/load-engagement";

export const dynamic = "force-dynamic";

export default async function EngagementInvoicesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, invoices] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) => api.invoice.list({ engagementId: id })),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h2 className="text-lg font-semibold">{t("invoices.title")}</h2>
      <Card className="mt-3">
        <InvoiceTable
          invoices={invoices}
          actions={(invoice) =>
            invoice.kind === "invoice" && invoice.status !== "void" && invoice.status !== "paid" ? (
              <InvoiceActions
                invoiceId={invoice.id}
                number={invoice.number}
                currency={invoice.currency}
                outstandingMajor={minorToDecimal(
                  invoice.totalMinor -
                    invoice.paidMinor -
                    (invoices.find((i) => i.id === invoice.id)?.creditedMinor ?? 0),
                  minorUnitDigits(invoice.currency),
                )}
              />
            ) : null
          }
        />
        <div className="border-t border-slate-100 p-4">
          <h3 className="mb-2 font-medium">{t("invoices.issueTitle")}</h3>
          <IssueInvoice
            engagementId={engagement.id}
            candidates={engagement.milestones
              .filter((m) => m.actions.includes("invoice") && m.gate.open)
              .map((m) => ({
                id: m.id,
                title: m.title,
                amount: formatMoney(m.amountMinor, engagement.currency, locale),
              }))}
          />
        </div>
      </Card>
    </>
  );
}
