import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import type { ClientScope } from "../../../data/scope";
import { findInvoice, listInvoices, type InvoiceView } from "../../../data/invoices";
import { portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { ZPortalInvoiceOut } from "../invoice/invoice.schema";
import { withOverdue } from "../invoice/invoice.schema";

/** An invoice on the portal's allow-list: the document's figures (none for a viewer the engagement hides them from), no internal ids. */
function presentInvoice(scope: ClientScope, invoice: InvoiceView) {
  const { lines, payments, creditedInvoiceId: _c, engagementId: _e, hideAmountsFromViewers: _h, ...rest } = withOverdue(invoice);
  const show = seesAmounts(amountReaderOf(scope), invoice);
  const amount = (minor: number) => (show ? minor : null);
  return {
    ...rest,
    subtotalMinor: amount(rest.subtotalMinor),
    taxMinor: amount(rest.taxMinor),
    totalMinor: amount(rest.totalMinor),
    paidMinor: amount(rest.paidMinor),
    creditedMinor: amount(rest.creditedMinor),
    amountsHidden: !show,
    lines: lines.map((l) => ({ description: l.description, shareBp: l.shareBp, amountMinor: amount(l.amountMinor) })),
    payments: payments.map((p) => ({ amountMinor: amount(p.amountMinor), paidOn: p.paidOn })),
  };
}

export const listPortalInvoices = portalProcedure
  .input(z.strictObject({ engagementId: ZEntityId.optional() }))
  .output(z.array(ZPortalInvoiceOut))
  .query(async ({ ctx, input }) => {
    return (await listInvoices(ctx.scope, input)).map((invoice) => presentInvoice(ctx.scope, invoice));
  });

export const getPortalInvoice = portalProcedure
  .input(ZGetByIdInput)
  .output(ZPortalInvoiceOut)
  .query(async ({ ctx, input }) => {
    return presentInvoice(ctx.scope, await findInvoice(ctx.scope, input.id));
  });
