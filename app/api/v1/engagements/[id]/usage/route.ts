import { usageReportRest } from "@/server/api/rest/usage";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return usageReportRest(await getSessionClaims(), id, request);
}
