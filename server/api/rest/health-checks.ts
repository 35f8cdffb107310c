import { getHealthCheck, listHealthChecks, type StoredHealthCheck } from "../../data/health-check/read";
import type { Locale } from "../../domain/locale";
import { messagesFor } from "../../i18n/messages";
import { renderHealthCheckPdf } from "../../services/pdf/health-check";
import { defaultProbeOptions, type ProbeOptions } from "../../services/probes/git-tag";
import type { SessionClaims } from "../../auth";
import { localeFor } from "../locale";
import { runAndRecordHealthCheck } from "../routers/health-check/run-and-record";
import {
  MAX_HEALTH_CHECK_BODY_BYTES,
  ZHealthCheckListQuery,
  ZHealthCheckPdfQuery,
  ZHealthCheckRequest,
  type HealthCheckListResponse,
  type HealthCheckResponse,
} from "./contracts/health-checks";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { attachment, errorResponse, json } from "./respond";
import { restConsultantScope } from "./session-scope";

// POST/GET /api/v1/engagements/{id}/health-checks and GET /api/v1/health-checks/{id}/pdf:
// consultants only (a session POST has passed the proxy's same-origin check). Stored items keep
// the advice as a catalog key; answers word it in the reader's language.

const FORBIDDEN = "only consultants run and read health checks";

/** A stored check as the API answers it: the advice worded in `locale`. */
export function healthCheckView(check: Omit<StoredHealthCheck, "engagementId">, locale: Locale): HealthCheckResponse {
  const advice = messagesFor(locale).healthCheck.advice;
  return {
    id: check.id,
    baseUrl: check.baseUrl,
    at: check.at,
    items: check.items.map(({ check: name, status, httpStatus, detail, advice: key }) => ({
      check: name,
      status,
      httpStatus,
      detail,
      advice: advice[key],
    })),
  };
}

const readerLocale = (session: SessionClaims | null, request: Request) =>
  localeFor(session, request.headers.get("accept-language"));

export async function runHealthCheckRest(
  session: SessionClaims | null,
  engagementId: string,
  request: Request,
  options: ProbeOptions = defaultProbeOptions(),
): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, FORBIDDEN);
  if (!scope) return response;
  const params = parseRequest(ZIdParams, { id: engagementId }, "path");
  if (!params.ok) return params.response;
  const body = await readJsonBody(request, MAX_HEALTH_CHECK_BODY_BYTES);
  if (!body.ok) return body.response;
  const input = parseRequest(ZHealthCheckRequest, body.value, "body");
  if (!input.ok) return input.response;
  try {
    const check = await runAndRecordHealthCheck(scope, params.data.id, input.data.baseUrl, options);
    return json(healthCheckView(check, await readerLocale(session, request)), 201);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function listHealthChecksRest(
  session: SessionClaims | null,
  engagementId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, FORBIDDEN);
  if (!scope) return response;
  const params = parseRequest(ZIdParams, { id: engagementId }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZHealthCheckListQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  try {
    const page = await listHealthChecks(scope, params.data.id, {
      cursor: query.data.cursor,
      limit: query.data.limit ?? 20,
    });
    const locale = await readerLocale(session, request);
    const body: HealthCheckListResponse = {
      healthChecks: page.items.map((check) => healthCheckView(check, locale)),
      nextCursor: page.nextCursor,
    };
    return json(body);
  } catch (error) {
    return errorResponse(error);
  }
}

export async function healthCheckPdfRest(
  session: SessionClaims | null,
  healthCheckId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restConsultantScope(session, FORBIDDEN);
  if (!scope) return response;
  const params = parseRequest(ZIdParams, { id: healthCheckId }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZHealthCheckPdfQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  try {
    const check = await getHealthCheck(scope, params.data.id);
    const locale = query.data.lang ?? (await readerLocale(session, request));
    const pdf = await renderHealthCheckPdf(
      { ...healthCheckView(check, locale), engagement: check.engagementTitle },
      locale,
    );
    return attachment(new Uint8Array(pdf), {
      type: "application/pdf",
      filename: `health-check-${check.at.slice(0, 10)}-${locale}.pdf`,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
