import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { asRoiReport } from "@/components/roi/as-report";
import { HeadlineFigures } from "@/components/roi/headline-figures";
import { ReportRegister } from "@/components/roi/report-register";
import { RoiCharts } from "@/components/roi/roi-charts";
import { RoiDownloads } from "@/components/roi/roi-downloads";
import { SystemMapDrawing } from "@/components/roi/system-map-drawing";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** The ROI report the consultant shared: the figures, charts, debt register, system map and its PDFs. */
export default async function PortalRoiPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, shared] = await loadForPage((api) =>
    Promise.all([api.portal.engagement.get({ id }), api.portal.roi({ engagementId: id })]),
  );
  const t = await getTranslations("roi");
  const back = (
    <Link href={`/portal/engagements/${engagement.id}`} className="text-sm text-teal-800 hover:underline">
      ← {engagement.title}
    </Link>
  );
  if (!shared)
    return (
      <div className="space-y-4">
        {back}
        <h1 className="text-2xl font-semibold">{t("portal.title")}</h1>
        <p className="text-sm text-slate-600" data-testid="roi-not-shared">
          {t("portal.notShared")}
        </p>
      </div>
    );
  const report = asRoiReport(shared.report);
  return (
    <div className="space-y-6">
      <div>
        {back}
        <h1 className="mt-2 text-2xl font-semibold">{t("portal.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("portal.sharedAt", { at: shared.sharedAt.slice(0, 16).replace("T", " ") })}
        </p>
      </div>
      <RoiDownloads pdf={{ en: shared.pdf.en.url, "zh-CN": shared.pdf["zh-CN"].url }} />
      <HeadlineFigures report={report} />
      <RoiCharts report={report} />
      <section>
        <h2 className="text-lg font-semibold">{t("portal.register")}</h2>
        <Card className="mt-3">
          <ReportRegister report={report} caption={t("portal.register")} />
        </Card>
      </section>
      <section>
        <h2 className="text-lg font-semibold">{t("systemMap.title")}</h2>
        <Card className="mt-3 p-4">
          <SystemMapDrawing map={report.systemMap} currency={report.currency} />
        </Card>
      </section>
      <section className="text-xs text-slate-600">
        <h2 className="text-sm font-semibold text-slate-800">{t("portal.integrity")}</h2>
        <p className="mt-1">{t("portal.integrityHint")}</p>
        <dl className="mt-1 grid gap-x-3 sm:grid-cols-[auto_1fr]">
          <dt>{t("share.sha256En")}</dt>
          <dd className="font-mono break-all" data-testid="roi-portal-sha256-en">
            {shared.pdf.en.sha256}
          </dd>
          <dt>{t("share.sha256Zh")}</dt>
          <dd className="font-mono break-all" data-testid="roi-portal-sha256-zh">
            {shared.pdf["zh-CN"].sha256}
          </dd>
        </dl>
      </section>
    </div>
  );
}
