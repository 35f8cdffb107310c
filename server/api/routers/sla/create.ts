import { createSlaClause } from "../../../data/sla/clauses";
import { orgProcedure } from "../../trpc";
import { presentClause } from "./present";
import { ZClauseOut, ZCreateClauseInput } from "./sla.schema";

export const createClause = orgProcedure
  .input(ZCreateClauseInput)
  .output(ZClauseOut)
  .mutation(async ({ ctx, input }) => presentClause(await createSlaClause(ctx.scope, input.engagementId, input.terms)));
