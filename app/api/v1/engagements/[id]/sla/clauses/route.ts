import { createSlaClauseRest, listSlaClausesRest } from "@/server/api/rest/sla";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return listSlaClausesRest(await getSessionClaims(), id, request);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return createSlaClauseRest(await getSessionClaims(), id, request);
}
