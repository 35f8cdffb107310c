import { benchmarkReportResponse } from "@/server/api/rest/benchmark-report";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return benchmarkReportResponse(await getSessionClaims(), id, request);
}
