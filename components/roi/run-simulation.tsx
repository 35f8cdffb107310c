"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** A large model's interval is simulated as a job: the consultant may ask for it (the page never does). */
export function RunSimulation({ engagementId }: { engagementId: string }) {
  const t = useTranslations("roi.simulate");
  const trpc = useTRPC();
  const action = useRefreshingAction<{ queued: boolean }>();
  const run = useMutation(trpc.roi.simulate.mutationOptions(action.handlers));
  return (
    <div className="space-y-2 text-sm">
      <Button type="button" disabled={run.isPending} onClick={() => run.mutate({ engagementId })}>
        {t("run")}
      </Button>
      {action.result ? <p role="status">{action.result.queued ? t("queued") : t("ready")}</p> : null}
      <Problems problems={action.problems} />
    </div>
  );
}
