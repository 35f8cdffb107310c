import { attestMilestone } from "../../../data/evidence/attest";
import { orgProcedure, portalProcedure } from "../../trpc";
import { ZAttestationOut, ZAttestInput } from "./milestone.schema";

// The party a gate names states its words: consultants for a consultant attestation, the
// client's approver (in the portal) for a client one. Anyone else is refused.

export const attestAsConsultant = orgProcedure
  .input(ZAttestInput)
  .output(ZAttestationOut)
  .mutation(({ ctx, input }) => attestMilestone(ctx.scope, input.milestoneId, input.statement, input.idempotencyKey));

export const attestAsClient = portalProcedure
  .input(ZAttestInput)
  .output(ZAttestationOut)
  .mutation(({ ctx, input }) => attestMilestone(ctx.scope, input.milestoneId, input.statement, input.idempotencyKey));
