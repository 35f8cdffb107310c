import { z } from "zod";

export const ZOutboxOut = z.array(
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
);
