import { listAdrsRest } from "@/server/api/rest/adrs";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return listAdrsRest(await getSessionClaims(), id);
}
