import { markNotificationRead } from "../../../data/notification/notices";
import { authedProcedure } from "../../trpc";
import { ZMarkedReadOut, ZMarkReadInput } from "./notification.schema";

/** Another user's notice is not found. */
export const markRead = authedProcedure
  .input(ZMarkReadInput)
  .output(ZMarkedReadOut)
  .mutation(async ({ ctx, input }) => {
    await markNotificationRead(ctx.session.userId, input.id);
    return { read: true as const };
  });
