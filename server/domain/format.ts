// Locale-aware display of shares and dates; money formatting lives in currency.ts.

export function formatShareBp(shareBp: number, locale: string): string {
  const digits = shareBp % 100 === 0 ? 0 : 2;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(shareBp / 10_000);
}

/** An ISO calendar date (YYYY-MM-DD) shown in the locale's medium style, never shifted by time zone. */
export function formatIsoDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}
