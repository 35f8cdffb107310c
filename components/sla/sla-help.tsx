import { useTranslations } from "next-intl";

// The exact semantics of compliance and credits in plain words (ADR 0015 says the same).
const RULES = [
  "periods",
  "windows",
  "percentile",
  "errorRate",
  "noData",
  "exclusions",
  "incidents",
  "period",
  "caps",
  "availability",
  "tiers",
  "integrity",
  "creditApplies",
  "triggers",
] as const;

export function SlaHelp() {
  const t = useTranslations("sla.help");
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <summary className="cursor-pointer font-medium">{t("title")}</summary>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {RULES.map((rule) => (
          <li key={rule}>{t(rule)}</li>
        ))}
      </ul>
    </details>
  );
}
