import { createTRPCRouter } from "../../trpc";
import { deactivateTeamMember } from "./deactivate";
import { inviteToTeam } from "./invite";
import { listTeam } from "./list";

export const teamRouter = createTRPCRouter({ list: listTeam, invite: inviteToTeam, deactivate: deactivateTeamMember });
