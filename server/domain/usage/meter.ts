import { z } from "zod";
import { exactDecimal } from "../sla/decimal";
import { ZTimeZone } from "../sla/terms";

// A usage meter: what is counted (a name and a unit), the billing period (a calendar month in the
// meter's time zone), the quantity given free each period, and graduated price tiers. Tier bounds
// count the billable quantity (after the free quantity); each tier prices the quantity inside it at
// `priceMinor` minor units per `perQuantity` units, so a price below one minor unit per unit is
// written exactly (1 minor unit per 1,000 tokens).

export const METER_PERIODS = ["month"] as const;
export type MeterPeriod = (typeof METER_PERIODS)[number];

/** The largest quantity one event, a tier bound or a free quantity may carry. */
export const MAX_QUANTITY = 1_000_000_000_000;
/** Per-quantity denominators are powers of ten, so every amount is a terminating decimal. */
export const PER_QUANTITY_CHOICES = [
  1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000,
] as const;
/** A tier price may have up to this many decimal places (in minor units). */
export const PRICE_PLACES = 6;
export const MAX_TIERS = 10;

const ZQuantity = z.number().int("a whole number").min(0, "zero or more").max(MAX_QUANTITY, "at most 10^12");

export const ZMeterName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_.-]{0,63}$/, "lower-case letters, digits, _ . - (starting with a letter), up to 64");

export const ZTier = z.strictObject({
  /** the billable quantity this tier ends at (inclusive); null: no end (the last tier) */
  upTo: z.number().int("a whole number").positive("more than zero").max(MAX_QUANTITY, "at most 10^12").nullable(),
  priceMinor: z
    .number()
    .min(0, "zero or more")
    .max(1_000_000_000, "at most 10^9 minor units")
    .refine((value) => Number.isFinite(value) && exactDecimal(value).scale <= PRICE_PLACES, {
      message: `at most ${PRICE_PLACES} decimal places`,
    }),
  perQuantity: z
    .number()
    .int()
    .refine((value) => (PER_QUANTITY_CHOICES as readonly number[]).includes(value), {
      message: "a power of ten from 1 to 1,000,000,000",
    }),
});
export type Tier = z.infer<typeof ZTier>;

export const ZTiers = z
  .array(ZTier)
  .min(1, "at least one tier")
  .max(MAX_TIERS, `at most ${MAX_TIERS} tiers`)
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, index) => {
      const last = index === tiers.length - 1;
      if (last && tier.upTo !== null)
        ctx.addIssue({ code: "custom", path: [index, "upTo"], message: "the last tier has no end (upTo: null)" });
      if (!last && tier.upTo === null)
        ctx.addIssue({ code: "custom", path: [index, "upTo"], message: "only the last tier may have no end" });
      const previous = tiers[index - 1]?.upTo;
      if (previous != null && tier.upTo !== null && tier.upTo <= previous)
        ctx.addIssue({
          code: "custom",
          path: [index, "upTo"],
          message: `must be above the previous tier's ${previous}`,
        });
    });
  });

/** A meter as `POST /api/v1/engagements/{id}/meters` and the form write it. */
export const ZMeterInput = z.strictObject({
  meter: ZMeterName,
  unit: z.string().trim().min(1, "required").max(32, "at most 32 characters"),
  period: z.enum(METER_PERIODS).default("month"),
  timezone: ZTimeZone.default("UTC"),
  freeQuantity: ZQuantity.default(0),
  tiers: ZTiers,
});
export type MeterInput = z.infer<typeof ZMeterInput>;

/** What pricing a period needs from a meter. */
export interface MeterPricing {
  freeQuantity: number;
  tiers: readonly Tier[];
}
