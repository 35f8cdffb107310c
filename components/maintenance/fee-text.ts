import { formatMoney } from "@/server/domain/currency";

/** A fee as the reader may see it: null is a fee hidden from a viewer of an engagement that hides amounts. */
export function feeText(feeMinor: number | null, currency: string, locale: string, hidden: string): string {
  return feeMinor === null ? hidden : formatMoney(feeMinor, currency, locale);
}
