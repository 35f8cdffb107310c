import { createTRPCRouter } from "../../trpc";
import { listOwnNotifications } from "./list";
import { markRead } from "./mark-read";
import { unreadCount } from "./unread-count";

export const notificationRouter = createTRPCRouter({ list: listOwnNotifications, unreadCount, markRead });
