"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SaveFooter } from "@/components/save-footer";
import { useRefreshingAction } from "@/components/use-refreshing-action";

type Target = { kind: "requirement" | "sla"; id: string; label: string };

/** Chooses the gate requirement or SLA clause whose latest verdict validates the ADR. */
export function ValidationLinkForm({
  adrId,
  targets,
  current,
}: {
  adrId: string;
  targets: Target[];
  current: string | null;
}) {
  const t = useTranslations("adrs");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction();
  const link = useMutation(trpc.adr.linkValidation.mutationOptions(handlers));
  const [value, setValue] = useState(current ?? "");
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const target = targets.find((candidate) => `${candidate.kind}:${candidate.id}` === value);
    link.mutate({ adrId, target: target ? { kind: target.kind, id: target.id } : null });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-2 text-sm" aria-label={t("validatedBy")}>
      <label className="block">
        {t("linkTarget")}
        <select
          value={value}
          onChange={(e) => setValue(e.target.value)}
          className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm"
        >
          <option value="">{t("noTarget")}</option>
          {targets.map((target) => (
            <option key={`${target.kind}:${target.id}`} value={`${target.kind}:${target.id}`}>
              {target.label}
            </option>
          ))}
        </select>
      </label>
      <SaveFooter
        label={t("link")}
        variant="secondary"
        pending={link.isPending}
        saved={result !== null ? t("saved") : null}
        problems={problems}
      />
    </form>
  );
}
