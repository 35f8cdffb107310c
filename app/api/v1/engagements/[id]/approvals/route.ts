import { approvalLogResponse } from "@/server/api/rest/approval-log";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return approvalLogResponse(await getSessionClaims(), id, request);
}
