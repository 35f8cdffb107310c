import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import { findClientMilestoneReview } from "../../../data/portal/review";
import { portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { ZPortalReviewOut, type PortalReviewOut } from "./portal.schema";
import { presentDecision } from "./present-decision";

/** The review page of one milestone: exactly what was verified, and who decided what. */
export const reviewMilestone = portalProcedure
  .input(ZGetByIdInput)
  .output(ZPortalReviewOut)
  .query(async ({ ctx, input }) => {
    const review = await findClientMilestoneReview(ctx.scope, input.id);
    const showAmount = seesAmounts(amountReaderOf(ctx.scope), review.engagement);
    const params = new Map(review.gate.requirements.map((r) => [r.id, r.params]));
    const out: PortalReviewOut = {
      engagement: { id: review.engagement.id, title: review.engagement.title, currency: review.engagement.currency },
      milestone: {
        id: review.milestone.id,
        key: review.milestone.key,
        title: review.milestone.title,
        state: review.gate.facts.state,
        amountMinor: showAmount ? review.milestone.amountMinor : null,
      },
      evidence: review.gate.evidence.map((item) => ({
        id: item.id,
        kind: item.kind,
        role: item.role,
        sha256: item.sha256,
        filename: item.filename,
        reference: item.reference,
        downloadable: item.downloadable,
        createdAt: item.createdAt,
        verifications: item.verifications.map((v) => ({
          verdict: v.verdict,
          metrics: v.metrics,
          reasons: v.reasons,
          createdAt: v.createdAt,
        })),
      })),
      evidenceSha256: review.gate.evidenceHashes,
      gate: {
        open: review.gate.gate.open,
        checks: review.gate.gate.checks.map((c) => ({
          requirementId: c.requirementId,
          kind: c.kind,
          params: params.get(c.requirementId) ?? {},
          met: c.met,
          reasons: c.reasons,
        })),
      },
      approvals: review.approvals.map((a) => presentDecision(a, showAmount)),
      deemedAcceptanceAt: review.deemedAcceptanceAt,
      canDecide: ctx.scope.role === "approver" && review.gate.facts.state === "verified",
      canAttest: ctx.scope.role === "approver",
    };
    return out;
  });
