import { objectivesRest } from "@/server/api/rest/objectives";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return objectivesRest(await getSessionClaims(), id);
}
