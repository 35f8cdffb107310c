"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function DeactivateButton({ clientUserId, name }: { clientUserId: string; name: string }) {
  const t = useTranslations("clients");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const deactivate = useMutation(trpc.clientUser.deactivate.mutationOptions(handlers));
  return (
    <>
      <Button
        variant="ghost"
        disabled={deactivate.isPending}
        onClick={() => {
          if (window.confirm(t("confirmDeactivate", { name }))) deactivate.mutate({ id: clientUserId });
        }}
      >
        {t("deactivate")}
      </Button>
      <Problems problems={problems} />
    </>
  );
}
