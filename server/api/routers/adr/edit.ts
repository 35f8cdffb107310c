import { editAdr } from "../../../data/adr/write";
import { plOf } from "../../../domain/adr/pl";
import { orgProcedure } from "../../trpc";
import { ZAdrRevisionWrittenOut, ZEditAdrInput } from "./adr.schema";

/** A proposed ADR's content and P&L label; `revision` is the one the edit was made on. */
export const editAdrProcedure = orgProcedure
  .input(ZEditAdrInput)
  .output(ZAdrRevisionWrittenOut)
  .mutation(({ ctx, input }) => editAdr(ctx.scope, input.adrId, input.revision, input.draft, plOf(input)));
