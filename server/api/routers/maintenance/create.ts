import { createContract } from "../../../data/maintenance/write";
import { orgProcedure } from "../../trpc";
import { ZContractOut, ZCreateContractInput } from "./maintenance.schema";

/** A contract with its first term; start and fee default to the delivery's paid date and the upgrade share. */
export const createMaintenanceContract = orgProcedure
  .input(ZCreateContractInput)
  .output(ZContractOut)
  .mutation(({ ctx, input }) => createContract(ctx.scope, input));
