import { useLocale, useTranslations } from "next-intl";
import type { ContractOut } from "@/server/api/routers/maintenance/maintenance.schema";
import { formatIsoDate } from "@/server/domain/format";

export type DeliveryRow = ContractOut["terms"][number]["deliveries"][number];

/** Releases and patches delivered in a term: the tag or file, when, and the evidence's SHA-256. */
export function DeliveryList({ deliveries, label }: { deliveries: DeliveryRow[]; label?: string }) {
  const t = useTranslations("maintenance.page.deliveries");
  const locale = useLocale();
  if (deliveries.length === 0) return <p className="text-sm text-slate-500">{t("none")}</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label={label}>
      {deliveries.map((delivery) => (
        <li key={delivery.evidenceId} data-delivery={delivery.kind}>
          <span
            className={
              delivery.kind === "release"
                ? "mr-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-900"
                : "mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700"
            }
          >
            {t(delivery.kind)}
          </span>
          <span className="font-mono">{delivery.name}</span>
          <span className="ml-2 text-xs text-slate-500">
            {formatIsoDate(delivery.at.slice(0, 10), locale)} ·{" "}
            <span title={delivery.sha256} className="font-mono">
              {delivery.sha256.slice(0, 12)}
            </span>
          </span>
        </li>
      ))}
    </ul>
  );
}
