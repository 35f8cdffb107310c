import { slaReportRest } from "@/server/api/rest/sla-documents";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return slaReportRest(await getSessionClaims(), id, request);
}
