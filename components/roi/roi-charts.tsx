import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { RoiReport } from "@/server/domain/roi/report";
import { CashFlowChart } from "./cash-flow-chart";
import { NpvHistogram } from "./npv-histogram";

/** The cash-flow chart and the NPV histogram, as both the consultant's page and the portal show them. */
export function RoiCharts({ report }: { report: RoiReport }) {
  const t = useTranslations("roi");
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("cashFlow.title")}</h3>
        <CashFlowChart cashFlows={report.cashFlows} currency={report.currency} paybackMonth={report.paybackMonth} />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("histogram.title")}</h3>
        <NpvHistogram monteCarlo={report.monteCarlo} currency={report.currency} />
      </Card>
    </div>
  );
}
