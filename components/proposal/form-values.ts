import { draftProblems, objectiveFieldOfPath, type ObjectiveDraft } from "@/components/objective/form-values";
import { reasonsByField } from "@/components/refusal";
import type { FieldErrors } from "@/components/ui/form-field";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import type { ServicePackageView } from "@/server/domain/proposal/package";
import type { OfferObjectiveLink, ProposalDraftInput, ProposalView } from "@/server/domain/proposal/proposal";

// Between the proposal form's state (text as typed) and a proposal draft. Quantities keep up to three
// decimals and the tax rate two (hundredths of a percent are basis points), read exactly from text.

export type OfferObjectiveValue = ObjectiveDraft;

export interface ObjectiveEntry {
  /** stable across edits, for React keys and field errors */
  uid: string;
  value: OfferObjectiveValue;
  link: OfferObjectiveLink | null;
}

export interface ProposalFormState {
  clientId: string;
  packageId: string;
  title: string;
  /** by rate-card key, as typed */
  quantities: Record<string, string>;
  taxRate: string;
  paymentTermsDays: string;
  startDate: string;
  validUntil: string;
  slaClauseIndexes: number[];
  objectives: ObjectiveEntry[];
}

export const DEFAULT_VALIDITY_DAYS = 30;

/** A calendar date `days` after an ISO date, as YYYY-MM-DD (UTC, never shifted). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A quantity as typed ("4", "2.5", "1,000"): at most three decimals, or null. */
export function parseQuantity(text: string): number | null {
  const cleaned = text.replace(/[,\s_']/g, "");
  if (!/^\d+(\.\d{1,3})?$/.test(cleaned)) return null;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  // exact in thousandths, so the stored Decimal never sees a float's tail
  return (Number(whole) * 1000 + Number(fraction.padEnd(3, "0"))) / 1000;
}

/** A tax rate typed in percent ("6", "13.5") as basis points, or null. */
export function parseTaxRate(text: string): number | null {
  const bp = parseMajorAmount(text.trim() === "" ? "0" : text, 2);
  return bp === null || bp > 10_000 ? null : bp;
}

export const formatBp = (bp: number): string => String(bp / 100);

/** The quantities a package's rate card starts from (a fixed price has none). */
export function packageDefaults(pkg: ServicePackageView): Pick<ProposalFormState, "quantities" | "slaClauseIndexes"> {
  const quantities: Record<string, string> = {};
  if (pkg.pricing.type === "formula")
    for (const line of pkg.pricing.rateCard) quantities[line.key] = String(line.defaultQuantity);
  return { quantities, slaClauseIndexes: pkg.slaClauses.map((_, index) => index) };
}

/** A new proposal: today's start, valid for 30 days, the package's defaults when there is one. */
export function emptyFormState(today: string, pkg: ServicePackageView | null, clientId = ""): ProposalFormState {
  return {
    clientId,
    packageId: pkg?.id ?? "",
    title: "",
    quantities: {},
    slaClauseIndexes: [],
    ...(pkg ? packageDefaults(pkg) : {}),
    taxRate: "0",
    paymentTermsDays: "30",
    startDate: today,
    validUntil: addDays(today, DEFAULT_VALIDITY_DAYS),
    objectives: [],
  };
}

/**
 * A revision starts from the proposal as offered; its dates move forward when they have passed. The
 * draft re-reads the package, so its clauses are matched to the offered ones by title and a rate-card
 * line added since starts at its default.
 */
export function formStateFromProposal(
  proposal: ProposalView,
  pkg: ServicePackageView | null,
  today: string,
): ProposalFormState {
  const { offer } = proposal;
  const quantities = {
    ...(pkg ? packageDefaults(pkg).quantities : {}),
    ...Object.fromEntries(Object.entries(offer.quantities).map(([key, value]) => [key, String(value)])),
  };
  const packageClauseLink = (offerIndex: number): OfferObjectiveLink | null => {
    const title = offer.slaClauses[offerIndex]?.title;
    const index = pkg ? pkg.slaClauses.findIndex((clause) => clause.title === title) : offerIndex;
    return index >= 0 ? { kind: "sla_clause", index } : null;
  };
  const offeredTitles = new Set(offer.slaClauses.map((clause) => clause.title));
  const offered = pkg
    ? pkg.slaClauses.flatMap((clause, index) => (offeredTitles.has(clause.title) ? [index] : []))
    : offer.slaClauses.map((_, index) => index);
  return {
    clientId: proposal.client.id,
    packageId: offer.package.id,
    title: proposal.title,
    quantities,
    taxRate: formatBp(proposal.taxRateBp),
    paymentTermsDays: String(proposal.paymentTermsDays),
    startDate: proposal.startDate < today ? today : proposal.startDate,
    validUntil: proposal.validUntil < today ? addDays(today, DEFAULT_VALIDITY_DAYS) : proposal.validUntil,
    slaClauseIndexes: offered,
    objectives: offer.objectives.map((objective, index) => {
      const { link, ...value } = objective;
      return { uid: `o${index}`, value, link: link?.kind === "sla_clause" ? packageClauseLink(link.index) : link };
    }),
  };
}

export interface FormWords {
  badQuantity: string;
  badTaxRate: string;
  badDays: string;
  badNumber: string;
}

/** The form's state as a draft, or the fields a browser can already tell are wrong. */
export function draftFromState(
  state: ProposalFormState,
  quantityKeys: readonly string[],
  words: FormWords,
): { draft: ProposalDraftInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const quantities: Record<string, number> = {};
  for (const key of quantityKeys) {
    const value = parseQuantity(state.quantities[key] ?? "");
    if (value === null) errors[`quantities.${key}`] = [words.badQuantity];
    else quantities[key] = value;
  }
  const taxRateBp = parseTaxRate(state.taxRate);
  if (taxRateBp === null) errors.taxRateBp = [words.badTaxRate];
  const days = /^\d{1,3}$/.test(state.paymentTermsDays.trim()) ? Number(state.paymentTermsDays) : null;
  if (days === null) errors.paymentTermsDays = [words.badDays];
  state.objectives.forEach((entry, index) => {
    const problems = draftProblems(entry.value, null, words.badNumber);
    for (const [field, messages] of Object.entries(problems ?? {})) errors[`objectives.${index}.${field}`] = messages;
  });
  if (Object.keys(errors).length > 0 || taxRateBp === null || days === null) return { errors };
  // a link names a clause by its place in the package, as the offered indexes do
  const offered = [...state.slaClauseIndexes].sort((a, b) => a - b);
  return {
    draft: {
      clientId: state.clientId,
      packageId: state.packageId,
      title: state.title,
      quantities,
      taxRateBp,
      paymentTermsDays: days,
      startDate: state.startDate,
      validUntil: state.validUntil,
      slaClauseIndexes: offered,
      objectives: state.objectives.map((entry) => ({ ...entry.value, link: entry.link })),
    },
  };
}

/**
 * The form field a zod issue's path belongs to: "draft.quantities.nodes" -> "quantities.nodes",
 * "objectives.1.target.value" stays whole (the objective's own fields take the rest), anything else
 * by its first name.
 */
export function fieldOfIssue(path: string): string {
  const parts = path.split(".");
  if (parts[0] === "draft") parts.shift();
  const [field = "", second, ...rest] = parts;
  if (field === "") return "form";
  if (field === "quantities" && second !== undefined) return `quantities.${second}`;
  if (field === "objectives" && second !== undefined)
    return rest.length > 0 ? `objectives.${second}.${objectiveFieldOfPath(rest)}` : `objectives.${second}.form`;
  return field;
}

/** The problems of one objective of the form, by the objective's own field names. */
export function objectiveErrors(errors: FieldErrors, index: number): FieldErrors {
  const prefix = `objectives.${index}.`;
  return Object.fromEntries(
    Object.entries(errors).flatMap(([field, messages]) =>
      field.startsWith(prefix) ? [[field.slice(prefix.length), messages]] : [],
    ),
  );
}

/** A link into the offer as one <option> value, and back. */
export function linkValue(link: OfferObjectiveLink | null): string {
  if (!link) return "";
  return link.kind === "requirement" ? `requirement:${link.position}:${link.milestoneKey}` : `sla_clause:${link.index}`;
}

export function linkFromValue(value: string): OfferObjectiveLink | null {
  const [kind, index = "", ...rest] = value.split(":");
  const position = Number(index);
  if (!Number.isInteger(position) || position < 0) return null;
  if (kind === "sla_clause") return { kind, index: position };
  if (kind === "requirement" && rest.length > 0) return { kind, position, milestoneKey: rest.join(":") };
  return null;
}

/** Reasons phrased "field.path: message" placed at their field of the form; the others kept as they are. */
export const errorsOfReasons = (reasons: readonly string[]) => reasonsByField(reasons, fieldOfIssue);
