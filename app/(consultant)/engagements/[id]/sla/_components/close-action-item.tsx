"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

export function CloseActionItem({ actionItemId, title }: { actionItemId: string; title: string }) {
  const t = useTranslations("sla.actionItems");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const close = useMutation(trpc.sla.closeActionItem.mutationOptions(handlers));
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        type="button"
        variant="secondary"
        aria-label={t("closeLabel", { title })}
        onClick={() => close.mutate({ actionItemId })}
        disabled={close.isPending}
      >
        {t("close")}
      </Button>
      <Problems problems={problems} />
    </span>
  );
}
