import { z } from "zod";
import { listNotifications } from "../../../data/notification/notices";
import { authedProcedure } from "../../trpc";
import { ZNotificationOut } from "./notification.schema";

/** A user's own notices, consultants and client users alike. */
export const listOwnNotifications = authedProcedure
  .output(z.array(ZNotificationOut))
  .query(({ ctx }) => listNotifications(ctx.session.userId));
