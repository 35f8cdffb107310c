import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ProposalStanding } from "@/server/domain/proposal/proposal";

const tones: Record<ProposalStanding, string> = {
  draft: "bg-slate-100 text-slate-700",
  sent: "bg-sky-100 text-sky-800",
  accepted: "bg-emerald-100 text-emerald-800",
  declined: "bg-red-100 text-red-800",
  superseded: "bg-slate-200 text-slate-500 line-through",
  withdrawn: "bg-slate-200 text-slate-500",
  expired: "bg-amber-100 text-amber-900",
};

export function StandingBadge({ standing }: { standing: ProposalStanding }) {
  const t = useTranslations("proposalPages.standing");
  return (
    <span
      data-standing={standing}
      className={cn("inline-block rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", tones[standing])}
    >
      {t(standing)}
    </span>
  );
}
