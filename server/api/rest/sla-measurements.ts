import { bearerToken } from "../../domain/api-token";
import { checkMeasurements, exceedsItemLimit, ZMeasurementEnvelope } from "../../domain/sla/measurements";
import { resolveTokenScope } from "../../data/organisation/api-tokens";
import { clauseForMeasurements, ingestMeasurements, type MeasurementActor } from "../../data/sla/ingest";
import type { SessionClaims } from "../../auth";
import { MAX_MEASUREMENT_BODY_BYTES, type MeasurementResponse } from "./contracts/sla-measurements";
import { parseRequest } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json, refused } from "./respond";
import { restConsultantScope } from "./session-scope";

// POST /api/v1/sla/measurements: a bearer token (monitoring, CI; limited to its engagement's clauses)
// or a consultant's session (the proxy has already refused a cross-site request carrying it).

async function measurementActor(
  session: SessionClaims | null,
  request: Request,
): Promise<{ actor: MeasurementActor; response?: undefined } | { actor?: undefined; response: Response }> {
  const authorization = request.headers.get("authorization");
  if (authorization) {
    const token = bearerToken(authorization);
    const scope = token ? await resolveTokenScope(token) : null;
    if (!scope)
      return {
        response: refused(401, "UNAUTHORIZED", [
          "a valid, unrevoked API token is required (Authorization: Bearer tg_...)",
        ]),
      };
    return { actor: { kind: "api_token", scope } };
  }
  const { scope, response } = await restConsultantScope(session, "only consultants and API tokens record measurements");
  return response ? { response } : { actor: { kind: "user", scope } };
}

export async function postSlaMeasurements(session: SessionClaims | null, request: Request): Promise<Response> {
  const { actor, response } = await measurementActor(session, request);
  if (response) return response;
  const body = await readJsonBody(request, MAX_MEASUREMENT_BODY_BYTES);
  if (!body.ok) return body.response;
  const envelope = parseRequest(ZMeasurementEnvelope, body.value, "body");
  if (!envelope.ok) return envelope.response;
  if (exceedsItemLimit(envelope.data))
    return refused(413, "PAYLOAD_TOO_LARGE", ["at most 100,000 items per request: send them in several requests"]);
  try {
    const clause = await clauseForMeasurements(actor, envelope.data.clauseId);
    const checked = checkMeasurements(clause.metric, envelope.data);
    if (!checked.ok) return refused(422, "UNPROCESSABLE", checked.reasons);
    const result: MeasurementResponse = await ingestMeasurements(actor, {
      clauseId: clause.id,
      idempotencyKey: envelope.data.idempotencyKey,
      source: "api",
      measurements: checked.measurements,
    });
    return json(result, result.replayed ? 200 : 201);
  } catch (error) {
    return errorResponse(error);
  }
}
