import { editSlaClause } from "../../../data/sla/clauses";
import { orgProcedure } from "../../trpc";
import { presentClause } from "./present";
import { ZClauseOut, ZEditClauseInput } from "./sla.schema";

/** New terms for a clause: a new version when it already has measurements (the data layer decides). */
export const editClause = orgProcedure
  .input(ZEditClauseInput)
  .output(ZClauseOut)
  .mutation(async ({ ctx, input }) => presentClause(await editSlaClause(ctx.scope, input.clauseId, input.terms)));
