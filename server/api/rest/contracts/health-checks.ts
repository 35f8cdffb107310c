import { z } from "zod";
import { ZHealthCheckRequest, ZHealthCheckView } from "../../../domain/health-check/items";
import { LOCALES } from "../../../domain/locale";
import { ZEntityId } from "../../../domain/schemas";
import { MAX_HEALTH_CHECK_PAGE } from "../../../data/health-check/read";
import { ZIdParams, fileResponse, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// POST and GET /api/v1/engagements/{id}/health-checks, GET /api/v1/health-checks/{id}/pdf

export const MAX_HEALTH_CHECK_BODY_BYTES = 16 * 1024;

export { ZHealthCheckRequest };
export type HealthCheckResponse = z.infer<typeof ZHealthCheckView>;

const PAGE_LIMIT = { error: `a whole number from 1 to ${MAX_HEALTH_CHECK_PAGE}` };
// a query value is text: only digits make a number
const digitsToNumber = (value: unknown) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value);

export const ZHealthCheckListQuery = z.object({
  cursor: ZEntityId.optional().meta({ description: "nextCursor of the page before" }),
  limit: z
    .preprocess(digitsToNumber, z.int(PAGE_LIMIT).min(1, PAGE_LIMIT).max(MAX_HEALTH_CHECK_PAGE, PAGE_LIMIT))
    .optional()
    .meta({ description: `checks per page (20 unless given, at most ${MAX_HEALTH_CHECK_PAGE})` }),
});

export const ZHealthCheckListResponse = z.object({
  healthChecks: z.array(ZHealthCheckView).meta({ description: "newest first" }),
  nextCursor: z.string().nullable().meta({ description: "null on the last page" }),
});
export type HealthCheckListResponse = z.infer<typeof ZHealthCheckListResponse>;

export const ZHealthCheckPdfQuery = z.object({
  lang: z.enum(LOCALES).optional().meta({ description: "the document's language (the reader's otherwise)" }),
});

const ADVICE_LANGUAGE =
  "Each item's advice is one line in the reader's language (the user's setting, else Accept-Language: en or zh-CN).";

export const healthCheckOperations: RestOperation[] = [
  {
    operationId: "runHealthCheck",
    method: "post",
    path: "/api/v1/engagements/{id}/health-checks",
    summary: "Run a first-meeting health check of the client's service and keep it",
    description:
      "Only observability endpoints are requested, through the SSRF-guarded prober: GET /metrics (Prometheus " +
      "text), GET /debug/pprof/heap, GET /healthz (and /health only when /healthz answers 404); the Go version is " +
      "read from their X-Go-Version or Server headers, or from one HEAD of the base URL when none named it. Bodies " +
      "are counted, never stored. Only https hosts with public addresses are contacted unless the server runs with " +
      "TOLLGATE_ALLOW_LOCAL_NETWORK=1 (loopback, plain http); another address is refused (422) and nothing is " +
      "stored. Redirects are reported, never followed. A service that does not answer fails every item with the " +
      `reason as its detail. ${ADVICE_LANGUAGE}`,
    params: ZIdParams,
    requestBody: { content: { "application/json": ZHealthCheckRequest } },
    responses: {
      "201": jsonResponse(ZHealthCheckView, "The check as stored: pass (present and well-formed), warn (absent), fail"),
      "400": refusalResponse(
        "Not JSON, or baseUrl missing, not an http(s) URL, or carrying a user, password, query or fragment (the field is named)",
      ),
      "401": refusalResponse("No session"),
      "403": refusalResponse("Client users do not run health checks"),
      "404": refusalResponse("Unknown engagement, or one of another organisation"),
      "413": refusalResponse(`Body over ${MAX_HEALTH_CHECK_BODY_BYTES} bytes`),
      "415": refusalResponse("Not sent as application/json"),
      "422": refusalResponse(
        "The address may not be contacted (not public, not https, does not resolve): nothing stored",
      ),
    },
  },
  {
    operationId: "listHealthChecks",
    method: "get",
    path: "/api/v1/engagements/{id}/health-checks",
    summary: "The engagement's health checks, newest first, a page at a time",
    description: ADVICE_LANGUAGE,
    params: ZIdParams,
    query: ZHealthCheckListQuery,
    responses: {
      "200": jsonResponse(ZHealthCheckListResponse, "A page of checks"),
      "400": refusalResponse("The id, cursor or limit is malformed"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("Client users do not read health checks"),
      "404": refusalResponse("Unknown engagement or cursor, or one of another organisation"),
    },
  },
  {
    operationId: "getHealthCheckPdf",
    method: "get",
    path: "/api/v1/health-checks/{id}/pdf",
    summary: "A health check as a one-page PDF for the meeting (title, base URL, time, the items with their advice)",
    params: ZIdParams,
    query: ZHealthCheckPdfQuery,
    responses: {
      "200": fileResponse("application/pdf", "A one-page PDF"),
      "400": refusalResponse("lang is not en or zh-CN"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("Client users do not read health checks"),
      "404": refusalResponse("Unknown health check, or one of another organisation"),
    },
  },
];
