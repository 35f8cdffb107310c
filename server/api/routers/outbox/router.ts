import { z } from "zod";
import { listOutbox } from "../../../data/outbox";
import { createTRPCRouter, orgProcedure } from "../../trpc";

export const outboxRouter = createTRPCRouter({
  list: orgProcedure
    .output(
      z.array(
        z.object({
          id: z.string(),
          toEmail: z.string(),
          subject: z.string(),
          body: z.string(),
          kind: z.string(),
          status: z.enum(["stored", "pending", "sent", "failed"]),
          error: z.string().nullable(),
          createdAt: z.string(),
          sentAt: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx }) => listOutbox(ctx.scope)),
});
