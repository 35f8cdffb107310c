import { downloadEvidence } from "@/server/api/rest/evidence-download";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadEvidence(await getSessionClaims(), id);
}
