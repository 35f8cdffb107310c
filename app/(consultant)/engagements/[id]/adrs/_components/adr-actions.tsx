"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AdrForm } from "@/components/adr/adr-form";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { refusalReasons } from "@/components/refusal";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import { adrLabel, type AdrStatus } from "@/server/domain/adr/adr";
import type { AdrDraft } from "@/server/domain/adr/draft";
import type { AdrPl } from "@/server/domain/adr/pl";

// What a consultant may do with an ADR: a proposed one is edited, accepted or rejected; an
// accepted one is deprecated or superseded by a new ADR. The server decides again.

const NEXT: Record<AdrStatus, ("accepted" | "rejected" | "deprecated")[]> = {
  proposed: ["accepted", "rejected"],
  accepted: ["deprecated"],
  rejected: [],
  deprecated: [],
  superseded: [],
};

export function AdrActions({
  adr,
  engagementId,
  currency,
}: {
  adr: { id: string; number: number; status: AdrStatus; revision: number; draft: AdrDraft; pl: AdrPl | null };
  engagementId: string;
  currency: string;
}) {
  const t = useTranslations("adrs");
  const trpc = useTRPC();
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "edit" | "supersede">("idle");
  const status = useRefreshingAction();
  const edit = useRefreshingAction();
  const [supersedeProblems, setSupersedeProblems] = useState<string[]>([]);
  const setStatus = useMutation(trpc.adr.setStatus.mutationOptions(status.handlers));
  const save = useMutation(
    trpc.adr.edit.mutationOptions({
      ...edit.handlers,
      onSuccess: (data) => (edit.handlers.onSuccess(data), setMode("idle")),
    }),
  );
  const supersede = useMutation(
    trpc.adr.supersede.mutationOptions({
      onSuccess: (created) => router.push(`/engagements/${engagementId}/adrs/${created.number}`),
      onError: (error) => setSupersedeProblems(refusalReasons(error)),
    }),
  );

  return (
    <div className="space-y-3 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        {adr.status === "proposed" && (
          <Button variant="secondary" onClick={() => setMode(mode === "edit" ? "idle" : "edit")}>
            {t("edit")}
          </Button>
        )}
        {NEXT[adr.status].map((next) => (
          <Button
            key={next}
            variant="secondary"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ adrId: adr.id, status: next })}
          >
            {t(`actions.${next}`)}
          </Button>
        ))}
        {adr.status === "accepted" && (
          <Button variant="secondary" onClick={() => setMode(mode === "supersede" ? "idle" : "supersede")}>
            {t("supersede")}
          </Button>
        )}
        {edit.result !== null && mode === "idle" && <span role="status">{t("saved")}</span>}
      </div>
      {adr.status !== "proposed" && <p className="text-slate-600">{t("frozen")}</p>}
      <Problems problems={status.problems} />
      {mode === "edit" && (
        <div className="rounded-md border border-slate-200 p-3">
          <AdrForm
            initial={adr.draft}
            submitLabel={t("save")}
            pending={save.isPending}
            label={`${t("edit")} ${adrLabel(adr.number)}`}
            pl={{ initial: adr.pl, currency }}
            onSubmit={(draft, pl) => save.mutate({ adrId: adr.id, revision: adr.revision, draft, ...pl })}
          >
            <Problems problems={edit.problems} />
          </AdrForm>
        </div>
      )}
      {mode === "supersede" && (
        <div className="rounded-md border border-amber-200 bg-amber-50/40 p-3">
          <p className="mb-2 text-slate-700">{t("supersedeHelp")}</p>
          <AdrForm
            initial={adr.draft}
            submitLabel={t("record")}
            pending={supersede.isPending}
            label={t("supersede")}
            pl={{ initial: adr.pl, currency }}
            onSubmit={(draft, pl) => supersede.mutate({ adrId: adr.id, draft, ...pl })}
          >
            <Problems problems={supersedeProblems} />
          </AdrForm>
        </div>
      )}
    </div>
  );
}
