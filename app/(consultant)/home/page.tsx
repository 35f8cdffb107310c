import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HomeSection } from "@/components/home-section";
import { NotificationList } from "@/components/notification-list";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate } from "@/server/domain/format";

export const dynamic = "force-dynamic";

const item = "flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2";
const where = (engagementId: string, milestoneId: string) =>
  `/engagements/${engagementId}/milestones#milestone-${milestoneId}`;

export default async function ConsultantHome() {
  const [home, me] = await loadForPage((api) => Promise.all([api.home.consultant({}), api.me.get()]));
  const t = await getTranslations("homePage");
  const locale = await getLocale();
  const place = (p: { engagementTitle: string; clientName: string }) => (
    <span className="text-slate-600">
      {p.engagementTitle} · {p.clientName}
    </span>
  );
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("intro", { organisation: me.organisationName })}</p>

      <HomeSection
        id="awaiting-approval"
        title={t("awaitingApproval")}
        total={home.awaitingApproval.total}
        shown={home.awaitingApproval.items.length}
        empty={t("awaitingApprovalEmpty")}
      >
        {home.awaitingApproval.items.map((m) => (
          <li key={m.milestoneId} className={item} data-home-item={m.milestoneId}>
            <span>
              <Link href={where(m.engagementId, m.milestoneId)} className="font-medium text-teal-800 underline">
                {m.milestoneTitle}
              </Link>{" "}
              {place(m)}
            </span>
            {m.verifiedAt && (
              <span className="text-xs text-slate-500">
                {t("verifiedOn", { date: formatIsoDate(m.verifiedAt.slice(0, 10), locale) })}
              </span>
            )}
          </li>
        ))}
      </HomeSection>

      <HomeSection
        id="gates-failing"
        title={t("gatesFailing")}
        total={home.gatesFailing.total}
        shown={home.gatesFailing.items.length}
        empty={t("gatesFailingEmpty")}
      >
        {home.gatesFailing.items.map((m) => (
          <li key={m.milestoneId} className={item} data-home-item={m.milestoneId}>
            <span>
              <Link href={where(m.engagementId, m.milestoneId)} className="font-medium text-teal-800 underline">
                {m.milestoneTitle}
              </Link>{" "}
              {place(m)}
              {m.reasons.length > 0 && <span className="block text-xs text-red-800">{m.reasons.join("; ")}</span>}
            </span>
            <span className="text-xs text-slate-500">{t("unmet", { count: m.unmetCount })}</span>
          </li>
        ))}
      </HomeSection>

      <HomeSection
        id="failed-evidence"
        title={t("failedEvidence")}
        total={home.failedEvidence.total}
        shown={home.failedEvidence.items.length}
        empty={t("failedEvidenceEmpty")}
      >
        {home.failedEvidence.items.map((e) => (
          <li key={e.evidenceId} className={item} data-home-item={e.evidenceId}>
            <span>
              <Link href={where(e.engagementId, e.milestoneId)} className="font-medium text-teal-800 underline">
                {e.filename ?? e.kind}
              </Link>{" "}
              <span className="text-slate-600">
                {e.milestoneTitle} · {e.engagementTitle}
              </span>
              {e.reasons.length > 0 && <span className="block text-xs text-red-800">{e.reasons.join("; ")}</span>}
            </span>
            <span className="font-mono text-xs text-slate-500">
              {e.kind}: {e.verdict}
            </span>
          </li>
        ))}
      </HomeSection>

      <HomeSection
        id="overdue-invoices"
        title={t("overdueInvoices")}
        total={home.overdueInvoices.total}
        shown={home.overdueInvoices.items.length}
        empty={t("overdueInvoicesEmpty")}
      >
        {home.overdueInvoices.items.map((i) => (
          <li key={i.invoiceId} className={item} data-home-item={i.invoiceId}>
            <span>
              <Link href={`/engagements/${i.engagementId}/invoices`} className="font-medium text-teal-800 underline">
                {i.number}
              </Link>{" "}
              {place(i)}
            </span>
            <span className="text-xs text-slate-500">
              {i.outstandingMinor !== null &&
                t("outstanding", { amount: formatMoney(i.outstandingMinor, i.currency, locale) })}{" "}
              · {t("dueOn", { date: formatIsoDate(i.dueDate, locale) })}
            </span>
          </li>
        ))}
      </HomeSection>

      <HomeSection
        id="unread-notices"
        title={t("unreadNotices")}
        total={home.unreadNotices.total}
        shown={home.unreadNotices.items.length}
        empty={t("unreadNoticesEmpty")}
      >
        <li className="py-2">
          <NotificationList
            notifications={home.unreadNotices.items.map((n) => ({ ...n, read: false }))}
            linkFor="consultant"
          />
          <Link href="/notifications" className="mt-2 inline-block text-sm text-teal-800 underline">
            {t("allNotices")}
          </Link>
        </li>
      </HomeSection>
    </>
  );
}
