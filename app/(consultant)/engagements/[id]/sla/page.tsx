import { getLocale, getTranslations } from "next-intl/server";
import { ActionItemList } from "@/components/sla/action-item-list";
import { ClauseCard } from "@/components/sla/clause-card";
import { PeriodPicker } from "@/components/sla/period-picker";
import { periodFromQuery } from "@/components/sla/period-keys";
import { SlaHelp } from "@/components/sla/sla-help";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { loadEngagement } from "../_components/load-engagement";
import { ClauseActions } from "./_components/clause-actions";
import { ClauseForm } from "@/components/sla/clause-form";
import { CloseActionItem } from "./_components/close-action-item";
import { IssueSlaCreditNote } from "./_components/issue-credit-note";
import { UploadMeasurements } from "./_components/upload-measurements";

export const dynamic = "force-dynamic";

export default async function EngagementSlaPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const period = periodFromQuery((await searchParams).period);
  const [engagement, compliance, clauses, actionItems] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) => api.sla.compliance({ engagementId: id, period })),
    loadForPage((api) => api.sla.clauses({ engagementId: id, includeRetired: true })),
    loadForPage((api) => api.sla.actionItems({ engagementId: id })),
  ]);
  const t = await getTranslations("sla");
  const locale = await getLocale();
  const active = clauses.filter((clause) => clause.retiredAt === null);
  const retired = clauses.filter((clause) => clause.retiredAt !== null);
  const byId = new Map(clauses.map((clause) => [clause.id, clause]));
  const total = formatMoney(compliance.totalCreditMinor ?? 0, compliance.currency, locale);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <PeriodPicker period={period} href={(key) => `/engagements/${id}/sla?period=${key}`} />
      </div>
      <p className="text-sm" data-testid="sla-total-credit">
        {t("totalCredit", { period, total })}
      </p>
      {compliance.clauses.length === 0 && <p className="text-sm text-slate-600">{t("noClauses")}</p>}
      <div className="space-y-4">
        {compliance.clauses.map((clause) => {
          const written = byId.get(clause.id);
          return (
            <ClauseCard
              key={clause.id}
              clause={clause}
              currency={compliance.currency}
              actions={
                written &&
                written.retiredAt === null && (
                  <ClauseActions engagementId={id} currency={compliance.currency} clause={written} />
                )
              }
            />
          );
        })}
      </div>
      {compliance.closed && (
        <Card className="p-4">
          <h3 className="mb-2 font-medium">{t("creditNote.title")}</h3>
          <IssueSlaCreditNote engagementId={id} period={period} total={total} />
        </Card>
      )}
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("actionItems.title")}</h3>
        <ActionItemList
          items={actionItems}
          close={(item) => <CloseActionItem actionItemId={item.id} title={item.title} />}
        />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("upload.title")}</h3>
        <UploadMeasurements clauses={active.map((clause) => ({ id: clause.id, title: clause.terms.title }))} />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("form.addTitle")}</h3>
        <ClauseForm engagementId={id} currency={engagement.currency} />
      </Card>
      {retired.length > 0 && (
        <Card className="p-4">
          <h3 className="mb-2 font-medium">{t("retired")}</h3>
          <ul className="text-sm">
            {retired.map((clause) => (
              <li key={clause.id}>
                {clause.terms.title} · v{clause.version} · {clause.retiredAt?.slice(0, 10)}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <SlaHelp />
    </div>
  );
}
