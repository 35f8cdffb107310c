import { defaultProbeOptions } from "../../../services/probes/git-tag";
import { orgProcedure } from "../../trpc";
import { ZHealthCheckOut, ZRunHealthCheckInput } from "./health-check.schema";
import { runAndRecordHealthCheck } from "./run-and-record";

/** Runs the observability probes against the client's base URL now and keeps what they found. */
export const runHealthCheckProcedure = orgProcedure
  .input(ZRunHealthCheckInput)
  .output(ZHealthCheckOut)
  .mutation(({ ctx, input }) =>
    runAndRecordHealthCheck(ctx.scope, input.engagementId, input.baseUrl, defaultProbeOptions()),
  );
