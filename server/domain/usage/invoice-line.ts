import { z } from "zod";
import { minorUnitDigits } from "../currency";
import { documentWords, fill } from "../document-words";
import type { Locale } from "../locale";
import { exactDecimal } from "../sla/decimal";

// A usage invoice line's detail, as stored on the line (InvoiceLine.usage) when it is issued and
// printed under its description: the period's quantity, the free quantity, the billable rest and
// each tier's quantity x price = exact amount. The stored detail is the source of what the PDF and
// the portal show, so a line reads the same however long after it was issued.

export const ZUsageLineDetail = z.object({
  meter: z.string(),
  unit: z.string(),
  period: z.string(),
  quantity: z.number(),
  freeQuantity: z.number(),
  billableQuantity: z.number(),
  tiers: z.array(
    z.object({
      upTo: z.number().nullable(),
      priceMinor: z.number(),
      perQuantity: z.number(),
      quantity: z.number(),
      amountExact: z.string(),
    }),
  ),
  /** the exact sum of the tiers in minor units; the line's amount is it rounded once, half-up */
  amountExact: z.string(),
  byTenant: z.array(z.object({ tenant: z.string(), quantity: z.number() })),
});
export type UsageLineDetail = z.infer<typeof ZUsageLineDetail>;

/** A stored detail read back; a line without one (or an unreadable one) is not a usage line. */
export function readUsageLineDetail(stored: unknown): UsageLineDetail | null {
  if (stored === null || stored === undefined) return null;
  const parsed = ZUsageLineDetail.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** A decimal text in minor units ("1224.567") moved to major units ("12.24567" for two digits), exactly. */
export function minorTextToMajor(minorText: string, digits: number): string {
  const negative = minorText.startsWith("-");
  const [whole = "0", fraction = ""] = minorText.replace("-", "").split(".");
  const padded = whole.padStart(digits + 1, "0");
  const major = padded.slice(0, padded.length - digits).replace(/^0+(?=\d)/, "");
  const rest = `${padded.slice(padded.length - digits)}${fraction}`.replace(/0+$/, "");
  return `${negative ? "-" : ""}${major}${rest ? `.${rest}` : ""}`;
}

/** An exact amount in minor units (a decimal text) as money of the locale, all its digits kept. */
export function formatExactMoney(minorText: string, currency: string, locale: Locale): string {
  const digits = minorUnitDigits(currency);
  const major = minorTextToMajor(minorText, digits);
  const places = Math.max(digits, major.split(".")[1]?.length ?? 0);
  // Intl formats a decimal string exactly (no float on the way)
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.min(places, 100),
  }).format(major as unknown as number);
}

const quantityFormats = { en: new Intl.NumberFormat("en"), "zh-CN": new Intl.NumberFormat("zh-CN") };
export const formatQuantity = (quantity: number, locale: Locale) => quantityFormats[locale].format(quantity);

/** A line's description: which meter and which period. */
export function usageLineDescription(detail: { meter: string; unit: string; period: string }, locale: Locale): string {
  return fill(documentWords(locale, "invoice").usageLine, detail);
}

/** The tier's bounds in billable units: "up to 1,000,000" or "above 1,000,000". */
function tierRange(detail: UsageLineDetail, index: number, locale: Locale): string {
  const words = documentWords(locale, "invoice");
  const tier = detail.tiers[index]!;
  const from = detail.tiers[index - 1]?.upTo ?? 0;
  if (tier.upTo !== null) return fill(words.usageUpTo, { upTo: formatQuantity(tier.upTo, locale) });
  return fill(words.usageAbove, { from: formatQuantity(from, locale) });
}

/** The detail printed under a usage line, one fact per line, in the document's language. */
export function usageDetailText(detail: UsageLineDetail, currency: string, locale: Locale): string {
  const words = documentWords(locale, "invoice");
  const q = (quantity: number) => formatQuantity(quantity, locale);
  const quantities = fill(words.usageQuantities, {
    quantity: q(detail.quantity),
    unit: detail.unit,
    free: q(detail.freeQuantity),
    billable: q(detail.billableQuantity),
  });
  const tiers = detail.tiers.map((tier, index) =>
    fill(words.usageTier, {
      n: String(index + 1),
      range: tierRange(detail, index, locale),
      quantity: q(tier.quantity),
      price: formatExactMoney(priceText(tier.priceMinor), currency, locale),
      per: q(tier.perQuantity),
      unit: detail.unit,
      amount: formatExactMoney(tier.amountExact, currency, locale),
    }),
  );
  const total = fill(words.usageExact, { amount: formatExactMoney(detail.amountExact, currency, locale) });
  return [quantities, ...tiers, total].join("\n");
}

/** A tier price (minor units, up to six decimals) as a plain decimal text. */
function priceText(priceMinor: number): string {
  const { units, scale } = exactDecimal(priceMinor);
  const text = units.toString().padStart(scale + 1, "0");
  return scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
}
