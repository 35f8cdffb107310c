import { z } from "zod";
import { listSlaClauses } from "../../../data/sla/clauses";
import { orgProcedure } from "../../trpc";
import { presentClause } from "./present";
import { ZClauseOut, ZClausesInput } from "./sla.schema";

/** The engagement's clauses; `version` is also how many versions of the terms there are. */
export const clauses = orgProcedure
  .input(ZClausesInput)
  .output(z.array(ZClauseOut))
  .query(async ({ ctx, input }) =>
    (await listSlaClauses(ctx.scope, input.engagementId, { includeRetired: input.includeRetired })).map(presentClause),
  );
