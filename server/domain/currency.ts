import { z } from "zod";

// ISO 4217 codes this product bills in; the list grows with demand, the formatting does not change.
export const SUPPORTED_CURRENCIES = ["CNY", "EUR", "USD", "GBP", "JPY", "CHF", "HKD", "SGD", "KWD", "BHD"] as const;
export const ZCurrency = z.enum(SUPPORTED_CURRENCIES);
export type Currency = z.infer<typeof ZCurrency>;

/** Number of decimals of the currency's minor unit, as Intl knows it (JPY 0, CNY 2, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats integer minor units for a locale without ever passing through a float division. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  const scale = 10n ** BigInt(digits);
  const major = abs / scale;
  const minor = (abs % scale).toString().padStart(digits, "0");
  const decimal = digits > 0 ? `${major}.${minor}` : `${major}`;
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl accepts decimal strings exactly (no float rounding) since ES2023.
  return formatter.format(`${negative ? "-" : ""}${decimal}` as unknown as number);
}
