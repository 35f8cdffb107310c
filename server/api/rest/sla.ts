import type { z } from "zod";
import { createSlaClause, listSlaClauses, type SlaClauseView } from "../../data/sla/clauses";
import { engagementCompliance } from "../../data/sla/compliance";
import type { SessionClaims } from "../../auth";
import { ZSlaClauseBody, ZSlaClauseListQuery, ZSlaPeriodQuery, type ZSlaClauseResponse } from "./contracts/sla";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";
import { restConsultantScope, restScope } from "./session-scope";

// The engagement's SLA clauses and its compliance for a period, over REST. Terms that do not hold
// answer 422 naming each problem; nothing is stored.

const MAX_CLAUSE_BODY_BYTES = 256 * 1024;

const clauseBody = (clause: SlaClauseView): z.infer<typeof ZSlaClauseResponse> => clause;

export async function listSlaClausesRest(session: SessionClaims | null, id: string, request: Request) {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZSlaClauseListQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const clauses = await listSlaClauses(scope, params.data.id, {
      includeRetired: query.data.includeRetired === "true",
    });
    return json({ clauses: clauses.map(clauseBody) });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function createSlaClauseRest(session: SessionClaims | null, id: string, request: Request) {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restConsultantScope(session, "only the consultant defines SLA clauses");
  if (!scope) return response;
  const body = await readJsonBody(request, MAX_CLAUSE_BODY_BYTES);
  if (!body.ok) return body.response;
  const terms = ZSlaClauseBody.safeParse(body.value);
  if (!terms.success)
    return refused(
      422,
      "INVALID_TERMS",
      terms.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`),
    );
  try {
    return json(clauseBody(await createSlaClause(scope, params.data.id, terms.data)), 201);
  } catch (error) {
    return errorResponse(error);
  }
}

/** The current month in UTC: the period a caller means when they name none. */
const currentMonth = (now: Date) => now.toISOString().slice(0, 7);

export async function slaComplianceRest(session: SessionClaims | null, id: string, request: Request) {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZSlaPeriodQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    return json(await engagementCompliance(scope, params.data.id, query.data.period ?? currentMonth(new Date())));
  } catch (error) {
    return errorResponse(error);
  }
}
