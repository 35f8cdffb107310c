import { useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/server/domain/currency";
import { irrShown } from "@/server/domain/roi/irr-shown";
import type { RoiReport } from "@/server/domain/roi/report";
import { bpAsPercentText, monthKeyAt, percent } from "./chart-data";

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-base font-semibold break-words tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** NPV, IRR, payback and how sure the figures are (Monte Carlo P10/P50/P90, chance NPV > 0). */
export function HeadlineFigures({ report }: { report: RoiReport }) {
  const t = useTranslations("roi.headline");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, report.currency, locale);
  const mc = report.monteCarlo;
  const ready = mc.status === "ready" && mc.npvP10Minor !== null && mc.npvP50Minor !== null && mc.npvP90Minor !== null;
  const rate = bpAsPercentText(Math.round(report.discountRate * 10_000));
  return (
    <section aria-labelledby="roi-headline-heading" className="space-y-2">
      <h3 id="roi-headline-heading" className="font-medium">
        {t("title")}
      </h3>
      <dl className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        <Figure label={t("npv", { rate })} value={money(report.npvMinor)} testId="roi-npv" />
        <Figure
          label={t("irr")}
          value={report.irrAnnual === null ? t("none") : irrShown(report.irrAnnual, (rate) => percent(rate, locale))}
          testId="roi-irr"
        />
        <Figure
          label={t("payback")}
          value={
            report.paybackMonth === null
              ? t("noPayback", { months: report.horizonMonths })
              : t("paybackMonth", {
                  month: report.paybackMonth,
                  key: monthKeyAt(report.inputs.startMonth, report.paybackMonth),
                })
          }
          testId="roi-payback"
        />
        {ready ? (
          <>
            <Figure label={t("p10")} value={money(mc.npvP10Minor!)} testId="roi-p10" />
            <Figure label={t("p50")} value={money(mc.npvP50Minor!)} testId="roi-p50" />
            <Figure label={t("p90")} value={money(mc.npvP90Minor!)} testId="roi-p90" />
          </>
        ) : null}
      </dl>
      {ready ? (
        <p className="text-sm" data-testid="roi-confidence">
          {t("confidence", {
            p10: money(mc.npvP10Minor!),
            p90: money(mc.npvP90Minor!),
            probability: percent(mc.probabilityPositive ?? 0, locale),
            draws: mc.draws,
            seed: mc.seed,
          })}
        </p>
      ) : (
        <p role="status" className="text-sm text-amber-900" data-testid="roi-simulation-pending">
          {t("pending", { draws: mc.draws })}
        </p>
      )}
    </section>
  );
}
