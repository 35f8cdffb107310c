import type { DraftMilestone } from "@/components/engagement-plan/milestone-list-editor";
import { reasonsByField } from "@/components/refusal";
import type { FieldErrors } from "@/components/ui/form-field";
import { minorToDecimal, minorUnitDigits, type Currency } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import {
  ZServicePackageFields,
  type ServiceBusiness,
  type ServicePackageFields,
  type ServicePackageFieldsInput,
  type ServiceTier,
} from "@/server/domain/proposal/package";
import type { PricingRuleInput } from "@/server/domain/proposal/pricing";
import type { SlaClauseTerms } from "@/server/domain/sla/terms";

// Between the package form's text fields and a package's fields. Problems are keyed by the
// field's path in ZServicePackageFields ("pricing.rateCard.1.rateMinor"), so the parser's, zod's
// and the server's problems all land on the field they are about.

export interface RateLineDraft {
  uid: string;
  key: string;
  label: string;
  unit: string;
  rateText: string;
  defaultText: string;
  minText: string;
  maxText: string;
  integer: boolean;
}

export interface PackageDraft {
  name: string;
  description: string;
  business: ServiceBusiness;
  tier: ServiceTier;
  currency: Currency;
  pricingType: "fixed" | "formula";
  amountText: string;
  baseText: string;
  rateCard: RateLineDraft[];
  milestones: DraftMilestone[];
  slaClauses: SlaClauseTerms[];
}

const uid = () => globalThis.crypto.randomUUID();

export function emptyRateLine(index: number): RateLineDraft {
  return {
    uid: uid(),
    key: `quantity_${index + 1}`,
    label: "",
    unit: "",
    rateText: "",
    defaultText: "1",
    minText: "0",
    maxText: "1000",
    integer: false,
  };
}

export function emptyPackageDraft(): PackageDraft {
  return {
    name: "",
    description: "",
    business: "private_deployment",
    tier: "custom",
    currency: "CNY",
    pricingType: "fixed",
    amountText: "",
    baseText: "",
    rateCard: [],
    milestones: [{ uid: uid(), key: "delivery", title: "", kind: "standard", shareText: "100", requirements: [] }],
    slaClauses: [],
  };
}

/** A saved package's fields as the form's text. */
export function draftFromFields(fields: ServicePackageFields): PackageDraft {
  const major = (minor: number) => minorToDecimal(minor, minorUnitDigits(fields.currency));
  const pricing = fields.pricing;
  return {
    name: fields.name,
    description: fields.description,
    business: fields.business,
    tier: fields.tier,
    currency: fields.currency,
    pricingType: pricing.type,
    amountText: pricing.type === "fixed" ? major(pricing.amountMinor) : "",
    baseText: pricing.type === "formula" ? major(pricing.baseMinor) : "",
    rateCard:
      pricing.type === "formula"
        ? pricing.rateCard.map((line) => ({
            uid: uid(),
            key: line.key,
            label: line.label,
            unit: line.unit,
            rateText: major(line.rateMinor),
            defaultText: String(line.defaultQuantity),
            minText: String(line.minQuantity),
            maxText: String(line.maxQuantity),
            integer: line.integer,
          }))
        : [],
    milestones: fields.milestones.map((m) => ({
      uid: uid(),
      key: m.key,
      title: m.title,
      kind: m.kind,
      shareText: minorToDecimal(m.shareBp, 2).replace(/\.?0+$/, ""),
      requirements: m.requirements,
    })),
    slaClauses: fields.slaClauses,
  };
}

const quantity = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim()));

/** The draft's pricing rule (amounts that are not amounts in the currency are problems at their field). */
export function pricingFromDraft(
  draft: PackageDraft,
  badAmount: string,
): { rule: PricingRuleInput; errors: FieldErrors } {
  const digits = minorUnitDigits(draft.currency);
  const errors: FieldErrors = {};
  const money = (text: string, path: string): number => {
    const minor = parseMajorAmount(text, digits);
    if (minor === null) errors[path] = [badAmount];
    return minor ?? 0;
  };
  const rule: PricingRuleInput =
    draft.pricingType === "fixed"
      ? { type: "fixed", amountMinor: money(draft.amountText, "pricing.amountMinor") }
      : {
          type: "formula",
          baseMinor: money(draft.baseText, "pricing.baseMinor"),
          rateCard: draft.rateCard.map((line, i) => ({
            key: line.key.trim(),
            label: line.label,
            unit: line.unit,
            rateMinor: money(line.rateText, `pricing.rateCard.${i}.rateMinor`),
            defaultQuantity: quantity(line.defaultText),
            minQuantity: quantity(line.minText),
            maxQuantity: quantity(line.maxText),
            integer: line.integer,
          })),
        };
  return { rule, errors };
}

/** The draft as package fields, or the problems by field path. */
export function fieldsFromDraft(
  draft: PackageDraft,
  badAmount: string,
): { fields: ServicePackageFieldsInput } | { errors: FieldErrors } {
  const { rule, errors } = pricingFromDraft(draft, badAmount);
  draft.milestones.forEach((m, i) => {
    if (parseMajorAmount(m.shareText, 2) === null) errors[`milestones.${i}.shareBp`] = [badAmount];
  });
  const input: ServicePackageFieldsInput = {
    name: draft.name,
    description: draft.description,
    business: draft.business,
    tier: draft.tier,
    currency: draft.currency,
    pricing: rule,
    milestones: draft.milestones.map((m) => ({
      key: m.key,
      title: m.title,
      kind: m.kind,
      shareBp: parseMajorAmount(m.shareText, 2) ?? 0,
      requirements: m.requirements,
    })),
    slaClauses: draft.slaClauses,
  };
  const parsed = ZServicePackageFields.safeParse(input);
  if (!parsed.success)
    for (const issue of parsed.error.issues) (errors[issue.path.join(".") || "form"] ??= []).push(issue.message);
  return Object.keys(errors).length > 0 ? { errors } : { fields: input };
}

/** The server's problems by field: zod issues ("fields.name") and refusals' reasons ("name: …"). */
export function serverErrors(zodIssues: { path: string; message: string }[] | null, reasons: string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of zodIssues ?? [])
    (errors[issue.path.replace(/^fields\.?/, "") || "form"] ??= []).push(issue.message);
  const { fields, rest } = reasonsByField(reasons, (path) => path);
  for (const [path, messages] of Object.entries(fields)) (errors[path] ??= []).push(...messages);
  if (rest.length > 0) (errors.form ??= []).push(...rest);
  return errors;
}

/** Problems whose field the form does not show on its own, for the form's list of problems. */
export function unplacedProblems(errors: FieldErrors, placed: (path: string) => boolean): string[] {
  return Object.entries(errors).flatMap(([path, messages]) =>
    placed(path) ? [] : messages.map((message) => (path === "form" ? message : `${path}: ${message}`)),
  );
}
