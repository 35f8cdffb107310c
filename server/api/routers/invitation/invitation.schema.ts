import { z } from "zod";

export const ZInvitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role: z.enum(["approver", "viewer"]),
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.string(),
  sentCount: z.number().int(),
  lastSentAt: z.string(),
  createdAt: z.string(),
});
