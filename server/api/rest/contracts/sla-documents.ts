import { z } from "zod";
import { ZLocale } from "../../../domain/locale";
import { ZSlaPeriodQuery } from "./sla";
import { ZIdParams, fileResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements/{id}/sla/report (PDF) and /sla/openslo (OpenSLO v1 YAML)

export const ZSlaReportQuery = ZSlaPeriodQuery.extend({
  lang: ZLocale.optional().meta({ description: "the report's language; the reader's own setting when absent" }),
});

export const ZOpenSloQuery = z.strictObject({});

const access = "The organisation's consultants and the engagement's client users; anyone else gets 404.";

export const slaDocumentOperations: RestOperation[] = [
  {
    operationId: "getSlaReport",
    method: "get",
    path: "/api/v1/engagements/{id}/sla/report",
    summary: "The SLA report for a period as PDF: per clause its terms, value against target, incidents and credits",
    description: access,
    params: ZIdParams,
    query: ZSlaReportQuery,
    responses: {
      "200": fileResponse("application/pdf", "A PDF"),
      "400": refusalResponse("A bad id, period or language"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
  {
    operationId: "getSlaOpenSlo",
    method: "get",
    path: "/api/v1/engagements/{id}/sla/openslo",
    summary: "The engagement's active SLA clauses as OpenSLO v1 SLO documents (multi-document YAML)",
    description: `${access} One \`kind: SLO\` document per active clause.`,
    params: ZIdParams,
    query: ZOpenSloQuery,
    responses: {
      "200": fileResponse("application/yaml", "OpenSLO v1 YAML"),
      "400": refusalResponse("A bad id"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown engagement, or one the caller may not see"),
    },
  },
];
