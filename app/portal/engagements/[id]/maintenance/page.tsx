import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PortalContract } from "@/components/maintenance/portal-contract";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** The client's maintenance: what each term includes and bought, the next renewal and the notice. */
export default async function PortalMaintenancePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, contracts, me] = await loadForPage((api) =>
    Promise.all([api.portal.engagement.get({ id }), api.portal.maintenance.list({ engagementId: id }), api.me.get()]),
  );
  const t = await getTranslations("maintenance.portal");
  // the day notice is judged by on the server (UTC): the button shows only while it is accepted
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/portal/engagements/${engagement.id}`} className="text-sm text-teal-800 hover:underline">
          ← {engagement.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      </div>
      {contracts.length === 0 && <p className="text-sm text-slate-600">{t("empty")}</p>}
      {contracts.map((contract) => (
        <Card key={contract.id} className="p-4">
          <PortalContract contract={contract} isApprover={me.role === "approver"} today={today} />
        </Card>
      ))}
    </div>
  );
}
