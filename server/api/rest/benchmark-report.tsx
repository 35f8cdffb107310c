import { benchmarkReportViewModel } from "../../domain/benchmark-report-document";
import { renderPdf } from "../../services/pdf/render";
import type { SessionClaims } from "../../auth";
import { BenchmarkReportDocument } from "../../../templates/benchmark-report";
import { loadBenchmarkReport, reportSource } from "../../services/evidence/benchmark-report";
import { safeFilename } from "./evidence-download";
import { localeFor } from "../locale";
import { ZBenchmarkReportQuery, type BenchmarkReportResponse } from "./contracts/benchmark-report";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { attachment, errorResponse, json, refused } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/milestones/{id}/benchmark-report?format=json|pdf: the milestone's current go-bench
// evidence against the engagement's baseline, for the organisation's consultants and the
// engagement's own client users; anyone else gets 404, as for a missing milestone.

const MISSING = {
  baseline: 'the engagement has no go-bench baseline (attach a go-bench file with role "baseline")',
  current: "the milestone has no go-bench evidence besides a baseline",
} as const;

export async function benchmarkReportResponse(
  session: SessionClaims | null,
  milestoneId: string,
  request: Request,
): Promise<Response> {
  const { scope, response } = await restScope(session);
  if (response) return response;
  const params = parseRequest(ZIdParams, { id: milestoneId }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZBenchmarkReportQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  let answer: Awaited<ReturnType<typeof loadBenchmarkReport>>;
  try {
    answer = await loadBenchmarkReport(scope, params.data.id);
  } catch (error) {
    return errorResponse(error);
  }
  if (answer.content.kind === "missing")
    return refused(
      404,
      "NOT_FOUND",
      answer.content.missing.map((part) => MISSING[part]),
    );
  const loaded = answer.content.value;
  if (query.data.format === "json") {
    const body: BenchmarkReportResponse = {
      engagement: { id: loaded.engagement.id, title: loaded.engagement.title },
      milestone: loaded.milestone,
      files: loaded.files,
      ...loaded.report,
    };
    return json(body);
  }
  const vm = benchmarkReportViewModel(
    reportSource(loaded),
    await localeFor(session, request.headers.get("accept-language")),
    new Date(),
  );
  const pdf = await renderPdf(<BenchmarkReportDocument vm={vm} />);
  return attachment(new Uint8Array(pdf), {
    type: "application/pdf",
    filename: `${safeFilename(`benchmark-report-${loaded.milestone.title}`, loaded.milestone.id)}.pdf`,
  });
}
