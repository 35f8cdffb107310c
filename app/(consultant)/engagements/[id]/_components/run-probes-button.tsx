"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** Runs the milestone's release-tag and observability checks now and attaches the results. */
export function RunProbesButton({ milestoneId }: { milestoneId: string }) {
  const t = useTranslations("evidence");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const check = useMutation(trpc.milestone.runProbes.mutationOptions(handlers));
  return (
    <div className="text-sm">
      <Button variant="secondary" disabled={check.isPending} onClick={() => check.mutate({ milestoneId })}>
        {check.isPending ? t("checking") : t("checkTag")}
      </Button>
      {problems.length > 0 && (
        <p role="alert" className="mt-1 text-red-800">
          {problems.join("; ")}
        </p>
      )}
    </div>
  );
}
