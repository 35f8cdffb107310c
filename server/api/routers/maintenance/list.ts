import { listContracts } from "../../../data/maintenance/read";
import { orgProcedure } from "../../trpc";
import { ZContractsOut, ZListContractsInput } from "./maintenance.schema";

/** The engagement's maintenance contracts with their terms, deliveries and next renewal. */
export const listMaintenanceContracts = orgProcedure
  .input(ZListContractsInput)
  .output(ZContractsOut)
  .query(({ ctx, input }) => listContracts(ctx.scope, input.engagementId));
