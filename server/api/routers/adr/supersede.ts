import { supersedeAdr } from "../../../data/adr/write";
import { plOf } from "../../../domain/adr/pl";
import { orgProcedure } from "../../trpc";
import { ZAdrNumberOut, ZSupersedeAdrInput } from "./adr.schema";

/** Records the ADR that replaces an accepted one; both link to each other. */
export const supersede = orgProcedure
  .input(ZSupersedeAdrInput)
  .output(ZAdrNumberOut)
  .mutation(({ ctx, input }) => supersedeAdr(ctx.scope, input.adrId, input.draft, plOf(input)));
