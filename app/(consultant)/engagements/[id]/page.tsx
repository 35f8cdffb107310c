import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MilestoneTable } from "@/components/milestone-table";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate, formatShareBp } from "@/server/domain/format";

export const dynamic = "force-dynamic";

export default async function EngagementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const engagement = await loadForPage((api) => api.engagement.get({ id }));
  const t = await getTranslations();
  const locale = await getLocale();
  const facts = [
    [t("engagement.client"), engagement.client.name],
    [t("engagement.fee"), formatMoney(engagement.feeMinor, engagement.currency, locale)],
    [t("engagement.tax"), formatShareBp(engagement.taxRateBp, locale)],
    [t("engagement.startDate"), formatIsoDate(engagement.startDate, locale)],
    [t("engagement.status"), t(`engagementStatus.${engagement.status}`)],
  ] as const;
  return (
    <>
      <Link href="/engagements" className="text-sm text-teal-800 hover:underline">
        ← {t("engagement.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{engagement.title}</h1>
      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 text-lg font-semibold">{t("engagement.milestones")}</h2>
      <Card className="mt-3">
        <MilestoneTable milestones={engagement.milestones} currency={engagement.currency} feeMinor={engagement.feeMinor} />
      </Card>
    </>
  );
}
