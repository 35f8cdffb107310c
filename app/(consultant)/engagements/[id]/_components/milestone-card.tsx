import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AttestForm } from "@/components/attest-form";
import { EvidenceList } from "@/components/evidence-list";
import { GateChecklist } from "@/components/gate-checklist";
import { Card } from "@/components/ui/card";
import { StateBadge } from "@/components/ui/badge";
import type { EngagementDetailOut } from "@/server/api/routers/engagement/engagement.schema";
import { pendingAttestations } from "@/server/domain/attestation";
import { formatMoney } from "@/server/domain/currency";
import { formatShareBp } from "@/server/domain/format";
import { EvidenceUpload } from "./evidence-upload";
import { MilestoneActions } from "./milestone-actions";
import { ReverifyButton } from "./reverify-button";
import { RunProbesButton } from "./run-probes-button";

type Engagement = EngagementDetailOut;

/** One milestone with its actions, gate and evidence: where a consultant acts on it. */
export async function MilestoneCard({
  engagement,
  milestone: m,
  index,
}: {
  engagement: Engagement;
  milestone: Engagement["milestones"][number];
  index: number;
}) {
  const t = await getTranslations();
  const locale = await getLocale();
  return (
    <Card className="grid gap-4 p-4 md:grid-cols-[1fr_1.3fr]">
      <div>
        <div className="flex flex-wrap items-center gap-2">
          <span
            className={
              "flex h-6 w-6 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold " +
              "text-slate-600"
            }
          >
            {index + 1}
          </span>
          <h3 className="font-semibold">{m.title}</h3>
          {m.kind === "prepaid" && <span className="text-xs text-slate-500">({t("engagement.prepaid")})</span>}
          <StateBadge state={m.state} label={t(`milestoneState.${m.state}`)} />
        </div>
        <p className="mt-2 text-sm text-slate-700">
          <span className="tabular-nums">{formatShareBp(m.shareBp, locale)}</span> ·{" "}
          <span className="font-medium tabular-nums" data-testid="milestone-amount">
            {formatMoney(m.amountMinor, engagement.currency, locale)}
          </span>{" "}
          · <span className="text-slate-500">{t("gate.evidenceCount", { count: m.evidenceCount })}</span>
        </p>
        <div className="mt-3">
          <MilestoneActions milestoneId={m.id} actions={m.actions} title={m.title} />
        </div>
      </div>
      <div>
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
          {m.gate.open ? t("gate.open") : t("gate.closed")}
        </p>
        <GateChecklist checks={m.gate.checks} approved={m.approved} needsApproval={m.kind === "standard"} />
        {pendingAttestations(m.gate.checks, "consultant").map((pending) => (
          <div key={pending.requirementId} className="mt-3">
            <AttestForm milestoneId={m.id} statement={pending.statement} area="consultant" />
          </div>
        ))}
      </div>
      <div className="space-y-3 border-t border-slate-100 pt-3 md:col-span-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">{t("evidence.title")}</p>
        <EvidenceList
          evidence={m.evidence}
          actions={(item) => (item.downloadable ? <ReverifyButton evidenceId={item.id} /> : null)}
        />
        <EvidenceUpload milestoneId={m.id} title={m.title} />
        {m.gate.checks.some((c) => c.kind === "git-tag" || c.kind === "http-probe") && (
          <RunProbesButton milestoneId={m.id} />
        )}
        {m.evidence.some((e) => e.kind === "go-bench") && (
          <Link
            href={`/engagements/${engagement.id}/milestones/${m.id}/benchmarks`}
            className="block text-xs text-teal-800 underline"
            data-testid="benchmark-report-link"
          >
            {t("evidence.benchmarkReport")}
          </Link>
        )}
      </div>
    </Card>
  );
}
