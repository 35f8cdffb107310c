import { z } from "zod";
import { SLA_COMPARATORS, ZSlaClauseTerms, ZSlaMetric, termsShape } from "../../../domain/sla/terms";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// GET/POST /api/v1/engagements/{id}/sla/clauses and GET /api/v1/engagements/{id}/sla?period=…

export const ZSlaClauseBody = ZSlaClauseTerms;

export const ZSlaClauseResponse = z.object({
  ...termsShape,
  credit: termsShape.credit.nullable().meta({
    description: "null for a client viewer of an engagement that hides amounts from viewers",
  }),
  id: z.string(),
  engagementId: z.string(),
  version: z.int().meta({ description: "the terms' version; a change after measurements exist starts the next" }),
  measured: z.boolean().meta({ description: "measurements exist, so an edit starts the next version" }),
  retiredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const ZSlaClauseListResponse = z.object({ clauses: z.array(ZSlaClauseResponse) });

export const ZSlaClauseListQuery = z.strictObject({
  includeRetired: z.enum(["true", "false"]).optional(),
});

export const ZSlaPeriodQuery = z.strictObject({
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, "a period is YYYY-MM, YYYY-Qn or YYYY")
    .optional()
    .meta({ description: "YYYY-MM, YYYY-Qn or YYYY; the current month (UTC) when absent", example: "2026-11" }),
});

const ZIncident = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  windows: z.int(),
  creditMinor: z
    .int()
    .nullable()
    .meta({ description: "integer minor units; null when amounts are hidden from the caller" }),
});

export const ZClauseCompliance = z.object({
  id: z.string(),
  title: z.string(),
  metric: ZSlaMetric,
  target: z.number(),
  comparator: z.enum(SLA_COMPARATORS),
  unit: z.string(),
  period: z.object({ key: z.string(), from: z.iso.datetime(), to: z.iso.datetime() }),
  value: z.number().nullable().meta({ description: "the period's value; null when there is no data" }),
  met: z.boolean().nullable(),
  windows: z.object({ total: z.int(), breached: z.int(), noData: z.int(), excluded: z.int() }),
  incidents: z.array(ZIncident),
  creditMinor: z.int().nullable().meta({ description: "null when amounts are hidden from the caller" }),
  capped: z.boolean(),
  creditApplies: z.boolean().meta({ description: "the clause's own period kind is the one asked for" }),
  version: z.int(),
});

export const ZSlaComplianceResponse = z.object({
  engagementId: z.string(),
  period: z.string(),
  currency: z.string(),
  clauses: z.array(ZClauseCompliance),
  totalCreditMinor: z.int().nullable().meta({ description: "null when amounts are hidden from the caller" }),
});

export const slaOperations: RestOperation[] = [
  {
    operationId: "listSlaClauses",
    method: "get",
    path: "/api/v1/engagements/{id}/sla/clauses",
    summary: "The engagement's SLA clauses",
    description: "Consultants and the engagement's client users. Retired clauses only with includeRetired=true.",
    params: ZIdParams,
    query: ZSlaClauseListQuery,
    responses: {
      "200": jsonResponse(ZSlaClauseListResponse, "The clauses, oldest first"),
      "400": refusalResponse("A bad id or query"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
  {
    operationId: "createSlaClause",
    method: "post",
    path: "/api/v1/engagements/{id}/sla/clauses",
    summary: "Add an SLA clause",
    description: "Consultants only. The terms are validated as a whole; each problem is named in reasons.",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZSlaClauseBody } },
    responses: {
      "201": jsonResponse(ZSlaClauseResponse, "The clause, version 1"),
      "400": refusalResponse("A bad id or a body that is not JSON"),
      "401": refusalResponse("No session"),
      "403": refusalResponse("A client user"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
      "413": refusalResponse("The body is too large"),
      "415": refusalResponse("The body is not JSON"),
      "422": refusalResponse("Terms that do not hold, each named"),
    },
  },
  {
    operationId: "getSlaCompliance",
    method: "get",
    path: "/api/v1/engagements/{id}/sla",
    summary: "SLA compliance and credits for a period",
    description:
      "Per clause: the period's value, met, windows, incidents and credit; computed from the stored measurements.",
    params: ZIdParams,
    query: ZSlaPeriodQuery,
    responses: {
      "200": jsonResponse(ZSlaComplianceResponse, "The compliance report"),
      "400": refusalResponse("A bad id or period"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
];
