import { getLocale, getTranslations } from "next-intl/server";
import type { EngagementDetailOut } from "@/server/api/routers/engagement/engagement.schema";
import { formatMoney } from "@/server/domain/currency";

/** Earned (approved or later), invoiced (invoiced or paid) and paid, each against the fee. */
export async function FeeProgress({ engagement }: { engagement: EngagementDetailOut }) {
  const t = await getTranslations("overview");
  const locale = await getLocale();
  const { paidMinor, invoicedMinor, approvedMinor } = engagement.progress;
  const rows = [
    ["earned", paidMinor + invoicedMinor + approvedMinor, "bg-emerald-500"],
    ["invoiced", paidMinor + invoicedMinor, "bg-amber-500"],
    ["paid", paidMinor, "bg-teal-600"],
  ] as const;
  const fee = Math.max(engagement.feeMinor, 1);
  return (
    <dl className="space-y-3" data-testid="fee-progress">
      {rows.map(([key, amount, tone]) => (
        <div key={key} data-progress={key}>
          <div className="flex justify-between text-sm">
            <dt className="font-medium">
              {t(key)}
              {key === "earned" && <span className="ml-1 text-xs font-normal text-slate-500">({t("earnedHint")})</span>}
            </dt>
            <dd className="tabular-nums">
              {formatMoney(amount, engagement.currency, locale)} /{" "}
              {formatMoney(engagement.feeMinor, engagement.currency, locale)}
            </dd>
          </div>
          <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden>
            <div
              className={`h-2 rounded-full ${tone}`}
              style={{ width: `${Math.min(100, Math.round((amount / fee) * 100))}%` }}
            />
          </div>
        </div>
      ))}
    </dl>
  );
}
