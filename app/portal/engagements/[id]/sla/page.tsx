import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { InvoiceTable } from "@/components/invoice-table";
import { ActionItemList } from "@/components/sla/action-item-list";
import { ClauseCard } from "@/components/sla/clause-card";
import { PeriodPicker } from "@/components/sla/period-picker";
import { periodFromQuery } from "@/components/sla/period-keys";
import { SlaHelp } from "@/components/sla/sla-help";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";

export const dynamic = "force-dynamic";

/** The client's read-only SLA page: each clause judged over the period, action items, SLA credit notes. */
export default async function PortalSlaPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const period = periodFromQuery((await searchParams).period);
  const [engagement, compliance, actionItems, invoices] = await loadForPage((api) =>
    Promise.all([
      api.portal.engagement.get({ id }),
      api.portal.sla.compliance({ engagementId: id, period }),
      api.portal.sla.actionItems({ engagementId: id }),
      api.portal.invoice.list({ engagementId: id }),
    ]),
  );
  const t = await getTranslations("sla");
  const locale = await getLocale();
  const creditNotes = invoices.filter((invoice) => invoice.kind === "credit_note");
  const api = `/api/v1/engagements/${engagement.id}/sla`;
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/portal/engagements/${engagement.id}`} className="text-sm text-teal-800 hover:underline">
          ← {engagement.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <PeriodPicker period={period} href={(key) => `/portal/engagements/${engagement.id}/sla?period=${key}`} />
        <p className="flex gap-3 text-sm">
          <a href={`${api}/report?period=${period}`} className="text-teal-800 underline" download>
            {t("portal.report", { period })}
          </a>
          <a href={`${api}/openslo`} className="text-teal-800 underline" download>
            {t("portal.openslo")}
          </a>
        </p>
      </div>
      <p className="text-sm" data-testid="sla-total-credit">
        {compliance.totalCreditMinor === null
          ? t("portal.amountsHidden")
          : t("totalCredit", { period, total: formatMoney(compliance.totalCreditMinor, compliance.currency, locale) })}
      </p>
      {compliance.clauses.length === 0 && <p className="text-sm text-slate-600">{t("noClauses")}</p>}
      <div className="space-y-4">
        {compliance.clauses.map((clause) => (
          <ClauseCard key={clause.id} clause={clause} currency={compliance.currency} />
        ))}
      </div>
      <section>
        <h2 className="text-lg font-semibold">{t("portal.creditNotes")}</h2>
        <Card className="mt-3">
          {creditNotes.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">{t("portal.noCreditNotes")}</p>
          ) : (
            <InvoiceTable invoices={creditNotes} />
          )}
        </Card>
      </section>
      <section>
        <h2 className="text-lg font-semibold">{t("actionItems.title")}</h2>
        <Card className="mt-3 p-4">
          <ActionItemList items={actionItems} />
        </Card>
      </section>
      <SlaHelp />
    </div>
  );
}
