import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";

export const dynamic = "force-dynamic";

export default async function PortalHome() {
  const [engagements, me] = await loadForPage((api) => Promise.all([api.portal.engagement.list(), api.me.get()]));
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("portal.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("portal.intro", { client: me.clientName ?? "", organisation: me.organisationName })}</p>
      {engagements.length === 0 ? (
        <p className="mt-6 text-slate-600">{t("portal.empty")}</p>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {engagements.map((e) => (
            <li key={e.id} data-testid="portal-engagement">
              <Card className="h-full p-5">
                <Link href={`/portal/engagements/${e.id}`} className="text-lg font-medium text-teal-800 hover:underline">
                  {e.title}
                </Link>
                <p className="mt-2 text-sm text-slate-600">
                  {t("engagement.fee")}: {e.feeMinor === null ? t("engagement.hidden") : formatMoney(e.feeMinor, e.currency, locale)}
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
