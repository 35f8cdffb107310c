import { listProposals } from "../../../data/proposal/read";
import { portalProcedure } from "../../trpc";
import { ZProposalListInput, ZProposalPageOut } from "../proposal/proposal.schema";

/** The proposals sent to the user's client, newest first. */
export const listPortalProposals = portalProcedure
  .input(ZProposalListInput)
  .output(ZProposalPageOut)
  .query(({ ctx, input }) => listProposals(ctx.scope, input));
