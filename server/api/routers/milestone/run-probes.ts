import { z } from "zod";
import { runMilestoneProbes } from "../../evidence/run-probes";
import { notFound, orgProcedure } from "../../trpc";

/** Checks release tags and observability endpoints named by the milestone's gate, now. */
export const runProbes = orgProcedure
  .input(z.strictObject({ milestoneId: z.string().trim().min(1).max(64) }))
  .output(z.array(z.object({ requirementId: z.string(), kind: z.string(), verdict: z.enum(["pass", "fail"]), reasons: z.array(z.string()) })))
  .mutation(async ({ ctx, input }) => {
    const outcomes = await runMilestoneProbes(ctx.scope, input.milestoneId);
    if (!outcomes) throw notFound("Milestone");
    return outcomes;
  });
