"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/server/domain/currency";
import { BASIS_POINTS_TOTAL, splitByShares } from "@/server/domain/money";
import { computePrice, pricingRuleProblem } from "@/server/domain/proposal/price";
import { ZPricingRule, type PricingRuleInput } from "@/server/domain/proposal/pricing";

/** The price at the rate card's default quantities, its formula, and how the milestones split it. */
export function PricePreview({
  rule,
  ruleReadable,
  currency,
  milestones,
}: {
  rule: PricingRuleInput;
  /** false when an amount of the rule is not an amount (the field says why) */
  ruleReadable: boolean;
  currency: string;
  milestones: { key: string; title: string; shareBp: number | null }[];
}) {
  const t = useTranslations("packages.form");
  const locale = useLocale();
  const parsed = ruleReadable ? ZPricingRule.safeParse(rule) : null;
  const ceiling = parsed?.success ? pricingRuleProblem(parsed.data) : null;
  const price = parsed?.success && !ceiling ? computePrice(parsed.data, {}, currency, locale) : null;
  const sharesBp = milestones.map((m) => m.shareBp);
  const split =
    price &&
    sharesBp.every((bp) => bp !== null) &&
    sharesBp.reduce<number>((a, b) => a + (b ?? 0), 0) === BASIS_POINTS_TOTAL
      ? splitByShares(price.totalMinor, sharesBp as number[])
      : null;
  return (
    <div aria-live="polite" className="space-y-2 text-sm" data-testid="package-price">
      <h3 className="font-semibold">{t("priceAtDefaults")}</h3>
      {price ? (
        <>
          <p className="text-2xl font-semibold tabular-nums" data-testid="package-price-total">
            {formatMoney(price.totalMinor, currency, locale)}
          </p>
          {price.lines.length > 0 && (
            <p className="text-slate-700" data-testid="package-price-formula">
              {price.formula}
            </p>
          )}
          {split && (
            <ul className="space-y-0.5 text-slate-600">
              {milestones.map((m, i) => (
                <li key={m.key} className="flex justify-between gap-4">
                  <span>{m.title || m.key}</span>
                  <span className="tabular-nums">{formatMoney(split[i] ?? 0, currency, locale)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p className="text-amber-800">{ceiling ?? t("priceUnavailable")}</p>
      )}
    </div>
  );
}
