import { listProposals } from "../../../data/proposal/read";
import { orgProcedure } from "../../trpc";
import { ZProposalListInput, ZProposalPageOut } from "./proposal.schema";

/** The organisation's proposals, newest first, a page at a time (optionally of one status). */
export const listProposalsProcedure = orgProcedure
  .input(ZProposalListInput)
  .output(ZProposalPageOut)
  .query(({ ctx, input }) => listProposals(ctx.scope, input));
