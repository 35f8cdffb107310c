import { attestMilestone } from "../../../data/attestation-write";
import { answeringRefusals } from "../../refusals";
import { orgProcedure, portalProcedure } from "../../trpc";
import { ZAttestationOut, ZAttestInput } from "./attest.schema";

// The party a gate names states its words: consultants for a consultant attestation, the
// client's approver (in the portal) for a client one. Anyone else is refused.

export const attestAsConsultant = orgProcedure
  .input(ZAttestInput)
  .output(ZAttestationOut)
  .mutation(({ ctx, input }) => answeringRefusals(() => attestMilestone(ctx.scope, input.milestoneId, input.statement, input.idempotencyKey), "Milestone not found."));

export const attestAsClient = portalProcedure
  .input(ZAttestInput)
  .output(ZAttestationOut)
  .mutation(({ ctx, input }) => answeringRefusals(() => attestMilestone(ctx.scope, input.milestoneId, input.statement, input.idempotencyKey), "Milestone not found."));
