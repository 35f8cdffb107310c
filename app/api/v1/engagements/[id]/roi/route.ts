import { roiRest } from "@/server/api/rest/roi";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return roiRest(await getSessionClaims(), id, request);
}
