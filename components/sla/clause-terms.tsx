import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/server/domain/currency";
import type { SlaClauseTerms } from "@/server/domain/sla/terms";

// A clause's terms in words: what is measured and judged, how credits are counted, what triggers.

export function ClauseTerms({ terms, currency }: { terms: SlaClauseTerms; currency: string }) {
  const t = useTranslations("sla.terms");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const metric =
    terms.metric === "latency_percentile"
      ? t("latency", { percentile: number.format(terms.percentile ?? 0) })
      : t(`metric.${terms.metric}`);
  const credit = terms.credit;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm" data-testid="clause-terms">
      <dt className="text-slate-600">{t("rule")}</dt>
      <dd>
        {t("ruleText", {
          metric,
          comparator: t(`comparator.${terms.comparator}`),
          target: number.format(terms.target),
          unit: terms.unit,
        })}{" "}
        {terms.windowMinutes !== null ? t("perWindow", { minutes: terms.windowMinutes }) : t("overPeriod")}
      </dd>
      <dt className="text-slate-600">{t("period")}</dt>
      <dd>{t("periodText", { period: t(`periodKind.${terms.period}`), timezone: terms.timezone })}</dd>
      <dt className="text-slate-600">{t("credit")}</dt>
      <dd>
        {credit.type === "per_incident"
          ? t("perIncidentText", {
              perWindow: money(credit.perBreachedWindowMinor),
              capIncident: money(credit.capPerIncidentMinor),
            })
          : t("tieredText", {
              base: money(credit.baseMinor),
              tiers: credit.tiers
                .map((tier) => t("tier", { below: number.format(tier.below), pct: number.format(tier.creditPct) }))
                .join("; "),
            })}{" "}
        {credit.capPerPeriodMinor !== null && t("capPeriodText", { cap: money(credit.capPerPeriodMinor) })}
      </dd>
      {terms.exclusions.length > 0 && (
        <>
          <dt className="text-slate-600">{t("exclusions")}</dt>
          <dd>
            <ul>
              {terms.exclusions.map((exclusion) => (
                <li key={exclusion.from}>
                  {exclusion.from} – {exclusion.to}
                  {exclusion.reason && `: ${exclusion.reason}`}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {terms.triggers.length > 0 && (
        <>
          <dt className="text-slate-600">{t("triggers")}</dt>
          <dd>
            <ul>
              {terms.triggers.map((trigger) => (
                <li key={`${trigger.when}${trigger.value}${trigger.action}`}>
                  {t("triggerText", {
                    when: t(`when.${trigger.when}`),
                    value: number.format(trigger.value),
                    unit: terms.unit,
                    minutes: trigger.forMinutes,
                    action: trigger.action,
                  })}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      {terms.measurementMethod && (
        <>
          <dt className="text-slate-600">{t("method")}</dt>
          <dd className="whitespace-pre-line">{terms.measurementMethod}</dd>
        </>
      )}
      {terms.probe && (
        <>
          <dt className="text-slate-600">{t("probe")}</dt>
          <dd>{t("probeText", { url: terms.probe.url, minutes: terms.probe.everyMinutes })}</dd>
        </>
      )}
    </dl>
  );
}
