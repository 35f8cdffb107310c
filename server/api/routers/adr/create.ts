import { createAdr } from "../../../data/adr/write";
import { plOf } from "../../../domain/adr/pl";
import { orgProcedure } from "../../trpc";
import { ZAdrNumberOut, ZCreateAdrInput } from "./adr.schema";

export const createAdrProcedure = orgProcedure
  .input(ZCreateAdrInput)
  .output(ZAdrNumberOut)
  .mutation(async ({ ctx, input }) => {
    const row = await createAdr(ctx.scope, input.engagementId, input.draft, input.status, plOf(input));
    return { id: row.id, number: row.number };
  });
