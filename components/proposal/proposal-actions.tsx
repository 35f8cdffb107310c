"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import type { ProposalView } from "@/server/domain/proposal/proposal";
import { REVISABLE_STATUSES, WITHDRAWABLE_STATUSES } from "@/server/domain/proposal/standing";

/** What the consultant may do with the proposal now: send a draft, revise it, withdraw it. */
export function ProposalActions({
  proposal,
}: {
  proposal: Pick<ProposalView, "id" | "number" | "status" | "standing">;
}) {
  const t = useTranslations("proposalPages.actions");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const send = useMutation(trpc.proposal.send.mutationOptions(handlers));
  const withdraw = useMutation(trpc.proposal.withdraw.mutationOptions(handlers));
  const pending = send.isPending || withdraw.isPending;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {proposal.status === "draft" && (
        <Button
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("confirmSend", { number: proposal.number }))) send.mutate({ proposalId: proposal.id });
          }}
        >
          {t("send")}
        </Button>
      )}
      {REVISABLE_STATUSES.includes(proposal.status) && (
        <Button variant="secondary" asChild>
          <Link href={`/proposals/new?revise=${proposal.id}`}>{t("revise")}</Link>
        </Button>
      )}
      {WITHDRAWABLE_STATUSES.includes(proposal.status) && (
        <Button
          variant="ghost"
          disabled={pending}
          onClick={() => {
            if (window.confirm(t("confirmWithdraw", { number: proposal.number })))
              withdraw.mutate({ proposalId: proposal.id });
          }}
        >
          {t("withdraw")}
        </Button>
      )}
      <Problems problems={problems} title={t("refused")} />
    </div>
  );
}
