import { setAdrStatus } from "../../../data/adr/write";
import { orgProcedure } from "../../trpc";
import { ZAdrStatusOut, ZSetAdrStatusInput } from "./adr.schema";

export const setStatus = orgProcedure
  .input(ZSetAdrStatusInput)
  .output(ZAdrStatusOut)
  .mutation(({ ctx, input }) => setAdrStatus(ctx.scope, input.adrId, input.status));
