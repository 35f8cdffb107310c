import { minorToDecimal, minorUnitDigits } from "../currency";
import type { Locale } from "../locale";

// Money as the ROI report's prose and drawings say it. Tables print exact amounts with formatMoney
// (../currency.ts); a sentence for a finance reader rounds estimates ("CNY 12.6 million",
// "人民币 1260万") and keeps contract figures exact ("CNY 2,400,000"); chart axes and map nodes use
// the short compact form ("CN¥12.6M", "¥1260万"). Formatters are kept: building one costs more than
// formatting with it.

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

const currencyNames = new Map<string, string>();

/** "CNY" in English prose, "人民币" in Chinese. */
function currencyWord(currency: string, locale: Locale): string {
  if (locale === "en") return currency;
  let name = currencyNames.get(currency);
  if (name === undefined) {
    name = new Intl.DisplayNames("zh-CN", { type: "currency" }).of(currency) ?? currency;
    currencyNames.set(currency, name);
  }
  return name;
}

/** Major units as an exact decimal string, without a trailing ".00". */
function exactFigure(amountMinor: number, currency: string, locale: Locale): string {
  const digits = minorUnitDigits(currency);
  const decimal = minorToDecimal(amountMinor, digits);
  const shown = amountMinor % 10 ** digits === 0 ? 0 : digits;
  const grouped = formatter(
    `exact|${locale}|${shown}`,
    () => new Intl.NumberFormat(locale, { minimumFractionDigits: shown, maximumFractionDigits: shown }),
  );
  // Intl reads a decimal string exactly: the amount never passes through a float division
  return grouped.format((shown === 0 ? decimal.split(".")[0]! : decimal) as unknown as number);
}

/** An amount a contract fixes, for a sentence: "CNY 2,400,000", "人民币 2,400,000". */
export function exactMoneyWords(amountMinor: number, currency: string, locale: Locale): string {
  return `${currencyWord(currency, locale)} ${exactFigure(amountMinor, currency, locale)}`;
}

/**
 * An estimate, for a sentence: millions with one decimal in English ("CNY 12.6 million"), 万 and 亿
 * in Chinese ("人民币 1260万"); smaller amounts exactly.
 */
export function roundedMoneyWords(amountMinor: number, currency: string, locale: Locale): string {
  const major = amountMinor / 10 ** minorUnitDigits(currency);
  const large = locale === "en" ? Math.abs(major) >= 1_000_000 : Math.abs(major) >= 10_000;
  if (!large) return exactMoneyWords(Math.round(major) * 10 ** minorUnitDigits(currency), currency, locale);
  const compact = formatter(
    `words|${locale}`,
    () => new Intl.NumberFormat(locale, { notation: "compact", compactDisplay: "long", maximumFractionDigits: 1 }),
  );
  return `${currencyWord(currency, locale)} ${compact.format(major)}`;
}

/** For axes and map nodes: "CN¥12.6M", "¥1260万", "CN¥865K". */
export function compactMoney(amountMinor: number, currency: string, locale: Locale): string {
  const major = amountMinor / 10 ** minorUnitDigits(currency);
  return formatter(
    `compact|${locale}|${currency}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        notation: "compact",
        minimumFractionDigits: 0,
        maximumFractionDigits: 1,
      }),
  ).format(major);
}
