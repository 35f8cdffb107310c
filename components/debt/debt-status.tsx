import { useTranslations } from "next-intl";
import type { DebtItemFields } from "@/server/domain/debt/item";

export function DebtStatusText({ item }: { item: Pick<DebtItemFields, "status" | "scheduledMonth" | "fixedOn"> }) {
  const t = useTranslations("debt.status");
  const text =
    item.status === "scheduled"
      ? t("scheduledFor", { month: item.scheduledMonth ?? "" })
      : item.status === "fixed"
        ? t("fixedOn", { date: item.fixedOn ?? "" })
        : t("open");
  return (
    <span data-status={item.status} className="whitespace-nowrap">
      {text}
    </span>
  );
}
