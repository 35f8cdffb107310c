import { minorToDecimal } from "@/server/domain/currency";
import type { DebtItemFieldsInput, DebtItemView, DebtStatus, Range } from "@/server/domain/debt/item";
import { parseMajorAmount } from "@/server/domain/engagement-plan";

// Between the debt form's fields and a debt item's fields. Money is typed in major units and turned
// into minor units exactly (as a decimal string, never through a float); days keep two decimals.

import type { FieldErrors } from "@/components/ui/form-field";

export type { FieldErrors };

export const RANGE_POINTS = ["low", "likely", "high"] as const;
export type RangeField = "cost" | "days";

/** "costLow", "daysLikely", …: the form's name of one point of a range. */
export const pointName = (range: RangeField, point: (typeof RANGE_POINTS)[number]): string =>
  `${range}${point[0]!.toUpperCase()}${point.slice(1)}`;

/** Days of work as typed ("2", "2.5", "0.25"): at most two decimals, or null. */
export function parseDays(text: string): number | null {
  const cleaned = text.replace(/[\s_']/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  // exact in hundredths, so 0.1 + 0.2 style float error never reaches the stored Decimal(8,2)
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return (Number(whole) * 100 + Number(fraction.padEnd(2, "0"))) / 100;
}

/** A range typed as three fields; an empty low or high takes the likely figure. */
function readRange(
  form: FormData,
  range: RangeField,
  parse: (text: string) => number | null,
  errors: FieldErrors,
  message: string,
): Range {
  const text = (point: (typeof RANGE_POINTS)[number]) => String(form.get(pointName(range, point)) ?? "").trim();
  const likely = parse(text("likely"));
  if (likely === null) (errors[pointName(range, "likely")] ??= []).push(message);
  const side = (point: "low" | "high") => {
    if (text(point) === "") return likely ?? 0;
    const value = parse(text(point));
    if (value === null) (errors[pointName(range, point)] ??= []).push(message);
    return value ?? 0;
  };
  return { low: side("low"), likely: likely ?? 0, high: side("high") };
}

const ids = (form: FormData, name: string): string[] =>
  form
    .getAll(name)
    .map(String)
    .filter((id) => id !== "");

/** The form's fields as a debt item's fields, or the fields that are not amounts or days. */
export function debtFieldsFromForm(
  form: FormData,
  digits: number,
  words: { badAmount: string; badDays: string },
): { fields: DebtItemFieldsInput } | { errors: FieldErrors } {
  const text = (name: string) => String(form.get(name) ?? "");
  const errors: FieldErrors = {};
  const costPerQuarterMinor = readRange(form, "cost", (t) => parseMajorAmount(t, digits), errors, words.badAmount);
  const fixDays = readRange(form, "days", parseDays, errors, words.badDays);
  if (Object.keys(errors).length > 0) return { errors };
  const status = (text("status") || "open") as DebtStatus;
  const componentId = text("componentId");
  return {
    fields: {
      title: text("title"),
      description: text("description"),
      impact: text("impact") as DebtItemFieldsInput["impact"],
      costPerQuarterMinor,
      fixDays,
      plAccount: text("plAccount"),
      status,
      scheduledMonth: status === "scheduled" ? text("scheduledMonth") || null : null,
      fixedOn: status === "fixed" ? text("fixedOn") || null : null,
      objectiveIds: ids(form, "objectiveIds"),
      adrIds: ids(form, "adrIds"),
      requirementIds: ids(form, "requirementIds"),
      componentId: componentId === "" ? null : componentId,
    },
  };
}

/** The text each field starts with: an item's figures in major units, or an empty open item. */
export function debtFormDefaults(item: DebtItemView | null, digits: number): Record<string, string> {
  if (!item) return { impact: "high", status: "open" };
  const money = (minor: number) => minorToDecimal(minor, digits);
  const days = (value: number) => String(value);
  const defaults: Record<string, string> = {
    title: item.title,
    description: item.description,
    impact: item.impact,
    plAccount: item.plAccount,
    status: item.status,
    scheduledMonth: item.scheduledMonth ?? "",
    fixedOn: item.fixedOn ?? "",
    componentId: item.componentId ?? "",
  };
  for (const point of RANGE_POINTS) {
    defaults[pointName("cost", point)] = money(item.costPerQuarterMinor[point]);
    defaults[pointName("days", point)] = days(item.fixDays[point]);
  }
  return defaults;
}

/** The form field a zod issue's path ("fields.costPerQuarterMinor.low", "fields.title") belongs to. */
export function fieldOfIssue(path: string): string {
  const [root, field = "", point = ""] = path.split(".");
  if (root !== "fields" || field === "") return "form";
  const range: RangeField | null = field === "costPerQuarterMinor" ? "cost" : field === "fixDays" ? "days" : null;
  if (range) {
    const known = (RANGE_POINTS as readonly string[]).includes(point);
    return pointName(range, known ? (point as (typeof RANGE_POINTS)[number]) : "likely");
  }
  return field;
}
