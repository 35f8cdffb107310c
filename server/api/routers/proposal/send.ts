import { sendProposal } from "../../../data/proposal/send";
import { deliverOutbox } from "../../../services/mail/deliver";
import { noticeDelivery } from "../../origin";
import { orgProcedure } from "../../trpc";
import { ZProposalIdInput, ZProposalOut } from "./proposal.schema";

/** Sends a draft to the client's approvers (notice and email). */
export const sendProposalProcedure = orgProcedure
  .input(ZProposalIdInput)
  .output(ZProposalOut)
  .mutation(async ({ ctx, input }) => {
    const proposal = await sendProposal(ctx.scope, input.proposalId, noticeDelivery(ctx));
    void deliverOutbox();
    return proposal;
  });
