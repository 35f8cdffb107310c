import { z } from "zod";
import { ZObjectiveFields, ZObjectiveView } from "../../../domain/objective/objective";
import { ZEntityId } from "../../../domain/schemas";

export const ZEngagementObjectivesInput = z.strictObject({ engagementId: ZEntityId });
export const ZCreateObjectiveInput = z.strictObject({ engagementId: ZEntityId, fields: ZObjectiveFields });
export const ZEditObjectiveInput = z.strictObject({ id: ZEntityId, fields: ZObjectiveFields });
export const ZObjectiveInput = z.strictObject({ id: ZEntityId });

export const ZObjectiveOut = ZObjectiveView;
export const ZObjectivesOut = z.array(ZObjectiveView);
export const ZDeletedOut = z.object({ deleted: z.literal(true) });

export const ZObjectiveChoicesOut = z.object({
  requirements: z.array(z.object({ id: z.string(), milestoneTitle: z.string(), kind: z.string() })),
  slaClauses: z.array(z.object({ id: z.string(), title: z.string(), metric: z.string() })),
});
