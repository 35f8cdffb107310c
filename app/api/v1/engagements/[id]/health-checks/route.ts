import { listHealthChecksRest, runHealthCheckRest } from "@/server/api/rest/health-checks";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return listHealthChecksRest(await getSessionClaims(), id, request);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return runHealthCheckRest(await getSessionClaims(), id, request);
}
