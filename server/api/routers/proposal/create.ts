import { createProposal } from "../../../data/proposal/draft";
import { ZProposalDraft } from "../../../domain/proposal/proposal";
import { orgProcedure } from "../../trpc";
import { ZProposalOut } from "./proposal.schema";

/** A draft proposal from a package, numbered in the proposal series. */
export const createProposalProcedure = orgProcedure
  .input(ZProposalDraft)
  .output(ZProposalOut)
  .mutation(({ ctx, input }) => createProposal(ctx.scope, input));
