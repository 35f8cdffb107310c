import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { EvidenceInputError } from "../../../domain/evidence/errors";
import { findEvidenceForReverify, recordReverification } from "../../../data/evidence-reverify";
import { findMilestoneRequirements } from "../../../data/milestone-requirements";
import { verifyStoredEvidence } from "../../evidence/verify-stored";
import { notFound, orgProcedure } from "../../trpc";

/** Runs the verifier again on a stored artifact against the gate as it is now; history is kept. */
export const reverifyEvidence = orgProcedure
  .input(z.strictObject({ evidenceId: z.string().trim().min(1).max(64) }))
  .output(z.array(z.object({ requirementId: z.string().nullable(), verdict: z.enum(["pass", "fail", "error"]), reasons: z.array(z.string()) })))
  .mutation(async ({ ctx, input }) => {
    const evidence = await findEvidenceForReverify(ctx.scope, input.evidenceId);
    const storageKey = evidence?.blob?.storageKey;
    if (!evidence || !storageKey) throw notFound("Evidence");
    const requirements = (await findMilestoneRequirements(ctx.scope, evidence.milestoneId)) ?? [];
    let verifications;
    try {
      verifications = await verifyStoredEvidence(ctx.scope, { kind: evidence.kind, milestoneId: evidence.milestoneId, role: evidence.role, storageKey }, requirements);
    } catch (error) {
      if (error instanceof EvidenceInputError) throw new TRPCError({ code: "UNPROCESSABLE_CONTENT", message: error.message });
      throw error;
    }
    if (!(await recordReverification(ctx.scope, evidence.id, verifications))) throw notFound("Evidence");
    return verifications.map((v) => ({ requirementId: v.requirementId ?? null, verdict: v.verdict, reasons: v.reasons }));
  });
