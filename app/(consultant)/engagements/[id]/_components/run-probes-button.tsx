"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { refusalReasons } from "@/components/refusal";
import { Button } from "@/components/ui/button";

/** Runs the milestone's release-tag and observability checks now and attaches the results. */
export function RunProbesButton({ milestoneId }: { milestoneId: string }) {
  const t = useTranslations("evidence");
  const router = useRouter();
  const trpc = useTRPC();
  const [problems, setProblems] = useState<string[]>([]);
  const check = useMutation(
    trpc.milestone.runProbes.mutationOptions({
      onSuccess: () => {
        setProblems([]);
        router.refresh();
      },
      onError: (error) => setProblems(refusalReasons(error)),
    }),
  );
  return (
    <div className="text-sm">
      <Button variant="secondary" disabled={check.isPending} onClick={() => check.mutate({ milestoneId })}>
        {check.isPending ? t("checking") : t("checkTag")}
      </Button>
      {problems.length > 0 && <p role="alert" className="mt-1 text-red-800">{problems.join("; ")}</p>}
    </div>
  );
}
