import { getSessionClaims } from "@/server/auth";
import { getEngagementRest } from "@/server/api/rest/engagements";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return getEngagementRest(await getSessionClaims(), id);
}
