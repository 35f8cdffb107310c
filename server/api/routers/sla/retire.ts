import { retireSlaClause } from "../../../data/sla/clauses";
import { orgProcedure } from "../../trpc";
import { presentClause } from "./present";
import { ZClauseInput, ZClauseOut } from "./sla.schema";

export const retireClause = orgProcedure
  .input(ZClauseInput)
  .output(ZClauseOut)
  .mutation(async ({ ctx, input }) => presentClause(await retireSlaClause(ctx.scope, input.clauseId)));
