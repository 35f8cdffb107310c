import { inviteConsultant } from "../../../data/invitation/issue";
import { deliverOutbox } from "../../../services/mail/deliver";
import { noticeDelivery } from "../../origin";
import { orgProcedure } from "../../trpc";
import { ZSentInvitationOut } from "../invitation/invitation.schema";
import { ZInviteConsultantInput } from "./team.schema";

/** Owners only: invites a consultant; the link is in this answer only. */
export const inviteToTeam = orgProcedure
  .input(ZInviteConsultantInput)
  .output(ZSentInvitationOut)
  .mutation(async ({ ctx, input }) => {
    const sent = await inviteConsultant(ctx.scope, input, noticeDelivery(ctx));
    void deliverOutbox();
    return sent;
  });
