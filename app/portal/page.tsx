import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { HomeSection } from "@/components/home-section";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { formatIsoDate } from "@/server/domain/format";

export const dynamic = "force-dynamic";

const item = "flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 py-2";

export default async function PortalHome() {
  const [home, engagements, me, proposals] = await loadForPage((api) =>
    Promise.all([
      api.home.client({}),
      api.portal.engagement.list(),
      api.me.get(),
      api.portal.proposals({ limit: 10, open: true }),
    ]),
  );
  const openProposals = proposals.items;
  const t = await getTranslations();
  const locale = await getLocale();
  const { awaitingDecision, invoicesDue } = home;
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("portal.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">
        {t("portal.intro", { client: me.clientName ?? "", organisation: me.organisationName })}
      </p>

      <HomeSection
        id="awaiting-decision"
        title={t("homePage.awaitingDecision")}
        total={awaitingDecision.total}
        shown={awaitingDecision.items.length}
        empty={t("homePage.awaitingDecisionEmpty")}
      >
        {!home.canDecide && <li className="py-2 text-xs text-slate-500">{t("homePage.viewerNote")}</li>}
        {awaitingDecision.items.map((m) => (
          <li key={m.milestoneId} className={item} data-home-item={m.milestoneId}>
            <span>
              <Link
                href={`/portal/engagements/${m.engagementId}/milestones/${m.milestoneId}`}
                className="font-medium text-teal-800 underline"
              >
                {m.milestoneTitle}
              </Link>{" "}
              <span className="text-slate-600">{m.engagementTitle}</span>
              {m.amountMinor !== null && (
                <span className="ml-2 tabular-nums text-slate-700">
                  {formatMoney(m.amountMinor, m.currency, locale)}
                </span>
              )}
            </span>
            <span className="text-xs text-slate-500">
              {home.canDecide ? t("homePage.reviewAction") : t("homePage.readAction")}
            </span>
          </li>
        ))}
      </HomeSection>

      {openProposals.length > 0 && (
        <HomeSection
          id="open-proposals"
          title={t("proposalPages.home.title")}
          total={openProposals.length}
          shown={openProposals.length}
          empty=""
        >
          {openProposals.map((p) => (
            <li key={p.id} className={item} data-home-item={p.id}>
              <span>
                <Link href={`/portal/proposals/${p.id}`} className="font-medium text-teal-800 underline">
                  {p.number}
                </Link>{" "}
                <span className="text-slate-600">{p.title}</span>
                <span className="ml-2 tabular-nums text-slate-700">
                  {formatMoney(p.priceMinor, p.currency, locale)}
                </span>
              </span>
              <span className="text-xs text-slate-500">
                {t("proposalPages.home.validUntil", { date: formatIsoDate(p.validUntil, locale) })} ·{" "}
                {home.canDecide ? t("proposalPages.home.decide") : t("homePage.readAction")}
              </span>
            </li>
          ))}
        </HomeSection>
      )}

      <HomeSection
        id="invoices-due"
        title={t("homePage.invoicesDue")}
        total={invoicesDue.total}
        shown={invoicesDue.items.length}
        empty={t("homePage.invoicesDueEmpty")}
      >
        {invoicesDue.items.map((i) => (
          <li key={i.invoiceId} className={item} data-home-item={i.invoiceId} data-overdue={i.overdue}>
            <span>
              <Link
                href={`/portal/engagements/${i.engagementId}#invoice-${i.number}`}
                className="font-medium text-teal-800 underline"
              >
                {i.number}
              </Link>{" "}
              <span className="text-slate-600">{i.engagementTitle}</span>
            </span>
            <span className={i.overdue ? "text-xs font-medium text-red-800" : "text-xs text-slate-500"}>
              {i.outstandingMinor !== null &&
                `${t("homePage.outstanding", { amount: formatMoney(i.outstandingMinor, i.currency, locale) })} · `}
              {t("homePage.dueOn", { date: formatIsoDate(i.dueDate, locale) })}
              {i.overdue && ` · ${t("homePage.overdue")}`}
            </span>
          </li>
        ))}
      </HomeSection>

      <h2 className="mt-8 text-lg font-semibold">{t("homePage.engagements")}</h2>
      {engagements.length === 0 ? (
        <p className="mt-3 text-slate-600">{t("portal.empty")}</p>
      ) : (
        <ul className="mt-3 grid gap-4 md:grid-cols-2">
          {engagements.map((e) => (
            <li key={e.id} data-testid="portal-engagement">
              <Card className="h-full p-5">
                <Link
                  href={`/portal/engagements/${e.id}`}
                  className="text-lg font-medium text-teal-800 hover:underline"
                >
                  {e.title}
                </Link>
                <p className="mt-2 text-sm text-slate-600">
                  {t("engagement.fee")}:{" "}
                  {e.feeMinor === null ? t("engagement.hidden") : formatMoney(e.feeMinor, e.currency, locale)}
                </p>
                <ol className="mt-3 flex flex-wrap gap-2 text-xs">
                  {e.milestones.map((m) => (
                    <li key={m.id} className="rounded-full bg-slate-100 px-2.5 py-0.5 text-slate-700">
                      {m.title}: {t(`milestoneState.${m.state}`)}
                    </li>
                  ))}
                </ol>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
