"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function InvitationActions({ invitationId }: { invitationId: string }) {
  const t = useTranslations("clients");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const resend = useMutation(trpc.invitation.resend.mutationOptions(handlers));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions(handlers));
  const busy = resend.isPending || revoke.isPending;
  return (
    <div className="inline-flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <Button variant="secondary" disabled={busy} onClick={() => resend.mutate({ id: invitationId })}>
          {t("resend")}
        </Button>
        <Button variant="ghost" disabled={busy} onClick={() => revoke.mutate({ id: invitationId })}>
          {t("revoke")}
        </Button>
      </div>
      <Problems problems={problems} />
    </div>
  );
}
