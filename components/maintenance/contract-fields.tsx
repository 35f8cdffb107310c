"use client";

import { useTranslations } from "next-intl";
import { Field, inputClass } from "@/components/ui/form-field";
import type { FieldErrors } from "./form-values";

export interface ClauseChoice {
  id: string;
  title: string;
}

/** Every field of a maintenance contract; on a new contract the start and the fee may stay empty. */
export function ContractFields({
  defaults,
  autoRenew,
  clauseIds,
  clauses,
  errors,
  currency,
  mode,
}: {
  defaults: Record<string, string>;
  autoRenew: boolean;
  clauseIds: string[];
  clauses: ClauseChoice[];
  errors: FieldErrors;
  currency: string;
  mode: "create" | "edit";
}) {
  const t = useTranslations("maintenance.page.form");
  const known = new Set(clauses.map((clause) => clause.id));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="termMonths" label={t("termMonths")} errors={errors}>
        {(props) => <input {...props} inputMode="numeric" defaultValue={defaults.termMonths} className={inputClass} />}
      </Field>
      <Field
        name="startsOn"
        label={t("startsOn")}
        hint={mode === "create" ? t("startsOnHint") : undefined}
        errors={errors}
      >
        {(props) => <input {...props} type="date" defaultValue={defaults.startsOn} className={inputClass} />}
      </Field>
      <Field
        name="fee"
        label={t("fee", { currency })}
        hint={mode === "create" ? t("feeHint") : undefined}
        errors={errors}
      >
        {(props) => <input {...props} inputMode="decimal" defaultValue={defaults.fee} className={inputClass} />}
      </Field>
      <Field name="noticeDays" label={t("noticeDays")} hint={t("noticeDaysHint")} errors={errors}>
        {(props) => <input {...props} inputMode="numeric" defaultValue={defaults.noticeDays} className={inputClass} />}
      </Field>
      <div className="sm:col-span-2">
        <Field name="includes" label={t("includes")} hint={t("includesHint")} errors={errors}>
          {(props) => <textarea {...props} rows={3} defaultValue={defaults.includes} className={inputClass} />}
        </Field>
      </div>
      <Field name="releaseTagPattern" label={t("releaseTagPattern")} hint={t("releaseTagPatternHint")} errors={errors}>
        {(props) => (
          <input {...props} defaultValue={defaults.releaseTagPattern} className={`${inputClass} font-mono`} />
        )}
      </Field>
      <label className="flex items-center gap-2 self-center text-sm font-medium">
        <input type="checkbox" name="autoRenew" defaultChecked={autoRenew} />
        {t("autoRenew")}
      </label>
      <fieldset className="text-sm sm:col-span-2">
        <legend className="font-medium">{t("clauses")}</legend>
        {clauses.length === 0 && <p className="mt-1 text-xs text-slate-500">{t("noClauses")}</p>}
        {clauses.map((clause) => (
          <label key={clause.id} className="mt-1 flex items-center gap-2">
            <input type="checkbox" name="clauseIds" value={clause.id} defaultChecked={clauseIds.includes(clause.id)} />
            {clause.title}
          </label>
        ))}
        {/* a clause retired since keeps its place on the contract */}
        {clauseIds
          .filter((id) => !known.has(id))
          .map((id) => (
            <input key={id} type="hidden" name="clauseIds" value={id} />
          ))}
        {(errors.clauseIds ?? []).length > 0 && (
          <p className="mt-0.5 text-xs text-red-700" data-field-error="clauseIds">
            {errors.clauseIds!.join("; ")}
          </p>
        )}
      </fieldset>
    </div>
  );
}
