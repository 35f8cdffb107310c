import { uploadEvidence } from "@/server/api/rest/evidence-upload";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return uploadEvidence(await getSessionClaims(), id, request);
}
