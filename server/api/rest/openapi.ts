import { z } from "zod";
import { adrOperations } from "./contracts/adrs";
import { approvalOperations } from "./contracts/approvals";
import { benchmarkReportOperations } from "./contracts/benchmark-report";
import { debtImportOperations } from "./contracts/debt-import";
import { ZEngagementSummary, ZRestMilestone, engagementOperations } from "./contracts/engagements";
import { evidenceOperations } from "./contracts/evidence";
import { healthOperations } from "./contracts/health";
import { healthCheckOperations } from "./contracts/health-checks";
import { invoiceOperations } from "./contracts/invoices";
import { maintenanceOperations } from "./contracts/maintenance";
import { milestoneOperations } from "./contracts/milestones";
import { objectiveOperations } from "./contracts/objectives";
import { proposalOperations } from "./contracts/proposals";
import { roiOperations } from "./contracts/roi";
import { ZRefusal, type RestOperation } from "./contracts/shared";
import { slaOperations } from "./contracts/sla";
import { slaDocumentOperations } from "./contracts/sla-documents";
import { slaMeasurementOperations } from "./contracts/sla-measurements";
import { usageOperations } from "./contracts/usage";
import { usageInvoiceOperations } from "./contracts/usage-invoices";

// The public REST API, described for integrators: generated from the zod schemas the handlers
// validate with (server/api/rest/contracts), so the description cannot drift from the code.

type JsonSchema = Record<string, unknown>;

/** Every documented operation, in the document's order. */
export const restOperations: readonly RestOperation[] = [
  ...engagementOperations,
  ...milestoneOperations,
  ...evidenceOperations,
  ...approvalOperations,
  ...invoiceOperations,
  ...adrOperations,
  ...benchmarkReportOperations,
  ...slaOperations,
  ...slaDocumentOperations,
  ...slaMeasurementOperations,
  ...debtImportOperations,
  ...roiOperations,
  ...proposalOperations,
  ...objectiveOperations,
  ...maintenanceOperations,
  ...usageOperations,
  ...usageInvoiceOperations,
  ...healthCheckOperations,
  ...healthOperations,
];

const components = new Map<z.ZodType, string>([
  [ZEngagementSummary, "EngagementSummary"],
  [ZRestMilestone, "Milestone"],
  [ZRefusal, "Refusal"],
]);

/**
 * `schema` as JSON Schema 2020-12 (OpenAPI 3.1's dialect), components as references unless it is the component
 * itself.
 */
function jsonSchema(schema: z.ZodType, io: "input" | "output", self?: string): JsonSchema {
  const { $schema: _dialect, ...result } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    override: ({ zodSchema, jsonSchema: generated, path }) => {
      const id = components.get(zodSchema as unknown as z.ZodType);
      if (!id || (id === self && path.length === 0)) return;
      for (const key of Object.keys(generated)) delete (generated as JsonSchema)[key];
      (generated as JsonSchema).$ref = `#/components/schemas/${id}`;
    },
  }) as JsonSchema;
  return result;
}

function parameters(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const { properties = {}, required = [] } = jsonSchema(schema, "input") as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === "path" || required.includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const content = (bodies: Record<string, z.ZodType>, io: "input" | "output") =>
  Object.fromEntries(
    Object.entries(bodies).map(([mediaType, schema]) => [mediaType, { schema: jsonSchema(schema, io) }]),
  );

function operation(op: RestOperation) {
  const params = [...parameters(op.params, "path"), ...parameters(op.query, "query")];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.security ? { security: op.security } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(op.requestBody ? { requestBody: { required: true, content: content(op.requestBody.content, "input") } } : {}),
    responses: Object.fromEntries(
      Object.entries(op.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.content ? { content: content(response.content, "output") } : {}),
        },
      ]),
    ),
  };
}

function paths(operations: readonly RestOperation[]) {
  const byPath: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const op of operations) (byPath[op.path] ??= {})[op.method] = operation(op);
  return byPath;
}

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Tollgate API",
    version: "1.0.0",
    description: "Read access to engagements and milestones. Authenticate with the session cookie of a signed-in user.",
  },
  servers: [{ url: "/" }],
  components: {
    securitySchemes: {
      sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      bearerToken: {
        type: "http",
        scheme: "bearer",
        description: "an engagement-scoped API token (tg_...), created on the engagement page",
      },
    },
    schemas: <Record<string, JsonSchema>>{
      ...Object.fromEntries([...components].map(([schema, id]) => [id, jsonSchema(schema, "output", id)])),
      // the name earlier versions of this document gave the same body
      Error: { $ref: "#/components/schemas/Refusal" },
    },
  },
  security: [{ sessionCookie: [] }],
  paths: paths(restOperations),
};
