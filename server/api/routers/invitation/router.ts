import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { listInvitations, resendInvitation, revokeInvitation, type InviteOutcome } from "../../../data/invitations";
import { findOrgClient } from "../../../data/client-users";
import { deliverOutbox } from "../../../mail/deliver";
import { noticeDelivery } from "../../origin";
import { createTRPCRouter, notFound, orgProcedure, Refusal } from "../../trpc";
import { ZInvitationOut } from "./invitation.schema";

const ZId = z.string().trim().min(1).max(64);

function answer(outcome: InviteOutcome) {
  if (outcome.ok) return outcome.invitation;
  if (outcome.code === "NOT_FOUND") throw notFound("Invitation");
  throw new TRPCError({ code: "CONFLICT", message: outcome.reasons.join("; "), cause: new Refusal(outcome.code, outcome.reasons) });
}

export const invitationRouter = createTRPCRouter({
  list: orgProcedure
    .input(z.strictObject({ clientId: ZId }))
    .output(z.array(ZInvitationOut))
    .query(async ({ ctx, input }) => {
      if (!(await findOrgClient(ctx.scope, input.clientId))) throw notFound("Client");
      return listInvitations(ctx.scope, input.clientId);
    }),
  resend: orgProcedure
    .input(z.strictObject({ id: ZId }))
    .output(ZInvitationOut)
    .mutation(async ({ ctx, input }) => {
      const result = answer(await resendInvitation(ctx.scope, input.id, noticeDelivery(ctx)));
      void deliverOutbox();
      return result;
    }),
  revoke: orgProcedure
    .input(z.strictObject({ id: ZId }))
    .output(ZInvitationOut)
    .mutation(async ({ ctx, input }) => answer(await revokeInvitation(ctx.scope, input.id))),
});
