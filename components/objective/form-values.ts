import type { FieldErrors } from "@/components/ui/form-field";
import {
  ZObjectiveFields,
  type ObjectiveFieldsInput,
  type ObjectiveSource,
  type ObjectiveView,
  type TechnicalTarget,
} from "@/server/domain/objective/objective";

// Between the objective form and an objective's fields. The form keeps the fields as the schema's
// input (numbers as numbers); a number typed badly is kept as NaN so the one check below names its
// field. The server's zod issues and this check land on the same field names ("target.value").

export type { FieldErrors };

/** What ObjectiveFields edits: every field of an objective but its source. */
export type ObjectiveDraft = Omit<ObjectiveFieldsInput, "source">;

export const emptyObjectiveDraft = (): ObjectiveDraft => ({
  pain: "",
  observedBehaviour: "",
  cost: { value: null, unit: "" },
  costPerQuarterMinor: null,
  businessGoal: "",
  baseline: null,
  target: { metric: "", comparator: "lte", value: Number.NaN, unit: "", percentile: null },
  translationKey: null,
});

/** An objective as read, ready to edit. */
export function draftFromView(view: ObjectiveView): ObjectiveDraft {
  return {
    pain: view.pain,
    observedBehaviour: view.observedBehaviour,
    cost: { ...view.cost },
    costPerQuarterMinor: view.costPerQuarterMinor,
    businessGoal: view.businessGoal,
    baseline: view.baseline,
    target: { ...view.target },
    translationKey: view.translationKey,
  };
}

/** A library entry applied: its target and cost unit, and its words where the draft has none yet. */
export function applyTranslation(
  draft: ObjectiveDraft,
  entry: { key: string; target: TechnicalTarget; costUnit: string },
  words: { pain: string; goal: string },
): ObjectiveDraft {
  return {
    ...draft,
    pain: draft.pain.trim() === "" ? words.pain : draft.pain,
    businessGoal: (draft.businessGoal ?? "").trim() === "" ? words.goal : draft.businessGoal,
    cost: { value: draft.cost?.value ?? null, unit: entry.costUnit },
    target: { ...entry.target },
    translationKey: entry.key,
  };
}

/** "requirement:<id>" and back: a source as one select value ("" for none). */
export const sourceValue = (source: ObjectiveSource | null | undefined): string =>
  source ? `${source.kind}:${source.id}` : "";

export function sourceFromValue(value: string): ObjectiveSource | null {
  const [kind, id] = value.split(":");
  if ((kind === "requirement" || kind === "sla_clause") && id) return { kind, id };
  return null;
}

/** The field a problem belongs to, from the path below an objective's fields ("target.value"). */
export function objectiveFieldOfPath(segments: readonly (string | number)[]): string {
  const [field, sub] = segments.map(String);
  if (field === undefined) return "form";
  if ((field === "target" || field === "cost") && sub !== undefined) return `${field}.${sub}`;
  return field;
}

/** The field a tRPC zod issue's path ("fields.target.value") belongs to. */
export function fieldOfIssue(path: string): string {
  const [root, ...rest] = path.split(".");
  return root === "fields" && rest.length > 0 ? objectiveFieldOfPath(rest) : "form";
}

const NUMBER_FIELDS = ["cost.value", "costPerQuarterMinor", "baseline", "target.value", "target.percentile"];

/**
 * The draft checked by the same schema the server uses, before it is sent: null when it passes,
 * otherwise the problems by field (a number that is not one gets the reader's own words).
 */
export function draftProblems(
  draft: ObjectiveDraft,
  source: ObjectiveSource | null,
  badNumber: string,
): FieldErrors | null {
  const parsed = ZObjectiveFields.safeParse({ ...draft, source });
  if (parsed.success) return null;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = objectiveFieldOfPath(issue.path.map((part) => String(part)));
    const notANumber = NUMBER_FIELDS.includes(field) && issue.code === "invalid_type";
    const message = notANumber ? badNumber : issue.message;
    if (!(errors[field] ??= []).includes(message)) errors[field].push(message);
  }
  return errors;
}
