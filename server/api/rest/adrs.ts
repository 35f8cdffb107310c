import { zipSync, strToU8 } from "fflate";
import { madrFiles } from "../../domain/adr/madr";
import { isConsultantRole } from "../../domain/roles";
import { listEngagementAdrs } from "../../data/adr-read";
import { resolveClientScope, resolveOrgScope } from "../../data/scope";
import type { SessionClaims } from "../../auth";
import { json } from "./respond";

// GET /api/v1/engagements/{id}/adrs (JSON list) and /adrs/export (MADR files in a zip under
// docs/decisions/, as log4brains and adr-tools keep them), with the pages' access rules.

export async function adrsFor(session: SessionClaims | null, engagementId: string) {
  if (!session) return { response: json({ error: "UNAUTHORIZED", reasons: ["sign in first"] }, 401) };
  const scope = isConsultantRole(session.role) ? await resolveOrgScope(session.userId) : await resolveClientScope(session.userId);
  if (!scope) return { response: json({ error: "UNAUTHORIZED", reasons: ["your account is no longer active"] }, 401) };
  const found = await listEngagementAdrs(scope, engagementId);
  if (!found) return { response: json({ error: "NOT_FOUND", reasons: ["engagement not found"] }, 404) };
  return { found };
}

export async function listAdrsRest(session: SessionClaims | null, engagementId: string): Promise<Response> {
  const result = await adrsFor(session, engagementId);
  if (!result.found) return result.response;
  return json({ adrs: result.found.adrs.map((a) => ({ number: a.number, title: a.title, status: a.status, supersededBy: a.supersededBy })) });
}

export async function exportAdrsRest(session: SessionClaims | null, engagementId: string): Promise<Response> {
  const result = await adrsFor(session, engagementId);
  if (!result.found) return result.response;
  const files = Object.fromEntries(madrFiles(result.found.adrs).map((f) => [`docs/decisions/${f.name}`, strToU8(f.content)]));
  const zip = zipSync(files, { level: 6 });
  return new Response(new Uint8Array(zip), {
    headers: { "content-type": "application/zip", "content-disposition": 'attachment; filename="decisions.zip"', "cache-control": "private, no-store" },
  });
}
