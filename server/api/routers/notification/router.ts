import { z } from "zod";
import { countUnread, listNotifications, markNotificationRead } from "../../../data/notifications";
import { authedProcedure, createTRPCRouter, notFound } from "../../trpc";

const ZNotificationOut = z.object({
  id: z.string(),
  kind: z.enum(["approved", "changes_requested", "deemed", "awaiting_review"]),
  engagementId: z.string(),
  milestoneId: z.string().nullable(),
  params: z.object({ milestone: z.string(), engagement: z.string(), who: z.string(), comment: z.string() }),
  read: z.boolean(),
  createdAt: z.string(),
});

/** A user's own notices, consultants and client users alike; another user's are not found. */
export const notificationRouter = createTRPCRouter({
  list: authedProcedure.output(z.array(ZNotificationOut)).query(({ ctx }) => listNotifications(ctx.session.userId)),
  unreadCount: authedProcedure.output(z.number().int()).query(({ ctx }) => countUnread(ctx.session.userId)),
  markRead: authedProcedure
    .input(z.strictObject({ id: z.string().trim().min(1).max(64) }))
    .output(z.object({ read: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      if (!(await markNotificationRead(ctx.session.userId, input.id))) throw notFound("Notification");
      return { read: true as const };
    }),
});
