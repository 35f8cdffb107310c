import { isConsultantRole } from "../../domain/roles";
import { approvalLogTable, approvalLogViewModel } from "../../domain/approval-log";
import { toCsv } from "../../domain/csv";
import { engagementApprovalLog } from "../../data/portal-review";
import { resolveClientScope, resolveOrgScope } from "../../data/scope";
import { renderPdf } from "../../pdf/render";
import type { SessionClaims } from "../../auth";
import { ApprovalLogDocument } from "../../../templates/approval-log";
import { localeFor } from "../locale";
import { safeFilename } from "../evidence/download";
import { json } from "./respond";

// GET /api/v1/engagements/{id}/approvals?format=json|csv|pdf: the engagement's approval log for
// its consultants and its own client's users; anyone else gets 404, as for a missing engagement.

export async function approvalLogResponse(session: SessionClaims | null, engagementId: string, request: Request): Promise<Response> {
  if (!session) return json({ error: "UNAUTHORIZED", reasons: ["sign in first"] }, 401);
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv" && format !== "pdf") return json({ error: "BAD_REQUEST", reasons: ["format must be json, csv or pdf"] }, 400);
  const scope = isConsultantRole(session.role) ? await resolveOrgScope(session.userId) : await resolveClientScope(session.userId);
  if (!scope) return json({ error: "UNAUTHORIZED", reasons: ["your account is no longer active"] }, 401);
  const log = await engagementApprovalLog(scope, engagementId);
  if (!log) return json({ error: "NOT_FOUND", reasons: ["engagement not found"] }, 404);
  const entries = log.entries.map((e) => ({ milestoneTitle: e.milestoneTitle, type: e.type, by: e.by, comment: e.comment, evidenceHashes: e.evidenceHashes, voided: e.voided, createdAt: e.createdAt }));
  if (format === "json") return json({ engagement: log.title, client: log.clientName, entries });
  const vm = approvalLogViewModel({ title: log.title, clientName: log.clientName, entries }, await localeFor(session, request.headers.get("accept-language")), new Date());
  const filename = `${safeFilename(`approval-log-${log.title}`, engagementId)}.${format}`;
  const headers = { "content-disposition": `attachment; filename="${filename}"`, "cache-control": "private, no-store", "x-content-type-options": "nosniff" };
  if (format === "csv") {
    const table = approvalLogTable(vm);
    // a byte-order mark so spreadsheet programs read the UTF-8 (Chinese names) correctly
    return new Response(`\uFEFF${toCsv(table.header, table.rows)}`, { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
  }
  const pdf = await renderPdf(<ApprovalLogDocument vm={vm} />);
  return new Response(new Uint8Array(pdf), { headers: { ...headers, "content-type": "application/pdf" } });
}
