import { createTRPCRouter } from "../../trpc";
import { createProposalProcedure } from "./create";
import { getProposalProcedure } from "./get";
import { listProposalsProcedure } from "./list";
import { reviseProposalProcedure } from "./revise";
import { sendProposalProcedure } from "./send";
import { withdrawProposalProcedure } from "./withdraw";

export const proposalRouter = createTRPCRouter({
  list: listProposalsProcedure,
  get: getProposalProcedure,
  create: createProposalProcedure,
  revise: reviseProposalProcedure,
  send: sendProposalProcedure,
  withdraw: withdrawProposalProcedure,
});
