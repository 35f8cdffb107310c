import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";

export const ZNotificationOut = z.object({
  id: z.string(),
  kind: z.enum(["approved", "changes_requested", "deemed", "awaiting_review"]),
  engagementId: z.string(),
  milestoneId: z.string().nullable(),
  params: z.object({ milestone: z.string(), engagement: z.string(), who: z.string(), comment: z.string() }),
  read: z.boolean(),
  createdAt: z.string(),
});

export const ZMarkReadInput = z.strictObject({ id: ZEntityId });
export const ZMarkedReadOut = z.object({ read: z.literal(true) });
