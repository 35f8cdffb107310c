import { postTransitionRest } from "@/server/api/rest/transitions";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return postTransitionRest(await getSessionClaims(), id, request);
}
