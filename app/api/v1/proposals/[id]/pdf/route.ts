import { proposalPdfRest } from "@/server/api/rest/proposals";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return proposalPdfRest(await getSessionClaims(), id, request);
}
