import { z } from "zod";
import { findInvoice, listInvoices, type InvoiceView } from "../../../data/invoices";
import { notFound, portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { ZPortalInvoiceOut } from "../invoice/invoice.schema";
import { withOverdue } from "../invoice/router";

/** An invoice on the portal's allow-list: the document's figures, no internal ids. */
function presentInvoice(invoice: InvoiceView) {
  const { lines, payments, creditedInvoiceId: _c, engagementId: _e, ...rest } = withOverdue(invoice);
  return {
    ...rest,
    lines: lines.map((l) => ({ description: l.description, shareBp: l.shareBp, amountMinor: l.amountMinor })),
    payments: payments.map((p) => ({ amountMinor: p.amountMinor, paidOn: p.paidOn })),
  };
}

export const listPortalInvoices = portalProcedure
  .input(z.strictObject({ engagementId: z.string().trim().min(1).max(64).optional() }))
  .output(z.array(ZPortalInvoiceOut))
  .query(async ({ ctx, input }) => {
    const invoices = await listInvoices(ctx.scope, input);
    if (!invoices) throw notFound("Engagement");
    return invoices.map(presentInvoice);
  });

export const getPortalInvoice = portalProcedure
  .input(ZGetByIdInput)
  .output(ZPortalInvoiceOut)
  .query(async ({ ctx, input }) => {
    const invoice = await findInvoice(ctx.scope, input.id);
    if (!invoice) throw notFound("Invoice");
    return presentInvoice(invoice);
  });
