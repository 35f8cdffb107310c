import { createTRPCRouter } from "../../trpc";
import { listHealthChecksProcedure } from "./list";
import { runHealthCheckProcedure } from "./run";

export const healthCheckRouter = createTRPCRouter({
  run: runHealthCheckProcedure,
  list: listHealthChecksProcedure,
});
