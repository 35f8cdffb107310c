import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { asRoiReport } from "@/components/roi/as-report";
import { DebtRanges } from "@/components/roi/debt-ranges";
import { HeadlineFigures } from "@/components/roi/headline-figures";
import { MilestoneMonths } from "@/components/roi/milestone-months";
import { RoiCharts } from "@/components/roi/roi-charts";
import { RoiDownloads } from "@/components/roi/roi-downloads";
import { RoiSettingsForm } from "@/components/roi/roi-settings-form";
import { RunSimulation } from "@/components/roi/run-simulation";
import { SharePanel } from "@/components/roi/share-panel";
import { SystemMapDrawing } from "@/components/roi/system-map-drawing";
import { SystemMapEditor } from "@/components/roi/system-map-editor";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** The engagement's ROI: figures, charts, assumptions (editable), the system map and the share. */
export default async function EngagementRoiPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [roi, map] = await loadForPage((api) =>
    Promise.all([api.roi.get({ engagementId: id }), api.systemMap.get({ engagementId: id })]),
  );
  const t = await getTranslations("roi");
  const report = asRoiReport(roi);
  const api = `/api/v1/engagements/${id}/roi`;
  return (
    <div className="space-y-6">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <HeadlineFigures report={report} />
      {report.monteCarlo.status === "pending" ? <RunSimulation engagementId={id} /> : null}
      <RoiCharts report={report} />
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("share.title")}</h3>
        <SharePanel engagementId={id} share={roi.share} />
        <div className="mt-3">
          <RoiDownloads
            pdf={{ en: `${api}/report?lang=en`, "zh-CN": `${api}/report?lang=zh-CN` }}
            csv={`${api}?format=csv`}
          />
        </div>
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("settings.title")}</h3>
        <RoiSettingsForm engagementId={id} currency={report.currency} settings={roi.settings} />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("milestones.title")}</h3>
        <p className="mb-2 text-xs text-slate-500">{t("milestones.hint", { start: report.inputs.startMonth })}</p>
        <MilestoneMonths
          milestones={report.inputs.milestones}
          currency={report.currency}
          startMonth={report.inputs.startMonth}
        />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("ranges.title")}</h3>
        <DebtRanges
          debt={report.inputs.debt}
          currency={report.currency}
          startMonth={report.inputs.startMonth}
          debtHref={`/engagements/${id}/debt`}
        />
      </Card>
      <Card className="space-y-4 p-4">
        <h3 className="font-medium">{t("systemMap.title")}</h3>
        <SystemMapDrawing map={map} currency={report.currency} />
        <h4 className="text-sm font-medium">{t("mapEditor.title")}</h4>
        <SystemMapEditor engagementId={id} map={map} choices={map.choices} />
      </Card>
      <p className="text-sm">
        <Link href={`/engagements/${id}/debt`} className="text-teal-800 underline">
          {t("toDebt")}
        </Link>
      </p>
    </div>
  );
}
