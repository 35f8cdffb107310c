import { zipSync, strToU8 } from "fflate";
import { madrFiles } from "../../domain/adr/madr";
import { listEngagementAdrs } from "../../data/adr/read";
import type { SessionClaims } from "../../auth";
import type { AdrListResponse } from "./contracts/adrs";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { attachment, errorResponse, json } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/adrs (JSON list) and /adrs/export (MADR files in a zip under
// docs/decisions/, as log4brains and adr-tools keep them), with the pages' access rules.

export async function adrsFor(session: SessionClaims | null, engagementId: string) {
  const { scope, response } = await restScope(session);
  if (response) return { response };
  const params = parseRequest(ZIdParams, { id: engagementId }, "path");
  if (!params.ok) return { response: params.response };
  try {
    return { found: await listEngagementAdrs(scope, params.data.id) };
  } catch (error) {
    return { response: errorResponse(error) };
  }
}

export async function listAdrsRest(session: SessionClaims | null, engagementId: string): Promise<Response> {
  const result = await adrsFor(session, engagementId);
  if (!result.found) return result.response;
  // date: null when unknown; importedStatus: the status an imported file gave, when not one of ours
  const body: AdrListResponse = {
    adrs: result.found.adrs.map((a) => ({
      number: a.number,
      title: a.title,
      status: a.status,
      importedStatus: a.importedStatus,
      date: a.date,
      supersededBy: a.supersededBy,
    })),
  };
  return json(body);
}

export async function exportAdrsRest(session: SessionClaims | null, engagementId: string): Promise<Response> {
  const result = await adrsFor(session, engagementId);
  if (!result.found) return result.response;
  const files = Object.fromEntries(
    madrFiles(result.found.adrs).map((f) => [`docs/decisions/${f.name}`, strToU8(f.content)]),
  );
  const zip = zipSync(files, { level: 6 });
  return attachment(new Uint8Array(zip), { type: "application/zip", filename: "decisions.zip" });
}
