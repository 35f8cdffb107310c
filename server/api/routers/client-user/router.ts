import { z } from "zod";
import { deactivateClientUser } from "../../../data/client-users";
import { createTRPCRouter, orgProcedure } from "../../trpc";

export const clientUserRouter = createTRPCRouter({
  /** Their sessions stop working at once: every call resolves the user's scope anew. */
  deactivate: orgProcedure
    .input(z.strictObject({ id: z.string().trim().min(1).max(64) }))
    .output(z.object({ deactivated: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await deactivateClientUser(ctx.scope, input.id);
      return { deactivated: true as const };
    }),
});
