import { z } from "zod";

// ISO 4217 codes this product bills in; the list grows with demand, the formatting does not change.
export const SUPPORTED_CURRENCIES = ["CNY", "EUR", "USD", "GBP", "JPY", "CHF", "HKD", "SGD", "KWD", "BHD"] as const;
export const ZCurrency = z.enum(SUPPORTED_CURRENCIES);
export type Currency = z.infer<typeof ZCurrency>;

// Building an Intl.NumberFormat costs far more than formatting with one (a 50-page statement
// formats ~1,700 figures), so formatters are kept per locale and currency. Both come from short
// validated lists; the bound only keeps a misuse from growing the cache.
const formatters = new Map<string, Intl.NumberFormat>();
const MAX_FORMATTERS = 256;

function formatter(locale: string, currency: string, digits: number | null): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}\u0000${digits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      ...(digits === null ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
    });
    if (formatters.size < MAX_FORMATTERS) formatters.set(key, found);
  }
  return found;
}

/** Number of decimals of the currency's minor unit, as Intl knows it (JPY 0, CNY 2, KWD 3). */
export function minorUnitDigits(currency: string): number {
  return formatter("en", currency, null).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Integer minor units as a plain decimal string in major units ("1000000.00"), exactly. */
export function minorToDecimal(amountMinor: number, digits: number): string {
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  const scale = 10n ** BigInt(digits);
  const minor = (abs % scale).toString().padStart(digits, "0");
  return `${negative ? "-" : ""}${abs / scale}${digits > 0 ? `.${minor}` : ""}`;
}

/** Formats integer minor units for a locale without ever passing through a float division. */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  // Intl accepts decimal strings exactly (no float rounding) since ES2023.
  return formatter(locale, currency, digits).format(minorToDecimal(amountMinor, digits) as unknown as number);
}
