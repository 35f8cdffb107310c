import { amountReaderOf, seesAmounts } from "../../domain/amount-visibility";
import { approvalLogTable, approvalLogViewModel } from "../../domain/approval-log";
import { visibleVoidReason } from "../../domain/approval-void";
import { toCsv } from "../../domain/csv";
import { engagementApprovalLog } from "../../data/portal/review";
import { renderPdf } from "../../services/pdf/render";
import type { SessionClaims } from "../../auth";
import { ApprovalLogDocument } from "../../../templates/approval-log";
import { localeFor } from "../locale";
import { safeFilename } from "./evidence-download";
import { ZApprovalLogQuery, type ApprovalLogResponse } from "./contracts/approvals";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { attachment, errorResponse, json } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/approvals?format=json|csv|pdf: the engagement's approval log for
// its consultants and its own client's users; anyone else gets 404, as for a missing engagement.

export async function approvalLogResponse(
  session: SessionClaims | null,
  engagementId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restScope(session);
  if (response) return response;
  const params = parseRequest(ZIdParams, { id: engagementId }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZApprovalLogQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { format } = query.data;
  let log: Awaited<ReturnType<typeof engagementApprovalLog>>;
  try {
    log = await engagementApprovalLog(scope, params.data.id);
  } catch (error) {
    return errorResponse(error);
  }
  const showAmounts = seesAmounts(amountReaderOf(scope), log);
  const entries = log.entries.map((e): ApprovalLogResponse["entries"][number] => ({
    milestoneTitle: e.milestoneTitle,
    type: e.type,
    by: e.by,
    comment: e.comment,
    evidenceHashes: e.evidenceHashes,
    voided: e.voided,
    voidReason: e.voided ? visibleVoidReason(e.voidReason, showAmounts) : null,
    createdAt: e.createdAt,
  }));
  if (format === "json")
    return json({ engagement: log.title, client: log.clientName, entries } satisfies ApprovalLogResponse);
  const vm = approvalLogViewModel(
    { title: log.title, clientName: log.clientName, currency: log.currency, entries },
    await localeFor(session, request.headers.get("accept-language")),
    new Date(),
  );
  const filename = `${safeFilename(`approval-log-${log.title}`, engagementId)}.${format}`;
  if (format === "csv") {
    const table = approvalLogTable(vm);
    // a byte-order mark so spreadsheet programs read the UTF-8 (Chinese names) correctly
    return attachment(`\uFEFF${toCsv(table.header, table.rows)}`, { type: "text/csv; charset=utf-8", filename });
  }
  const pdf = await renderPdf(<ApprovalLogDocument vm={vm} />);
  return attachment(new Uint8Array(pdf), { type: "application/pdf", filename });
}
