import { z } from "zod";
import { DEFAULT_TOKEN_DAYS, MAX_TOKEN_DAYS } from "../../../domain/api-token";
import { ZEntityId } from "../../../domain/schemas";

export const ZTokenOut = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const ZCreateTokenInput = z.strictObject({
  engagementId: ZEntityId,
  name: z.string().trim().min(1).max(100),
  validDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
});
export const ZCreatedTokenOut = z.object({ token: z.string(), view: ZTokenOut });

export const ZListTokensInput = z.strictObject({ engagementId: ZEntityId });

export const ZRevokeTokenInput = z.strictObject({ id: ZEntityId });
export const ZRevokedTokenOut = z.object({ revoked: z.literal(true) });
