import { deactivateMember } from "../../../data/organisation/team";
import { orgProcedure } from "../../trpc";
import { ZDeactivateMemberInput, ZMemberOut } from "./team.schema";

/** Owners only: the consultant's sessions end at once and they can no longer sign in. */
export const deactivateTeamMember = orgProcedure
  .input(ZDeactivateMemberInput)
  .output(ZMemberOut)
  .mutation(({ ctx, input }) => deactivateMember(ctx.scope, input.userId));
