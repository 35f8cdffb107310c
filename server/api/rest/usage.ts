import type { z } from "zod";
import { bearerToken } from "../../domain/api-token";
import { MAX_EVENTS_PER_BATCH, ZUsageEnvelope } from "../../domain/usage/events";
import { resolveTokenScope } from "../../data/organisation/api-tokens";
import { ingestUsage } from "../../data/usage/ingest";
import { usageAsSeen, usageReport } from "../../data/usage/report";
import type { SessionClaims } from "../../auth";
import { MAX_USAGE_BODY_BYTES, ZUsageQuery, type ZUsageIngestResponse, ZUsageReportResponse } from "./contracts/usage";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";
import { restScope } from "./session-scope";

// POST /api/v1/usage: a pipeline's usage events, with its engagement's API token only (a person
// never posts usage); GET /api/v1/engagements/{id}/usage?period=YYYY-MM: the period's report.

const TOKEN_ONLY = "usage is recorded with an engagement API token (Authorization: Bearer tg_...), not a session";

/** The number of events, read before anything else looks at them (null: not an {events: [...]} body). */
function eventCount(body: unknown): number | null {
  if (typeof body !== "object" || body === null || !("events" in body)) return null;
  return Array.isArray(body.events) ? body.events.length : null;
}

export async function postUsageRest(session: SessionClaims | null, request: Request): Promise<Response> {
  const authorization = request.headers.get("authorization");
  if (!authorization)
    return session ? refused(403, "FORBIDDEN", [TOKEN_ONLY]) : refused(401, "UNAUTHORIZED", [TOKEN_ONLY]);
  const token = bearerToken(authorization);
  const scope = token ? await resolveTokenScope(token) : null;
  if (!scope)
    return refused(401, "UNAUTHORIZED", ["a valid, unrevoked API token is required (Authorization: Bearer tg_...)"]);
  const body = await readJsonBody(request, MAX_USAGE_BODY_BYTES);
  if (!body.ok) return body.response;
  if ((eventCount(body.value) ?? 0) > MAX_EVENTS_PER_BATCH)
    return refused(413, "PAYLOAD_TOO_LARGE", [
      `at most ${MAX_EVENTS_PER_BATCH.toLocaleString("en")} events per request: send them in several requests`,
    ]);
  const envelope = parseRequest(ZUsageEnvelope, body.value, "body");
  if (!envelope.ok) return envelope.response;
  try {
    const answer = await ingestUsage(scope, envelope.data.events);
    if (!answer.ok) return json({ error: "UNPROCESSABLE", reasons: answer.reasons, index: answer.index }, 422);
    const result: z.infer<typeof ZUsageIngestResponse> = { accepted: answer.accepted, replayed: answer.replayed };
    return json(result);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function usageReportRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZUsageQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    // parsed, not only typed: the answer carries exactly the documented fields
    return json(ZUsageReportResponse.parse(usageAsSeen(await usageReport(scope, params.data.id, query.data.period))));
  } catch (error) {
    return errorResponse(error);
  }
}
