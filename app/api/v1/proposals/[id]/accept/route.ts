import { acceptProposalRest } from "@/server/api/rest/proposals";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return acceptProposalRest(await getSessionClaims(), id, request);
}
