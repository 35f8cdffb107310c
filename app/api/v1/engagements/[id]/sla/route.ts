import { slaComplianceRest } from "@/server/api/rest/sla";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return slaComplianceRest(await getSessionClaims(), id, request);
}
