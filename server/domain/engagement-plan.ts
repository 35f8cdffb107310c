import { z } from "zod";
import { ZCurrency } from "./currency";
import { ZGateRequirement } from "./gate";
import { ZMilestoneKey, ZMilestoneKind } from "./milestone";
import { BASIS_POINTS_TOTAL } from "./money";
import { ZEntityId } from "./schemas";

// The plan of a new engagement, shared by the creation wizard and the procedure that stores it.

export const ZPlannedMilestone = z.strictObject({
  key: ZMilestoneKey,
  title: z.string().trim().min(1).max(200),
  kind: ZMilestoneKind,
  shareBp: z.number().int().min(0).max(BASIS_POINTS_TOTAL),
  requirements: z.array(ZGateRequirement).max(20),
});

export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD")
  // Date.parse rolls 2026-02-30 over to March: only a date that reads back the same is a calendar date
  .refine((value) => {
    const parsed = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
  }, "not a calendar date");

export const ZEngagementPlan = z
  .strictObject({
    clientId: ZEntityId,
    title: z.string().trim().min(1).max(200),
    currency: ZCurrency,
    feeMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    taxRateBp: z.number().int().min(0).max(BASIS_POINTS_TOTAL),
    startDate: ZIsoDate,
    paymentTermsDays: z.number().int().min(0).max(365).default(30),
    milestones: z.array(ZPlannedMilestone).min(1).max(20),
  })
  .superRefine((plan, ctx) => {
    const total = plan.milestones.reduce((sum, m) => sum + m.shareBp, 0);
    if (total !== BASIS_POINTS_TOTAL) {
      ctx.addIssue({ code: "custom", path: ["milestones"], message: `shares sum to ${total / 100}%, not 100%` });
    }
    const keys = plan.milestones.map((m) => m.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index)
        ctx.addIssue({ code: "custom", path: ["milestones", index, "key"], message: `key "${key}" is used twice` });
    });
  });
export type EngagementPlan = z.infer<typeof ZEngagementPlan>;

/** Major-unit text ("1,000,000.50") to integer minor units, refusing more decimals than the currency has. */
export function parseMajorAmount(text: string, digits: number): number | null {
  const cleaned = text.replace(/[,\s_']/g, "");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  return minor <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(minor) : null;
}
