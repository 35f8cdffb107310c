import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { IssueUsageInvoice } from "@/components/usage/issue-usage-invoice";
import { MeterForm } from "@/components/usage/meter-form";
import { MeterTable } from "@/components/usage/meter-table";
import { MonthPicker, usagePeriodFromQuery } from "@/components/usage/month-picker";
import { UsageReport } from "@/components/usage/usage-report";
import { loadForPage } from "@/server/api/caller";
import { loadEngagement } from "../_components/load-engagement";

export const dynamic = "force-dynamic";

/** The engagement's metered usage: its meters, a month's report per meter and tenant, and its usage invoice. */
export default async function EngagementUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const period = usagePeriodFromQuery((await searchParams).period);
  const [engagement, meters, report] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) => api.usage.meter.list({ engagementId: id })),
    loadForPage((api) => api.usage.report({ engagementId: id, period })),
  ]);
  const t = await getTranslations("usage.page");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <MonthPicker period={period} path={`/engagements/${id}/usage`} />
      </div>
      <section aria-label={t("reportTitle", { period })}>
        <h3 className="mb-2 font-medium">{t("reportTitle", { period })}</h3>
        <UsageReport report={report} invoiceHref={(invoiceId) => `/api/v1/invoices/${invoiceId}/pdf`} />
      </section>
      {/* offered for any month with meters: an open, empty or invoiced one is refused with the reasons */}
      {report.meters.length > 0 && (
        <Card className="p-4">
          <h3 className="mb-2 font-medium">{t("invoiceTitle")}</h3>
          <IssueUsageInvoice key={period} engagementId={id} period={period} />
        </Card>
      )}
      <Card>
        <h3 className="px-4 pt-4 font-medium">{t("metersTitle")}</h3>
        <MeterTable meters={meters} currency={engagement.currency} />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("addMeter")}</h3>
        <MeterForm engagementId={id} currency={engagement.currency} />
      </Card>
      <p className="text-sm text-slate-600">{t("help")}</p>
    </div>
  );
}
