import { resolveSessionScope, type ClientScope, type OrgScope } from "../../data/scope";
import type { SessionClaims } from "../../auth";
import { SESSION_ENDED_MESSAGE } from "../trpc";
import { refused } from "./respond";

// The REST routes' first step: the session's tenant scope (a consultant's organisation or a
// client user's client), or the 401/403 answer. The same checks the tRPC procedures make.

export type ScopeOrResponse<S> = { scope: S; response?: undefined } | { scope?: undefined; response: Response };

export async function restScope(session: SessionClaims | null): Promise<ScopeOrResponse<OrgScope | ClientScope>> {
  if (!session) return { response: refused(401, "UNAUTHORIZED", ["sign in first"]) };
  const actor = await resolveSessionScope(session);
  return actor ? { scope: actor.scope } : { response: refused(401, "UNAUTHORIZED", [SESSION_ENDED_MESSAGE]) };
}

/** Consultants only; `forbidden` says what client users may not do. */
export async function restConsultantScope(
  session: SessionClaims | null,
  forbidden: string,
): Promise<ScopeOrResponse<OrgScope>> {
  if (!session) return { response: refused(401, "UNAUTHORIZED", ["sign in first"]) };
  const actor = await resolveSessionScope(session);
  if (!actor) return { response: refused(401, "UNAUTHORIZED", [SESSION_ENDED_MESSAGE]) };
  return actor.kind === "org" ? { scope: actor.scope } : { response: refused(403, "FORBIDDEN", [forbidden]) };
}
