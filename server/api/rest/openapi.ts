// The public REST API, described for integrators. Kept beside the handlers it documents.

import { FILE_VERIFIER_KINDS } from "../../domain/evidence/kinds";

const errorBody = {
  type: "object",
  required: ["error"],
  properties: { error: { type: "object", required: ["code", "message"], properties: { code: { type: "string" }, message: { type: "string" } } } },
};
const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: errorBody } } });

const refusalBody = {
  type: "object",
  required: ["error", "reasons"],
  properties: { error: { type: "string", description: "machine-readable code" }, reasons: { type: "array", minItems: 1, items: { type: "string" } } },
};
const refusalResponse = (description: string) => ({ description, content: { "application/json": { schema: refusalBody } } });


const evidenceResult = {
  type: "object",
  required: ["evidenceId", "sha256", "sizeBytes", "milestoneState", "verifications"],
  properties: {
    evidenceId: { type: "string" },
    sha256: { type: "string" },
    sizeBytes: { type: "integer" },
    milestoneState: { type: "string" },
    verifications: {
      type: "array",
      items: {
        type: "object",
        properties: {
          requirementId: { type: ["string", "null"] },
          verdict: { type: "string", enum: ["pass", "fail"] },
          metrics: { type: "object", description: "coverage figures {covered, total, pct}; junit counts; go-bench benchmarks" },
          reasons: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};
const multipartEvidence = (withMilestone: boolean) => ({
  required: true,
  content: {
    "multipart/form-data": {
      schema: {
        type: "object",
        required: [...(withMilestone ? ["milestoneId"] : []), "kind", "file"],
        properties: {
          ...(withMilestone ? { milestoneId: { type: "string" } } : {}),
          kind: { type: "string", enum: [...FILE_VERIFIER_KINDS] },
          file: { type: "string", format: "binary", description: "plain or gzip, at most 200 MB" },
        },
      },
    },
  },
});

const engagementSummary = {
  type: "object",
  required: ["id", "title", "client", "currency", "feeMinor", "startDate", "status"],
  properties: {
    id: { type: "string" },
    title: { type: "string" },
    client: { type: "string", description: "client name" },
    currency: { type: "string", description: "ISO 4217 code", example: "CNY" },
    feeMinor: {
      type: ["integer", "null"],
      description: "fee in integer minor units (CNY 1,000,000.00 is 100000000); null for portal viewers when amounts are hidden",
    },
    startDate: { type: "string", format: "date" },
    status: { type: "string", enum: ["draft", "active", "completed", "cancelled"] },
  },
};

const milestone = {
  type: "object",
  required: ["id", "key", "title", "shareBp", "amountMinor", "state"],
  properties: {
    id: { type: "string" },
    key: { type: "string", description: "template keys: review, poc, delivery, upgrade" },
    title: { type: "string" },
    shareBp: { type: "integer", description: "share of the fee in basis points (10000 = 100%)" },
    amountMinor: { type: ["integer", "null"], description: "amount in integer minor units" },
    state: {
      type: "string",
      enum: ["planned", "in_progress", "submitted", "verified", "approved", "invoiced", "paid", "changes_requested", "cancelled"],
    },
  },
};

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
      bearerToken: { type: "http", scheme: "bearer", description: "an engagement-scoped API token (tg_...), created on the engagement page" },
    },
    schemas: { EngagementSummary: engagementSummary, Milestone: milestone, Error: errorBody, Refusal: refusalBody },
  },
  security: [{ sessionCookie: [] }],
  paths: {
    "/api/v1/engagements": {
      get: {
        summary: "Engagements visible to the caller",
        description: "A consultant sees the organisation's engagements; a client user those of their own client.",
        responses: {
          "200": {
            description: "The engagements",
            content: {
              "application/json": {
                schema: { type: "object", required: ["engagements"], properties: { engagements: { type: "array", items: { $ref: "#/components/schemas/EngagementSummary" } } } },
              },
            },
          },
          "401": errorResponse("No session"),
        },
      },
    },
    "/api/v1/engagements/{id}": {
      get: {
        summary: "One engagement with its milestones",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "The engagement",
            content: {
              "application/json": {
                schema: {
                  allOf: [
                    { $ref: "#/components/schemas/EngagementSummary" },
                    { type: "object", required: ["milestones"], properties: { milestones: { type: "array", items: { $ref: "#/components/schemas/Milestone" } } } },
                  ],
                },
              },
            },
          },
          "401": errorResponse("No session"),
          "404": errorResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/milestones/{id}/transitions": {
      post: {
        summary: "Move a milestone through its state machine",
        description:
          "Consultants start, submit, verify, invoice and cancel; client approvers approve and request changes. A guard refusal answers 409 with one reason per unmet condition. Reusing an idempotency key returns the first answer; the same key with another body is a 422.",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                required: ["action", "idempotencyKey"],
                properties: {
                  action: { type: "string", enum: ["start", "submit", "verify", "approve", "request_changes", "invoice", "cancel"] },
                  idempotencyKey: { type: "string", minLength: 8, maxLength: 100, pattern: "^[A-Za-z0-9._:-]+$" },
                  comment: { type: "string", maxLength: 4000, description: "required for request_changes" },
                  evidenceSha256: {
                    type: "array",
                    items: { type: "string", pattern: "^[0-9a-f]{64}$" },
                    description: "approve: the SHA-256 of every evidence item the approver was shown",
                  },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The milestone's new state",
            content: { "application/json": { schema: { type: "object", required: ["state", "milestoneId", "version"], properties: { state: { type: "string" }, milestoneId: { type: "string" }, version: { type: "integer" } } } } },
          },
          "400": refusalResponse("Malformed body, unknown fields, or a missing comment (COMMENT_REQUIRED)"),
          "401": refusalResponse("No session"),
          "403": refusalResponse("The caller's role may not take this action"),
          "404": refusalResponse("Unknown milestone, or one the caller may not see"),
          "409": refusalResponse("GATE_CLOSED (one reason per unmet requirement), INVALID_TRANSITION (names the current state), EVIDENCE_CHANGED, or CONFLICT (a lost race)"),
          "413": refusalResponse("Body larger than 16 KiB"),
          "422": refusalResponse("IDEMPOTENCY_MISMATCH: the key was used for a different request"),
        },
      },
    },
    "/api/v1/evidence": {
      post: {
        summary: "CI evidence: store a file, verify it against the milestone's gate, attach the result",
        security: [{ bearerToken: [] }],
        requestBody: multipartEvidence(true),
        responses: {
          "201": { description: "Stored and verified", content: { "application/json": { schema: evidenceResult } } },
          "400": refusalResponse("Missing file, unknown kind"),
          "401": refusalResponse("Missing, unknown or revoked token"),
          "404": refusalResponse("The milestone is not in the token's engagement"),
          "413": refusalResponse("Body larger than the upload limit (refused before it is read)"),
          "415": refusalResponse("Not multipart/form-data"),
          "422": refusalResponse("INVALID_EVIDENCE: the file is empty, truncated, malformed or hostile; nothing is kept"),
        },
      },
    },
    "/api/v1/milestones/{id}/evidence": {
      post: {
        summary: "Attach evidence from the app (session cookie, consultants)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: multipartEvidence(false),
        responses: {
          "201": { description: "Stored and verified", content: { "application/json": { schema: evidenceResult } } },
          "400": refusalResponse("Missing file, unknown kind"),
          "401": refusalResponse("No session"),
          "403": refusalResponse("Client users cannot attach evidence"),
          "404": refusalResponse("Unknown milestone, or one the caller may not see"),
          "413": refusalResponse("Body larger than the upload limit"),
          "422": refusalResponse("INVALID_EVIDENCE"),
        },
      },
    },
    "/api/v1/evidence/{id}/download": {
      get: {
        summary: "The stored artifact, byte for byte, as an attachment",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The file", content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown evidence, or evidence the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/approvals": {
      get: {
        summary: "The engagement's approval log: every decision with who, when, comment and the evidence SHA-256 set",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv", "pdf"], default: "json" } },
        ],
        responses: {
          "200": {
            description: "JSON, or an attachment (CSV with formula-like cells neutralised; PDF)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    engagement: { type: "string" },
                    client: { type: "string" },
                    entries: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          milestoneTitle: { type: "string" },
                          type: { type: "string", enum: ["approved", "changes_requested", "deemed"] },
                          by: { type: ["string", "null"] },
                          comment: { type: "string" },
                          evidenceHashes: { type: "array", items: { type: "string" } },
                          voided: { type: "boolean" },
                          createdAt: { type: "string", format: "date-time" },
                        },
                      },
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
              "application/pdf": { schema: { type: "string", format: "binary" } },
            },
          },
          "400": refusalResponse("Unknown format"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/invoices": {
      get: {
        summary: "Invoices and credit notes the caller may see (a consultant's organisation, a client user's client)",
        parameters: [{ name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv"], default: "json" } }],
        responses: {
          "200": {
            description: "Amounts in integer minor units (CSV: decimal strings; formula-like cells neutralised)",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    invoices: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          number: { type: "string" },
                          kind: { type: "string", enum: ["invoice", "credit_note"] },
                          credits: { type: ["string", "null"] },
                          engagement: { type: "string" },
                          client: { type: "string" },
                          status: { type: "string", enum: ["issued", "partially_paid", "paid", "void"] },
                          overdue: { type: "boolean" },
                          currency: { type: "string" },
                          subtotalMinor: { type: "integer" },
                          taxMinor: { type: "integer" },
                          totalMinor: { type: "integer" },
                          paidMinor: { type: "integer" },
                          issueDate: { type: "string", format: "date" },
                          dueDate: { type: "string", format: "date" },
                          pdfSha256: { type: ["string", "null"] },
                        },
                      },
                    },
                  },
                },
              },
              "text/csv": { schema: { type: "string" } },
            },
          },
          "400": refusalResponse("Unknown format"),
          "401": refusalResponse("No session"),
        },
      },
    },
    "/api/v1/invoices/{id}/pdf": {
      get: {
        summary: "The issued PDF, byte for byte as stored when the invoice was issued (its SHA-256 is in the audit log)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "The PDF as an attachment", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown invoice, or one the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs": {
      get: {
        summary: "The engagement's architecture decision records (client users: the accepted ones)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": {
            description: "ADRs in number order",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    adrs: {
                      type: "array",
                      items: {
                        type: "object",
                        properties: {
                          number: { type: "integer" },
                          title: { type: "string" },
                          status: { type: "string", enum: ["proposed", "accepted", "rejected", "deprecated", "superseded"] },
                          supersededBy: { type: ["integer", "null"] },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs/export": {
      get: {
        summary: "The ADRs as MADR markdown files (NNNN-title-slug.md under docs/decisions/) in a zip",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "A zip archive", content: { "application/zip": { schema: { type: "string", format: "binary" } } } },
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs/import": {
      post: {
        summary: "Import ADR files (MADR or adr-tools, named NNNN-title.md): a zip, or a folder's files as multipart parts",
        description:
          "Numbers and statuses are kept; supersede links are restored by number. A number the engagement already has is reported for that file. Archives with paths outside their root, more than 500 entries, a file over 1 MiB or more than 20 MiB unpacked are refused whole. Bodies are limited to 8 MiB.",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/zip": { schema: { type: "string", format: "binary" } },
            "multipart/form-data": { schema: { type: "object", properties: { files: { type: "array", items: { type: "string", format: "binary" } } } } },
          },
        },
        responses: {
          "200": {
            description: "What was imported, and each file that was not, with the reason",
            content: { "application/json": { schema: { type: "object", properties: { imported: { type: "array", items: { type: "integer" } }, problems: { type: "array", items: { type: "object", properties: { file: { type: "string" }, reason: { type: "string" } } } } } } } },
          },
          "400": refusalResponse("Not a zip or multipart body, or an archive refused (path outside its root, too many entries or bytes)"),
          "401": refusalResponse("No session"),
          "403": refusalResponse("Client users do not import ADRs"),
          "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
          "413": refusalResponse("Body over 8 MiB"),
        },
      },
    },
    "/api/v1/engagements/{id}/adrs/pdf": {
      get: {
        summary: "The ADR log (contents, supersede links, each ADR with its validation verdict) or one ADR as PDF",
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "string" } },
          { name: "number", in: "query", required: false, schema: { type: "integer", minimum: 1 }, description: "one ADR instead of the whole log" },
        ],
        responses: {
          "200": { description: "A PDF", content: { "application/pdf": { schema: { type: "string", format: "binary" } } } },
          "400": refusalResponse("number is not a positive integer"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown engagement or ADR, or one the caller may not see"),
        },
      },
    },
    "/api/health": {
      get: {
        summary: "Liveness and database reachability",
        security: [],
        responses: {
          "200": { description: "Database reachable", content: { "application/json": { schema: { type: "object", properties: { status: { const: "ok" }, db: { const: "ok" } } } } } },
          "503": { description: "Database unreachable", content: { "application/json": { schema: { type: "object", properties: { status: { const: "degraded" }, db: { const: "down" } } } } } },
        },
      },
    },
  },
} as const;
