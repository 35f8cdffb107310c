import { editAdr } from "../../../data/adr/write";
import { orgProcedure } from "../../trpc";
import { ZAdrRevisionWrittenOut, ZEditAdrInput } from "./adr.schema";

/** A proposed ADR's content; `revision` is the one the edit was made on. */
export const editAdrProcedure = orgProcedure
  .input(ZEditAdrInput)
  .output(ZAdrRevisionWrittenOut)
  .mutation(({ ctx, input }) => editAdr(ctx.scope, input.adrId, input.revision, input.draft));
