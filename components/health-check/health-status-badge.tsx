import type { HealthStatus } from "@/server/domain/health-check/items";
import { cn } from "../ui/cn";

const tones: Record<HealthStatus, string> = {
  pass: "bg-emerald-100 text-emerald-800",
  warn: "bg-amber-100 text-amber-900",
  fail: "bg-red-100 text-red-800",
};

export function HealthStatusBadge({ status, label }: { status: HealthStatus; label: string }) {
  return (
    <span
      data-health-status={status}
      className={cn("inline-block rounded-full px-2.5 py-0.5 text-xs font-medium", tones[status])}
    >
      {label}
    </span>
  );
}
