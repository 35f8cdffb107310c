import { z } from "zod";
import { ZEntityId } from "../../../domain/schemas";
import { ZMemberRole } from "../../../domain/roles";
import { ZInvitationOut } from "../invitation/invitation.schema";

export const ZMemberOut = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: ZMemberRole,
  active: z.boolean(),
  createdAt: z.string(),
});
export const ZTeamOut = z.object({ members: z.array(ZMemberOut), invitations: z.array(ZInvitationOut) });
export const ZInviteConsultantInput = z.strictObject({ email: z.email().max(200) });
export const ZDeactivateMemberInput = z.strictObject({ userId: ZEntityId });
