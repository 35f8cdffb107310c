import { listInvitations } from "../../../data/invitation/issue";
import { listMembers } from "../../../data/organisation/team";
import { orgProcedure } from "../../trpc";
import { ZTeamOut } from "./team.schema";

/** The organisation's consultants and the consultant invitations, for every consultant to see. */
export const listTeam = orgProcedure.output(ZTeamOut).query(async ({ ctx }) => {
  const [members, invitations] = await Promise.all([listMembers(ctx.scope), listInvitations(ctx.scope, null)]);
  return { members, invitations };
});
