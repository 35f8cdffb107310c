import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AttestForm } from "@/components/attest-form";
import { EvidenceList } from "@/components/evidence-list";
import { GateChecklist } from "@/components/gate-checklist";
import { StateBadge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { loadForPage } from "@/server/api/caller";
import { describeVoidReason } from "@/server/domain/approval-void";
import { pendingAttestations } from "@/server/domain/attestation";
import { matchLocale } from "@/server/domain/locale";
import { formatMoney } from "@/server/domain/currency";
import { DecisionForm } from "./_components/decision-form";

export const dynamic = "force-dynamic";

export default async function ReviewPage({ params }: { params: Promise<{ id: string; milestoneId: string }> }) {
  const { id, milestoneId } = await params;
  const review = await loadForPage((api) => api.portal.milestone.review({ id: milestoneId }));
  // the milestone must belong to the engagement in the address, or the page does not exist
  if (review.engagement.id !== id) notFound();
  const t = await getTranslations();
  const locale = await getLocale();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const approvedOrDeemed = review.approvals.some((a) => !a.voided && (a.type === "approved" || a.type === "deemed"));
  // the newest decision, voided because a change order changed the amount the client approved
  const voidedForAmount =
    review.approvals.find((a) => a.type !== "changes_requested")?.voidReason?.kind === "amount_changed"
      ? review.approvals.find((a) => a.type !== "changes_requested")!.voidReason
      : null;
  return (
    <>
      <Link href={`/portal/engagements/${id}`} className="text-sm text-teal-800 hover:underline">
        ← {t("review.back")}
      </Link>
      <p className="mt-2 text-sm text-slate-600">{review.engagement.title}</p>
      <h1 className="text-2xl font-semibold">{t("review.title", { milestone: review.milestone.title })}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
        <StateBadge state={review.milestone.state} label={t(`milestoneState.${review.milestone.state}`)} />
        <span className="tabular-nums" data-testid="review-amount">
          {review.milestone.amountMinor === null
            ? t("engagement.hidden")
            : formatMoney(review.milestone.amountMinor, review.engagement.currency, locale)}
        </span>
      </div>
      {voidedForAmount && review.milestone.state === "verified" && (
        <p
          role="note"
          className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="decide-again"
        >
          {t("review.decideAgain", {
            why: describeVoidReason(voidedForAmount, matchLocale(locale) ?? "en", review.engagement.currency),
          })}
        </p>
      )}
      {review.deemedAcceptanceAt && (
        <p
          role="note"
          className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
          data-testid="deemed-notice"
        >
          {t("review.deemedNotice", { date: `${when.format(new Date(review.deemedAcceptanceAt))} UTC` })}
        </p>
      )}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <section className="lg:col-span-2" aria-labelledby="evidence-heading">
          <h2 id="evidence-heading" className="text-lg font-semibold">
            {t("review.evidence")}
          </h2>
          <Card className="mt-3 p-4">
            <EvidenceList evidence={review.evidence} fullHashes />
            {review.evidence.some((e) => e.kind === "go-bench") && (
              <Link
                href={`/portal/engagements/${id}/milestones/${review.milestone.id}/benchmarks`}
                className="mt-3 block text-sm text-teal-800 underline"
                data-testid="benchmark-report-link"
              >
                {t("evidence.benchmarkReport")}
              </Link>
            )}
          </Card>
        </section>
        <section aria-labelledby="gate-heading">
          <h2 id="gate-heading" className="text-lg font-semibold">
            {t("review.gate")}
          </h2>
          <Card className="mt-3 p-4">
            <GateChecklist checks={review.gate.checks} approved={approvedOrDeemed} needsApproval />
          </Card>
        </section>
      </div>

      {pendingAttestations(review.gate.checks, "client").map((pending) => (
        <section key={pending.requirementId} className="mt-8" aria-label={t("attest.title")}>
          {review.canAttest ? (
            <AttestForm milestoneId={review.milestone.id} statement={pending.statement} area="portal" />
          ) : (
            <p className="text-sm text-slate-600">
              {t("attest.approverOnly")} <q>{pending.statement}</q>
            </p>
          )}
        </section>
      ))}

      <section className="mt-8" aria-labelledby="decide-heading">
        <h2 id="decide-heading" className="sr-only">
          {t("review.decisions")}
        </h2>
        {review.canDecide ? (
          <Card className="p-4">
            <DecisionForm milestoneId={review.milestone.id} evidenceSha256={review.evidenceSha256} />
          </Card>
        ) : (
          <p className="text-sm text-slate-600" data-testid="no-decision">
            {review.milestone.state === "verified" ? t("review.viewerNotice") : t("review.notReady")}
          </p>
        )}
      </section>

      <section className="mt-8" aria-labelledby="history-heading">
        <h2 id="history-heading" className="text-lg font-semibold">
          {t("review.decisions")}
        </h2>
        {review.approvals.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("review.noDecisions")}</p>
        ) : (
          <ul className="mt-3 space-y-2 text-sm">
            {review.approvals.map((approval) => (
              <li
                key={approval.createdAt + approval.type}
                data-decision={approval.type}
                className="rounded-md border border-slate-200 bg-white p-3"
              >
                <span className="font-medium">{t(`review.decision.${approval.type}`)}</span>
                {approval.by && <span className="ml-1 text-slate-600">{t("review.by", { name: approval.by })}</span>}
                <span className="ml-2 text-xs text-slate-500">{when.format(new Date(approval.createdAt))} UTC</span>
                {approval.voided && (
                  <span className="ml-2 text-xs text-amber-800">
                    (
                    {t("review.voidedBecause", {
                      why: describeVoidReason(
                        approval.voidReason ?? { kind: "evidence_changed" },
                        matchLocale(locale) ?? "en",
                        review.engagement.currency,
                      ),
                    })}
                    )
                  </span>
                )}
                {approval.comment && <p className="mt-1 whitespace-pre-wrap text-slate-700">{approval.comment}</p>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
