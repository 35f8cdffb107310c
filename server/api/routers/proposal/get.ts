import { getProposal } from "../../../data/proposal/read";
import { orgProcedure } from "../../trpc";
import { ZProposalIdInput, ZProposalOut } from "./proposal.schema";

export const getProposalProcedure = orgProcedure
  .input(ZProposalIdInput)
  .output(ZProposalOut)
  .query(({ ctx, input }) => getProposal(ctx.scope, input.proposalId));
