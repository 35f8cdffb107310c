import { z } from "zod";
import { ATTESTING_PARTIES } from "../../../domain/gate";
import { ZIdempotencyKey } from "../../../domain/schemas";

export const ZAttestInput = z.strictObject({
  milestoneId: z.string().trim().min(1).max(64),
  statement: z.string().trim().min(1).max(500),
  idempotencyKey: ZIdempotencyKey.optional(),
});

export const ZAttestationOut = z.object({
  evidenceId: z.string(),
  sha256: z.string(),
  milestoneId: z.string(),
  requirementId: z.string(),
  party: z.enum(ATTESTING_PARTIES),
  statement: z.string(),
  attestedBy: z.object({ userId: z.string(), name: z.string() }),
  attestedAt: z.string(),
});
