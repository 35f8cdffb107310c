"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** The usage invoice of a period; the server refuses (with its reasons) an open, empty or invoiced one. */
export function IssueUsageInvoice({ engagementId, period }: { engagementId: string; period: string }) {
  const t = useTranslations("usage.invoice");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction<{ id: string; number: string }>();
  const issue = useMutation(trpc.usage.invoice.mutationOptions(handlers));
  return (
    <div className="space-y-2 text-sm">
      <p>{t("hint", { period })}</p>
      <Button type="button" onClick={() => issue.mutate({ engagementId, period })} disabled={issue.isPending}>
        {t("issue", { period })}
      </Button>
      {result && (
        <p role="status">
          {t("issued", { number: result.number })}{" "}
          <a href={`/api/v1/invoices/${result.id}/pdf`} className="text-teal-800 underline" download>
            {t("pdf", { number: result.number })}
          </a>
          {" · "}
          <Link href={`/engagements/${engagementId}/invoices`} className="text-teal-800 underline">
            {t("seeInvoices")}
          </Link>
        </p>
      )}
      <Problems problems={problems} title={t("refused")} />
    </div>
  );
}
