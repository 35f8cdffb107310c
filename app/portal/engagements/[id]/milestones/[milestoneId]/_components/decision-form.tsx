"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { DecisionComment } from "@/components/decision-comment";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";

/**
 * Approve or request changes. An approval carries the SHA-256 set of the evidence this page
 * showed: if evidence changed meanwhile, the server refuses it and says so.
 */
export function DecisionForm({ milestoneId, evidenceSha256 }: { milestoneId: string; evidenceSha256: string[] }) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const { problems, handlers } = useRefreshingAction();
  const [comment, setComment] = useState("");
  const [missingComment, setMissingComment] = useState(false);
  const transition = useMutation(trpc.portal.milestone.transition.mutationOptions(handlers));

  function decide(action: "approve" | "request_changes") {
    if (action === "request_changes" && comment.trim() === "") {
      setMissingComment(true);
      return;
    }
    setMissingComment(false);
    transition.mutate({
      milestoneId,
      action,
      comment: comment.trim() || undefined,
      evidenceSha256: action === "approve" ? evidenceSha256 : undefined,
      idempotencyKey: crypto.randomUUID(),
    });
  }

  return (
    <div className="space-y-3">
      <DecisionComment
        label={t("comment")}
        value={comment}
        onChange={setComment}
        missing={missingComment}
        missingText={t("commentRequired")}
        alertId="comment-required"
      />
      <p className="text-xs text-slate-600">{t("hashesShown", { count: evidenceSha256.length })}</p>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => decide("approve")} disabled={transition.isPending}>
          {t("approve")}
        </Button>
        <Button variant="secondary" onClick={() => decide("request_changes")} disabled={transition.isPending}>
          {t("requestChanges")}
        </Button>
      </div>
      <Problems problems={problems} title={t("refused")} />
    </div>
  );
}
