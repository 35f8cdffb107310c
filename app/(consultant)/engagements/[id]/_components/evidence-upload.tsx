"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { checkEvidenceRole } from "@/server/domain/evidence/evidence-role";
import { FILE_VERIFIER_KINDS } from "@/server/domain/evidence/kinds";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; pct: number }
  | { kind: "verifying" }
  | { kind: "done" }
  | { kind: "failed"; reasons: string[] };

/** Uploads with progress (XHR reports it; fetch does not), then shows the server's verdict. */
export function EvidenceUpload({ milestoneId, title }: { milestoneId: string; title: string }) {
  const t = useTranslations("evidence");
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [kind, setKind] = useState<string>(FILE_VERIFIER_KINDS[0]);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const request = new XMLHttpRequest();
    request.open("POST", `/api/v1/milestones/${milestoneId}/evidence`);
    request.upload.onprogress = (e) =>
      e.lengthComputable && setPhase({ kind: "uploading", pct: Math.round((e.loaded / e.total) * 100) });
    request.upload.onload = () => setPhase({ kind: "verifying" });
    request.onload = () => {
      if (request.status === 201) {
        setPhase({ kind: "done" });
        form.current?.reset();
        setKind(FILE_VERIFIER_KINDS[0]);
        router.refresh();
        return;
      }
      let reasons = [`HTTP ${request.status}`];
      try {
        reasons = (JSON.parse(request.responseText) as { reasons?: string[] }).reasons ?? reasons;
      } catch {
        // keep the status line
      }
      setPhase({ kind: "failed", reasons });
    };
    request.onerror = () => setPhase({ kind: "failed", reasons: ["the upload did not reach the server"] });
    setPhase({ kind: "uploading", pct: 0 });
    request.send(data);
  }

  const busy = phase.kind === "uploading" || phase.kind === "verifying";
  return (
    <form
      ref={form}
      onSubmit={submit}
      className="flex flex-wrap items-end gap-2 text-sm"
      aria-label={`${t("attach")}: ${title}`}
    >
      <label className="text-xs text-slate-600">
        {t("kind")}
        <select
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value)}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {FILE_VERIFIER_KINDS.map((kind) => (
            <option key={kind}>{kind}</option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-600">
        {t("file")}
        <input name="file" type="file" required className="mt-1 block text-sm" />
      </label>
      {checkEvidenceRole("baseline", kind).ok && (
        <label className="flex items-center gap-1 text-xs text-slate-600" title={t("baselineHint")}>
          <input name="role" type="checkbox" value="baseline" />
          {t("isBaseline")}
        </label>
      )}
      <Button type="submit" variant="secondary" disabled={busy}>
        {t("upload")}
      </Button>
      <div aria-live="polite" className="w-full text-xs">
        {phase.kind === "uploading" && (
          <div>
            {t("uploading", { pct: phase.pct })}
            <progress max={100} value={phase.pct} className="ml-2 align-middle" />
          </div>
        )}
        {phase.kind === "verifying" && <span>{t("verifying")}</span>}
        {phase.kind === "done" && <span className="text-emerald-800">{t("attached")}</span>}
        {phase.kind === "failed" && (
          <div role="alert" className="text-red-800">
            {t("failed")}: {phase.reasons.join("; ")}
          </div>
        )}
      </div>
    </form>
  );
}
