import { z } from "zod";
import { ZEntityId, ZIdempotencyKey } from "../../../domain/schemas";
import { ZUsagePeriod } from "../../../domain/usage/period";

// What the usage invoice and the portal's usage report take and answer.

export const ZIssueUsageInvoiceInput = z.strictObject({
  engagementId: ZEntityId,
  period: ZUsagePeriod,
  idempotencyKey: ZIdempotencyKey.optional(),
});

export const ZPortalUsageInput = z.strictObject({ engagementId: ZEntityId, period: ZUsagePeriod });

const ZHideable = z.number().int().nullable();

/** The client's view of a period's usage: quantities always, prices and amounts null when hidden from a viewer. */
export const ZPortalUsageOut = z.strictObject({
  period: z.string(),
  currency: z.string(),
  closed: z.boolean(),
  amountsHidden: z.boolean(),
  totalMinor: ZHideable,
  meters: z.array(
    z.strictObject({
      meter: z.string(),
      unit: z.string(),
      quantity: z.number(),
      freeQuantity: z.number(),
      billableQuantity: z.number(),
      amountMinor: ZHideable,
      amountExact: z.string().nullable(),
      tiers: z.array(
        z.strictObject({
          upTo: z.number().nullable(),
          priceMinor: z.number().nullable(),
          perQuantity: z.number(),
          quantity: z.number(),
          amountExact: z.string().nullable(),
        }),
      ),
      byTenant: z.array(z.strictObject({ tenant: z.string(), quantity: z.number() })),
      closesAt: z.string(),
      invoice: z.strictObject({ id: z.string(), number: z.string() }).nullable(),
    }),
  ),
  /** the usage invoices of the period (each meter's line is on one) */
  invoices: z.array(z.strictObject({ id: z.string(), number: z.string() })),
});
