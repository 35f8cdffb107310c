"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { AdrForm, EMPTY_DRAFT } from "@/components/adr/adr-form";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { refusalReasons } from "@/components/refusal";

export function NewAdr({ engagementId, today, currency }: { engagementId: string; today: string; currency: string }) {
  const t = useTranslations("adrs");
  const trpc = useTRPC();
  const router = useRouter();
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<"proposed" | "accepted">("proposed");
  const create = useMutation(
    trpc.adr.create.mutationOptions({
      onSuccess: (created) => router.push(`/engagements/${engagementId}/adrs/${created.number}`),
      onError: (error) => setProblems(refusalReasons(error)),
    }),
  );
  return (
    <AdrForm
      initial={{ ...EMPTY_DRAFT, date: today }}
      submitLabel={t("record")}
      pending={create.isPending}
      label={t("new")}
      pl={{ initial: null, currency }}
      onSubmit={(draft, pl) => create.mutate({ engagementId, status, draft, ...pl })}
    >
      <label className="block">
        {t("status")}
        <select
          value={status}
          onChange={(e) => setStatus(e.target.value as "proposed" | "accepted")}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="proposed">{t("statuses.proposed")}</option>
          <option value="accepted">{t("statuses.accepted")}</option>
        </select>
      </label>
      <Problems problems={problems} />
    </AdrForm>
  );
}
