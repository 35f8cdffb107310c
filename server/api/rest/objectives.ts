import type { SessionClaims } from "../../auth";
import { listObjectives } from "../../data/objective/read";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { errorResponse, json } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/objectives: for consultants and the engagement's client users; another
// tenant's engagement is not found.

export async function objectivesRest(session: SessionClaims | null, id: string): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    return json(await listObjectives(scope, params.data.id));
  } catch (error) {
    return errorResponse(error);
  }
}
