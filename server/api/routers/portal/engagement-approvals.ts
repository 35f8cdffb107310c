import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import { engagementApprovalLog } from "../../../data/portal/review";
import { portalProcedure } from "../../trpc";
import { ZGetByIdInput } from "../engagement/engagement.schema";
import { ZApprovalLogOut } from "./portal.schema";
import { presentDecision } from "./present-decision";

/** Every decision on the engagement's milestones, oldest first (the exported approval log). */
export const engagementApprovals = portalProcedure
  .input(ZGetByIdInput)
  .output(ZApprovalLogOut)
  .query(async ({ ctx, input }) => {
    const log = await engagementApprovalLog(ctx.scope, input.id);
    const showAmounts = seesAmounts(amountReaderOf(ctx.scope), log);
    return {
      title: log.title,
      clientName: log.clientName,
      entries: log.entries.map((e) => ({ milestoneTitle: e.milestoneTitle, ...presentDecision(e, showAmounts) })),
    };
  });
