"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { requestErrors } from "@/components/refusal";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/form-field";
import type { ObjectiveSource, ObjectiveView } from "@/server/domain/objective/objective";
import {
  draftFromView,
  draftProblems,
  emptyObjectiveDraft,
  fieldOfIssue,
  sourceFromValue,
  sourceValue,
  type FieldErrors,
  type ObjectiveDraft,
} from "./form-values";
import { ObjectiveFields } from "./objective-fields";

export interface SourceChoice {
  id: string;
  label: string;
}

/** What an objective's actual may be read from: the engagement's gate requirements and SLA clauses. */
export interface SourceChoices {
  requirements: SourceChoice[];
  slaClauses: SourceChoice[];
}

/** The source picker: none, a gate requirement or an SLA clause of the engagement. */
function SourcePicker({
  choices,
  source,
  onChange,
  errors,
}: {
  choices: SourceChoices;
  source: ObjectiveSource | null;
  onChange: (source: ObjectiveSource | null) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("objectives.form");
  return (
    <Field name="source" label={t("source")} hint={t("sourceHint")} errors={errors}>
      {(props) => (
        <select
          {...props}
          value={sourceValue(source)}
          onChange={(event) => onChange(sourceFromValue(event.target.value))}
          className={inputClass}
        >
          <option value="">{t("sourceNone")}</option>
          {choices.requirements.length > 0 && (
            <optgroup label={t("requirements")}>
              {choices.requirements.map((choice) => (
                <option key={choice.id} value={sourceValue({ kind: "requirement", id: choice.id })}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          )}
          {choices.slaClauses.length > 0 && (
            <optgroup label={t("slaClauses")}>
              {choices.slaClauses.map((choice) => (
                <option key={choice.id} value={sourceValue({ kind: "sla_clause", id: choice.id })}>
                  {choice.label}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      )}
    </Field>
  );
}

/** Adds an objective to an engagement, or (with `objective`) edits one; problems land on their fields. */
export function ObjectiveForm({
  engagementId,
  currency,
  choices,
  objective,
  onDone,
}: {
  engagementId: string;
  currency: string;
  choices: SourceChoices;
  objective?: ObjectiveView;
  onDone?: () => void;
}) {
  const t = useTranslations("objectives.form");
  const trpc = useTRPC();
  const router = useRouter();
  const [draft, setDraft] = useState<ObjectiveDraft>(() =>
    objective ? draftFromView(objective) : emptyObjectiveDraft(),
  );
  const [source, setSource] = useState<ObjectiveSource | null>(objective?.source ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problems, setProblems] = useState<string[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  // a new set of fields after each added objective, so the typed text starts empty again
  const [generation, setGeneration] = useState(0);
  const handlers = {
    onSuccess: (written: ObjectiveView) => {
      setErrors({});
      setProblems([]);
      setSaved(t("saved", { pain: written.pain }));
      if (!objective) {
        setDraft(emptyObjectiveDraft());
        setSource(null);
        setGeneration(generation + 1);
      }
      router.refresh();
      onDone?.();
    },
    onError: (error: unknown) => {
      const { fields, problems } = requestErrors(error, fieldOfIssue);
      setErrors(fields);
      setProblems(problems);
    },
  };
  const create = useMutation(trpc.objective.create.mutationOptions(handlers));
  const edit = useMutation(trpc.objective.edit.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    setProblems([]);
    const found = draftProblems(draft, source, t("badNumber"));
    if (found) return setErrors(found);
    setErrors({});
    const fields = { ...draft, source };
    if (objective) edit.mutate({ id: objective.id, fields });
    else create.mutate({ engagementId, fields });
  }

  const label = objective ? t("editTitle", { pain: objective.pain }) : t("addTitle");
  return (
    <form onSubmit={onSubmit} aria-label={label} className="space-y-3" noValidate>
      <ObjectiveFields
        key={generation}
        value={draft}
        onChange={setDraft}
        errors={errors}
        currency={currency}
        sourcePicker={<SourcePicker choices={choices} source={source} onChange={setSource} errors={errors} />}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={create.isPending || edit.isPending}>
          {objective ? t("saveEdit") : t("add")}
        </Button>
        {saved && <p role="status">{saved}</p>}
      </div>
      <Problems problems={problems} />
    </form>
  );
}
