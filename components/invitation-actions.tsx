"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { InvitationLink } from "@/components/invitation-link";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function InvitationActions({ invitationId }: { invitationId: string }) {
  const t = useTranslations("clients");
  const trpc = useTRPC();
  const resent = useRefreshingAction<{ invitation: { email: string }; link: string }>();
  const revoked = useRefreshingAction();
  const resend = useMutation(trpc.invitation.resend.mutationOptions(resent.handlers));
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions(revoked.handlers));
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
      {resent.result && <InvitationLink email={resent.result.invitation.email} link={resent.result.link} />}
      <Problems problems={[...resent.problems, ...revoked.problems]} />
    </div>
  );
}
