import { z } from "zod";
import { ZVisibleVoidReason } from "../../../domain/approval-void";
import type { ApprovalRecord } from "../../../data/portal/review";
import { ZBinary, ZIdParams, enumOf, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements/{id}/approvals?format=json|csv|pdf

export const ZApprovalLogQuery = z.object({
  format: z.enum(["json", "csv", "pdf"], { error: "must be json, csv or pdf" }).default("json"),
});

export const ZApprovalLogResponse = z.object({
  engagement: z.string(),
  client: z.string(),
  entries: z.array(
    z.object({
      milestoneTitle: z.string(),
      type: enumOf<ApprovalRecord["type"]>()(["approved", "changes_requested", "deemed"]),
      by: z.string().nullable(),
      comment: z.string(),
      evidenceHashes: z.array(z.string()),
      voided: z.boolean(),
      voidReason: ZVisibleVoidReason.nullable().meta({
        description: "why a voided decision no longer stands; amounts are null for readers who may not see amounts",
      }),
      createdAt: z.iso.datetime(),
    }),
  ),
});
export type ApprovalLogResponse = z.infer<typeof ZApprovalLogResponse>;

export const approvalOperations: RestOperation[] = [
  {
    operationId: "getApprovalLog",
    method: "get",
    path: "/api/v1/engagements/{id}/approvals",
    summary: "The engagement's approval log: every decision with who, when, comment and the evidence SHA-256 set",
    params: ZIdParams,
    query: ZApprovalLogQuery,
    responses: {
      "200": {
        description: "JSON, or an attachment (CSV with formula-like cells neutralised; PDF)",
        content: { "application/json": ZApprovalLogResponse, "text/csv": z.string(), "application/pdf": ZBinary },
      },
      "400": refusalResponse("Unknown format"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
    },
  },
];
