"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/**
 * States exactly the words a gate asks the signed-in party to attest. The consultant's
 * workspace and the client's portal call their own procedure; the server checks the party.
 */
export function AttestForm({
  milestoneId,
  statement,
  area,
}: {
  milestoneId: string;
  statement: string;
  area: "consultant" | "portal";
}) {
  const t = useTranslations("attest");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction();
  const consultant = useMutation(trpc.milestone.attest.mutationOptions(handlers));
  const client = useMutation(trpc.portal.milestone.attest.mutationOptions(handlers));
  const attest = area === "consultant" ? consultant : client;
  return (
    <div className="space-y-2 rounded-md border border-teal-200 bg-teal-50 p-3 text-sm" data-testid="attest">
      <p className="text-slate-700">{t("asked")}</p>
      <blockquote className="border-l-4 border-teal-600 pl-3 font-medium text-slate-900">{statement}</blockquote>
      <Button
        disabled={attest.isPending || result !== null}
        onClick={() => attest.mutate({ milestoneId, statement, idempotencyKey: crypto.randomUUID() })}
      >
        {t("submit")}
      </Button>
      {result !== null && (
        <p role="status" className="text-emerald-800">
          {t("done")}
        </p>
      )}
      <Problems problems={problems} />
    </div>
  );
}
