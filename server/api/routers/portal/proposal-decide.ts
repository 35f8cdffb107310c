import { decideProposal } from "../../../data/proposal/decide";
import { deliverOutbox } from "../../../services/mail/deliver";
import { noticeDelivery } from "../../origin";
import { portalProcedure } from "../../trpc";
import { ZDecideProposalInput, ZProposalOut } from "../proposal/proposal.schema";

/** The client's approver accepts (creating the engagement) or declines (with a comment) a sent proposal. */
export const decidePortalProposal = portalProcedure
  .input(ZDecideProposalInput)
  .output(ZProposalOut)
  .mutation(async ({ ctx, input }) => {
    const proposal = await decideProposal(
      ctx.scope,
      input.proposalId,
      { decision: input.decision, comment: input.comment },
      noticeDelivery(ctx),
    );
    void deliverOutbox();
    return proposal;
  });
