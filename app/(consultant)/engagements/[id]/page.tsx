import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HealthCheckPanel } from "@/components/health-check/health-check-panel";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate, formatShareBp } from "@/server/domain/format";
import { EndEngagement } from "./_components/end-engagement";
import { engagementTabHref } from "./_components/engagement-tabs";
import { FeeProgress } from "./_components/fee-progress";
import { loadEngagement } from "./_components/load-engagement";
import { MilestoneStandings } from "./_components/milestone-standings";
import { PortalSettings } from "./_components/portal-settings";

export const dynamic = "force-dynamic";

const LATEST_ACTIVITY = 5;

export default async function EngagementOverviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, [invoices, audit, healthChecks]] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) =>
      Promise.all([
        api.invoice.list({ engagementId: id }),
        api.engagement.audit({ engagementId: id }),
        api.healthCheck.list({ engagementId: id }),
      ]),
    ),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  const money = (amount: number) => formatMoney(amount, engagement.currency, locale);
  const overdue = invoices.filter((invoice) => invoice.overdue);
  const latest = [...audit].sort((a, b) => b.seq - a.seq).slice(0, LATEST_ACTIVITY);
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const facts = [
    [t("engagement.client"), engagement.client.name],
    [t("engagement.fee"), money(engagement.feeMinor)],
    [t("engagement.tax"), formatShareBp(engagement.taxRateBp, locale)],
    [t("engagement.startDate"), formatIsoDate(engagement.startDate, locale)],
    [t("engagement.status"), t(`engagementStatus.${engagement.status}`)],
  ] as const;
  return (
    <>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-5">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
            <dd className="font-medium">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="mt-6 grid gap-6 lg:grid-cols-[1fr_1.4fr]">
        <section aria-labelledby="overview-progress">
          <h2 id="overview-progress" className="text-lg font-semibold">
            {t("overview.progress")}
          </h2>
          <Card className="mt-3 p-4">
            <FeeProgress engagement={engagement} />
          </Card>
        </section>
        <section aria-labelledby="overview-milestones">
          <h2 id="overview-milestones" className="text-lg font-semibold">
            {t("overview.milestones")}
          </h2>
          <Card className="mt-3">
            <MilestoneStandings engagement={engagement} />
          </Card>
        </section>
      </div>

      <section aria-labelledby="overview-overdue" className="mt-8">
        <h2 id="overview-overdue" className="text-lg font-semibold">
          {t("overview.overdue")}
        </h2>
        <Card className="mt-3 p-4">
          {overdue.length === 0 ? (
            <p className="text-sm text-slate-600">{t("overview.overdueEmpty")}</p>
          ) : (
            <ul className="space-y-1 text-sm">
              {overdue.map((invoice) => (
                <li key={invoice.id} data-overdue-invoice={invoice.number}>
                  <Link
                    href={engagementTabHref(engagement.id, "invoices")}
                    className="font-medium text-teal-800 underline"
                  >
                    {invoice.number}
                  </Link>{" "}
                  ·{" "}
                  {t("homePage.outstanding", {
                    amount: formatMoney(
                      invoice.totalMinor - invoice.paidMinor - invoice.creditedMinor,
                      invoice.currency,
                      locale,
                    ),
                  })}{" "}
                  · {t("homePage.dueOn", { date: formatIsoDate(invoice.dueDate, locale) })}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </section>

      <section aria-labelledby="overview-activity" className="mt-8">
        <h2 id="overview-activity" className="text-lg font-semibold">
          {t("overview.activity")}
        </h2>
        <Card className="mt-3 p-4">
          {latest.length === 0 ? (
            <p className="text-sm text-slate-600">{t("audit.empty")}</p>
          ) : (
            <ol className="space-y-1 text-sm">
              {latest.map((event) => (
                <li key={event.seq} data-testid="activity-item" className="flex flex-wrap gap-x-2">
                  <span className="text-slate-500">{when.format(new Date(event.at))} UTC</span>
                  <span>{event.actorName ?? t("audit.system")}</span>
                  <span className="font-mono text-xs leading-5">{event.action}</span>
                </li>
              ))}
            </ol>
          )}
          <Link
            href={engagementTabHref(engagement.id, "audit")}
            className="mt-3 inline-block text-sm text-teal-800 underline"
          >
            {t("overview.allActivity")}
          </Link>
        </Card>
      </section>

      <section aria-labelledby="overview-health-check" className="mt-8">
        <h2 id="overview-health-check" className="text-lg font-semibold">
          {t("healthCheck.title")}
        </h2>
        <Card className="mt-3 p-4">
          <HealthCheckPanel
            engagementId={engagement.id}
            checks={healthChecks.items}
            nextCursor={healthChecks.nextCursor}
          />
        </Card>
      </section>

      <h2 className="mt-8 text-lg font-semibold">{t("portalSettings.title")}</h2>
      <Card className="mt-3 p-4">
        <PortalSettings
          engagementId={engagement.id}
          hideAmountsFromViewers={engagement.hideAmountsFromViewers}
          deemedAcceptanceDays={engagement.deemedAcceptanceDays}
        />
      </Card>

      {(engagement.status === "active" || engagement.status === "draft") && (
        <>
          <h2 className="mt-8 text-lg font-semibold">{t("endEngagement.title")}</h2>
          <Card className="mt-3 p-4">
            <EndEngagement engagementId={engagement.id} />
          </Card>
        </>
      )}
    </>
  );
}
