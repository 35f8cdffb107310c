import { EvidenceInputError } from "../../../domain/evidence/errors";
import { findEvidenceForReverify, recordReverification } from "../../../data/evidence/reverify";
import { findMilestoneRequirements } from "../../../data/milestone/requirements";
import { verifyStoredEvidence } from "../../../services/evidence/verify-stored";
import { refusalError } from "../../refusals";
import { orgProcedure } from "../../trpc";
import { ZReverifiedOut, ZReverifyInput } from "./milestone.schema";

/** Runs the verifier again on a stored artifact against the gate as it is now; history is kept. */
export const reverifyEvidence = orgProcedure
  .input(ZReverifyInput)
  .output(ZReverifiedOut)
  .mutation(async ({ ctx, input }) => {
    const evidence = await findEvidenceForReverify(ctx.scope, input.evidenceId);
    const requirements = await findMilestoneRequirements(ctx.scope, evidence.milestoneId);
    let verifications;
    try {
      verifications = await verifyStoredEvidence(
        ctx.scope,
        {
          kind: evidence.kind,
          milestoneId: evidence.milestoneId,
          role: evidence.role,
          storageKey: evidence.storageKey,
        },
        requirements,
      );
    } catch (error) {
      if (error instanceof EvidenceInputError) throw refusalError("INVALID_EVIDENCE", [error.message]);
      throw error;
    }
    await recordReverification(ctx.scope, evidence.id, verifications);
    return verifications.map((v) => ({
      requirementId: v.requirementId ?? null,
      verdict: v.verdict,
      reasons: v.reasons,
    }));
  });
