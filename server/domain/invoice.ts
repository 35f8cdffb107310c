import { assertMinorUnits, MoneyError } from "./money";

// Invoices in integer minor units: lines are milestone amounts, tax is the engagement's rate in
// basis points applied once to the subtotal and rounded half up, totals are exact sums.

export interface InvoiceLineInput {
  description: string;
  shareBp: number | null;
  amountMinor: number;
}

export interface InvoiceTotals {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
}

/** Tax on a subtotal at `rateBp` basis points, rounded half up to the minor unit (exact, BigInt). */
export function taxMinor(subtotalMinor: number, rateBp: number): number {
  assertMinorUnits(subtotalMinor, "subtotal");
  if (!Number.isInteger(rateBp) || rateBp < 0 || rateBp > 10_000)
    throw new MoneyError(`tax rate ${rateBp} bp is not between 0 and 10,000`);
  if (subtotalMinor < 0) throw new MoneyError("a subtotal is never negative; corrections are credit notes");
  const product = BigInt(subtotalMinor) * BigInt(rateBp);
  return Number((product + 5_000n) / 10_000n);
}

export function invoiceTotals(lines: readonly InvoiceLineInput[], rateBp: number): InvoiceTotals {
  if (lines.length === 0) throw new MoneyError("an invoice needs at least one line");
  let subtotal = 0n;
  for (const line of lines) {
    assertMinorUnits(line.amountMinor, `line "${line.description}"`);
    if (line.amountMinor < 0) throw new MoneyError(`line "${line.description}" is negative`);
    subtotal += BigInt(line.amountMinor);
  }
  const subtotalMinor = Number(subtotal);
  assertMinorUnits(subtotalMinor, "subtotal");
  const tax = taxMinor(subtotalMinor, rateBp);
  return { subtotalMinor, taxMinor: tax, totalMinor: subtotalMinor + tax };
}

export type PaymentStatus = "issued" | "partially_paid" | "paid" | "void";

export function paymentStatus(totalMinor: number, paidMinor: number, creditedMinor: number): PaymentStatus {
  const due = totalMinor - creditedMinor;
  if (due <= 0) return creditedMinor >= totalMinor ? "void" : "paid";
  if (paidMinor >= due) return "paid";
  return paidMinor > 0 ? "partially_paid" : "issued";
}

export function isOverdue(status: PaymentStatus, dueDate: string, today: string): boolean {
  return (status === "issued" || status === "partially_paid") && today > dueDate;
}

export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
