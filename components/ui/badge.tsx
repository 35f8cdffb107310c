import type { MilestoneState } from "@/server/domain/milestone";
import { cn } from "./cn";

const tones: Record<MilestoneState, string> = {
  planned: "bg-slate-100 text-slate-700",
  in_progress: "bg-sky-100 text-sky-800",
  submitted: "bg-indigo-100 text-indigo-800",
  verified: "bg-violet-100 text-violet-800",
  approved: "bg-emerald-100 text-emerald-800",
  invoiced: "bg-amber-100 text-amber-900",
  paid: "bg-teal-100 text-teal-900",
  changes_requested: "bg-orange-100 text-orange-900",
  cancelled: "bg-slate-200 text-slate-500 line-through",
};

export function StateBadge({ state, label }: { state: MilestoneState; label: string }) {
  return (
    <span
      data-state={state}
      className={cn("inline-block rounded-full px-2.5 py-0.5 text-xs font-medium", tones[state])}
    >
      {label}
    </span>
  );
}
