import { roiReportPdfRest } from "@/server/api/rest/roi";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return roiReportPdfRest(await getSessionClaims(), id, request);
}
