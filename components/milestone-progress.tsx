import { useTranslations } from "next-intl";
import type { MilestoneState } from "@/server/domain/milestone";
import { cn } from "./ui/cn";

const segmentTone: Record<MilestoneState, string> = {
  planned: "bg-slate-200",
  in_progress: "bg-sky-300",
  submitted: "bg-indigo-300",
  verified: "bg-violet-400",
  approved: "bg-emerald-400",
  invoiced: "bg-amber-400",
  paid: "bg-teal-600",
  changes_requested: "bg-orange-400",
  cancelled: "bg-slate-100",
};

export interface ProgressMilestone {
  id: string;
  title: string;
  shareBp: number;
  state: MilestoneState;
}

/** One segment per milestone, as wide as its share of the fee, coloured by its state. */
export function MilestoneProgress({
  milestones,
  done,
  total,
}: {
  milestones: ProgressMilestone[];
  done: number;
  total: number;
}) {
  const t = useTranslations();
  return (
    <div>
      <div className="text-xs text-slate-600">{t("dashboard.milestonesPaid", { done, total })}</div>
      <ol
        className="mt-1 flex h-2.5 w-full gap-0.5 overflow-hidden rounded-full"
        aria-label={t("engagement.milestones")}
      >
        {milestones.map((m) => (
          <li
            key={m.id}
            className={cn("relative h-full", segmentTone[m.state])}
            style={{ width: `${m.shareBp / 100}%` }}
            title={`${m.title}: ${t(`milestoneState.${m.state}`)}`}
          >
            <span className="sr-only">{`${m.title}: ${t(`milestoneState.${m.state}`)}`}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
