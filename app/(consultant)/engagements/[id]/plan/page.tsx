import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EngagementWizard } from "@/components/engagement-plan/engagement-wizard";
import { loadForPage } from "@/server/api/caller";
import { minorToDecimal, minorUnitDigits, ZCurrency } from "@/server/domain/currency";
import { ZGateRequirement } from "@/server/domain/gate";

export const dynamic = "force-dynamic";

export default async function EditPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, clients] = await loadForPage((api) =>
    Promise.all([api.engagement.get({ id }), api.client.list()]),
  );
  // once work has started the plan is fixed; the milestones tab offers change orders
  if (!engagement.milestones.every((m) => m.state === "planned" && m.evidenceCount === 0))
    redirect(`/engagements/${id}/milestones`);
  const t = await getTranslations("wizard");
  const template = engagement.milestones.map((m) => ({
    uid: m.id,
    key: m.key,
    title: m.title,
    kind: m.kind,
    shareText: String(m.shareBp / 100),
    requirements: m.gate.checks.map((check) => ZGateRequirement.parse({ kind: check.kind, params: check.params })),
  }));
  const terms = {
    clientId: engagement.client.id,
    title: engagement.title,
    currency: ZCurrency.parse(engagement.currency),
    feeText: minorToDecimal(engagement.feeMinor, minorUnitDigits(engagement.currency)),
    taxText: String(engagement.taxRateBp / 100),
    startDate: engagement.startDate,
    termsText: String(engagement.paymentTermsDays),
  };
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("editTitle")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("editIntro")}</p>
      <div className="mt-6">
        <EngagementWizard clients={clients} template={template} editing={{ engagementId: engagement.id, terms }} />
      </div>
    </>
  );
}
