import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MonthPicker, usagePeriodFromQuery } from "@/components/usage/month-picker";
import { UsageReport } from "@/components/usage/usage-report";
import { loadForPage } from "@/server/api/caller";

export const dynamic = "force-dynamic";

/** The client's view of the engagement's metered usage: per meter and tenant, and the period's usage invoices. */
export default async function PortalUsagePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const period = usagePeriodFromQuery((await searchParams).period);
  const [engagement, report] = await loadForPage((api) =>
    Promise.all([api.portal.engagement.get({ id }), api.portal.usage.report({ engagementId: id, period })]),
  );
  const t = await getTranslations("usage.portal");
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/portal/engagements/${engagement.id}`} className="text-sm text-teal-800 hover:underline">
          ← {engagement.title}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      </div>
      <MonthPicker period={period} path={`/portal/engagements/${engagement.id}/usage`} />
      <UsageReport report={report} invoiceHref={(invoiceId) => `/portal/invoices/${invoiceId}`} />
      <section>
        <h2 className="text-lg font-semibold">{t("invoices", { period })}</h2>
        {report.invoices.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noInvoices")}</p>
        ) : (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {report.invoices.map((invoice) => (
              <li key={invoice.id}>
                <Link href={`/portal/invoices/${invoice.id}`} className="text-teal-800 underline">
                  {invoice.number}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
