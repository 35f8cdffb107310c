"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";

type Outcome = { kind: "idle" } | { kind: "importing" } | { kind: "done"; imported: number[]; problems: { file: string; reason: string }[] } | { kind: "failed"; reasons: string[] };

/** Imports a zip, some .md files or a whole folder; shows what came in and each file that did not. */
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
      const answer = (await response.json()) as { imported?: number[]; problems?: { file: string; reason: string }[]; reasons?: string[] };
      if (!response.ok) return setOutcome({ kind: "failed", reasons: answer.reasons ?? [`HTTP ${response.status}`] });
      setOutcome({ kind: "done", imported: answer.imported ?? [], problems: answer.problems ?? [] });
      form.reset();
      router.refresh();
    } catch {
      setOutcome({ kind: "failed", reasons: ["the upload did not reach the server"] });
    }
  }

  return (
    <form onSubmit={submit} className="space-y-2 text-sm" aria-label={t("importTitle")}>
      <p className="text-slate-600">{t("importHelp")}</p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="block text-xs text-slate-600">
          {t("importFiles")}
          <input type="file" name="files" multiple accept=".zip,.md,application/zip,text/markdown" className="mt-1 block text-sm" />
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
        {outcome.kind === "done" && (
          <div role="status">
            <p>{outcome.imported.length > 0 ? t("imported", { list: outcome.imported.map((n) => `ADR-${String(n).padStart(3, "0")}`).join(", ") }) : t("importedNone")}</p>
            {outcome.problems.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-amber-900" aria-label={t("notImported")}>
                {outcome.problems.map((p) => (
                  <li key={`${p.file}:${p.reason}`}>{`${p.file}: ${p.reason}`}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {outcome.kind === "failed" && (
          <p role="alert" className="text-red-800">
            {outcome.reasons.join("; ")}
          </p>
        )}
      </div>
    </form>
  );
}
