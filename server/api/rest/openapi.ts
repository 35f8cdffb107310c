// The public REST API, described for integrators. Kept beside the handlers it documents.

import { FILE_VERIFIER_KINDS } from "../../domain/evidence/kinds";
import { documentPaths } from "./openapi-documents";
import { errorBody, errorResponse, fileResponse, idParam, refusalBody, refusalResponse } from "./openapi-shared";

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
          role: { type: "string", enum: ["baseline"], description: "go-bench only: the engagement's baseline, which other go-bench evidence is compared with" },
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
        parameters: [idParam],
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
    "/api/v1/milestones/{id}/attestations": {
      post: {
        summary: "Attest what the milestone's gate asks the caller's party to attest",
        description:
          "An attestation requirement names its party (the client's approver, or a consultant) and its statement. The named party states exactly those words; the attestation is kept as evidence (the canonical record and its SHA-256) and meets the requirement. Reusing an idempotency key returns the first answer; the same key with another body is a 422.",
        parameters: [idParam],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                additionalProperties: false,
                required: ["statement", "idempotencyKey"],
                properties: { statement: { type: "string", minLength: 1, maxLength: 500 }, idempotencyKey: { type: "string", minLength: 8, maxLength: 100, pattern: "^[A-Za-z0-9._:-]+$" } },
              },
            },
          },
        },
        responses: {
          "201": {
            description: "The attestation as kept",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["evidenceId", "sha256", "milestoneId", "requirementId", "party", "statement", "attestedBy", "attestedAt"],
                  properties: {
                    evidenceId: { type: "string" },
                    sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
                    milestoneId: { type: "string" },
                    requirementId: { type: "string" },
                    party: { type: "string", enum: ["client", "consultant"] },
                    statement: { type: "string" },
                    attestedBy: { type: "object", properties: { userId: { type: "string" }, name: { type: "string" } } },
                    attestedAt: { type: "string", format: "date-time" },
                  },
                },
              },
            },
          },
          "400": refusalResponse("Malformed body or unknown fields"),
          "401": refusalResponse("No session"),
          "403": refusalResponse("WRONG_PARTY (the gate asks the other party), or a client viewer (FORBIDDEN)"),
          "404": refusalResponse("Unknown milestone, or one the caller may not see"),
          "409": refusalResponse("NOT_ATTESTABLE: the gate asks for no attestation"),
          "413": refusalResponse("Body larger than 4 KiB"),
          "415": refusalResponse("The body is not sent as application/json"),
          "422": refusalResponse("WRONG_STATEMENT (the reasons give the gate's words) or IDEMPOTENCY_MISMATCH"),
        },
      },
    },
    "/api/v1/milestones/{id}/transitions": {
      post: {
        summary: "Move a milestone through its state machine",
        description:
          "Consultants start, submit, verify, invoice and cancel; client approvers approve and request changes. A guard refusal answers 409 with one reason per unmet condition. Reusing an idempotency key returns the first answer; the same key with another body is a 422.",
        parameters: [idParam],
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
          "413": refusalResponse("Body larger than 16 KiB (counted while it streams)"),
          "415": refusalResponse("The body is not sent as application/json"),
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
        parameters: [idParam],
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
        parameters: [idParam],
        responses: {
          "200": fileResponse("application/octet-stream", "The file"),
          "401": refusalResponse("No session"),
          "404": refusalResponse("Unknown evidence, or evidence the caller may not see"),
        },
      },
    },
    ...documentPaths,
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
