import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CostOfDelayChart } from "@/components/debt/cost-of-delay-chart";
import { DayRateForm } from "@/components/debt/day-rate-form";
import { DebtForm, type DebtLinkChoices } from "@/components/debt/debt-form";
import { DebtImportPanel } from "@/components/debt/debt-import-panel";
import { DebtItemActions } from "@/components/debt/debt-item-actions";
import { DebtRegisterTable } from "@/components/debt/debt-register-table";
import { DebtStatusText } from "@/components/debt/debt-status";
import { registerRows } from "@/components/debt/register-rows";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { formatMoney } from "@/server/domain/currency";
import { loadEngagement } from "../_components/load-engagement";

export const dynamic = "force-dynamic";

type LabelParams = Record<string, string | number>;

const labelParams = (params: unknown): LabelParams =>
  typeof params === "object" && params !== null
    ? (Object.fromEntries(
        Object.entries(params).filter(([, value]) => typeof value === "string" || typeof value === "number"),
      ) as LabelParams)
    : {};

/** The technical debt register, ranked by WSJF, with its cost of delay, the form and the import. */
export default async function EngagementDebtPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  // the engagement is the layout's read (cached per request): the requirements to link come with it
  const [engagement, register, adrs] = await Promise.all([
    loadEngagement(id),
    loadForPage((api) => api.debt.list({ engagementId: id })),
    loadForPage((api) => api.adr.list({ engagementId: id })),
  ]);
  const t = await getTranslations();
  const locale = await getLocale();
  const { currency } = register;
  const rows = registerRows(register.items, register.figures);
  const choices: DebtLinkChoices = {
    adrs: adrs.map((adr) => ({ id: adr.id, label: `ADR ${adr.number}: ${adr.title}` })),
    requirements: engagement.milestones.flatMap((milestone) =>
      milestone.gate.checks.map((check) => ({
        id: check.requirementId,
        label: `${milestone.title}: ${t(`gate.req.${check.kind}` as "gate.req.sha256", labelParams(check.params))}`,
      })),
    ),
    objectives: register.objectives.map((objective) => ({ id: objective.id, label: objective.title })),
  };
  const weekly = register.figures.reduce((sum, figure) => sum + figure.costOfDelayPerWeekMinor, 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-lg font-semibold">{t("debt.title")}</h2>
        <Link href={`/engagements/${id}/roi`} className="text-sm text-teal-800 underline">
          {t("debt.toRoi")}
        </Link>
      </div>
      <p className="text-sm" data-testid="debt-total-delay">
        {t("debt.summary", { count: rows.length, total: formatMoney(weekly, currency, locale) })}
      </p>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("debt.dayRate.title")}</h3>
        <DayRateForm engagementId={id} currency={currency} dayRateMinor={register.dayRateMinor} />
      </Card>
      <section aria-labelledby="debt-register-heading">
        <h3 id="debt-register-heading" className="font-medium">
          {t("debt.register.heading")}
        </h3>
        <p className="mt-1 text-xs text-slate-500">{t("debt.register.hint")}</p>
        <Card className="mt-2">
          <DebtRegisterTable
            caption={t("debt.register.heading")}
            currency={currency}
            rows={rows.flatMap(({ rank, item, figures }) =>
              figures
                ? [
                    {
                      key: item.id,
                      rank,
                      figures,
                      costRange: item.costPerQuarterMinor,
                      daysRange: item.fixDays,
                      status: <DebtStatusText item={item} />,
                    },
                  ]
                : [],
            )}
          />
        </Card>
      </section>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("debt.chart.title")}</h3>
        <CostOfDelayChart items={register.figures} currency={currency} />
      </Card>
      {rows.length > 0 && (
        <Card className="p-4">
          <h3 className="mb-2 font-medium">{t("debt.items.title")}</h3>
          <ul className="divide-y divide-slate-100">
            {rows.map(({ item }) => (
              <li key={item.id} className="py-3" data-debt-item={item.id}>
                <p className="mb-2 text-sm font-medium">
                  {item.title}
                  {item.source && <span className="ml-2 text-xs text-slate-500">{item.source}</span>}
                </p>
                <DebtItemActions engagementId={id} currency={currency} item={item} choices={choices} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("debt.form.addTitle")}</h3>
        <DebtForm engagementId={id} currency={currency} choices={choices} />
      </Card>
      <Card className="p-4">
        <h3 className="mb-2 font-medium">{t("debt.import.title")}</h3>
        <DebtImportPanel engagementId={id} />
      </Card>
    </div>
  );
}
