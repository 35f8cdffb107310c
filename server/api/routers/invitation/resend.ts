import { resendInvitation } from "../../../data/invitation/issue";
import { deliverOutbox } from "../../../services/mail/deliver";
import { noticeDelivery } from "../../origin";
import { orgProcedure } from "../../trpc";
import { ZInvitationInput, ZSentInvitationOut } from "./invitation.schema";

/** A new link, answered once; the old one stops working. */
export const resend = orgProcedure
  .input(ZInvitationInput)
  .output(ZSentInvitationOut)
  .mutation(async ({ ctx, input }) => {
    const sent = await resendInvitation(ctx.scope, input.id, noticeDelivery(ctx));
    void deliverOutbox();
    return sent;
  });
