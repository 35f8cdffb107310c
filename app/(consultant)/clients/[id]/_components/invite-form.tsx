"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FormEvent } from "react";
import { InvitationLink } from "@/components/invitation-link";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

const input = "mt-1 w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function InviteForm({ clientId }: { clientId: string }) {
  const t = useTranslations("clients");
  const trpc = useTRPC();
  const { problems, result: sent, handlers } = useRefreshingAction<{ invitation: { email: string }; link: string }>();
  const invite = useMutation(trpc.client.invite.mutationOptions(handlers));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    invite.mutate({
      clientId,
      email: String(form.get("email") ?? ""),
      role: form.get("role") === "viewer" ? "viewer" : "approver",
    });
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-3" aria-label={t("invite")}>
      <label className="min-w-64 flex-1 text-sm text-slate-700">
        {t("email")}
        <input name="email" type="email" required className={input} />
      </label>
      <label className="text-sm text-slate-700">
        {t("role")}
        <select name="role" className={input} defaultValue="approver">
          <option value="approver">{t("roles.approver")}</option>
          <option value="viewer">{t("roles.viewer")}</option>
        </select>
      </label>
      <Button type="submit" disabled={invite.isPending}>
        {t("inviteSubmit")}
      </Button>
      {sent && <InvitationLink email={sent.invitation.email} link={sent.link} />}
      <Problems problems={problems} />
    </form>
  );
}
