import { getSlaClause, slaClauseVersions } from "../../../data/sla/clauses";
import { orgProcedure } from "../../trpc";
import { presentClause } from "./present";
import { ZClauseDetailOut, ZClauseInput } from "./sla.schema";

/** One clause with every version of its terms, newest first. */
export const clause = orgProcedure
  .input(ZClauseInput)
  .output(ZClauseDetailOut)
  .query(async ({ ctx, input }) => {
    const [view, versions] = await Promise.all([
      getSlaClause(ctx.scope, input.clauseId),
      slaClauseVersions(ctx.scope, input.clauseId),
    ]);
    return { ...presentClause(view), versions };
  });
