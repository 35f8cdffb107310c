import { getTranslations } from "next-intl/server";
import { AdrList } from "@/components/adr-list";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { AdrImport } from "../_components/adr-import";

export const dynamic = "force-dynamic";

export default async function EngagementDecisionsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const adrs = await loadForPage((api) => api.adr.list({ engagementId: id }));
  const t = await getTranslations();
  return (
    <>
      <h2 className="text-lg font-semibold">{t("adrs.title")}</h2>
      <Card className="mt-3">
        <AdrList adrs={adrs} basePath={`/engagements/${id}/adrs`} engagementApi={`/api/v1/engagements/${id}`} />
        <div className="flex flex-wrap gap-3 border-t border-slate-100 p-4">
          <a
            href={`/engagements/${id}/adrs/new`}
            className="rounded-md bg-teal-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-teal-800"
          >
            {t("adrs.new")}
          </a>
        </div>
        <div className="border-t border-slate-100 p-4">
          <h3 className="mb-2 font-medium">{t("adrs.importTitle")}</h3>
          <AdrImport engagementId={id} />
        </div>
      </Card>
    </>
  );
}
