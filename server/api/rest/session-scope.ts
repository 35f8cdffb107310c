import { isConsultantRole } from "../../domain/roles";
import { resolveClientScope, resolveOrgScope, type ClientScope, type OrgScope } from "../../data/scope";
import type { SessionClaims } from "../../auth";
import { refused } from "./respond";

// The REST routes' first step: the session's tenant scope (a consultant's organisation or a
// client user's client), or the 401/403 answer. The same checks the tRPC procedures make.

export type ScopeOrResponse<S> = { scope: S; response?: undefined } | { scope?: undefined; response: Response };

export async function restScope(session: SessionClaims | null): Promise<ScopeOrResponse<OrgScope | ClientScope>> {
  if (!session) return { response: refused(401, "UNAUTHORIZED", ["sign in first"]) };
  const scope = isConsultantRole(session.role) ? await resolveOrgScope(session.userId) : await resolveClientScope(session.userId);
  return scope ? { scope } : { response: refused(401, "UNAUTHORIZED", ["your account is no longer active"]) };
}

/** Consultants only; `forbidden` says what client users may not do. */
export async function restConsultantScope(session: SessionClaims | null, forbidden: string): Promise<ScopeOrResponse<OrgScope>> {
  if (!session) return { response: refused(401, "UNAUTHORIZED", ["sign in first"]) };
  if (!isConsultantRole(session.role)) return { response: refused(403, "FORBIDDEN", [forbidden]) };
  const scope = await resolveOrgScope(session.userId);
  return scope ? { scope } : { response: refused(401, "UNAUTHORIZED", ["your account is no longer active"]) };
}
