import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { MilestoneProgress } from "@/components/milestone-progress";
import { Button } from "@/components/ui/button";
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
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold">{t("dashboard.title")}</h1>
          <p className="mt-1 text-sm text-slate-600">{t("dashboard.intro", { organisation: me.organisationName })}</p>
        </div>
        <Button asChild>
          <Link href="/engagements/new">{t("wizard.new")}</Link>
        </Button>
      </div>
      <Card className="mt-6">
        {engagements.length === 0 ? (
          <p className="p-6 text-slate-600">{t("dashboard.empty")}</p>
        ) : (
          <Table>
            <caption className="sr-only">{t("dashboard.title")}</caption>
            <thead>
              <tr>
                <Th>{t("dashboard.engagement")}</Th>
                <Th className="hidden sm:table-cell">{t("dashboard.client")}</Th>
                <Th className="text-right">{t("dashboard.fee")}</Th>
                <Th className="hidden md:table-cell">{t("dashboard.currency")}</Th>
                <Th className="hidden sm:table-cell">{t("dashboard.progress")}</Th>
              </tr>
            </thead>
            <tbody>
              {engagements.map((e) => (
                <tr key={e.id} data-testid="engagement-row">
                  <Td>
                    <Link
                      href={`/engagements/${e.id}`}
                      className="font-medium text-teal-800 underline-offset-2 hover:underline"
                    >
                      {e.title}
                    </Link>
                    <div className="mt-1 text-xs text-slate-600 sm:hidden">{e.client.name}</div>
                    <div className="mt-2 sm:hidden">
                      <MilestoneProgress
                        milestones={e.milestones}
                        done={e.progress.milestonesDone}
                        total={e.progress.milestonesTotal}
                      />
                    </div>
                  </Td>
                  <Td className="hidden sm:table-cell">{e.client.name}</Td>
                  <Td className="text-right tabular-nums">{formatMoney(e.feeMinor, e.currency, locale)}</Td>
                  <Td className="hidden md:table-cell">{e.currency}</Td>
                  <Td className="hidden min-w-48 sm:table-cell">
                    <MilestoneProgress
                      milestones={e.milestones}
                      done={e.progress.milestonesDone}
                      total={e.progress.milestonesTotal}
                    />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
    </>
  );
}
