"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function DeactivateMemberButton({ userId, name }: { userId: string; name: string }) {
  const t = useTranslations("clients");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const deactivate = useMutation(trpc.team.deactivate.mutationOptions(handlers));
  return (
    <>
      <Button
        variant="ghost"
        disabled={deactivate.isPending}
        onClick={() => {
          if (window.confirm(t("confirmDeactivate", { name }))) deactivate.mutate({ userId });
        }}
      >
        {t("deactivate")}
      </Button>
      <Problems problems={problems} />
    </>
  );
}
