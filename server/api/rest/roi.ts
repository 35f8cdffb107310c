import { Readable } from "node:stream";
import { organisationLocale } from "../../data/organisation/settings";
import { engagementRoi } from "../../data/roi/report";
import { latestRoiShare, latestRoiSharePdf } from "../../data/roi/share";
import type { ClientScope, OrgScope } from "../../data/scope";
import { roiCashFlowsCsv } from "../../domain/roi/compute";
import type { RoiReport } from "../../domain/roi/report";
import { renderRoiReportPdf } from "../../services/pdf/roi-report";
import { blobStore } from "../../services/storage/blob-store";
import type { SessionClaims } from "../../auth";
import { localeFor } from "../locale";
import { ZRoiQuery, ZRoiReportQuery } from "./contracts/roi";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { attachment, errorResponse, json, refused } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/roi[?format=csv] and /roi/report[?lang=…]. A consultant reads the
// figures as they are now (and gets a fresh PDF); a client user reads what the consultant shared,
// down to the PDF's bytes, or 404 while nothing is shared.

const NOT_SHARED = ["No ROI report has been shared for this engagement."];

/** The report the scope reads: the live one for a consultant, the shared snapshot for a client (null: none). */
async function reportFor(scope: OrgScope | ClientScope, engagementId: string): Promise<RoiReport | null> {
  if ("clientId" in scope) return (await latestRoiShare(scope, engagementId))?.report ?? null;
  return engagementRoi(scope, engagementId);
}

export async function roiRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZRoiQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const report = await reportFor(scope, params.data.id);
    if (!report) return refused(404, "NOT_FOUND", NOT_SHARED);
    if (query.data.format === "json") return json(report);
    return attachment(roiCashFlowsCsv(report), {
      type: "text/csv; charset=utf-8",
      filename: `roi-cash-flows-${params.data.id.replace(/[^\w-]+/g, "_")}.csv`,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function roiReportPdfRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZRoiReportQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  const filename = (lang: string) => `roi-report-${params.data.id.replace(/[^\w-]+/g, "_")}-${lang}.pdf`;
  try {
    if ("clientId" in scope) {
      const lang = query.data.lang ?? (await localeFor(session, request.headers.get("accept-language")));
      const pdf = await latestRoiSharePdf(scope, params.data.id, lang);
      const body = Readable.toWeb(blobStore().open(pdf.storageKey)) as unknown as ReadableStream<Uint8Array>;
      return attachment(body, { type: "application/pdf", filename: filename(lang), etag: pdf.sha256 });
    }
    const lang = query.data.lang ?? (await organisationLocale(scope));
    const bytes = await renderRoiReportPdf(await engagementRoi(scope, params.data.id), lang);
    return attachment(new Uint8Array(bytes), {
      type: "application/pdf",
      filename: filename(lang),
      length: bytes.length,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
