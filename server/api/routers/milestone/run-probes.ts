import { runMilestoneProbes } from "../../../services/probes/run-for-milestone";
import { orgProcedure } from "../../trpc";
import { ZProbeOutcomesOut, ZRunProbesInput } from "./milestone.schema";

/** Checks release tags and observability endpoints named by the milestone's gate, now. */
export const runProbes = orgProcedure
  .input(ZRunProbesInput)
  .output(ZProbeOutcomesOut)
  .mutation(({ ctx, input }) => runMilestoneProbes(ctx.scope, input.milestoneId));
