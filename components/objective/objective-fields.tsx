"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Field, inputClass, type FieldErrors } from "@/components/ui/form-field";
import { minorUnitDigits } from "@/server/domain/currency";
import { TARGET_COMPARATORS, ZTechnicalTarget, type TargetComparator } from "@/server/domain/objective/objective";
import { TARGET_TRANSLATIONS } from "@/server/domain/objective/translations";
import { applyTranslation, type ObjectiveDraft } from "./form-values";
import { DecimalInput, MoneyInput } from "./number-input";
import { targetText } from "./objective-text";

const stepClass = "grid gap-3 rounded-md border border-slate-200 p-3";
const legendClass = "px-1 text-sm font-medium";

/**
 * Every field of an objective but its source, in the field guide's three steps: what the client does
 * today and what it costs, the goal in the client's words, the technical target. A pain picked from
 * the library fills the target and the cost unit; everything stays editable. The engagement's and
 * the proposal's forms both use it (the caller owns the value, the errors and the source picker).
 */
export function ObjectiveFields({
  value,
  onChange,
  errors,
  currency,
  sourcePicker,
}: {
  value: ObjectiveDraft;
  onChange: (next: ObjectiveDraft) => void;
  errors: FieldErrors;
  /** the currency of the cost per quarter */
  currency: string;
  /** where the actual comes from, shown under the target */
  sourcePicker?: ReactNode;
}) {
  const t = useTranslations("objectives.form");
  const words = useTranslations("objectives");
  const locale = useLocale();
  const cost = value.cost ?? { value: null, unit: "" };
  const target = value.target;
  const set = (patch: Partial<ObjectiveDraft>) => onChange({ ...value, ...patch });
  const setTarget = (patch: Partial<ObjectiveDraft["target"]>) => set({ target: { ...target, ...patch } });
  const libraryKey = TARGET_TRANSLATIONS.some((entry) => entry.key === value.translationKey)
    ? (value.translationKey ?? "")
    : "";
  const preview = ZTechnicalTarget.safeParse(target);

  const text = (name: "pain" | "observedBehaviour" | "businessGoal", label: string, hint?: string, rows = 0) => (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(props) =>
        rows > 0 ? (
          <textarea
            {...props}
            rows={rows}
            value={value[name] ?? ""}
            onChange={(event) => set({ [name]: event.target.value })}
            className={inputClass}
          />
        ) : (
          <input
            {...props}
            value={value[name] ?? ""}
            onChange={(event) => set({ [name]: event.target.value })}
            className={inputClass}
          />
        )
      }
    </Field>
  );

  return (
    <div className="space-y-4">
      <Field name="translationKey" label={t("library")} hint={t("libraryHint")} errors={errors}>
        {(props) => (
          <select
            {...props}
            value={libraryKey}
            onChange={(event) => {
              const entry = TARGET_TRANSLATIONS.find((one) => one.key === event.target.value);
              if (!entry) return set({ translationKey: null });
              onChange(
                applyTranslation(value, entry, {
                  pain: words(`library.${entry.key}.pain`),
                  goal: words(`library.${entry.key}.goal`),
                }),
              );
            }}
            className={inputClass}
          >
            <option value="">{t("libraryNone")}</option>
            {TARGET_TRANSLATIONS.map((entry) => (
              <option key={entry.key} value={entry.key}>
                {words(`library.${entry.key}.pain`)} → {targetText(entry.target, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset className={`${stepClass} sm:grid-cols-3`}>
        <legend className={legendClass}>{t("stepObserved")}</legend>
        <div className="sm:col-span-3">{text("pain", t("pain"), t("painHint"))}</div>
        <div className="sm:col-span-3">
          {text("observedBehaviour", t("observedBehaviour"), t("observedBehaviourHint"), 3)}
        </div>
        <Field name="cost.value" label={t("costValue")} hint={t("optional")} errors={errors}>
          {(props) => (
            <DecimalInput
              field={props}
              value={cost.value}
              onValue={(next) => set({ cost: { ...cost, value: next } })}
            />
          )}
        </Field>
        <Field name="cost.unit" label={t("costUnit")} hint={t("costUnitHint")} errors={errors}>
          {(props) => (
            <input
              {...props}
              value={cost.unit}
              onChange={(event) => set({ cost: { ...cost, unit: event.target.value } })}
              className={inputClass}
            />
          )}
        </Field>
        <Field
          name="costPerQuarterMinor"
          label={t("costPerQuarter", { currency })}
          hint={t("costPerQuarterHint")}
          errors={errors}
        >
          {(props) => (
            <MoneyInput
              field={props}
              digits={minorUnitDigits(currency)}
              value={value.costPerQuarterMinor ?? null}
              onValue={(next) => set({ costPerQuarterMinor: next })}
            />
          )}
        </Field>
      </fieldset>

      <fieldset className={stepClass}>
        <legend className={legendClass}>{t("stepGoal")}</legend>
        {text("businessGoal", t("businessGoal"), t("businessGoalHint"), 2)}
      </fieldset>

      <fieldset className={`${stepClass} sm:grid-cols-3`}>
        <legend className={legendClass}>{t("stepTarget")}</legend>
        <Field name="target.metric" label={t("metric")} hint={t("metricHint")} errors={errors}>
          {(props) => (
            <input
              {...props}
              value={target.metric}
              onChange={(event) => setTarget({ metric: event.target.value })}
              className={`${inputClass} font-mono`}
            />
          )}
        </Field>
        <Field name="target.percentile" label={t("percentile")} hint={t("percentileHint")} errors={errors}>
          {(props) => (
            <DecimalInput
              field={props}
              value={target.percentile ?? null}
              onValue={(next) => setTarget({ percentile: next })}
            />
          )}
        </Field>
        <Field name="target.comparator" label={t("comparator")} errors={errors}>
          {(props) => (
            <select
              {...props}
              value={target.comparator}
              onChange={(event) => setTarget({ comparator: event.target.value as TargetComparator })}
              className={inputClass}
            >
              {TARGET_COMPARATORS.map((comparator) => (
                <option key={comparator} value={comparator}>
                  {words(`comparator.${comparator}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="target.value" label={t("targetValue")} errors={errors}>
          {(props) => (
            <DecimalInput
              field={props}
              required
              value={target.value}
              onValue={(next) => setTarget({ value: next ?? Number.NaN })}
            />
          )}
        </Field>
        <Field name="target.unit" label={t("unit")} hint={t("unitHint")} errors={errors}>
          {(props) => (
            <input
              {...props}
              value={target.unit}
              onChange={(event) => setTarget({ unit: event.target.value })}
              className={inputClass}
            />
          )}
        </Field>
        <Field name="baseline" label={t("baseline")} hint={t("baselineHint")} errors={errors}>
          {(props) => (
            <DecimalInput field={props} value={value.baseline ?? null} onValue={(next) => set({ baseline: next })} />
          )}
        </Field>
        <p className="text-sm sm:col-span-3" data-testid="objective-target-preview">
          {preview.success ? t("preview", { target: targetText(preview.data, locale) }) : t("previewIncomplete")}
        </p>
        {sourcePicker && <div className="sm:col-span-3">{sourcePicker}</div>}
      </fieldset>
    </div>
  );
}
