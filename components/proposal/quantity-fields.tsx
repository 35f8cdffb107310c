"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { refusalReasons } from "@/components/refusal";
import { Field, inputClass, type FieldErrors } from "@/components/ui/form-field";
import { formatMoney } from "@/server/domain/currency";
import { formatShareBp } from "@/server/domain/format";
import { ZLocale } from "@/server/domain/locale";
import { splitByShares } from "@/server/domain/money";
import type { ServicePackageView } from "@/server/domain/proposal/package";
import type { Price } from "@/server/domain/proposal/pricing";
import { parseQuantity } from "./form-values";
import { PriceBreakdown } from "./price-breakdown";

type QuoteAnswer = { price: Price | null; problems: { key: string; message: string }[] };

/** The quote's problems with the quantities, at their fields ("" is the price as a whole). */
function quoteProblems(answer: QuoteAnswer | undefined): FieldErrors {
  const problems: FieldErrors = {};
  for (const problem of answer?.problems ?? [])
    (problems[problem.key ? `quantities.${problem.key}` : "price"] ??= []).push(problem.message);
  return problems;
}

/**
 * The package's rate card as quantity inputs (unit, bounds, whole units), and the price they come to,
 * asked of the server as they are typed, with its formula and each milestone's part of it.
 */
export function QuantityFields({
  pkg,
  quantities,
  onChange,
  errors,
}: {
  pkg: ServicePackageView;
  quantities: Record<string, string>;
  onChange: (key: string, text: string) => void;
  errors: FieldErrors;
}) {
  const t = useTranslations("proposalPages.form");
  const locale = useLocale();
  const trpc = useTRPC();
  const lines = pkg.pricing.type === "formula" ? pkg.pricing.rateCard : [];
  const parsed = Object.fromEntries(lines.map((line) => [line.key, parseQuantity(quantities[line.key] ?? "")]));
  const complete = Object.values(parsed).every((value) => value !== null);
  const input = {
    packageId: pkg.id,
    quantities: parsed as Record<string, number>,
    locale: ZLocale.catch("en").parse(locale),
  };
  const quote = useQuery({
    ...trpc.servicePackage.quote.queryOptions(input),
    enabled: complete,
    placeholderData: keepPreviousData,
    retry: false,
  });
  // while a quantity is not a number, the last price would answer a question no longer asked
  const price = complete ? (quote.data?.price ?? null) : null;
  const problems = quoteProblems(complete ? quote.data : undefined);
  for (const line of lines) if (parsed[line.key] === null) problems[`quantities.${line.key}`] = [t("badQuantity")];
  const money = (minor: number) => formatMoney(minor, pkg.currency, locale);
  const amounts = price
    ? splitByShares(
        price.totalMinor,
        pkg.milestones.map((m) => m.shareBp),
      )
    : [];
  return (
    <div className="space-y-4">
      {lines.length === 0 ? (
        <p className="text-sm text-slate-600">{t("fixedPrice")}</p>
      ) : (
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {lines.map((line) => {
            const name = `quantities.${line.key}`;
            const bounds = t("bounds", { min: line.minQuantity, max: line.maxQuantity, whole: String(line.integer) });
            return (
              <Field
                key={line.key}
                name={name}
                label={t("quantity", { label: line.label, unit: line.unit })}
                hint={`${bounds} · ${t("rate", { rate: money(line.rateMinor), unit: line.unit })}`}
                errors={{ ...errors, ...problems }}
              >
                {(props) => (
                  <input
                    {...props}
                    inputMode="decimal"
                    value={quantities[line.key] ?? ""}
                    onChange={(event) => onChange(line.key, event.target.value)}
                    className={inputClass}
                  />
                )}
              </Field>
            );
          })}
        </div>
      )}
      <section aria-label={t("livePrice")} aria-live="polite" className="rounded-md border border-slate-200 p-3">
        <p className="text-sm font-medium">
          {t("livePrice")}:{" "}
          <span className="tabular-nums" data-testid="live-price">
            {price ? money(price.totalMinor) : "—"}
          </span>
          {quote.isFetching && <span className="ml-2 text-xs text-slate-500">{t("computing")}</span>}
        </p>
        {price && <PriceBreakdown price={price} currency={pkg.currency} />}
        {problems.price && <Problems problems={problems.price} />}
        {quote.error && <Problems problems={refusalReasons(quote.error)} title={t("quoteFailed")} />}
        {price && (
          <ul className="mt-2 text-xs text-slate-600" aria-label={t("milestoneAmounts")}>
            {pkg.milestones.map((milestone, index) => (
              <li key={milestone.key}>
                {milestone.title}: {formatShareBp(milestone.shareBp, locale)} = {money(amounts[index] ?? 0)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
