"use client";

import { useTranslations } from "next-intl";
import type { Dispatch, SetStateAction } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass, type FieldErrors } from "@/components/ui/form-field";
import { emptyRateLine, type RateLineDraft } from "./form-values";

/** The formula's rate card: one line per named quantity (key, label, unit, rate, default/min/max, whole units). */
export function RateCardEditor({
  lines,
  onChange,
  errors,
  currency,
}: {
  lines: RateLineDraft[];
  onChange: Dispatch<SetStateAction<RateLineDraft[]>>;
  errors: FieldErrors;
  currency: string;
}) {
  const t = useTranslations("packages.form");
  const edit = (uid: string, change: Partial<RateLineDraft>) =>
    onChange((list) => list.map((line) => (line.uid === uid ? { ...line, ...change } : line)));
  return (
    <div className="space-y-3" data-testid="rate-card">
      {errors["pricing.rateCard"] && (
        <p className="text-xs text-red-700" data-field-error="pricing.rateCard">
          {errors["pricing.rateCard"].join("; ")}
        </p>
      )}
      <ol className="space-y-3">
        {lines.map((line, index) => {
          const path = (field: string) => `pricing.rateCard.${index}.${field}`;
          const text = (field: string, label: string, value: string, set: (value: string) => void, hint?: string) => (
            <Field name={path(field)} label={label} hint={hint} errors={errors}>
              {(props) => (
                <input {...props} className={inputClass} value={value} onChange={(e) => set(e.target.value)} />
              )}
            </Field>
          );
          return (
            <li
              key={line.uid}
              className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-4"
              data-rate-line={line.key}
            >
              {text("key", t("key"), line.key, (key) => edit(line.uid, { key }), t("keyHint"))}
              {text("label", t("label"), line.label, (label) => edit(line.uid, { label }))}
              {text("unit", t("unit"), line.unit, (unit) => edit(line.uid, { unit }), t("unitHint"))}
              {text("rateMinor", `${t("rate")} (${currency})`, line.rateText, (rateText) =>
                edit(line.uid, { rateText }),
              )}
              {text("defaultQuantity", t("defaultQuantity"), line.defaultText, (defaultText) =>
                edit(line.uid, { defaultText }),
              )}
              {text("minQuantity", t("minQuantity"), line.minText, (minText) => edit(line.uid, { minText }))}
              {text("maxQuantity", t("maxQuantity"), line.maxText, (maxText) => edit(line.uid, { maxText }))}
              <div className="flex items-end justify-between gap-2 text-sm">
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={line.integer}
                    onChange={(e) => edit(line.uid, { integer: e.target.checked })}
                  />
                  {t("integer")}
                </label>
                <Button
                  type="button"
                  variant="ghost"
                  className="text-red-700"
                  onClick={() => onChange((list) => list.filter((x) => x.uid !== line.uid))}
                  aria-label={`${t("removeLine")} ${line.label || line.key}`}
                >
                  ✕
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <Button
        type="button"
        variant="secondary"
        onClick={() => onChange((list) => [...list, emptyRateLine(list.length)])}
      >
        {t("addLine")}
      </Button>
    </div>
  );
}
