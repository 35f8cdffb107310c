import { getTranslations } from "next-intl/server";
import { AuditLog } from "@/components/audit-log";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

export default async function EngagementAuditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const audit = await loadForPage((api) => api.engagement.audit({ engagementId: id }));
  const t = await getTranslations();
  return (
    <>
      <h2 className="text-lg font-semibold">{t("audit.title")}</h2>
      <p className="text-sm text-slate-600">{t("audit.intro")}</p>
      <Card className="mt-3">
        <AuditLog events={audit} />
      </Card>
    </>
  );
}
