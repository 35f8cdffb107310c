import { withdrawProposal } from "../../../data/proposal/draft";
import { orgProcedure } from "../../trpc";
import { ZProposalIdInput, ZProposalOut } from "./proposal.schema";

export const withdrawProposalProcedure = orgProcedure
  .input(ZProposalIdInput)
  .output(ZProposalOut)
  .mutation(({ ctx, input }) => withdrawProposal(ctx.scope, input.proposalId));
