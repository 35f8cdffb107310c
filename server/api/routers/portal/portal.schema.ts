import { z } from "zod";
import { ZVisibleVoidReason } from "../../../domain/approval-void";
import { ZMilestoneKind, ZMilestoneState } from "../../../domain/milestone";

// What a client user may see: an allow-list. No internal notes, no other clients; amounts are
// null for viewers when the consultant hides them.

export const ZPortalMilestoneOut = z.strictObject({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  kind: ZMilestoneKind,
  shareBp: z.number().int(),
  amountMinor: z.number().int().nullable(),
  state: ZMilestoneState,
});

export const ZPortalEngagementOut = z.strictObject({
  id: z.string(),
  title: z.string(),
  clientName: z.string(),
  currency: z.string().length(3),
  feeMinor: z.number().int().nullable(),
  startDate: z.string(),
  status: z.enum(["draft", "active", "completed", "cancelled"]),
  milestones: z.array(ZPortalMilestoneOut),
});
export type PortalEngagementOut = z.infer<typeof ZPortalEngagementOut>;

const ZVerdict = z.enum(["pass", "fail", "error"]);

export const ZPortalReviewOut = z.strictObject({
  engagement: z.strictObject({ id: z.string(), title: z.string(), currency: z.string().length(3) }),
  milestone: z.strictObject({
    id: z.string(),
    key: z.string(),
    title: z.string(),
    state: ZMilestoneState,
    amountMinor: z.number().int().nullable(),
  }),
  evidence: z.array(
    z.strictObject({
      id: z.string(),
      kind: z.string(),
      role: z.string().nullable(),
      sha256: z.string(),
      filename: z.string().nullable(),
      reference: z.unknown(),
      downloadable: z.boolean(),
      createdAt: z.string(),
      verifications: z.array(
        z.strictObject({
          verdict: ZVerdict,
          metrics: z.unknown(),
          reasons: z.array(z.string()),
          createdAt: z.string(),
        }),
      ),
    }),
  ),
  /** the set an approval must present: every evidence item's SHA-256 as shown */
  evidenceSha256: z.array(z.string()),
  gate: z.strictObject({
    open: z.boolean(),
    checks: z.array(
      z.strictObject({
        requirementId: z.string(),
        kind: z.string(),
        params: z.unknown(),
        met: z.boolean(),
        reasons: z.array(z.string()),
      }),
    ),
  }),
  approvals: z.array(ZApprovalOut()),
  deemedAcceptanceAt: z.string().nullable(),
  canDecide: z.boolean(),
  /** an approver may give the attestations the gate asks of the client */
  canAttest: z.boolean(),
});
export type PortalReviewOut = z.infer<typeof ZPortalReviewOut>;

function ZApprovalOut() {
  return z.strictObject({
    type: z.enum(["approved", "changes_requested", "deemed"]),
    by: z.string().nullable(),
    comment: z.string(),
    evidenceHashes: z.array(z.string()),
    voided: z.boolean(),
    /** why a voided decision no longer stands; amounts only for readers who see amounts */
    voidReason: ZVisibleVoidReason.nullable(),
    createdAt: z.string(),
  });
}

export const ZApprovalLogOut = z.strictObject({
  title: z.string(),
  clientName: z.string(),
  entries: z.array(ZApprovalOut().extend({ milestoneTitle: z.string() })),
});
export type ApprovalLogOut = z.infer<typeof ZApprovalLogOut>;
