import { z } from "zod";
import { ADR_STATUSES } from "../../../domain/adr/adr";
import { listEngagementAdrs } from "../../../data/adr-read";
import { createTRPCRouter, notFound, orgProcedure, portalProcedure } from "../../trpc";

export const ZAdrOut = z.object({
  number: z.number().int(),
  title: z.string(),
  status: z.enum(ADR_STATUSES),
  date: z.string(),
  deciders: z.array(z.string()),
  context: z.string(),
  decisionDrivers: z.array(z.string()),
  consideredOptions: z.array(z.object({ title: z.string(), pros: z.array(z.string()), cons: z.array(z.string()) })),
  decisionOutcome: z.string(),
  consequences: z.string(),
  validation: z.string(),
  supersededBy: z.number().int().nullable(),
  supersedes: z.number().int().nullable(),
});

const ZInput = z.strictObject({ engagementId: z.string().trim().min(1).max(64) });

export const adrRouter = createTRPCRouter({
  list: orgProcedure
    .input(ZInput)
    .output(z.array(ZAdrOut))
    .query(async ({ ctx, input }) => {
      const found = await listEngagementAdrs(ctx.scope, input.engagementId);
      if (!found) throw notFound("Engagement");
      return found.adrs;
    }),
});

/** Clients read the accepted ADRs of their own engagements. */
export const listPortalAdrs = portalProcedure
  .input(ZInput)
  .output(z.array(ZAdrOut.strict()))
  .query(async ({ ctx, input }) => {
    const found = await listEngagementAdrs(ctx.scope, input.engagementId);
    if (!found) throw notFound("Engagement");
    return found.adrs;
  });
