import { z } from "zod";
import { countUnread } from "../../../data/notification/notices";
import { authedProcedure } from "../../trpc";

export const unreadCount = authedProcedure.output(z.number().int()).query(({ ctx }) => countUnread(ctx.session.userId));
