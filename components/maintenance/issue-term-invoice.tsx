"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** Issues a term's invoice; one idempotency key per button, so a double click issues once. */
export function IssueTermInvoice({ termId, index }: { termId: string; index: number }) {
  const t = useTranslations("maintenance.page.terms");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction<{ number: string }>();
  const [key] = useState(() => crypto.randomUUID());
  const issue = useMutation(trpc.maintenance.issueTerm.mutationOptions(handlers));
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        className="px-2 py-1 text-xs"
        aria-label={t("issueLabel", { index })}
        disabled={issue.isPending || result !== null}
        onClick={() => issue.mutate({ termId, idempotencyKey: key })}
      >
        {t("issue")}
      </Button>
      {result && <p role="status">{t("issued", { number: result.number })}</p>}
      <Problems problems={problems} />
    </div>
  );
}
