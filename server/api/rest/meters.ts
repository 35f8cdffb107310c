import type { z } from "zod";
import { createMeter, listMeters } from "../../data/usage/meters";
import type { SessionClaims } from "../../auth";
import { MAX_METER_BODY_BYTES, ZMeterBody, type ZMeterListResponse, type ZMeterResponse } from "./contracts/usage";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { errorResponse, json } from "./respond";
import { restConsultantScope, restScope } from "./session-scope";

// POST /api/v1/engagements/{id}/meters (consultants) and GET (consultants and the engagement's
// client users): the engagement's usage meters.

export async function createMeterRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restConsultantScope(session, "only the consultant defines usage meters");
  if (!scope) return response;
  const body = await readJsonBody(request, MAX_METER_BODY_BYTES);
  if (!body.ok) return body.response;
  const input = parseRequest(ZMeterBody, body.value, "body");
  if (!input.ok) return input.response;
  try {
    const meter: z.infer<typeof ZMeterResponse> = await createMeter(scope, params.data.id, input.data);
    return json(meter, 201);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function listMetersRest(session: SessionClaims | null, id: string): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const meters: z.infer<typeof ZMeterListResponse> = await listMeters(scope, params.data.id);
    return json(meters);
  } catch (error) {
    return errorResponse(error);
  }
}
