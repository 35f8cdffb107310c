"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DEBT_IMPACTS, DEBT_STATUSES, type DebtStatus } from "@/server/domain/debt/item";
import { Field, inputClass } from "@/components/ui/form-field";
import { pointName, RANGE_POINTS, type FieldErrors, type RangeField } from "./form-values";

export interface LinkChoice {
  id: string;
  label: string;
}

/** Low, likely and high; "single figure" copies the likely figure into the other two. */
function RangeInputs({
  range,
  label,
  defaults,
  errors,
}: {
  range: RangeField;
  label: string;
  defaults: Record<string, string>;
  errors: FieldErrors;
}) {
  const t = useTranslations("debt.form");
  const [values, setValues] = useState(() =>
    Object.fromEntries(RANGE_POINTS.map((point) => [point, defaults[pointName(range, point)] ?? ""])),
  );
  return (
    <fieldset className="rounded-md border border-slate-200 p-3 sm:col-span-2">
      <legend className="px-1 text-sm font-medium">{label}</legend>
      <div className="grid items-end gap-3 sm:grid-cols-4">
        {RANGE_POINTS.map((point) => (
          <Field key={point} name={pointName(range, point)} label={t(point)} errors={errors}>
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                value={values[point]}
                onChange={(event) => setValues({ ...values, [point]: event.target.value })}
                className={inputClass}
              />
            )}
          </Field>
        ))}
        <Button
          type="button"
          variant="secondary"
          aria-label={t("singleFigureFor", { field: label })}
          onClick={() =>
            setValues({ low: values.likely ?? "", likely: values.likely ?? "", high: values.likely ?? "" })
          }
        >
          {t("singleFigure")}
        </Button>
      </div>
      <p className="mt-1 text-xs text-slate-500">{t("rangeHint")}</p>
    </fieldset>
  );
}

function LinkChoices({
  name,
  legend,
  choices,
  chosen,
}: {
  name: string;
  legend: string;
  choices: LinkChoice[];
  chosen: string[];
}) {
  const known = new Set(choices.map((choice) => choice.id));
  const kept = chosen
    .filter((id) => !known.has(id))
    .map((id) => <input key={id} type="hidden" name={name} value={id} />);
  // without choices (none exist, or the page offers none) the links are kept as they are
  if (choices.length === 0) return <>{kept}</>;
  return (
    <fieldset className="text-sm">
      <legend className="font-medium">{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.id} className="mt-1 flex items-center gap-2">
          <input type="checkbox" name={name} value={choice.id} defaultChecked={chosen.includes(choice.id)} />
          {choice.label}
        </label>
      ))}
      {kept}
    </fieldset>
  );
}

/** Every field of a debt item. */
export function DebtFields({
  defaults,
  links,
  errors,
  currency,
  choices,
}: {
  defaults: Record<string, string>;
  links: { objectiveIds: string[]; adrIds: string[]; requirementIds: string[] };
  errors: FieldErrors;
  currency: string;
  choices: { adrs: LinkChoice[]; requirements: LinkChoice[]; objectives: LinkChoice[] };
}) {
  const t = useTranslations("debt.form");
  const words = useTranslations("debt");
  const [status, setStatus] = useState<DebtStatus>((defaults.status as DebtStatus) || "open");
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field name="title" label={t("title")} errors={errors}>
        {(props) => <input {...props} defaultValue={defaults.title ?? ""} className={inputClass} />}
      </Field>
      <Field name="impact" label={t("impact")} errors={errors}>
        {(props) => (
          <select {...props} defaultValue={defaults.impact} className={inputClass}>
            {DEBT_IMPACTS.map((impact) => (
              <option key={impact} value={impact}>
                {words(`impact.${impact}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="sm:col-span-2">
        <Field name="description" label={t("description")} hint={t("optional")} errors={errors}>
          {(props) => <textarea {...props} rows={2} defaultValue={defaults.description ?? ""} className={inputClass} />}
        </Field>
      </div>
      <RangeInputs range="cost" label={t("costPerQuarter", { currency })} defaults={defaults} errors={errors} />
      <RangeInputs range="days" label={t("fixDays")} defaults={defaults} errors={errors} />
      <Field name="plAccount" label={t("plAccount")} hint={t("plAccountHint")} errors={errors}>
        {(props) => <input {...props} defaultValue={defaults.plAccount ?? ""} className={inputClass} />}
      </Field>
      <Field name="status" label={t("status")} errors={errors}>
        {(props) => (
          <select
            {...props}
            value={status}
            onChange={(event) => setStatus(event.target.value as DebtStatus)}
            className={inputClass}
          >
            {DEBT_STATUSES.map((one) => (
              <option key={one} value={one}>
                {words(`status.${one}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {status === "scheduled" && (
        <Field name="scheduledMonth" label={t("scheduledMonth")} errors={errors}>
          {(props) => (
            <input {...props} type="month" defaultValue={defaults.scheduledMonth ?? ""} className={inputClass} />
          )}
        </Field>
      )}
      {status === "fixed" && (
        <Field name="fixedOn" label={t("fixedOn")} errors={errors}>
          {(props) => <input {...props} type="date" defaultValue={defaults.fixedOn ?? ""} className={inputClass} />}
        </Field>
      )}
      <input type="hidden" name="componentId" value={defaults.componentId ?? ""} />
      <div className="grid gap-3 sm:col-span-2 sm:grid-cols-3">
        <LinkChoices
          name="objectiveIds"
          legend={t("objectives")}
          choices={choices.objectives}
          chosen={links.objectiveIds}
        />
        <LinkChoices name="adrIds" legend={t("adrs")} choices={choices.adrs} chosen={links.adrIds} />
        <LinkChoices
          name="requirementIds"
          legend={t("requirements")}
          choices={choices.requirements}
          chosen={links.requirementIds}
        />
      </div>
      {(errors.objectiveIds ?? errors.adrIds ?? errors.requirementIds) && (
        <p className="text-xs text-red-700 sm:col-span-2" data-field-error="links">
          {[...(errors.objectiveIds ?? []), ...(errors.adrIds ?? []), ...(errors.requirementIds ?? [])].join("; ")}
        </p>
      )}
    </div>
  );
}
