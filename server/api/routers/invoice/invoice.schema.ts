import { ZIsoDate } from "../../../domain/engagement-plan";
import { z } from "zod";
import { isOverdue } from "../../../domain/invoice";
import { ZEntityId, ZIdempotencyKey } from "../../../domain/schemas";
import type { InvoiceView } from "../../../data/invoice/read";
import { ZUsageLineDetail } from "../../../domain/usage/invoice-line";

export const ZInvoiceOut = z.object({
  id: z.string(),
  kind: z.enum(["invoice", "credit_note"]),
  number: z.string(),
  engagementId: z.string(),
  engagementTitle: z.string(),
  clientName: z.string(),
  hideAmountsFromViewers: z.boolean(),
  creditedInvoiceId: z.string().nullable(),
  creditedNumber: z.string().nullable(),
  /** an SLA credit note: the SLA period it credits (e.g. 2026-11) */
  slaPeriod: z.string().nullable(),
  status: z.enum(["issued", "partially_paid", "paid", "void"]),
  overdue: z.boolean(),
  currency: z.string().length(3),
  taxRateBp: z.number().int(),
  subtotalMinor: z.number().int(),
  taxMinor: z.number().int(),
  totalMinor: z.number().int(),
  paidMinor: z.number().int(),
  creditedMinor: z.number().int(),
  issueDate: z.string(),
  dueDate: z.string(),
  pdfSha256: z.string().nullable(),
  reason: z.string(),
  lines: z.array(
    z.object({
      milestoneId: z.string().nullable(),
      description: z.string(),
      shareBp: z.number().int().nullable(),
      amountMinor: z.number().int(),
      /** a usage line: the meter's quantities and tiers for the period, as issued */
      usage: ZUsageLineDetail.optional(),
    }),
  ),
  payments: z.array(
    z.object({
      id: z.string(),
      amountMinor: z.number().int(),
      paidOn: z.string(),
      method: z.string(),
      reference: z.string(),
    }),
  ),
});
export type InvoiceOut = z.infer<typeof ZInvoiceOut>;

const ZHideable = z.number().int().nullable();

/**
 * What a client user sees of an invoice: the document, not the consultant's bookkeeping ids; every
 * amount is null for a viewer of an engagement that hides amounts from viewers.
 */
export const ZPortalInvoiceOut = ZInvoiceOut.omit({
  lines: true,
  payments: true,
  creditedInvoiceId: true,
  engagementId: true,
  hideAmountsFromViewers: true,
})
  .extend({
    subtotalMinor: ZHideable,
    taxMinor: ZHideable,
    totalMinor: ZHideable,
    paidMinor: ZHideable,
    creditedMinor: ZHideable,
    amountsHidden: z.boolean(),
    lines: z.array(
      z.object({
        description: z.string(),
        shareBp: z.number().int().nullable(),
        amountMinor: ZHideable,
        /** a usage line: quantities and per-tenant breakdown; prices and exact amounts null when amounts are hidden */
        usage: ZUsageLineDetail.extend({
          amountExact: z.string().nullable(),
          tiers: z.array(
            ZUsageLineDetail.shape.tiers.element.extend({
              priceMinor: z.number().nullable(),
              amountExact: z.string().nullable(),
            }),
          ),
        }).optional(),
      }),
    ),
    payments: z.array(z.object({ amountMinor: ZHideable, paidOn: z.string() })),
  })
  .strict();

const today = () => new Date().toISOString().slice(0, 10);

/** An invoice as ZInvoiceOut answers it: `overdue` is judged today. */
export const withOverdue = (invoice: InvoiceView) => ({
  ...invoice,
  overdue: invoice.kind === "invoice" && isOverdue(invoice.status, invoice.dueDate, today()),
});

export const ZIssueInvoiceInput = z.strictObject({
  engagementId: ZEntityId,
  milestoneIds: z.array(ZEntityId).min(1).max(50),
  idempotencyKey: ZIdempotencyKey,
});
export const ZListInvoicesInput = z.strictObject({ engagementId: ZEntityId.optional() });
export const ZGetInvoiceInput = z.strictObject({ id: ZEntityId });
export const ZRecordPaymentInput = z.strictObject({
  invoiceId: ZEntityId,
  amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  paidOn: ZIsoDate,
  method: z.string().trim().min(1).max(60),
  reference: z.string().trim().max(200).default(""),
});
export const ZCreditNoteInput = z.strictObject({
  invoiceId: ZEntityId,
  reason: z.string().trim().min(1).max(500),
  subtotalMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

/** What a consultant is told when an invoice, its engagement or a milestone is not theirs to see. */
