import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import type { ClientScope } from "../../../data/scope";
import type { InvoiceView } from "../../../data/invoice/read";
import { withOverdue } from "../invoice/invoice.schema";
import type { UsageLineDetail } from "../../../domain/usage/invoice-line";

/** A usage line's quantities without its prices and amounts (for a viewer the engagement hides them from). */
const withoutPrices = (usage: UsageLineDetail) => ({
  ...usage,
  amountExact: null,
  tiers: usage.tiers.map((tier) => ({ ...tier, priceMinor: null, amountExact: null })),
});

/**
 * An invoice on the portal's allow-list: the document's figures (none for a viewer the engagement hides them from),
 * no internal ids.
 */
export function presentInvoice(scope: ClientScope, invoice: InvoiceView) {
  const {
    lines,
    payments,
    creditedInvoiceId: _c,
    engagementId: _e,
    hideAmountsFromViewers: _h,
    ...rest
  } = withOverdue(invoice);
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
    lines: lines.map((l) => ({
      description: l.description,
      shareBp: l.shareBp,
      amountMinor: amount(l.amountMinor),
      ...(l.usage ? { usage: show ? l.usage : withoutPrices(l.usage) } : {}),
    })),
    payments: payments.map((p) => ({ amountMinor: amount(p.amountMinor), paidOn: p.paidOn })),
  };
}
