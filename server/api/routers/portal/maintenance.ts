import { attestUpgradeAccess, giveNotice } from "../../../data/maintenance/notice";
import { listContracts } from "../../../data/maintenance/read";
import { createTRPCRouter, portalProcedure } from "../../trpc";
import {
  ZAttestUpgradeAccessInput,
  ZContractOut,
  ZContractsOut,
  ZGiveNoticeInput,
  ZListContractsInput,
} from "../maintenance/maintenance.schema";

// The client's side of a maintenance contract: every user of the client sees it; only an approver
// gives notice or attests access to the upgrade channel (a viewer: FORBIDDEN).

export const portalMaintenanceRouter = createTRPCRouter({
  list: portalProcedure
    .input(ZListContractsInput)
    .output(ZContractsOut)
    .query(({ ctx, input }) => listContracts(ctx.scope, input.engagementId)),
  giveNotice: portalProcedure
    .input(ZGiveNoticeInput)
    .output(ZContractOut)
    .mutation(({ ctx, input }) => giveNotice(ctx.scope, input.contractId)),
  attestUpgradeAccess: portalProcedure
    .input(ZAttestUpgradeAccessInput)
    .output(ZContractOut)
    .mutation(({ ctx, input }) => attestUpgradeAccess(ctx.scope, input.termId)),
});
