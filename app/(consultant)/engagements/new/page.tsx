import { getLocale, getTranslations } from "next-intl/server";
import { loadForPage } from "@/server/api/caller";
import { ZLocale } from "@/server/domain/locale";
import { DEFAULT_MILESTONE_TEMPLATE } from "@/server/domain/milestone-template";
import { EngagementWizard } from "@/components/engagement-plan/engagement-wizard";

export const dynamic = "force-dynamic";

export default async function NewEngagementPage() {
  const clients = await loadForPage((api) => api.client.list());
  const t = await getTranslations("wizard");
  const locale = ZLocale.catch("en").parse(await getLocale());
  const template = DEFAULT_MILESTONE_TEMPLATE.map((entry) => ({
    uid: entry.key,
    key: entry.key,
    title: entry.title[locale],
    kind: entry.kind,
    shareText: String(entry.shareBp / 100),
    requirements: entry.requirements,
  }));
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro")}</p>
      <div className="mt-6">
        <EngagementWizard clients={clients} template={template} />
      </div>
    </>
  );
}
