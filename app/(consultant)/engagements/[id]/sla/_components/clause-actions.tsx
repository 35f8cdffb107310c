"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ClauseTerms } from "@/components/sla/clause-terms";
import { useTRPC } from "@/components/providers/trpc-provider";
import { Problems } from "@/components/problems";
import { Button } from "@/components/ui/button";
import { useRefreshingAction } from "@/components/use-refreshing-action";
import type { SlaClauseTerms } from "@/server/domain/sla/terms";
import { ClauseForm } from "@/components/sla/clause-form";

type Clause = { id: string; version: number; measured: boolean; terms: SlaClauseTerms };

/** The versions of a clause's terms, newest first, read when opened. */
function VersionHistory({ clauseId, currency }: { clauseId: string; currency: string }) {
  const t = useTranslations("sla.history");
  const trpc = useTRPC();
  const detail = useQuery(trpc.sla.clause.queryOptions({ clauseId }));
  if (!detail.data) return <p className="text-sm text-slate-600">{t("loading")}</p>;
  return (
    <ol className="space-y-3" aria-label={t("title")}>
      {detail.data.versions.map((version) => (
        <li key={version.version} data-version={version.version}>
          <p className="text-sm font-medium">
            {t("version", {
              version: version.version,
              from: version.effectiveFrom.slice(0, 16).replace("T", " "),
              to: version.effectiveTo ? version.effectiveTo.slice(0, 16).replace("T", " ") : t("now"),
            })}
          </p>
          <ClauseTerms terms={version.terms} currency={currency} />
        </li>
      ))}
    </ol>
  );
}

/** Edit, retire (after a confirmation) and the version history of one clause. */
export function ClauseActions({
  engagementId,
  currency,
  clause,
}: {
  engagementId: string;
  currency: string;
  clause: Clause;
}) {
  const t = useTranslations("sla.actions");
  const trpc = useTRPC();
  const [open, setOpen] = useState<"edit" | "retire" | "history" | null>(null);
  const { problems, handlers } = useRefreshingAction();
  const retire = useMutation(trpc.sla.retire.mutationOptions(handlers));
  const toggle = (what: "edit" | "retire" | "history") => setOpen(open === what ? null : what);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button type="button" variant="secondary" onClick={() => toggle("edit")} aria-expanded={open === "edit"}>
          {t("edit")}
        </Button>
        <Button type="button" variant="secondary" onClick={() => toggle("history")} aria-expanded={open === "history"}>
          {t("history", { count: clause.version })}
        </Button>
        <Button type="button" variant="secondary" onClick={() => toggle("retire")} aria-expanded={open === "retire"}>
          {t("retire")}
        </Button>
      </div>
      {open === "edit" && (
        <ClauseForm engagementId={engagementId} currency={currency} clause={clause} onDone={() => setOpen(null)} />
      )}
      {open === "history" && <VersionHistory clauseId={clause.id} currency={currency} />}
      {open === "retire" && (
        <div role="group" aria-label={t("retire")} className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("retireConfirm", { title: clause.terms.title })}</span>
          <Button type="button" onClick={() => retire.mutate({ clauseId: clause.id })} disabled={retire.isPending}>
            {t("retireYes")}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpen(null)}>
            {t("cancel")}
          </Button>
        </div>
      )}
      <Problems problems={problems} />
    </div>
  );
}
