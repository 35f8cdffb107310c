import { minorToDecimal, minorUnitDigits } from "../currency";
import { assertMinorUnits, MoneyError } from "../money";
import { divideHalfUp, exactDecimal } from "../sla/decimal";
import type { Price, PriceLine, PricingRule, Quantities, RateCardLine } from "./pricing";

// A package's price for given quantities. Each product quantity x rate is kept exact (a quantity
// is read as the decimal it was written as, never as its binary fraction), the products are summed
// exactly, and the total is rounded once, half-up, to minor units: rounding each line first would
// let a proposal's total drift from its lines by several minor units.

/** The largest price a package may come to: the bound of a stored amount. */
export const MAX_PRICE_MINOR = 1e13;

export const QUANTITY_PROBLEM_CODES = [
  "unknown_key",
  "below_min",
  "above_max",
  "not_whole",
  "too_precise",
  "total_too_large",
] as const;
export type QuantityProblemCode = (typeof QUANTITY_PROBLEM_CODES)[number];

export interface QuantityProblem {
  /** the rate-card key the problem is about ("" for the price as a whole) */
  key: string;
  code: QuantityProblemCode;
  /** in English; `code` and `params` let a page say it in its own words */
  message: string;
  params: { label: string; min?: number; max?: number };
}

const MAX_QUANTITY_PLACES = 3;

/** A quantity as units / 10^scale; refuses what no form can submit (negative, not finite). */
function exactQuantity(key: string, quantity: number): { units: bigint; scale: number } {
  if (!Number.isFinite(quantity) || quantity < 0)
    throw new RangeError(`quantity "${key}" must be a non-negative finite number, got ${quantity}`);
  return exactDecimal(quantity);
}

/** The quantities a new proposal starts from: each rate-card line's default. */
export function defaultQuantities(rule: PricingRule): Quantities {
  if (rule.type === "fixed") return {};
  return Object.fromEntries(rule.rateCard.map((line) => [line.key, line.defaultQuantity]));
}

/** Each line's quantity: the one given, or the line's default when the proposal leaves it out. */
function quantityOf(line: RateCardLine, quantities: Quantities): number {
  return quantities[line.key] ?? line.defaultQuantity;
}

/** units / 10^scale as a plain decimal string without trailing zeros ("1250.5", "7000000"). */
function decimalString(units: bigint, scale: number): string {
  if (scale === 0) return units.toString();
  const digits = units.toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, "");
  return fraction === "" ? whole : `${whole}.${fraction}`;
}

/** The exact total in minor units as units / 10^scale (every line brought to the largest scale). */
function exactTotal(baseMinor: number, products: { units: bigint; scale: number }[]): { units: bigint; scale: number } {
  const scale = Math.max(0, ...products.map((product) => product.scale));
  const units = products.reduce(
    (sum, product) => sum + product.units * 10n ** BigInt(scale - product.scale),
    BigInt(baseMinor) * 10n ** BigInt(scale),
  );
  return { units, scale };
}

function exactProducts(rule: Extract<PricingRule, { type: "formula" }>, quantities: Quantities) {
  return rule.rateCard.map((line) => {
    const quantity = quantityOf(line, quantities);
    const { units, scale } = exactQuantity(line.key, quantity);
    return { line, quantity, units: units * BigInt(line.rateMinor), scale };
  });
}

function roundedTotal(baseMinor: number, products: { units: bigint; scale: number }[]): bigint {
  const total = exactTotal(baseMinor, products);
  return divideHalfUp(total.units, 10n ** BigInt(total.scale));
}

function moneyText(amountMinor: number, currency: string, locale: string): string {
  const digits = minorUnitDigits(currency);
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Intl formats decimal strings exactly, so the amount never passes through a float division.
  return `${currency} ${number.format(minorToDecimal(amountMinor, digits) as unknown as number)}`;
}

function quantityText(quantity: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: MAX_QUANTITY_PLACES }).format(quantity);
}

/**
 * The price of a rule for the quantities (missing ones take their default; keys the rule does not
 * know are ignored here and reported by `quantityProblems`), with the formula written out in the
 * locale, e.g. "CNY 200,000.00 + 4 nodes x CNY 50,000.00 = CNY 400,000.00".
 * Throws a MoneyError when the total is beyond a safe integer of minor units.
 */
export function computePrice(rule: PricingRule, quantities: Quantities, currency: string, locale: string): Price {
  if (rule.type === "fixed") {
    assertMinorUnits(rule.amountMinor, "fixed price");
    return {
      totalMinor: rule.amountMinor,
      baseMinor: rule.amountMinor,
      lines: [],
      formula: moneyText(rule.amountMinor, currency, locale),
    };
  }
  assertMinorUnits(rule.baseMinor, "base price");
  const products = exactProducts(rule, quantities);
  const total = roundedTotal(rule.baseMinor, products);
  if (total > BigInt(Number.MAX_SAFE_INTEGER))
    throw new MoneyError(`the price ${total} minor units is beyond a safe integer`);
  const totalMinor = Number(total);
  const lines: PriceLine[] = products.map(({ line, quantity, units, scale }) => ({
    key: line.key,
    label: line.label,
    unit: line.unit,
    quantity,
    rateMinor: line.rateMinor,
    amountExact: decimalString(units, scale),
  }));
  const terms = [
    moneyText(rule.baseMinor, currency, locale),
    ...lines.map(
      (line) => `${quantityText(line.quantity, locale)} ${line.unit} x ${moneyText(line.rateMinor, currency, locale)}`,
    ),
  ];
  return {
    totalMinor,
    baseMinor: rule.baseMinor,
    lines,
    formula: `${terms.join(" + ")} = ${moneyText(totalMinor, currency, locale)}`,
  };
}

/**
 * What is wrong with the quantities for this rule: a key the rule does not know, a quantity outside
 * its line's [min, max], a fraction where the line counts whole units, more than three decimals, or
 * a total beyond MAX_PRICE_MINOR. A missing key is not a problem: it takes the line's default.
 */
export function quantityProblems(rule: PricingRule, quantities: Quantities): QuantityProblem[] {
  const lines = rule.type === "fixed" ? [] : rule.rateCard;
  const known = new Set(lines.map((line) => line.key));
  const problems: QuantityProblem[] = Object.keys(quantities)
    .filter((key) => !known.has(key))
    .map((key) => ({
      key,
      code: "unknown_key",
      message: `"${key}" is not a quantity of this package`,
      params: { label: key },
    }));
  for (const line of lines) {
    const quantity = quantityOf(line, quantities);
    const params = { label: line.label, min: line.minQuantity, max: line.maxQuantity };
    if (!Number.isFinite(quantity) || quantity < line.minQuantity)
      problems.push({
        key: line.key,
        code: "below_min",
        message: `${line.label}: at least ${line.minQuantity}`,
        params,
      });
    else if (quantity > line.maxQuantity)
      problems.push({
        key: line.key,
        code: "above_max",
        message: `${line.label}: at most ${line.maxQuantity}`,
        params,
      });
    else if (line.integer && !Number.isInteger(quantity))
      problems.push({ key: line.key, code: "not_whole", message: `${line.label}: whole ${line.unit} only`, params });
    else if (exactDecimal(quantity).scale > MAX_QUANTITY_PLACES)
      problems.push({
        key: line.key,
        code: "too_precise",
        message: `${line.label}: at most ${MAX_QUANTITY_PLACES} decimal places`,
        params,
      });
  }
  if (problems.length === 0 && rule.type === "formula") {
    const total = roundedTotal(rule.baseMinor, exactProducts(rule, quantities));
    if (total > BigInt(MAX_PRICE_MINOR))
      problems.push({
        key: "",
        code: "total_too_large",
        message: `the price is above ${MAX_PRICE_MINOR} minor units`,
        params: { label: "", max: MAX_PRICE_MINOR },
      });
  }
  return problems;
}

/**
 * Why a rule could price beyond MAX_PRICE_MINOR (null when it cannot): checked when a package is
 * saved, so every quantity its lines accept gives a total that is a safe integer of minor units.
 */
export function pricingRuleProblem(rule: PricingRule): string | null {
  if (rule.type === "fixed") return null;
  const atMaximum = Object.fromEntries(rule.rateCard.map((line) => [line.key, line.maxQuantity]));
  const total = roundedTotal(rule.baseMinor, exactProducts(rule, atMaximum));
  return total > BigInt(MAX_PRICE_MINOR)
    ? `at the maximum quantities the price is ${total} minor units, above ${MAX_PRICE_MINOR}: lower a rate or a maximum`
    : null;
}
