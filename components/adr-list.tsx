import { useTranslations } from "next-intl";
import { adrLabel, type AdrStatus } from "@/server/domain/adr/adr";
import { AdrStatusBadge } from "./adr/adr-status-badge";

export interface AdrRow {
  number: number;
  title: string;
  status: AdrStatus;
  importedStatus: string | null;
  /** null: unknown */
  date: string | null;
  decisionOutcome: string;
  supersededBy: number | null;
  supersedes: number | null;
  validationLink: { verdict: "pass" | "fail" | "none" | "met" | "missed" } | null;
}

/** An engagement's decisions with their status, supersede links and validation verdict; each opens its page. */
export function AdrList({
  adrs,
  basePath,
  engagementApi,
}: {
  adrs: AdrRow[];
  basePath: string;
  engagementApi: string;
}) {
  const t = useTranslations("adrs");
  return (
    <div className="p-4 text-sm">
      {adrs.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <ul className="space-y-3" aria-label={t("title")}>
          {adrs.map((adr) => (
            <li key={adr.number} data-adr={adrLabel(adr.number)} data-status={adr.status}>
              <div className="flex flex-wrap items-baseline gap-2">
                <a href={`${basePath}/${adr.number}`} className="font-semibold tabular-nums text-teal-800 underline">
                  {adrLabel(adr.number)}
                </a>
                <a href={`${basePath}/${adr.number}`} className="font-medium">
                  {adr.title}
                </a>
                <AdrStatusBadge status={adr.status} label={t(`statuses.${adr.status}`)} />
                {adr.importedStatus !== null && (
                  <span className="text-xs text-slate-500">{t("importedStatus", { status: adr.importedStatus })}</span>
                )}
                <span className="text-xs text-slate-500">{adr.date ?? t("dateUnknown")}</span>
                {adr.supersededBy !== null && (
                  <span className="text-xs text-amber-800">
                    {t("supersededBy", { label: adrLabel(adr.supersededBy) })}
                  </span>
                )}
                {adr.supersedes !== null && (
                  <span className="text-xs text-slate-600">{t("supersedes", { label: adrLabel(adr.supersedes) })}</span>
                )}
                {adr.validationLink && (
                  <span className="text-xs text-slate-600">
                    {`${t("validatedBy")}: ${t(`verdicts.${adr.validationLink.verdict}`)}`}
                  </span>
                )}
              </div>
              {adr.decisionOutcome && (
                <p className="mt-1 line-clamp-2 whitespace-pre-wrap text-slate-700">{adr.decisionOutcome}</p>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-wrap gap-4">
        <a href={`${engagementApi}/adrs/export`} className="text-teal-800 underline" download>
          {t("export")}
        </a>
        <a href={`${engagementApi}/adrs/pdf`} className="text-teal-800 underline" download>
          {t("pdfLog")}
        </a>
      </div>
    </div>
  );
}
