import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../../../data/api-tokens";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "../../../domain/api-token";
import { answeringRefusals } from "../../refusals";
import { createTRPCRouter, notFound, orgProcedure } from "../../trpc";

const ZTokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const createToken = orgProcedure
  .input(
    z.strictObject({
      engagementId: z.string().trim().min(1).max(64),
      name: z.string().trim().min(1).max(100),
      validDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
    }),
  )
  .output(z.object({ token: z.string(), view: ZTokenOut }))
  .mutation(({ ctx, input }) => answeringRefusals(() => createApiToken(ctx.scope, input.engagementId, input.name, input.validDays), "Engagement not found."));

export const listTokens = orgProcedure
  .input(z.strictObject({ engagementId: z.string().trim().min(1).max(64) }))
  .output(z.array(ZTokenOut))
  .query(async ({ ctx, input }) => {
    const tokens = await listApiTokens(ctx.scope, input.engagementId);
    if (!tokens) throw notFound("Engagement");
    return tokens;
  });

export const revokeToken = orgProcedure
  .input(z.strictObject({ id: z.string().trim().min(1).max(64) }))
  .output(z.object({ revoked: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    if (!(await revokeApiToken(ctx.scope, input.id))) throw notFound("API token");
    return { revoked: true as const };
  });

export const apiTokenRouter = createTRPCRouter({ create: createToken, list: listTokens, revoke: revokeToken });
