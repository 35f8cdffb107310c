import { z } from "zod";
import { NOTIFICATION_KINDS } from "../../../domain/notifications";
import { ZEntityId } from "../../../domain/schemas";

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);

/** The words of a notice; an SLA trigger's also name the clause, the action and the interval. */
export const ZNotificationParams = z.object({
  milestone: z.string(),
  engagement: z.string(),
  who: z.string(),
  comment: z.string(),
  clause: z.string().optional(),
  action: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  /** a proposal's notice names its number (its title rides in `engagement`) */
  proposal: z.string().optional(),
});

export const ZNotificationOut = z.object({
  id: z.string(),
  kind: ZNotificationKind,
  /** null for a notice about a proposal that has no engagement yet */
  engagementId: z.string().nullable(),
  proposalId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  params: ZNotificationParams,
  read: z.boolean(),
  createdAt: z.string(),
});

export type NotificationOut = z.infer<typeof ZNotificationOut>;

export const ZMarkReadInput = z.strictObject({ id: ZEntityId });
export const ZMarkedReadOut = z.object({ read: z.literal(true) });
