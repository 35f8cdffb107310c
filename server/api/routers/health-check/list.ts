import { listHealthChecks } from "../../../data/health-check/read";
import { orgProcedure } from "../../trpc";
import { ZHealthCheckPageOut, ZListHealthChecksInput } from "./health-check.schema";

/** The engagement's health checks, newest first. */
export const listHealthChecksProcedure = orgProcedure
  .input(ZListHealthChecksInput)
  .output(ZHealthCheckPageOut)
  .query(({ ctx, input }) =>
    listHealthChecks(ctx.scope, input.engagementId, { cursor: input.cursor, limit: input.limit }),
  );
