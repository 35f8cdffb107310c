"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { MAX_UPLOAD_CHARS } from "@/server/api/routers/sla/sla.schema";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm";

/** A CSV of measurements or a k6 summary for one clause; one idempotency key per chosen file. */
export function UploadMeasurements({ clauses }: { clauses: { id: string; title: string }[] }) {
  const t = useTranslations("sla.upload");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction<{ accepted: number; replayed: boolean }>();
  const [local, setLocal] = useState<string[]>([]);
  const [format, setFormat] = useState<"csv" | "k6">("csv");
  const upload = useMutation(trpc.sla.uploadMeasurements.mutationOptions(handlers));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setLocal([t("noFile")]);
    if (file.size > MAX_UPLOAD_CHARS) return setLocal([t("tooLarge")]);
    setLocal([]);
    const text = await file.text();
    // the same file for the same clause is the same request: a second click replays it
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
    const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
    const clauseId = String(form.get("clauseId"));
    const at = String(form.get("at") ?? "");
    upload.mutate({
      clauseId,
      format,
      text,
      at: format === "k6" && at ? new Date(at).toISOString() : undefined,
      idempotencyKey: `upload:${clauseId.slice(0, 30)}:${hex.slice(0, 40)}`,
    });
  }

  if (clauses.length === 0) return <p className="text-sm text-slate-600">{t("noClauses")}</p>;
  return (
    <form onSubmit={onSubmit} aria-label={t("title")} className="grid gap-3 text-sm sm:grid-cols-2">
      <label>
        <span className="font-medium">{t("clause")}</span>
        <select name="clauseId" className={input}>
          {clauses.map((clause) => (
            <option key={clause.id} value={clause.id}>
              {clause.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="font-medium">{t("format")}</span>
        <select
          name="format"
          value={format}
          onChange={(e) => setFormat(e.target.value as "csv" | "k6")}
          className={input}
        >
          <option value="csv">{t("csv")}</option>
          <option value="k6">{t("k6")}</option>
        </select>
      </label>
      <label>
        <span className="font-medium">{t("file")}</span>
        <input
          type="file"
          name="file"
          accept={format === "csv" ? ".csv,text/csv" : ".json,application/json"}
          className={input}
        />
      </label>
      {format === "k6" && (
        <label>
          <span className="font-medium">{t("at")}</span>
          <input type="datetime-local" name="at" className={input} />
        </label>
      )}
      <p className="text-xs text-slate-500 sm:col-span-2">{format === "csv" ? t("csvHint") : t("k6Hint")}</p>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={upload.isPending}>
          {t("submit")}
        </Button>
        {result && <p role="status">{result.replayed ? t("replayed") : t("accepted", { count: result.accepted })}</p>}
      </div>
      <div className="sm:col-span-2">
        <Problems problems={[...local, ...problems]} />
      </div>
    </form>
  );
}
