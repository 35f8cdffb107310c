import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { listEngagementAudit } from "../../../data/audit/chain";
import { findOrgEngagement } from "../../../data/engagement/read";
import { orgProcedure } from "../../trpc";

const ZJson: z.ZodType<unknown> = z.unknown();

export const ZAuditEntryOut = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorKind: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: ZJson,
  after: ZJson,
  data: ZJson,
  hash: z.string(),
});

export const engagementAudit = orgProcedure
  .input(z.strictObject({ engagementId: ZEntityId }))
  .output(z.array(ZAuditEntryOut))
  .query(async ({ ctx, input }) => {
    await findOrgEngagement(ctx.scope, input.engagementId);
    return listEngagementAudit(ctx.scope.organisationId, input.engagementId);
  });
