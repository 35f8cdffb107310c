import type { AdrStatus } from "@/server/domain/adr/adr";
import { cn } from "../ui/cn";

const tones: Record<AdrStatus, string> = {
  proposed: "bg-sky-100 text-sky-800",
  accepted: "bg-emerald-100 text-emerald-800",
  rejected: "bg-red-100 text-red-800",
  deprecated: "bg-slate-100 text-slate-600",
  superseded: "bg-amber-100 text-amber-900",
};

export function AdrStatusBadge({ status, label }: { status: AdrStatus; label: string }) {
  return (
    <span className={cn("inline-block rounded-full px-2 py-0.5 text-xs font-medium", tones[status])}>{label}</span>
  );
}
