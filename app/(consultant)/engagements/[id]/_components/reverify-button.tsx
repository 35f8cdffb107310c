"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { refusalReasons } from "@/components/refusal";

export function ReverifyButton({ evidenceId }: { evidenceId: string }) {
  const t = useTranslations("evidence");
  const router = useRouter();
  const trpc = useTRPC();
  const [problem, setProblem] = useState<string | null>(null);
  const reverify = useMutation(
    trpc.milestone.reverify.mutationOptions({
      onSuccess: () => {
        setProblem(null);
        router.refresh();
      },
      onError: (error) => setProblem(refusalReasons(error).join("; ")),
    }),
  );
  return (
    <>
      <button type="button" className="text-xs text-teal-800 underline disabled:text-slate-400" disabled={reverify.isPending} onClick={() => reverify.mutate({ evidenceId })}>
        {reverify.isPending ? t("reverifying") : t("reverify")}
      </button>
      {problem && <span role="alert" className="text-xs text-red-800">{problem}</span>}
    </>
  );
}
