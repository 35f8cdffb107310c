import { useTranslations } from "next-intl";
import type { AdrRevisionOut } from "@/server/api/routers/adr/adr.schema";
import type { DraftField } from "@/server/domain/adr/draft";

const FIELD_KEY: Record<DraftField, string> = {
  title: "title",
  date: "date",
  deciders: "deciders",
  consulted: "consulted",
  informed: "informed",
  context: "context",
  decisionDrivers: "drivers",
  consideredOptions: "options",
  decisionOutcome: "outcome",
  consequences: "consequences",
  validation: "validation",
};
const TONE = {
  same: "text-slate-500",
  add: "bg-emerald-50 text-emerald-900",
  remove: "bg-red-50 text-red-900 line-through",
} as const;
const MARK = { same: " ", add: "+", remove: "−" } as const;

/** Every kept revision, newest first, with what changed from the one before as a line diff. */
export function AdrHistory({ revisions }: { revisions: AdrRevisionOut[] }) {
  const t = useTranslations("adrs");
  return (
    <ol className="space-y-3 text-sm" aria-label={t("history")}>
      {revisions.map((revision) => (
        <li key={revision.revision} data-revision={revision.revision}>
          <p className="font-medium">
            {t("revision", { n: revision.revision })} · {revision.at.slice(0, 16).replace("T", " ")} ·{" "}
            {revision.by ? t("by", { name: revision.by }) : t("systemAuthor")}
          </p>
          {revision.changes.length === 0 ? (
            <p className="text-slate-500">{t("firstRevision")}</p>
          ) : (
            revision.changes.map((change) => (
              <div key={change.field} className="mt-1">
                <p className="text-xs font-medium text-slate-600">{t(`fields.${FIELD_KEY[change.field]}`)}</p>
                <pre
                  className={"overflow-x-auto rounded border border-slate-200 bg-white p-2 text-xs whitespace-pre-wrap"}
                >
                  {change.lines.map((line, i) => (
                    <span
                      key={i}
                      className={`block ${TONE[line.op]}`}
                      data-op={line.op}
                    >{`${MARK[line.op]} ${line.text}`}</span>
                  ))}
                </pre>
              </div>
            ))
          )}
        </li>
      ))}
    </ol>
  );
}
