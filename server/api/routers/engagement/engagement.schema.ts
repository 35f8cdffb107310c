import { z } from "zod";
import { ZMilestoneKind, ZMilestoneState } from "../../../domain/milestone";
import { ZRequestedAction } from "../../../domain/milestone-machine";

import { ZEntityId } from "../../../domain/schemas";

export const ZGetByIdInput = z.strictObject({ id: ZEntityId });

export const ZMilestoneOut = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  kind: ZMilestoneKind,
  position: z.number().int(),
  shareBp: z.number().int(),
  amountMinor: z.number().int(),
  state: ZMilestoneState,
});

export const ZFeeProgressOut = z.object({
  paidMinor: z.number().int(),
  invoicedMinor: z.number().int(),
  approvedMinor: z.number().int(),
  openMinor: z.number().int(),
  milestonesDone: z.number().int(),
  milestonesTotal: z.number().int(),
});

export const ZEngagementOut = z.object({
  id: z.string(),
  title: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  currency: z.string().length(3),
  feeMinor: z.number().int(),
  taxRateBp: z.number().int(),
  startDate: z.string(),
  paymentTermsDays: z.number().int(),
  status: z.enum(["draft", "active", "completed", "cancelled"]),
  hideAmountsFromViewers: z.boolean(),
  deemedAcceptanceDays: z.number().int().nullable(),
  milestones: z.array(ZMilestoneOut),
  progress: ZFeeProgressOut,
});
export type EngagementOut = z.infer<typeof ZEngagementOut>;

export const ZEngagementListOut = z.array(ZEngagementOut);

export const ZGateCheckOut = z.object({
  requirementId: z.string(),
  kind: z.string(),
  params: z.unknown(),
  met: z.boolean(),
  reasons: z.array(z.string()),
});

export const ZEvidenceOut = z.object({
  id: z.string(),
  kind: z.string(),
  role: z.string().nullable(),
  sha256: z.string(),
  filename: z.string().nullable(),
  reference: z.unknown(),
  downloadable: z.boolean(),
  createdAt: z.string(),
  verifications: z.array(
    z.object({
      requirementId: z.string().nullable(),
      verdict: z.enum(["pass", "fail", "error"]),
      metrics: z.unknown(),
      reasons: z.array(z.string()),
      createdAt: z.string(),
    }),
  ),
});

export const ZMilestoneDetailOut = ZMilestoneOut.extend({
  evidence: z.array(ZEvidenceOut),
  version: z.number().int(),
  invoicedAmountMinor: z.number().int().nullable(),
  approved: z.boolean(),
  evidenceCount: z.number().int(),
  gate: z.object({ open: z.boolean(), checks: z.array(ZGateCheckOut) }),
  /** the transitions the caller could take now */
  actions: z.array(ZRequestedAction),
});

export const ZEngagementDetailOut = ZEngagementOut.extend({ milestones: z.array(ZMilestoneDetailOut) });
export type EngagementDetailOut = z.infer<typeof ZEngagementDetailOut>;
