import { z } from "zod";
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
