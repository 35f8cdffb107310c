import { revokeInvitation } from "../../../data/invitation/issue";
import { orgProcedure } from "../../trpc";
import { ZInvitationInput, ZInvitationOut } from "./invitation.schema";

export const revoke = orgProcedure
  .input(ZInvitationInput)
  .output(ZInvitationOut)
  .mutation(({ ctx, input }) => revokeInvitation(ctx.scope, input.id));
