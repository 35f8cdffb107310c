import { z } from "zod";

export const ZMemberRole = z.enum(["owner", "consultant"]);
export const ZClientRole = z.enum(["approver", "viewer"]);
export const ZSessionRole = z.enum(["owner", "consultant", "approver", "viewer"]);
export type SessionRole = z.infer<typeof ZSessionRole>;

export function isConsultantRole(role: SessionRole): boolean {
  return role === "owner" || role === "consultant";
}

/** Where a signed-in user lands: consultants on what needs them today, client users in the portal. */
export function homePathFor(role: SessionRole): "/home" | "/portal" {
  return isConsultantRole(role) ? "/home" : "/portal";
}
