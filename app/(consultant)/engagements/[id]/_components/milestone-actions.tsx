"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

import type { RequestedAction } from "@/server/domain/milestone-machine";

// The buttons are the actions the state machine offers this user now (availableActions on the
// server), so a new action or a changed role appears here without an edit.
export function MilestoneActions({
  milestoneId,
  actions,
  title,
}: {
  milestoneId: string;
  actions: readonly RequestedAction[];
  title: string;
}) {
  const t = useTranslations("actions");
  const trpc = useTRPC();
  const { problems: reasons, handlers } = useRefreshingAction();
  const transition = useMutation(trpc.milestone.transition.mutationOptions(handlers));
  if (actions.length === 0) return <p className="text-xs text-slate-500">{t("none")}</p>;

  function run(action: RequestedAction) {
    if (action === "cancel" && !window.confirm(t("confirmCancel"))) return;
    transition.mutate({ milestoneId, action, idempotencyKey: crypto.randomUUID() });
  }

  return (
    <div>
      <div className="flex flex-wrap gap-2" role="group" aria-label={`${t("title")}: ${title}`}>
        {actions.map((action) => (
          <Button
            key={action}
            variant={action === "cancel" ? "ghost" : "secondary"}
            disabled={transition.isPending}
            onClick={() => run(action)}
          >
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
