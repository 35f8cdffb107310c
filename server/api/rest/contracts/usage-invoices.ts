import { z } from "zod";
import { ZIdempotencyKey } from "../../../domain/schemas";
import { ZUsageLineDetail } from "../../../domain/usage/invoice-line";
import { ZUsagePeriod } from "../../../domain/usage/period";
import { ZRestInvoice } from "./invoices";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// POST /api/v1/engagements/{id}/usage/invoices

export const ZUsageInvoiceBody = z.strictObject({
  period: ZUsagePeriod.meta({ description: "the closed usage period to invoice, YYYY-MM", example: "2026-11" }),
  idempotencyKey: ZIdempotencyKey.optional().meta({
    description: "a retry with the same key answers the same invoice",
  }),
});

/** The invoice as GET /api/v1/invoices lists it, with its lines (a usage line's quantities and tiers). */
export const ZUsageInvoiceResponse = ZRestInvoice.extend({
  usagePeriod: z.string(),
  lines: z.array(
    z.object({
      description: z.string(),
      amountMinor: z.int().nullable(),
      usage: ZUsageLineDetail.optional().meta({
        description: "quantity, free and billable quantity, each tier's quantity and exact amount, per tenant",
      }),
    }),
  ),
});

export const usageInvoiceOperations: RestOperation[] = [
  {
    operationId: "issueUsageInvoice",
    method: "post",
    path: "/api/v1/engagements/{id}/usage/invoices",
    summary: "Invoice a closed usage period",
    description:
      "Consultants only. One line per meter with usage in the period and not yet invoiced for it; each line's amount " +
      "is the exact sum of its tiers, rounded once (half-up). A meter's period is invoiced at most once.",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZUsageInvoiceBody } },
    responses: {
      "201": jsonResponse(ZUsageInvoiceResponse, "The issued invoice (numbered, its PDF stored)"),
      "400": refusalResponse("A bad id, a body that is not JSON, or a period that is not YYYY-MM"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("A client user"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
      "409": refusalResponse(
        "PERIOD_OPEN (the period has not closed), ALREADY_INVOICED (each meter named with its invoice) or " +
          "NOTHING_TO_INVOICE",
      ),
      "413": refusalResponse("The body is too large"),
      "415": refusalResponse("The body is not JSON"),
    },
  },
];
