import { getProposal } from "../../../data/proposal/read";
import { portalProcedure } from "../../trpc";
import { ZProposalIdInput, ZProposalOut } from "../proposal/proposal.schema";

export const getPortalProposal = portalProcedure
  .input(ZProposalIdInput)
  .output(ZProposalOut)
  .query(({ ctx, input }) => getProposal(ctx.scope, input.proposalId));
