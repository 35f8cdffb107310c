import { z } from "zod";
import { listInvitations, resendInvitation, revokeInvitation } from "../../../data/invitations";
import { findOrgClient } from "../../../data/client-users";
import { deliverOutbox } from "../../../mail/deliver";
import { noticeDelivery } from "../../origin";
import { answeringRefusals } from "../../refusals";
import { createTRPCRouter, orgProcedure } from "../../trpc";
import { ZInvitationOut, ZSentInvitationOut } from "./invitation.schema";

const ZId = z.string().trim().min(1).max(64);

export const invitationRouter = createTRPCRouter({
  list: orgProcedure
    .input(z.strictObject({ clientId: ZId }))
    .output(z.array(ZInvitationOut))
    .query(async ({ ctx, input }) => {
      await findOrgClient(ctx.scope, input.clientId);
      return listInvitations(ctx.scope, input.clientId);
    }),
  /** A new link, answered once; the old one stops working. */
  resend: orgProcedure
    .input(z.strictObject({ id: ZId }))
    .output(ZSentInvitationOut)
    .mutation(async ({ ctx, input }) => {
      const sent = await answeringRefusals(() => resendInvitation(ctx.scope, input.id, noticeDelivery(ctx)), "Invitation not found.");
      void deliverOutbox();
      return sent;
    }),
  revoke: orgProcedure
    .input(z.strictObject({ id: ZId }))
    .output(ZInvitationOut)
    .mutation(({ ctx, input }) => answeringRefusals(() => revokeInvitation(ctx.scope, input.id), "Invitation not found.")),
});
