import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ClauseComplianceOut } from "@/server/api/routers/sla/sla.schema";
import { formatMoney } from "@/server/domain/currency";
import { isWindowed } from "@/server/domain/sla/terms";
import { ClauseTerms } from "./clause-terms";
import { SlaChart } from "./sla-chart";

// One clause judged over one period, as the consultant's tab and the client's portal page show it.

function Verdict({ met }: { met: boolean | null }) {
  const t = useTranslations("sla.card");
  const verdict = met === null ? "noData" : met ? "met" : "breached";
  const tone = { met: "bg-emerald-100 text-emerald-800", breached: "bg-red-100 text-red-800", noData: "bg-slate-100" };
  return (
    <span data-verdict={verdict} className={cn("rounded-full px-2.5 py-0.5 text-xs font-medium", tone[verdict])}>
      {t(`verdict.${verdict}`)}
    </span>
  );
}

export function ClauseCard({
  clause,
  currency,
  actions,
}: {
  clause: ClauseComplianceOut;
  currency: string;
  actions?: ReactNode;
}) {
  const t = useTranslations("sla.card");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const money = (minor: number | null) => (minor === null ? t("hidden") : formatMoney(minor, currency, locale));
  const timeZone = clause.terms?.timezone ?? "UTC";
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const windowed = isWindowed(clause.metric);
  return (
    <Card className="p-4" data-clause={clause.title} aria-label={clause.title} role="region">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold">
          {clause.title} <span className="text-xs font-normal text-slate-500">v{clause.version}</span>
        </h3>
        <Verdict met={clause.met} />
      </div>
      <p className="mt-2 text-sm" data-testid="clause-value">
        {t("value", {
          value: clause.value === null ? t("noValue") : `${number.format(clause.value)} ${clause.unit}`,
          comparator: t(`comparator.${clause.comparator}`),
          target: `${number.format(clause.target)} ${clause.unit}`,
        })}
      </p>
      <p className="mt-1 text-sm text-slate-600" data-testid="clause-windows">
        {windowed
          ? t("windows", {
              total: clause.windows.total,
              breached: clause.windows.breached,
              noData: clause.windows.noData,
              excluded: clause.windows.excluded,
            })
          : t("judgedOverPeriod")}
      </p>
      {clause.terms && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-teal-800">{t("terms")}</summary>
          <div className="mt-2">
            <ClauseTerms terms={clause.terms} currency={currency} />
          </div>
        </details>
      )}
      {windowed && (
        <div className="mt-3">
          <SlaChart
            title={clause.title}
            series={clause.series}
            target={clause.target}
            unit={clause.unit}
            incidents={clause.incidents}
            exclusions={clause.terms?.exclusions ?? []}
            timeZone={timeZone}
          />
        </div>
      )}
      <h4 className="mt-3 text-sm font-medium">{t("incidents", { count: clause.incidents.length })}</h4>
      {clause.incidents.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-sm" aria-label={t("incidentsLabel", { title: clause.title })}>
          {clause.incidents.map((incident) => (
            <li key={incident.from} data-incident={incident.from}>
              {when.format(Date.parse(incident.from))} – {when.format(Date.parse(incident.to))} ({timeZone}) ·{" "}
              {t("incidentWindows", { count: incident.windows })} · {money(incident.creditMinor)}
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm" data-testid="clause-credit">
        {clause.creditApplies
          ? t("credit", { amount: money(clause.creditMinor) })
          : t("creditNotThisPeriod", { period: t(`periodKind.${clause.terms?.period ?? "month"}`) })}
        {clause.capped && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("capped")}</span>
        )}
      </p>
      {actions && <div className="mt-3 border-t border-slate-100 pt-3">{actions}</div>}
    </Card>
  );
}
