"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { DecisionComment } from "@/components/decision-comment";
import { Problems } from "@/components/problems";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/**
 * The approver's decision on an open proposal: accept (a comment is optional) or decline (a comment
 * is required), each confirmed first. Accepting starts the engagement, linked once it exists.
 */
export function DecisionForm({ proposalId, number }: { proposalId: string; number: string }) {
  const t = useTranslations("proposalPages.decision");
  const trpc = useTRPC();
  const { problems, result, handlers } = useRefreshingAction<{ engagementId: string | null; status: string }>();
  const [comment, setComment] = useState("");
  const [missingComment, setMissingComment] = useState(false);
  const decide = useMutation(trpc.portal.decideProposal.mutationOptions(handlers));

  function submit(decision: "accept" | "decline") {
    if (decision === "decline" && comment.trim() === "") return setMissingComment(true);
    setMissingComment(false);
    if (!window.confirm(t(decision === "accept" ? "confirmAccept" : "confirmDecline", { number }))) return;
    decide.mutate({ proposalId, decision, comment: comment.trim() });
  }

  return (
    <section aria-label={t("title")} className="space-y-3">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <p className="text-sm text-slate-600">{t("intro")}</p>
      <DecisionComment
        label={t("comment")}
        value={comment}
        onChange={setComment}
        missing={missingComment}
        missingText={t("commentRequired")}
        alertId="decline-comment-required"
      />
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => submit("accept")} disabled={decide.isPending}>
          {t("accept")}
        </Button>
        <Button variant="secondary" onClick={() => submit("decline")} disabled={decide.isPending}>
          {t("decline")}
        </Button>
      </div>
      {result && (
        <p role="status" className="text-sm">
          {result.status === "accepted" ? t("accepted") : t("declined")}{" "}
          {result.engagementId && (
            <Link href={`/portal/engagements/${result.engagementId}`} className="font-medium text-teal-800 underline">
              {t("openEngagement")}
            </Link>
          )}
        </p>
      )}
      <Problems problems={problems} title={t("refused")} />
    </section>
  );
}
