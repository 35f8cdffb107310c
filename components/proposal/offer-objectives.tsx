"use client";

import { useTranslations } from "next-intl";
import { emptyObjectiveDraft } from "@/components/objective/form-values";
import { ObjectiveFields } from "@/components/objective/objective-fields";
import { Button } from "@/components/ui/button";
import { inputClass, type FieldErrors } from "@/components/ui/form-field";
import { MAX_OBJECTIVES } from "@/server/domain/objective/objective";
import type { ServicePackageView } from "@/server/domain/proposal/package";
import { linkFromValue, linkValue, objectiveErrors, type ObjectiveEntry } from "./form-values";
import { useRequirementWords } from "./requirement-text";

/**
 * The objectives a proposal promises, each written like an engagement's (library picker included) and
 * linked to what will measure it: a gate requirement of one of the package's milestones, or one of the
 * SLA clauses offered.
 */
export function OfferObjectives({
  pkg,
  offeredClauses,
  entries,
  onChange,
  errors,
}: {
  pkg: ServicePackageView | null;
  offeredClauses: readonly number[];
  entries: ObjectiveEntry[];
  onChange: (entries: ObjectiveEntry[]) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("proposalPages.form");
  const requirementWords = useRequirementWords();
  const replace = (index: number, entry: ObjectiveEntry) => onChange(entries.map((e, i) => (i === index ? entry : e)));
  const add = () => onChange([...entries, { uid: crypto.randomUUID(), value: emptyObjectiveDraft(), link: null }]);
  return (
    <div className="space-y-4">
      {entries.length === 0 && <p className="text-sm text-slate-600">{t("noObjectives")}</p>}
      {entries.map((entry, index) => {
        const label = t("objectiveN", { n: index + 1 });
        return (
          <fieldset key={entry.uid} className="rounded-md border border-slate-300 p-3" aria-label={label}>
            <legend className="px-1 text-sm font-semibold">{label}</legend>
            <ObjectiveFields
              value={entry.value}
              onChange={(value) => replace(index, { ...entry, value })}
              errors={objectiveErrors(errors, index)}
              currency={pkg?.currency ?? "EUR"}
              sourcePicker={
                <label className="block text-sm font-medium">
                  {t("measuredBy")}
                  <select
                    value={linkValue(entry.link)}
                    onChange={(event) => replace(index, { ...entry, link: linkFromValue(event.target.value) })}
                    className={inputClass}
                  >
                    <option value="">{t("notLinked")}</option>
                    {pkg?.milestones.map((milestone) => (
                      <optgroup key={milestone.key} label={milestone.title}>
                        {milestone.requirements.map((requirement, position) => (
                          <option
                            key={position}
                            value={linkValue({ kind: "requirement", milestoneKey: milestone.key, position })}
                          >
                            {`${milestone.title}: ${requirementWords(requirement)}`}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                    {offeredClauses.length > 0 && (
                      <optgroup label={t("slaClauses")}>
                        {offeredClauses.map((clauseIndex) => (
                          <option key={clauseIndex} value={linkValue({ kind: "sla_clause", index: clauseIndex })}>
                            {pkg?.slaClauses[clauseIndex]?.title}
                          </option>
                        ))}
                      </optgroup>
                    )}
                  </select>
                  {errors[`objectives.${index}.link`] && (
                    <span className="mt-0.5 block text-xs font-normal text-red-700" data-field-error="link">
                      {errors[`objectives.${index}.link`]?.join("; ")}
                    </span>
                  )}
                </label>
              }
            />
            <Button
              variant="ghost"
              className="mt-2"
              onClick={() => onChange(entries.filter((_, i) => i !== index))}
              aria-label={t("removeObjectiveN", { n: index + 1 })}
            >
              {t("removeObjective")}
            </Button>
          </fieldset>
        );
      })}
      <Button variant="secondary" onClick={add} disabled={entries.length >= MAX_OBJECTIVES}>
        {t("addObjective")}
      </Button>
    </div>
  );
}
