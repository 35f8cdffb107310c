import { openSloYaml } from "../../domain/sla/openslo";
import { slaReportViewModel } from "../../domain/sla/report-document";
import { openSloSource, slaReportSource } from "../../data/sla/documents";
import { renderPdf } from "../../services/pdf/render";
import type { SessionClaims } from "../../auth";
import { SlaReportDocument } from "../../../templates/sla-report";
import { safeFilename } from "./evidence-download";
import { localeFor } from "../locale";
import { ZOpenSloQuery, ZSlaReportQuery } from "./contracts/sla-documents";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { attachment, errorResponse } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/sla/report?period=…&lang=… (PDF) and /sla/openslo (YAML): the SLA
// documents, with the SLA page's access rules (the consultant and the engagement's client users).

/** The current month in UTC: the period a caller means when they name none (as GET …/sla). */
const currentMonth = (now: Date) => now.toISOString().slice(0, 7);

export async function slaReportRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZSlaReportQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  const now = new Date();
  const period = query.data.period ?? currentMonth(now);
  try {
    const source = await slaReportSource(scope, params.data.id, period, now);
    const locale = query.data.lang ?? (await localeFor(session, request.headers.get("accept-language")));
    const pdf = await renderPdf(<SlaReportDocument vm={slaReportViewModel(source, locale, now)} />);
    return attachment(new Uint8Array(pdf), {
      type: "application/pdf",
      filename: `${safeFilename(`sla-report-${source.engagement}-${period}`, params.data.id)}.pdf`,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function slaOpenSloRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZOpenSloQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const source = await openSloSource(scope, params.data.id);
    return attachment(openSloYaml(source), {
      type: "application/yaml",
      filename: `${safeFilename(`openslo-${source.engagement.title}`, params.data.id)}.yaml`,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
