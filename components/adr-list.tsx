import { useTranslations } from "next-intl";
import { adrLabel } from "@/server/domain/adr/adr";

export interface AdrRow {
  number: number;
  title: string;
  status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
  date: string;
  decisionOutcome: string;
  supersededBy: number | null;
  supersedes: number | null;
}

/** An engagement's decisions with their status and supersede links; text shown as text. */
export function AdrList({ adrs, exportHref }: { adrs: AdrRow[]; exportHref: string }) {
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
                <span className="font-semibold tabular-nums">{adrLabel(adr.number)}</span>
                <span className="font-medium">{adr.title}</span>
                <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{t(`statuses.${adr.status}`)}</span>
                <span className="text-xs text-slate-500">{adr.date}</span>
                {adr.supersededBy !== null && <span className="text-xs text-amber-800">{t("supersededBy", { label: adrLabel(adr.supersededBy) })}</span>}
                {adr.supersedes !== null && <span className="text-xs text-slate-600">{t("supersedes", { label: adrLabel(adr.supersedes) })}</span>}
              </div>
              {adr.decisionOutcome && <p className="mt-1 whitespace-pre-wrap text-slate-700">{adr.decisionOutcome}</p>}
            </li>
          ))}
        </ul>
      )}
      <a href={exportHref} className="mt-3 inline-block text-teal-800 underline" download>
        {t("export")}
      </a>
    </div>
  );
}
