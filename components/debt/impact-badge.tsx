import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { DebtImpact } from "@/server/domain/debt/item";

const tones: Record<DebtImpact, string> = {
  critical: "bg-red-100 text-red-800",
  high: "bg-orange-100 text-orange-900",
  medium: "bg-amber-100 text-amber-900",
  low: "bg-slate-100 text-slate-700",
};

export function ImpactBadge({ impact }: { impact: DebtImpact }) {
  const t = useTranslations("debt.impact");
  return (
    <span
      data-impact={impact}
      className={cn("inline-block rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", tones[impact])}
    >
      {t(impact)}
    </span>
  );
}
