import { z } from "zod";
import { ROI_LIMITS } from "../roi/inputs";

// A debt item's fields, written once: the form, the tRPC input, the stored columns, the revision
// history and the ROI inputs read these schemas. The money rules are in ./money.ts.

export const DEBT_IMPACTS = ["critical", "high", "medium", "low"] as const;
export const ZDebtImpact = z.enum(DEBT_IMPACTS);
export type DebtImpact = z.infer<typeof ZDebtImpact>;

export const DEBT_STATUSES = ["open", "scheduled", "fixed"] as const;
export const ZDebtStatus = z.enum(DEBT_STATUSES);
export type DebtStatus = z.infer<typeof ZDebtStatus>;

/** A three-point estimate. A single figure is all three. */
export interface Range {
  low: number;
  likely: number;
  high: number;
}

const ordered = (range: Range): boolean => range.low <= range.likely && range.likely <= range.high;
const ORDER_MESSAGE = "low <= likely <= high";

/** Accepts `{low, likely, high}` or one number (all three). */
function ranged(point: z.ZodType<number, number>) {
  const triple = z.object({ low: point, likely: point, high: point }).refine(ordered, ORDER_MESSAGE);
  return z.union([point.transform((value): Range => ({ low: value, likely: value, high: value })), triple]);
}

/** Money per quarter in integer minor units, bounded so the ROI's sums stay exact (ROI_LIMITS). */
export const ZMinorRange = ranged(z.number().int().min(0).max(ROI_LIMITS.maxCostPerQuarterMinor));

/** Days of work, at most two decimals (Decimal(8,2) in the database), more than zero. */
export const ZDaysRange = ranged(
  z
    .number()
    .positive()
    .max(ROI_LIMITS.maxFixDays)
    .refine((days) => Math.abs(Math.round(days * 100) - days * 100) < 1e-9, "at most two decimals"),
);

export const ZMonthKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month, YYYY-MM");
export const ZDateKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "a date, YYYY-MM-DD");

const ZIds = z.array(z.string().min(1).max(64)).max(100);

export const ZDebtItemFields = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: z.string().max(5000).default(""),
    impact: ZDebtImpact,
    costPerQuarterMinor: ZMinorRange,
    fixDays: ZDaysRange,
    plAccount: z.string().trim().max(60).default(""),
    status: ZDebtStatus.default("open"),
    /** the month it is scheduled for: required when status is scheduled, absent otherwise */
    scheduledMonth: ZMonthKey.nullable().default(null),
    /** the day it was fixed: required when status is fixed, absent otherwise */
    fixedOn: ZDateKey.nullable().default(null),
    objectiveIds: ZIds.default([]),
    adrIds: ZIds.default([]),
    requirementIds: ZIds.default([]),
    componentId: z.string().min(1).max(64).nullable().default(null),
  })
  .superRefine((fields, ctx) => {
    if (fields.status === "scheduled" && !fields.scheduledMonth)
      ctx.addIssue({ code: "custom", path: ["scheduledMonth"], message: "a scheduled item needs its month" });
    if (fields.status !== "scheduled" && fields.scheduledMonth)
      ctx.addIssue({ code: "custom", path: ["scheduledMonth"], message: "only a scheduled item has a month" });
    if (fields.status === "fixed" && !fields.fixedOn)
      ctx.addIssue({ code: "custom", path: ["fixedOn"], message: "a fixed item needs the day it was fixed" });
    if (fields.status !== "fixed" && fields.fixedOn)
      ctx.addIssue({ code: "custom", path: ["fixedOn"], message: "only a fixed item has a fix date" });
  });

export type DebtItemFieldsInput = z.input<typeof ZDebtItemFields>;
export type DebtItemFields = z.output<typeof ZDebtItemFields>;

/** A debt item as every reader sees it. */
export interface DebtItemView extends DebtItemFields {
  id: string;
  engagementId: string;
  /** "sonarqube:<rule key>" when imported */
  source: string | null;
  revision: number;
  createdAt: string;
  updatedAt: string;
}
