"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Field, inputClass } from "@/components/ui/form-field";
import { SLA_COMPARATORS, SLA_METRICS, SLA_PERIODS, isWindowed, type SlaMetric } from "@/server/domain/sla/terms";
import type { FieldErrors } from "./clause-form-values";

const METRICS = Object.keys(SLA_METRICS) as SlaMetric[];

/** Every term of a clause; fields that do not apply to the chosen metric or credit type are left out. */
export function ClauseFields({
  defaults,
  errors,
  currency,
}: {
  defaults: Record<string, string>;
  errors: FieldErrors;
  currency: string;
}) {
  const t = useTranslations("sla.form");
  const words = useTranslations("sla.terms");
  const [metric, setMetric] = useState<SlaMetric>((defaults.metric as SlaMetric) || "latency_percentile");
  const [creditType, setCreditType] = useState(defaults.creditType ?? "per_incident");
  const text = (name: string, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(props) => <input {...props} defaultValue={defaults[name] ?? ""} className={inputClass} />}
    </Field>
  );
  const area = (name: string, label: string, hint: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(props) => <textarea {...props} rows={2} defaultValue={defaults[name] ?? ""} className={inputClass} />}
    </Field>
  );
  const money = (name: string, label: string) => text(name, `${label} (${currency})`);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {text("title", t("title"))}
      <Field name="metric" label={t("metric")} errors={errors}>
        {(props) => (
          <select
            {...props}
            value={metric}
            onChange={(e) => setMetric(e.target.value as SlaMetric)}
            className={inputClass}
          >
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {words(`metric.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {metric === "latency_percentile" && text("percentile", t("percentile"), t("percentileHint"))}
      <Field name="comparator" label={t("comparator")} errors={errors}>
        {(props) => (
          <select {...props} defaultValue={defaults.comparator} className={inputClass}>
            {SLA_COMPARATORS.map((c) => (
              <option key={c} value={c}>
                {words(`comparator.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("target", t("target"))}
      {text("unit", t("unit"), t("unitHint"))}
      {isWindowed(metric) && text("windowMinutes", t("windowMinutes"), t("windowMinutesHint"))}
      <Field name="period" label={t("period")} errors={errors}>
        {(props) => (
          <select {...props} defaultValue={defaults.period} className={inputClass}>
            {SLA_PERIODS.map((p) => (
              <option key={p} value={p}>
                {words(`periodKind.${p}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text("timezone", t("timezone"), t("timezoneHint"))}
      {area("exclusions", t("exclusions"), t("exclusionsHint"))}
      <Field name="creditType" label={t("creditType")} errors={errors}>
        {(props) => (
          <select {...props} value={creditType} onChange={(e) => setCreditType(e.target.value)} className={inputClass}>
            <option value="per_incident">{t("perIncident")}</option>
            <option value="tiered">{t("tiered")}</option>
          </select>
        )}
      </Field>
      {creditType === "per_incident" ? (
        <>
          {money("perBreachedWindow", t("perBreachedWindow"))}
          {money("capPerIncident", t("capPerIncident"))}
        </>
      ) : (
        <>
          {money("baseAmount", t("baseAmount"))}
          {area("tiers", t("tiers"), t("tiersHint"))}
        </>
      )}
      {text("capPerPeriod", `${t("capPerPeriod")} (${currency})`, t("optional"))}
      {isWindowed(metric) && area("triggers", t("triggers"), t("triggersHint"))}
      {area("measurementMethod", t("measurementMethod"), t("optional"))}
      {(metric === "availability" || metric === "latency_percentile") && (
        <>
          {text("probeUrl", t("probeUrl"), t("probeUrlHint"))}
          {text("probeEveryMinutes", t("probeEveryMinutes"))}
        </>
      )}
    </div>
  );
}
