import { isOverdue, type PaymentStatus } from "./invoice";
import type { MilestoneState } from "./milestone";

// Where the money stands, per currency (amounts in different currencies are never added):
// expected cash by milestone state, invoiced and paid per month, totals, and what is overdue.

export const CASH_STATES: readonly MilestoneState[] = [
  "planned",
  "in_progress",
  "submitted",
  "verified",
  "approved",
  "invoiced",
  "paid",
];

export interface CashInput {
  engagements: { currency: string; status: string; milestones: { state: MilestoneState; amountMinor: number }[] }[];
  invoices: {
    id: string;
    kind: "invoice" | "credit_note";
    number: string;
    engagementTitle: string;
    clientName: string;
    currency: string;
    status: PaymentStatus;
    totalMinor: number;
    paidMinor: number;
    creditedMinor: number;
    /** an SLA credit note: the SLA period it credits */
    slaPeriod?: string | null;
    issueDate: string;
    dueDate: string;
    payments: { amountMinor: number; paidOn: string }[];
  }[];
  today: string;
}

export interface CurrencyCash {
  currency: string;
  byState: { state: MilestoneState; amountMinor: number }[];
  byMonth: { month: string; invoicedMinor: number; paidMinor: number }[];
  /** slaCreditsMinor: the SLA credit notes issued (already taken off invoicedMinor, as every credit note is) */
  totals: { invoicedMinor: number; paidMinor: number; outstandingMinor: number; slaCreditsMinor: number };
}

export interface CashSummary {
  currencies: CurrencyCash[];
  overdue: {
    id: string;
    number: string;
    engagementTitle: string;
    clientName: string;
    currency: string;
    outstandingMinor: number;
    dueDate: string;
    daysOverdue: number;
  }[];
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function cashSummary(input: CashInput): CashSummary {
  const byCurrency = new Map<string, CurrencyCash>();
  const entry = (currency: string) => {
    let cash = byCurrency.get(currency);
    if (!cash) {
      cash = {
        currency,
        byState: CASH_STATES.map((state) => ({ state, amountMinor: 0 })),
        byMonth: [],
        totals: { invoicedMinor: 0, paidMinor: 0, outstandingMinor: 0, slaCreditsMinor: 0 },
      };
      byCurrency.set(currency, cash);
    }
    return cash;
  };
  const month = (cash: CurrencyCash, key: string) => {
    let row = cash.byMonth.find((m) => m.month === key);
    if (!row) {
      row = { month: key, invoicedMinor: 0, paidMinor: 0 };
      cash.byMonth.push(row);
    }
    return row;
  };
  for (const engagement of input.engagements) {
    if (engagement.status === "cancelled" || engagement.status === "draft") continue;
    const cash = entry(engagement.currency);
    for (const milestone of engagement.milestones) {
      const slot = cash.byState.find((s) => s.state === milestone.state);
      if (slot) slot.amountMinor += milestone.amountMinor;
    }
  }
  const overdue: CashSummary["overdue"] = [];
  for (const invoice of input.invoices) {
    const cash = entry(invoice.currency);
    // a credit note reduces what was invoiced in the month it was issued
    const signed = invoice.kind === "credit_note" ? -invoice.totalMinor : invoice.totalMinor;
    month(cash, invoice.issueDate.slice(0, 7)).invoicedMinor += signed;
    cash.totals.invoicedMinor += signed;
    if (invoice.kind === "credit_note" && invoice.slaPeriod) cash.totals.slaCreditsMinor += invoice.totalMinor;
    for (const payment of invoice.payments) {
      month(cash, payment.paidOn.slice(0, 7)).paidMinor += payment.amountMinor;
      cash.totals.paidMinor += payment.amountMinor;
    }
    if (invoice.kind === "invoice" && isOverdue(invoice.status, invoice.dueDate, input.today)) {
      overdue.push({
        id: invoice.id,
        number: invoice.number,
        engagementTitle: invoice.engagementTitle,
        clientName: invoice.clientName,
        currency: invoice.currency,
        outstandingMinor: invoice.totalMinor - invoice.creditedMinor - invoice.paidMinor,
        dueDate: invoice.dueDate,
        daysOverdue: daysBetween(invoice.dueDate, input.today),
      });
    }
  }
  const currencies = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  for (const cash of currencies) {
    cash.byMonth.sort((a, b) => a.month.localeCompare(b.month));
    cash.totals.outstandingMinor = cash.totals.invoicedMinor - cash.totals.paidMinor;
  }
  return { currencies, overdue: overdue.sort((a, b) => a.dueDate.localeCompare(b.dueDate)) };
}
