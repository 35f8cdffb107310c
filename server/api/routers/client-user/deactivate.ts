import { deactivateClientUser } from "../../../data/client/users";
import { orgProcedure } from "../../trpc";
import { ZDeactivateClientUserInput, ZDeactivatedOut } from "./client-user.schema";

/** Their sessions stop working at once: every call resolves the user's scope anew. */
export const deactivate = orgProcedure
  .input(ZDeactivateClientUserInput)
  .output(ZDeactivatedOut)
  .mutation(async ({ ctx, input }) => {
    await deactivateClientUser(ctx.scope, input.id);
    return { deactivated: true as const };
  });
