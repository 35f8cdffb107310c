import { postAttestationRest } from "@/server/api/rest/attestations";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return postAttestationRest(await getSessionClaims(), id, request);
}
