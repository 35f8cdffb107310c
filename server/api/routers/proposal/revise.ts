import { reviseProposal } from "../../../data/proposal/draft";
import { orgProcedure } from "../../trpc";
import { ZProposalOut, ZReviseProposalInput } from "./proposal.schema";

/** A new draft revising a proposal; the old one is superseded when the new one is sent. */
export const reviseProposalProcedure = orgProcedure
  .input(ZReviseProposalInput)
  .output(ZProposalOut)
  .mutation(({ ctx, input }) => reviseProposal(ctx.scope, input.proposalId, input.draft));
