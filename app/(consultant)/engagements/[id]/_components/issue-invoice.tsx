"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/** Issues one invoice for the chosen milestones; one idempotency key per form, so a double click issues once. */
export function IssueInvoice({
  engagementId,
  candidates,
}: {
  engagementId: string;
  candidates: { id: string; title: string; amount: string }[];
}) {
  const t = useTranslations("invoices");
  const trpc = useTRPC();
  const { problems, result: issued, handlers } = useRefreshingAction<{ number: string }>();
  const [key, setKey] = useState(() => crypto.randomUUID());
  const issue = useMutation(
    trpc.invoice.issue.mutationOptions({
      ...handlers,
      // the next invoice is another request: a new key, so it is not answered with this one
      onSuccess: (invoice) => {
        setKey(crypto.randomUUID());
        handlers.onSuccess(invoice);
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    issue.mutate({ engagementId, milestoneIds: form.getAll("milestone").map(String), idempotencyKey: key });
  }

  // the confirmation outlives the form: once issued, the milestones are no longer candidates
  return (
    <div className="space-y-2 text-sm">
      {issued && <p role="status">{t("issued", { number: issued.number })}</p>}
      {candidates.length === 0 ? (
        <p className="text-slate-600">{t("nothingToInvoice")}</p>
      ) : (
        <form onSubmit={onSubmit} aria-label={t("issueTitle")} className="space-y-2">
          <p className="text-slate-600">{t("issueHint")}</p>
          {candidates.map((c) => (
            <label key={c.id} className="flex items-center gap-2">
              <input type="checkbox" name="milestone" value={c.id} defaultChecked />
              <span className="font-medium">{c.title}</span>
              <span className="tabular-nums text-slate-600">{c.amount}</span>
            </label>
          ))}
          <Button type="submit" disabled={issue.isPending}>
            {t("issue")}
          </Button>
        </form>
      )}
      <Problems problems={problems} />
    </div>
  );
}
