import type { ObjectiveVerdict } from "@/server/domain/objective/objective";
import { cn } from "@/components/ui/cn";

const tones: Record<ObjectiveVerdict, string> = {
  met: "bg-emerald-100 text-emerald-800",
  not_met: "bg-red-100 text-red-800",
  no_data: "bg-slate-100 text-slate-600",
};

/** Whether the actual meets the target: met, not met, or no data to say. */
export function VerdictBadge({ verdict, label }: { verdict: ObjectiveVerdict; label: string }) {
  return (
    <span
      data-verdict={verdict}
      className={cn("inline-block rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap", tones[verdict])}
    >
      {label}
    </span>
  );
}
