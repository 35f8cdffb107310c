import { healthCheckPdfRest } from "@/server/api/rest/health-checks";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return healthCheckPdfRest(await getSessionClaims(), id, request);
}
