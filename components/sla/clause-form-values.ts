import { minorToDecimal } from "@/server/domain/currency";
import { parseMajorAmount } from "@/server/domain/engagement-plan";
import type { SlaClauseTerms, SlaClauseTermsInput } from "@/server/domain/sla/terms";

// Between the clause form's fields and a clause's terms. Lists (exclusions, tiers, triggers) are
// written one per line; the server's zod issues name the field each problem belongs to.

import type { FieldErrors } from "@/components/ui/form-field";

export type { FieldErrors };

const number = (text: string): number => (text.trim() === "" ? Number.NaN : Number(text.trim()));
const optionalNumber = (text: string): number | null => (text.trim() === "" ? null : Number(text.trim()));
const lines = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");

/** "from to reason…" per line. */
export const parseExclusions = (text: string) =>
  lines(text).map((line) => {
    const [from = "", to = "", ...reason] = line.split(/\s+/);
    return { from, to, reason: reason.join(" ") };
  });

/** "below creditPct" per line: a period value below `below` earns creditPct % of the base. */
export const parseTiers = (text: string) =>
  lines(text).map((line) => {
    const [below = "", pct = ""] = line.split(/\s+/);
    return { below: number(below), creditPct: number(pct.replace(/%$/, "")) };
  });

/** "above|below value minutes action…" per line. */
export const parseTriggers = (text: string) =>
  lines(text).map((line) => {
    const [when = "", value = "", minutes = "", ...action] = line.split(/\s+/);
    return {
      when: when as "above" | "below",
      value: number(value),
      forMinutes: number(minutes),
      action: action.join(" "),
    };
  });

/** The form's fields as terms, or the fields whose amounts are not amounts in the currency. */
export function termsFromForm(
  form: FormData,
  digits: number,
  badAmount: string,
): { terms: SlaClauseTermsInput } | { errors: FieldErrors } {
  const text = (name: string) => String(form.get(name) ?? "");
  const errors: FieldErrors = {};
  const money = (name: string, optional = false): number | null => {
    if (optional && text(name).trim() === "") return null;
    const minor = parseMajorAmount(text(name), digits);
    if (minor === null) errors[name] = [badAmount];
    return minor ?? 0;
  };
  const credit =
    text("creditType") === "tiered"
      ? {
          type: "tiered" as const,
          baseMinor: money("baseAmount") ?? 0,
          tiers: parseTiers(text("tiers")),
          capPerPeriodMinor: money("capPerPeriod", true),
        }
      : {
          type: "per_incident" as const,
          perBreachedWindowMinor: money("perBreachedWindow") ?? 0,
          capPerIncidentMinor: money("capPerIncident") ?? 0,
          capPerPeriodMinor: money("capPerPeriod", true),
        };
  if (Object.keys(errors).length > 0) return { errors };
  const probeUrl = text("probeUrl").trim();
  return {
    terms: {
      title: text("title"),
      metric: text("metric") as SlaClauseTerms["metric"],
      percentile: optionalNumber(text("percentile")),
      comparator: text("comparator") as SlaClauseTerms["comparator"],
      target: number(text("target")),
      unit: text("unit"),
      windowMinutes: optionalNumber(text("windowMinutes")),
      period: text("period") as SlaClauseTerms["period"],
      timezone: text("timezone"),
      exclusions: parseExclusions(text("exclusions")),
      credit,
      triggers: parseTriggers(text("triggers")),
      measurementMethod: text("measurementMethod"),
      probe: probeUrl === "" ? null : { url: probeUrl, everyMinutes: number(text("probeEveryMinutes")) },
    },
  };
}

/** The text each field starts with when editing a clause. */
export function formDefaults(terms: SlaClauseTerms | null, digits: number): Record<string, string> {
  const major = (minor: number | null | undefined) => (minor == null ? "" : minorToDecimal(minor, digits));
  if (!terms) return { comparator: "lte", period: "month", timezone: "UTC", creditType: "per_incident" };
  const credit = terms.credit;
  return {
    title: terms.title,
    metric: terms.metric,
    percentile: terms.percentile === null ? "" : String(terms.percentile),
    comparator: terms.comparator,
    target: String(terms.target),
    unit: terms.unit,
    windowMinutes: terms.windowMinutes === null ? "" : String(terms.windowMinutes),
    period: terms.period,
    timezone: terms.timezone,
    exclusions: terms.exclusions.map((e) => `${e.from} ${e.to} ${e.reason}`.trim()).join("\n"),
    creditType: credit.type,
    perBreachedWindow: credit.type === "per_incident" ? major(credit.perBreachedWindowMinor) : "",
    capPerIncident: credit.type === "per_incident" ? major(credit.capPerIncidentMinor) : "",
    baseAmount: credit.type === "tiered" ? major(credit.baseMinor) : "",
    tiers: credit.type === "tiered" ? credit.tiers.map((tier) => `${tier.below} ${tier.creditPct}`).join("\n") : "",
    capPerPeriod: major(credit.capPerPeriodMinor),
    triggers: terms.triggers.map((tr) => `${tr.when} ${tr.value} ${tr.forMinutes} ${tr.action}`).join("\n"),
    measurementMethod: terms.measurementMethod,
    probeUrl: terms.probe?.url ?? "",
    probeEveryMinutes: terms.probe ? String(terms.probe.everyMinutes) : "",
  };
}

const CREDIT_FIELDS: Record<string, string> = {
  perBreachedWindowMinor: "perBreachedWindow",
  capPerIncidentMinor: "capPerIncident",
  capPerPeriodMinor: "capPerPeriod",
  baseMinor: "baseAmount",
  tiers: "tiers",
};

/** The form field a zod issue's path ("terms.credit.baseMinor", "terms.exclusions.0.to") belongs to. */
export function fieldOfIssue(path: string): string {
  const [root, field = "", sub = "", subsub = ""] = path.split(".");
  if (root !== "terms") return "form";
  if (field === "credit") return CREDIT_FIELDS[sub] ?? "creditType";
  if (field === "probe") return sub === "everyMinutes" ? "probeEveryMinutes" : "probeUrl";
  if (field === "exclusions" || field === "triggers") return field;
  return field || (subsub ? subsub : "form");
}

/** A line-numbered message for list fields ("line 2: …"), the message as is elsewhere. */
export function issueMessage(path: string, message: string, lineLabel: (line: number) => string): string {
  const parts = path.split(".");
  const listIndex =
    parts[1] === "exclusions" || parts[1] === "triggers" ? parts[2] : parts[2] === "tiers" ? parts[3] : undefined;
  return listIndex !== undefined && /^\d+$/.test(listIndex)
    ? `${lineLabel(Number(listIndex) + 1)}: ${message}`
    : message;
}
