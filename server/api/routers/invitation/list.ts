import { z } from "zod";
import { findOrgClient } from "../../../data/client/users";
import { listInvitations } from "../../../data/invitation/issue";
import { orgProcedure } from "../../trpc";
import { ZClientInvitationsInput, ZInvitationOut } from "./invitation.schema";

export const listClientInvitations = orgProcedure
  .input(ZClientInvitationsInput)
  .output(z.array(ZInvitationOut))
  .query(async ({ ctx, input }) => {
    await findOrgClient(ctx.scope, input.clientId);
    return listInvitations(ctx.scope, input.clientId);
  });
