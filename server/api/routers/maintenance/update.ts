import { updateContract } from "../../../data/maintenance/write";
import { orgProcedure } from "../../trpc";
import { ZContractOut, ZUpdateContractInput } from "./maintenance.schema";

/** New fields made on `revision` (CONFLICT when someone saved since); terms already drafted keep theirs. */
export const updateMaintenanceContract = orgProcedure
  .input(ZUpdateContractInput)
  .output(ZContractOut)
  .mutation(({ ctx, input }) => updateContract(ctx.scope, input.contractId, input.revision, input.fields));
