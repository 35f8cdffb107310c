import { z } from "zod";
import { isOverdue } from "../../../domain/invoice";
import { findInvoice, issueCreditNote, issueInvoice, listInvoices, recordPayment, type InvoiceView } from "../../../data/invoices";
import { organisationLocale } from "../../../data/organisation";
import { pdfIssuer } from "../../invoices/pdf-issuer";
import { createTRPCRouter, orgProcedure } from "../../trpc";
import { ZIdempotencyKey } from "../../../domain/schemas";
import { ZInvoiceOut, ZIsoDate } from "./invoice.schema";
import { answeringRefusals } from "../../refusals";

const ZId = z.string().trim().min(1).max(64);
const today = () => new Date().toISOString().slice(0, 10);

export const withOverdue = (invoice: InvoiceView) => ({ ...invoice, overdue: invoice.kind === "invoice" && isOverdue(invoice.status, invoice.dueDate, today()) });

const answer = <T>(work: () => Promise<T>) => answeringRefusals(work, "Invoice or engagement not found.");

export const invoiceRouter = createTRPCRouter({
  issue: orgProcedure
    .input(z.strictObject({ engagementId: ZId, milestoneIds: z.array(ZId).min(1).max(50), idempotencyKey: ZIdempotencyKey }))
    .output(ZInvoiceOut)
    .mutation(async ({ ctx, input }) => withOverdue(await answer(async () => issueInvoice(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope)))))),
  list: orgProcedure
    .input(z.strictObject({ engagementId: ZId.optional() }))
    .output(z.array(ZInvoiceOut))
    .query(async ({ ctx, input }) => {
      return (await listInvoices(ctx.scope, input)).map(withOverdue);
    }),
  get: orgProcedure
    .input(z.strictObject({ id: ZId }))
    .output(ZInvoiceOut)
    .query(async ({ ctx, input }) => {
      return withOverdue(await findInvoice(ctx.scope, input.id));
    }),
  recordPayment: orgProcedure
    .input(
      z.strictObject({
        invoiceId: ZId,
        amountMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        paidOn: ZIsoDate,
        method: z.string().trim().min(1).max(60),
        reference: z.string().trim().max(200).default(""),
      }),
    )
    .output(ZInvoiceOut)
    .mutation(async ({ ctx, input }) => withOverdue(await answer(() => recordPayment(ctx.scope, input)))),
  creditNote: orgProcedure
    .input(z.strictObject({ invoiceId: ZId, reason: z.string().trim().min(1).max(500), subtotalMinor: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional() }))
    .output(ZInvoiceOut)
    .mutation(async ({ ctx, input }) => withOverdue(await answer(async () => issueCreditNote(ctx.scope, input, pdfIssuer(await organisationLocale(ctx.scope)))))),
});
