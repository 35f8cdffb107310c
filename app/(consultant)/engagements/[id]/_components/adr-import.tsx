"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { adrLabel } from "@/server/domain/adr/adr";
import { STATUS_TABLE } from "@/server/domain/adr/status-table";

interface Report {
  imported: number[];
  assumptions: { file: string; number: number; what: string }[];
  problems: { file: string; reason: string }[];
}

type Outcome =
  { kind: "idle" } | { kind: "importing" } | ({ kind: "done" } & Report) | { kind: "failed"; reasons: string[] };

/** What was assumed for each file, in the order the files came. */
function byFile(assumptions: Report["assumptions"]) {
  const files = new Map<string, { number: number; what: string[] }>();
  for (const a of assumptions) {
    const entry = files.get(a.file) ?? { number: a.number, what: [] };
    entry.what.push(a.what);
    files.set(a.file, entry);
  }
  return [...files].map(([file, entry]) => ({ file, ...entry }));
}

/**
 * Imports a zip, some .md files or a whole folder; shows what came in as written, what came in
 * with assumptions (and which), and each file that did not, with the reason.
 */
export function AdrImport({ engagementId }: { engagementId: string }) {
  const t = useTranslations("adrs");
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const body = new FormData();
    for (const input of form.querySelectorAll<HTMLInputElement>("input[type=file]")) {
      // a folder's files carry their path inside it, so the report can name them
      for (const file of input.files ?? []) body.append("files", file, file.webkitRelativePath || file.name);
    }
    setOutcome({ kind: "importing" });
    try {
      const response = await fetch(`/api/v1/engagements/${engagementId}/adrs/import`, { method: "POST", body });
      const answer = (await response.json()) as Partial<Report> & { reasons?: string[] };
      if (!response.ok) return setOutcome({ kind: "failed", reasons: answer.reasons ?? [`HTTP ${response.status}`] });
      setOutcome({
        kind: "done",
        imported: answer.imported ?? [],
        assumptions: answer.assumptions ?? [],
        problems: answer.problems ?? [],
      });
      form.reset();
      router.refresh();
    } catch {
      setOutcome({ kind: "failed", reasons: ["the upload did not reach the server"] });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2 text-sm" aria-label={t("importTitle")}>
      <p className="text-slate-600">{t("importHelp")}</p>
      <details className="text-xs text-slate-600">
        <summary className="cursor-pointer">{t("statusTableTitle")}</summary>
        <p className="mt-1">{t("statusTableHelp")}</p>
        <table className="mt-1" aria-label={t("statusTableTitle")}>
          <tbody>
            {STATUS_TABLE.map((row) => (
              <tr key={row.status}>
                <td className="pr-2 align-top">{row.written.map((w) => `“${w}”`).join(", ")}</td>
                <td className="align-top font-medium whitespace-nowrap">{`→ ${t(`statuses.${row.status}`)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-xs text-slate-600">
          {t("importFiles")}
          <input
            type="file"
            name="files"
            multiple
            accept=".zip,.md,application/zip,text/markdown"
            className="mt-1 block text-sm"
          />
        </label>
        <label className="block text-xs text-slate-600">
          {t("importFolder")}
          <input type="file" name="folder" className="mt-1 block text-sm" {...{ webkitdirectory: "", directory: "" }} />
        </label>
        <Button type="submit" variant="secondary" disabled={outcome.kind === "importing"}>
          {outcome.kind === "importing" ? t("importing") : t("importButton")}
        </Button>
      </div>
      <div aria-live="polite">
        {outcome.kind === "done" && <ImportReport report={outcome} />}
        {outcome.kind === "failed" && (
          <p role="alert" className="text-red-800">
            {outcome.reasons.join("; ")}
          </p>
        )}
      </div>
    </form>
  );
}

const labels = (numbers: number[]) => numbers.map(adrLabel).join(", ");

function ImportReport({ report }: { report: Report }) {
  const t = useTranslations("adrs");
  const assumed = byFile(report.assumptions);
  const asWritten = report.imported.filter((n) => !assumed.some((a) => a.number === n));
  return (
    <div role="status">
      <p>{report.imported.length > 0 ? t("imported", { list: labels(report.imported) }) : t("importedNone")}</p>
      {asWritten.length > 0 && assumed.length > 0 && (
        <p className="text-slate-600">{t("importedAsIs", { list: labels(asWritten) })}</p>
      )}
      {assumed.length > 0 && (
        <>
          <p className="mt-1 font-medium">{t("importedWithAssumptions")}</p>
          <ul className="list-disc pl-5 text-slate-700" aria-label={t("importedWithAssumptions")}>
            {assumed.map((a) => (
              <li key={a.file} data-file={a.file}>{`${a.file} (${adrLabel(a.number)}): ${a.what.join("; ")}`}</li>
            ))}
          </ul>
        </>
      )}
      {report.problems.length > 0 && (
        <>
          <p className="mt-1 font-medium text-amber-900">{t("notImported")}</p>
          <ul className="list-disc pl-5 text-amber-900" aria-label={t("notImported")}>
            {report.problems.map((p) => (
              <li key={`${p.file}:${p.reason}`}>{`${p.file}: ${p.reason}`}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
