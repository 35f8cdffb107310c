import { useTranslations } from "next-intl";
import { cn } from "./ui/cn";

export interface GateCheckRow {
  requirementId: string;
  kind: string;
  params: unknown;
  met: boolean;
  reasons: string[];
}

type Params = Record<string, string | number>;

function labelParams(params: unknown): Params {
  if (typeof params !== "object" || params === null) return {};
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string | number] =>
      ["string", "number"].includes(typeof entry[1]),
    ),
  );
}

/** The gate as a checklist: each requirement met or not with the verifier's reasons, then approval. */
export function GateChecklist({
  checks,
  approved,
  needsApproval,
}: {
  checks: GateCheckRow[];
  approved: boolean;
  needsApproval: boolean;
}) {
  const t = useTranslations("gate");
  return (
    <ul className="space-y-1.5 text-sm" aria-label={t("title")}>
      {checks.length === 0 && <li className="text-slate-600">{t("noRequirements")}</li>}
      {checks.map((check) => (
        <li key={check.requirementId} data-requirement={check.kind} data-met={check.met} className="flex gap-2">
          <span aria-hidden className={cn("mt-0.5 font-bold", check.met ? "text-emerald-700" : "text-red-700")}>
            {check.met ? "✓" : "✗"}
          </span>
          <span>
            <span className="font-medium">{t(`req.${check.kind}` as "req.sha256", labelParams(check.params))}</span>
            <span className="sr-only"> — {check.met ? t("met") : t("unmet")}</span>
            {check.reasons.map((reason) => (
              <span key={reason} className="block text-xs text-red-800">
                {reason}
              </span>
            ))}
          </span>
        </li>
      ))}
      {needsApproval && (
        <li data-requirement="approval" data-met={approved} className="flex gap-2">
          <span aria-hidden className={cn("mt-0.5 font-bold", approved ? "text-emerald-700" : "text-slate-400")}>
            {approved ? "✓" : "○"}
          </span>
          <span>
            <span className="font-medium">{t("approval")}</span>
            <span className="block text-xs text-slate-600">{approved ? t("approvalGiven") : t("approvalPending")}</span>
          </span>
        </li>
      )}
    </ul>
  );
}
