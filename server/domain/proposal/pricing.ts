import { z } from "zod";
import { storedDecimal } from "../sla/terms";

// A package's pricing rule, written once: a fixed price, or a formula over named quantities with a
// rate card (the field guide's private deployment = base + nodes x rate + daily volume x rate +
// retention years x rate). Quantities may have up to three decimals (2.5 million transactions a
// day); each product is kept exact and the total is rounded once, half-up, to minor units
// (./price.ts computes it and writes the formula out).

export const PRICING_TYPES = ["fixed", "formula"] as const;

const ZMinor = z.number().int().min(0).max(1e13);

export const ZQuantityKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "a key: lowercase letters, digits and _, starting with a letter");

/** A quantity the formula multiplies, and its rate. */
export const ZRateCardLine = z.strictObject({
  key: ZQuantityKey,
  /** shown in the formula and the form, e.g. "Nodes", "Daily volume" */
  label: z.string().trim().min(1).max(80),
  /** e.g. "node", "million transactions/day", "year" */
  unit: z.string().trim().min(1).max(40),
  /** minor units per one unit of the quantity */
  rateMinor: ZMinor,
  /** what a new proposal starts from (retention: 7 years) */
  defaultQuantity: storedDecimal(z.number().min(0), 3, 1e9),
  minQuantity: storedDecimal(z.number().min(0), 3, 1e9).default(0),
  maxQuantity: storedDecimal(z.number().min(0), 3, 1e9).default(1e6),
  /** whole units only (nodes) */
  integer: z.boolean().default(false),
});
export type RateCardLine = z.infer<typeof ZRateCardLine>;

export const ZPricingRule = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("fixed"), amountMinor: ZMinor }),
  z
    .strictObject({
      type: z.literal("formula"),
      baseMinor: ZMinor,
      rateCard: z.array(ZRateCardLine).min(1).max(12),
    })
    .superRefine((rule, ctx) => {
      const keys = rule.rateCard.map((line) => line.key);
      keys.forEach((key, index) => {
        if (keys.indexOf(key) !== index)
          ctx.addIssue({ code: "custom", path: ["rateCard", index, "key"], message: `key "${key}" is used twice` });
      });
      rule.rateCard.forEach((line, index) => {
        if (line.minQuantity > line.maxQuantity)
          ctx.addIssue({ code: "custom", path: ["rateCard", index, "maxQuantity"], message: "max is below min" });
        if (line.defaultQuantity < line.minQuantity || line.defaultQuantity > line.maxQuantity)
          ctx.addIssue({
            code: "custom",
            path: ["rateCard", index, "defaultQuantity"],
            message: "the default lies between min and max",
          });
      });
    }),
]);
export type PricingRule = z.infer<typeof ZPricingRule>;
export type PricingRuleInput = z.input<typeof ZPricingRule>;

/** The quantities a proposal names, by rate-card key (checked against the rule by `quantityProblems`). */
export const ZQuantities = z.record(ZQuantityKey, storedDecimal(z.number().min(0), 3, 1e9));
export type Quantities = z.infer<typeof ZQuantities>;

/** A computed price: each line exact, the total rounded once (half-up) to minor units. */
export const ZPriceLine = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  quantity: z.number(),
  rateMinor: z.number().int(),
  /** the exact product as a decimal string in minor units (e.g. "1250.5") */
  amountExact: z.string(),
});
export type PriceLine = z.infer<typeof ZPriceLine>;

export const ZPrice = z.object({
  totalMinor: z.number().int(),
  baseMinor: z.number().int(),
  lines: z.array(ZPriceLine),
  /** e.g. "CNY 200,000.00 + 4 nodes x CNY 50,000.00 + … = CNY 540,000.00" in the given locale */
  formula: z.string(),
});
export type Price = z.infer<typeof ZPrice>;
