import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import { approvalLogTable, approvalLogViewModel } from "../../domain/approval-log";
import { visibleVoidReason } from "../../domain/approval-void";
import { toCsv } from "../../domain/csv";
import { engagementApprovalLog } from "../../data/portal-review";
import { renderPdf } from "../../pdf/render";
import type { SessionClaims } from "../../auth";
import { ApprovalLogDocument } from "../../../templates/approval-log";
import { localeFor } from "../locale";
import { safeFilename } from "../evidence/download";
import { attachment, json, refused } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/approvals?format=json|csv|pdf: the engagement's approval log for
// its consultants and its own client's users; anyone else gets 404, as for a missing engagement.

export async function approvalLogResponse(session: SessionClaims | null, engagementId: string, request: Request): Promise<Response> {
  const { scope, response } = await restScope(session);
  if (response) return response;
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (format !== "json" && format !== "csv" && format !== "pdf") return refused(400, "BAD_REQUEST", ["format must be json, csv or pdf"]);
  const log = await engagementApprovalLog(scope, engagementId);
  if (!log) return refused(404, "NOT_FOUND", ["engagement not found"]);
  const showAmounts = seesAmounts(amountReaderOf(scope), log);
  const entries = log.entries.map((e) => ({
    milestoneTitle: e.milestoneTitle,
    type: e.type,
    by: e.by,
    comment: e.comment,
    evidenceHashes: e.evidenceHashes,
    voided: e.voided,
    voidReason: e.voided ? visibleVoidReason(e.voidReason, showAmounts) : null,
    createdAt: e.createdAt,
  }));
  if (format === "json") return json({ engagement: log.title, client: log.clientName, entries });
  const vm = approvalLogViewModel({ title: log.title, clientName: log.clientName, currency: log.currency, entries }, await localeFor(session, request.headers.get("accept-language")), new Date());
  const filename = `${safeFilename(`approval-log-${log.title}`, engagementId)}.${format}`;
  if (format === "csv") {
    const table = approvalLogTable(vm);
    // a byte-order mark so spreadsheet programs read the UTF-8 (Chinese names) correctly
    return attachment(`\uFEFF${toCsv(table.header, table.rows)}`, { type: "text/csv; charset=utf-8", filename });
  }
  const pdf = await renderPdf(<ApprovalLogDocument vm={vm} />);
  return attachment(new Uint8Array(pdf), { type: "application/pdf", filename });
}
