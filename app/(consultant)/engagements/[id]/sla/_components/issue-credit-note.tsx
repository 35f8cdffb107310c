"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** The SLA credit note of a closed period; the server refuses (with its reasons) an open, empty or credited one. */
export function IssueSlaCreditNote({
  engagementId,
  period,
  total,
}: {
  engagementId: string;
  period: string;
  total: string;
}) {
  const t = useTranslations("sla.creditNote");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction<{ number: string }>();
  const issue = useMutation(trpc.sla.issueCreditNote.mutationOptions(handlers));
  return (
    <div className="space-y-2 text-sm">
      <p>{t("hint", { period, total })}</p>
      <Button type="button" onClick={() => issue.mutate({ engagementId, period })} disabled={issue.isPending}>
        {t("issue", { period })}
      </Button>
      {result && (
        <p role="status">
          {t("issued", { number: result.number })}{" "}
          <Link href={`/engagements/${engagementId}/invoices`} className="text-teal-800 underline">
            {t("seeInvoices")}
          </Link>
        </p>
      )}
      <Problems problems={problems} title={t("refused")} />
    </div>
  );
}
