"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function ReverifyButton({ evidenceId }: { evidenceId: string }) {
  const t = useTranslations("evidence");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const reverify = useMutation(trpc.milestone.reverify.mutationOptions(handlers));
  return (
    <>
      <button
        type="button"
        className="text-xs text-teal-800 underline disabled:text-slate-400"
        disabled={reverify.isPending}
        onClick={() => reverify.mutate({ evidenceId })}
      >
        {reverify.isPending ? t("reverifying") : t("reverify")}
      </button>
      {problems.length > 0 && (
        <span role="alert" className="text-xs text-red-800">
          {problems.join("; ")}
        </span>
      )}
    </>
  );
}
