import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AdrList } from "@/components/adr-list";
import { InvoiceTable } from "@/components/invoice-table";
import { MilestoneTable } from "@/components/milestone-table";
import { ObjectiveTable } from "@/components/objective/objective-table";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { describeVoidReason } from "@/server/domain/approval-void";
import { matchLocale } from "@/server/domain/locale";
import { formatIsoDate } from "@/server/domain/format";

export const dynamic = "force-dynamic";

export default async function PortalEngagementPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [engagement, log, invoices, adrs, objectives] = await loadForPage((api) =>
    Promise.all([
      api.portal.engagement.get({ id }),
      api.portal.engagement.approvals({ id }),
      api.portal.invoice.list({ engagementId: id }),
      api.portal.adr.list({ engagementId: id }),
      api.portal.objectives({ engagementId: id }),
    ]),
  );
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <Link href="/portal" className="text-sm text-teal-800 hover:underline">
        ← {t("portal.back")}
      </Link>
      <h1 className="mt-2 text-2xl font-semibold">{engagement.title}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("engagement.startDate")}: {formatIsoDate(engagement.startDate, locale)} ·{" "}
        {t(`engagementStatus.${engagement.status}`)}
      </p>
      <p className="mt-2 text-sm">
        <Link href={`/portal/engagements/${engagement.id}/sla`} className="text-teal-800 underline">
          {t("sla.portal.link")}
        </Link>
        {" · "}
        {/* the ROI page says when nothing is shared yet: no query here for the link */}
        <Link href={`/portal/engagements/${engagement.id}/roi`} className="text-teal-800 underline">
          {t("roi.portal.link")}
        </Link>
        {" · "}
        <Link href={`/portal/engagements/${engagement.id}/maintenance`} className="text-teal-800 underline">
          {t("maintenance.portal.link")}
        </Link>
        {" · "}
        <Link href={`/portal/engagements/${engagement.id}/usage`} className="text-teal-800 underline">
          {t("usage.portal.link")}
        </Link>
      </p>
      <h2 className="mt-8 text-lg font-semibold">{t("engagement.milestones")}</h2>
      <Card className="mt-3">
        <MilestoneTable
          milestones={engagement.milestones}
          currency={engagement.currency}
          feeMinor={engagement.feeMinor}
          reviewHref={(m) => `/portal/engagements/${engagement.id}/milestones/${m.id}`}
        />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("objectives.title")}</h2>
      <p className="mt-1 text-sm text-slate-600">{t("objectives.portal.hint")}</p>
      <Card className="mt-3">
        <ObjectiveTable
          objectives={objectives}
          currency={engagement.currency}
          caption={t("objectives.table.caption")}
          // a clause's measurements are on the SLA page; a requirement's evidence on its milestone's review
          sources={Object.fromEntries(
            objectives.flatMap((objective) => {
              const label = objective.sourceLabel;
              if (!objective.source || !label) return [];
              return [
                [
                  objective.source.id,
                  "clause" in label
                    ? { label: label.clause, href: `/portal/engagements/${engagement.id}/sla` }
                    : {
                        label: label.milestone,
                        href: `/portal/engagements/${engagement.id}/milestones/${label.milestoneId}`,
                      },
                ],
              ];
            }),
          )}
        />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("invoices.title")}</h2>
      <Card className="mt-3">
        <InvoiceTable invoices={invoices} />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("adrs.title")}</h2>
      <Card className="mt-3">
        <AdrList
          adrs={adrs}
          basePath={`/portal/engagements/${engagement.id}/adrs`}
          engagementApi={`/api/v1/engagements/${engagement.id}`}
        />
      </Card>
      <h2 className="mt-8 text-lg font-semibold">{t("approvalLog.title")}</h2>
      {log.entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("review.noDecisions")}</p>
      ) : (
        <ul className="mt-3 space-y-1 text-sm" aria-label={t("approvalLog.title")}>
          {[...log.entries].reverse().map((entry) => (
            <li key={entry.createdAt + entry.milestoneTitle + entry.type} data-decision={entry.type}>
              <span className="font-medium">{entry.milestoneTitle}</span> — {t(`review.decision.${entry.type}`)}
              {entry.by && <span className="text-slate-600"> {t("review.by", { name: entry.by })}</span>}
              <span className="ml-2 text-xs text-slate-500">{entry.createdAt.slice(0, 16).replace("T", " ")} UTC</span>
              {entry.voided && (
                <span className="ml-2 text-xs text-amber-800">
                  (
                  {t("review.voidedBecause", {
                    why: describeVoidReason(
                      entry.voidReason ?? { kind: "evidence_changed" },
                      matchLocale(locale) ?? "en",
                      engagement.currency,
                    ),
                  })}
                  )
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 flex gap-4 text-sm">
        <a
          href={`/api/v1/engagements/${engagement.id}/approvals?format=csv`}
          className="text-teal-800 underline"
          download
        >
          {t("approvalLog.csv")}
        </a>
        <a
          href={`/api/v1/engagements/${engagement.id}/approvals?format=pdf`}
          className="text-teal-800 underline"
          download
        >
          {t("approvalLog.pdf")}
        </a>
      </p>
    </>
  );
}
