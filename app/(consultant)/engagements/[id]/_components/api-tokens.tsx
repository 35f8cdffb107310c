"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { refusalReasons } from "@/components/refusal";
import { Button } from "@/components/ui/button";

export function ApiTokens({
  engagementId,
  milestones,
}: {
  engagementId: string;
  milestones: { id: string; key: string }[];
}) {
  const t = useTranslations("tokens");
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tokens = useQuery(trpc.apiToken.list.queryOptions({ engagementId }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiToken.list.queryKey({ engagementId }) });
  const [name, setName] = useState("");
  const [validDays, setValidDays] = useState(365);
  const [secret, setSecret] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const create = useMutation(
    trpc.apiToken.create.mutationOptions({
      onSuccess: ({ token }) => {
        setSecret(token);
        setName("");
        setProblems([]);
        void refresh();
      },
      onError: (error) => setProblems(refusalReasons(error)),
    }),
  );
  const revoke = useMutation(trpc.apiToken.revoke.mutationOptions({ onSuccess: () => void refresh() }));
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const example = milestones[0]?.id ?? "MILESTONE_ID";

  return (
    <div className="space-y-4 p-4 text-sm">
      <p className="text-slate-600">{t("intro")}</p>
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ engagementId, name, validDays });
        }}
      >
        <label className="text-xs text-slate-600">
          {t("name")}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={100}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
          />
        </label>
        <label className="text-xs text-slate-600">
          {t("validFor")}
          <select
            value={validDays}
            onChange={(e) => setValidDays(Number(e.target.value))}
            className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
          >
            {[30, 90, 365, 730].map((days) => (
              <option key={days} value={days}>
                {t("days", { days })}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="secondary" disabled={create.isPending || !name.trim()}>
          {t("create")}
        </Button>
      </form>
      {problems.length > 0 && (
        <p role="alert" className="text-red-800">
          {problems.join("; ")}
        </p>
      )}
      {secret && (
        <div role="status" className="space-y-2 rounded-md bg-amber-50 p-3">
          <p className="font-medium text-amber-900">{t("created")}</p>
          <input
            readOnly
            value={secret}
            aria-label={t("prefix")}
            data-testid="new-token"
            className="w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.target.select()}
          />
          <p className="font-medium">{t("snippet")}</p>
          <pre className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {`export TOLLGATE_TOKEN=${secret}
curl -fsS -H "Authorization: Bearer $TOLLGATE_TOKEN" \\
  -F milestoneId=${example} -F kind=junit -F file=@report.xml \\
  ${origin}/api/v1/evidence

npx tollgate submit --url ${origin} --milestone ${example} --kind junit --file report.xml`}
          </pre>
        </div>
      )}
      <div>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("milestoneIds")}</p>
        <ul className="font-mono text-xs text-slate-600">
          {milestones.map((m) => (
            <li key={m.id}>
              {m.key}: {m.id}
            </li>
          ))}
        </ul>
      </div>
      {tokens.data && tokens.data.length === 0 && <p className="text-slate-500">{t("none")}</p>}
      <ul className="space-y-1">
        {tokens.data?.map((token) => (
          <li key={token.id} className="flex flex-wrap items-center gap-3" data-token={token.prefix}>
            <span className="font-medium">{token.name}</span>
            <code className="text-xs">tg_{token.prefix}_…</code>
            <span className="text-xs text-slate-500">
              {t("lastUsed")}: {token.lastUsedAt ? `${when.format(new Date(token.lastUsedAt))} UTC` : t("never")}
            </span>
            {token.expiresAt && (
              <span className="text-xs text-slate-500" data-testid="token-expiry">
                {new Date(token.expiresAt) <= new Date() ? t("expired") : t("expires")}:{" "}
                {when.format(new Date(token.expiresAt))} UTC
              </span>
            )}
            {token.revokedAt ? (
              <span className="text-xs text-slate-500">{t("revoked")}</span>
            ) : (
              <Button variant="ghost" onClick={() => revoke.mutate({ id: token.id })} disabled={revoke.isPending}>
                {t("revoke")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
