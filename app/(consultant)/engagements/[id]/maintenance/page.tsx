import { getLocale, getTranslations } from "next-intl/server";
import { ContractActions } from "@/components/maintenance/contract-actions";
import { ContractForm } from "@/components/maintenance/contract-form";
import { ContractStandingLine } from "@/components/maintenance/contract-standing";
import { ContractSummary } from "@/components/maintenance/contract-summary";
import { IssueTermInvoice } from "@/components/maintenance/issue-term-invoice";
import { TermTable } from "@/components/maintenance/term-table";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatIsoDate } from "@/server/domain/format";
import { loadEngagement } from "../_components/load-engagement";

export const dynamic = "force-dynamic";

/** The engagement's maintenance contracts: terms, invoices, deliveries, the next renewal; the form. */
export default async function EngagementMaintenancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, contracts, clauses] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) => api.maintenance.list({ engagementId: id })),
    loadForPage((api) => api.sla.clauses({ engagementId: id, includeRetired: false })),
  ]);
  const t = await getTranslations("maintenance.page");
  const locale = await getLocale();
  const choices = clauses.map((clause) => ({ id: clause.id, title: clause.terms.title }));
  return (
    <div className="space-y-6">
      <div>
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      {contracts.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      {contracts.map((contract) => {
        const heading = t("contractHeading", { startsOn: formatIsoDate(contract.startsOn, locale) });
        return (
          <Card key={contract.id} className="space-y-4 p-4">
            <section aria-label={heading} data-contract={contract.id} className="space-y-4">
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 className="font-medium">{heading}</h3>
                  <ContractStandingLine contract={contract} />
                </div>
                <span className="text-xs text-slate-500">{t("revision", { revision: contract.revision })}</span>
              </div>
              <ContractSummary contract={contract} />
              <TermTable
                terms={contract.terms}
                currency={contract.currency}
                caption={t("terms.caption", { heading })}
                invoiceAction={(term) => <IssueTermInvoice termId={term.id} index={term.index} />}
              />
              <ContractActions
                engagementId={id}
                currency={contract.currency}
                clauses={choices}
                contract={{
                  id: contract.id,
                  revision: contract.revision,
                  termMonths: contract.termMonths,
                  startsOn: contract.startsOn,
                  // a consultant always sees fees: null only reaches a client's viewer
                  feeMinor: contract.feeMinor ?? 0,
                  includes: contract.includes,
                  clauseIds: contract.clauses.map((clause) => clause.id),
                  autoRenew: contract.autoRenew,
                  noticeDays: contract.noticeDays,
                  releaseTagPattern: contract.releaseTagPattern,
                }}
              />
            </section>
          </Card>
        );
      })}
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("form.addTitle")}</h3>
        <ContractForm engagementId={id} currency={engagement.currency} clauses={choices} />
      </Card>
    </div>
  );
}
