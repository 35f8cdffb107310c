import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/server/domain/currency";
import type { Price } from "@/server/domain/proposal/pricing";
import { formatExactMinor } from "./view-values";

/** A computed price: the formula written out, then each rate-card line as quantity x rate = amount. */
export function PriceBreakdown({ price, currency }: { price: Price; currency: string }) {
  const t = useTranslations("proposalPages.view");
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const money = (minor: number) => formatMoney(minor, currency, locale);
  return (
    <div className="mt-2 text-sm">
      <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-xs text-slate-800" data-testid="price-formula">
        {price.formula}
      </p>
      {price.lines.length > 0 && (
        <table className="mt-2 w-full max-w-2xl text-left tabular-nums" aria-label={t("priceLines")}>
          <tbody>
            <tr className="border-b border-slate-100">
              <th scope="row" className="py-1 pr-3 font-normal">
                {t("base")}
              </th>
              <td />
              <td className="py-1 text-right">{money(price.baseMinor)}</td>
            </tr>
            {price.lines.map((line) => (
              <tr key={line.key} className="border-b border-slate-100" data-price-line={line.key}>
                <th scope="row" className="py-1 pr-3 font-normal">
                  {line.label}
                </th>
                <td className="py-1 pr-3 text-slate-600">
                  {number.format(line.quantity)} {line.unit} × {money(line.rateMinor)}
                </td>
                <td className="py-1 text-right">{formatExactMinor(line.amountExact, currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
