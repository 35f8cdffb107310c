"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

type Action = "start" | "submit" | "verify" | "invoice" | "cancel";
const CONSULTANT_ACTIONS: readonly string[] = ["start", "submit", "verify", "invoice", "cancel"];

export function MilestoneActions({ milestoneId, actions, title }: { milestoneId: string; actions: string[]; title: string }) {
  const t = useTranslations("actions");
  const trpc = useTRPC();
  const { problems: reasons, handlers } = useRefreshingAction();
  const transition = useMutation(trpc.milestone.transition.mutationOptions(handlers));
  const offered = actions.filter((action): action is Action => CONSULTANT_ACTIONS.includes(action));
  if (offered.length === 0) return <p className="text-xs text-slate-500">{t("none")}</p>;

  function run(action: Action) {
    if (action === "cancel" && !window.confirm(t("confirmCancel"))) return;
    transition.mutate({ milestoneId, action, idempotencyKey: crypto.randomUUID() });
  }

  return (
    <div>
      <div className="flex flex-wrap gap-2" role="group" aria-label={`${t("title")}: ${title}`}>
        {offered.map((action) => (
          <Button key={action} variant={action === "cancel" ? "ghost" : "secondary"} disabled={transition.isPending} onClick={() => run(action)}>
            {t(action)}
          </Button>
        ))}
      </div>
      {reasons.length > 0 && (
        <div role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          <p className="font-medium">{t("refused")}</p>
          <ul className="list-disc pl-5">
            {reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
