import { z } from "zod";
import { checkMilestoneGitTags } from "../../evidence/check-git-tags";
import { notFound, orgProcedure } from "../../trpc";

export const checkGitTags = orgProcedure
  .input(z.strictObject({ milestoneId: z.string().trim().min(1).max(64) }))
  .output(z.array(z.object({ requirementId: z.string(), verdict: z.enum(["pass", "fail"]), reasons: z.array(z.string()), commit: z.string().nullable() })))
  .mutation(async ({ ctx, input }) => {
    const outcomes = await checkMilestoneGitTags(ctx.scope, input.milestoneId);
    if (!outcomes) throw notFound("Milestone");
    return outcomes;
  });
