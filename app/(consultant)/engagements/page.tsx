import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";

export const dynamic = "force-dynamic";

export default async function EngagementsPage() {
  const [engagements, me] = await loadForPage((api) => Promise.all([api.engagement.list(), api.me.get()]));
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <>
      <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("dashboard.intro", { organisation: me.organisationName })}</p>
      <Card className="mt-6">
        {engagements.length === 0 ? (
          <p className="p-6 text-slate-600">{t("dashboard.empty")}</p>
        ) : (
          <Table>
            <caption className="sr-only">{t("dashboard.title")}</caption>
            <thead>
              <tr>
                <Th>{t("dashboard.engagement")}</Th>
                <Th>{t("dashboard.client")}</Th>
                <Th className="text-right">{t("dashboard.fee")}</Th>
                <Th>{t("dashboard.currency")}</Th>
                <Th>{t("dashboard.progress")}</Th>
              </tr>
            </thead>
            <tbody>
              {engagements.map((e) => {
                const paidPct = e.feeMinor > 0 ? Math.round((e.progress.paidMinor / e.feeMinor) * 100) : 0;
                return (
                  <tr key={e.id} data-testid="engagement-row">
                    <Td>
                      <Link href={`/engagements/${e.id}`} className="font-medium text-teal-800 underline-offset-2 hover:underline">
                        {e.title}
                      </Link>
                    </Td>
                    <Td>{e.client.name}</Td>
                    <Td className="text-right tabular-nums">{formatMoney(e.feeMinor, e.currency, locale)}</Td>
                    <Td>{e.currency}</Td>
                    <Td className="min-w-48">
                      <div className="text-xs text-slate-600">
                        {t("dashboard.milestonesPaid", { done: e.progress.milestonesDone, total: e.progress.milestonesTotal })}
                      </div>
                      <div
                        className="mt-1 h-2 w-full rounded-full bg-slate-100"
                        role="progressbar"
                        aria-valuemin={0}
                        aria-valuemax={100}
                        aria-valuenow={paidPct}
                        aria-label={t("dashboard.paidOfFee", { paid: formatMoney(e.progress.paidMinor, e.currency, locale) })}
                      >
                        <div className="h-2 rounded-full bg-teal-600" style={{ width: `${paidPct}%` }} />
                      </div>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
