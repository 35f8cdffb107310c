import { z } from "zod";
import { ZInvitationRole } from "../../../domain/invitation";
import { ZEntityId } from "../../../domain/schemas";

export const ZInvitationOut = z.object({
  id: z.string(),
  email: z.string(),
  role: ZInvitationRole,
  status: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.string(),
  sentCount: z.number().int(),
  lastSentAt: z.string(),
  createdAt: z.string(),
});

/** An invitation just sent: its link is in this answer only, never stored readable. */
export const ZSentInvitationOut = z.object({ invitation: ZInvitationOut, link: z.url() });

export const ZClientInvitationsInput = z.strictObject({ clientId: ZEntityId });
export const ZInvitationInput = z.strictObject({ id: ZEntityId });
