"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { SLA_COMPARATORS, SLA_METRICS, SLA_PERIODS, isWindowed, type SlaMetric } from "@/server/domain/sla/terms";
import type { FieldErrors } from "./form-values";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm aria-invalid:border-red-600";
const METRICS = Object.keys(SLA_METRICS) as SlaMetric[];

function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  children: (props: { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const id = useId();
  const problems = errors[name] ?? [];
  const described = [hint ? `${id}-hint` : "", problems.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="text-sm">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children({
        id,
        name,
        ...(problems.length ? { "aria-invalid": true as const } : {}),
        ...(described ? { "aria-describedby": described } : {}),
      })}
      {hint && (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p id={`${id}-error`} className="mt-0.5 text-xs text-red-700" data-field-error={name}>
          {problems.join("; ")}
        </p>
      )}
    </div>
  );
}

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
      {(props) => <input {...props} defaultValue={defaults[name] ?? ""} className={input} />}
    </Field>
  );
  const area = (name: string, label: string, hint: string) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(props) => <textarea {...props} rows={2} defaultValue={defaults[name] ?? ""} className={input} />}
    </Field>
  );
  const money = (name: string, label: string) => text(name, `${label} (${currency})`);
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {text("title", t("title"))}
      <Field name="metric" label={t("metric")} errors={errors}>
        {(props) => (
          <select {...props} value={metric} onChange={(e) => setMetric(e.target.value as SlaMetric)} className={input}>
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
          <select {...props} defaultValue={defaults.comparator} className={input}>
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
          <select {...props} defaultValue={defaults.period} className={input}>
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
          <select {...props} value={creditType} onChange={(e) => setCreditType(e.target.value)} className={input}>
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
