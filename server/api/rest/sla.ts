import type { z } from "zod";
import { createSlaClause, listSlaClauses, type SlaClauseView } from "../../data/sla/clauses";
import { engagementCompliance } from "../../data/sla/compliance";
import { findClientEngagement } from "../../data/engagement/read";
import type { ClientScope, OrgScope } from "../../data/scope";
import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import { withoutCredits, type EngagementSlaReport } from "../../domain/sla/report";
import type { SessionClaims } from "../../auth";
import {
  ZSlaClauseBody,
  ZSlaClauseListQuery,
  ZSlaPeriodQuery,
  type ZSlaClauseResponse,
  type ZSlaComplianceResponse,
} from "./contracts/sla";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";
import { restConsultantScope, restScope } from "./session-scope";

// The engagement's SLA clauses and its compliance for a period, over REST. Terms that do not hold
// answer 422 naming each problem; nothing is stored.

const MAX_CLAUSE_BODY_BYTES = 256 * 1024;

type ClauseBody = z.infer<typeof ZSlaClauseResponse>;
type ComplianceBody = z.infer<typeof ZSlaComplianceResponse>;

/** Whether the caller sees money on this engagement: not a client viewer the engagement hides amounts from. */
async function showsAmounts(scope: OrgScope | ClientScope, engagementId: string): Promise<boolean> {
  if (!("clientId" in scope)) return true;
  return seesAmounts(amountReaderOf(scope), await findClientEngagement(scope, engagementId));
}

const clauseBody = (clause: SlaClauseView, show: boolean): ClauseBody => (show ? clause : { ...clause, credit: null });

const complianceBody = (report: EngagementSlaReport, show: boolean): ComplianceBody =>
  show ? report : withoutCredits(report);

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
    const show = await showsAmounts(scope, params.data.id);
    return json({ clauses: clauses.map((clause) => clauseBody(clause, show)) });
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
    return json(clauseBody(await createSlaClause(scope, params.data.id, terms.data), true), 201);
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
    const report = await engagementCompliance(scope, params.data.id, query.data.period ?? currentMonth(new Date()));
    return json(complianceBody(report, await showsAmounts(scope, params.data.id)));
  } catch (error) {
    return errorResponse(error);
  }
}
