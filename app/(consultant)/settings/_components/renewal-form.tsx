"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { SaveFooter } from "@/components/save-footer";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** The owner's choice: the renewal job issues the maintenance invoice it drafts, or leaves it as a draft. */
export function RenewalForm({ renewalAutoIssue, isOwner }: { renewalAutoIssue: boolean; isOwner: boolean }) {
  const t = useTranslations("settings.renewals");
  const trpc = useTRPC();
  const id = useId();
  const { problems, result, handlers } = useRefreshingAction();
  const save = useMutation(trpc.organisation.updateRenewals.mutationOptions(handlers));
  const [autoIssue, setAutoIssue] = useState(renewalAutoIssue);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ renewalAutoIssue: autoIssue });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-3 text-sm" aria-label={t("title")}>
      <p className="text-slate-600">{t("help")}</p>
      <label htmlFor={id} className="flex items-center gap-2 font-medium">
        <input
          id={id}
          type="checkbox"
          role="switch"
          name="renewalAutoIssue"
          checked={autoIssue}
          disabled={!isOwner}
          onChange={(event) => setAutoIssue(event.target.checked)}
          aria-describedby={isOwner ? undefined : `${id}-owner`}
        />
        {t("autoIssue")}
      </label>
      {isOwner ? (
        <SaveFooter
          label={t("save")}
          pending={save.isPending}
          saved={result !== null ? (autoIssue ? t("savedOn") : t("savedOff")) : null}
          problems={problems}
          className="ml-3"
        />
      ) : (
        <p id={`${id}-owner`} className="text-xs text-slate-500">
          {t("ownerOnly")}
        </p>
      )}
    </form>
  );
}
