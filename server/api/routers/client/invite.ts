import { inviteClientUser } from "../../../data/invitation/issue";
import { deliverOutbox } from "../../../services/mail/deliver";
import { noticeDelivery } from "../../origin";
import { orgProcedure } from "../../trpc";
import { ZSentInvitationOut } from "../invitation/invitation.schema";
import { ZInviteToClientInput } from "./client.schema";

/** Invites a client's user; the link is in this answer only (and in the email SMTP sends). */
export const inviteToClient = orgProcedure
  .input(ZInviteToClientInput)
  .output(ZSentInvitationOut)
  .mutation(async ({ ctx, input }) => {
    const sent = await inviteClientUser(ctx.scope, input, noticeDelivery(ctx));
    void deliverOutbox();
    return sent;
  });
