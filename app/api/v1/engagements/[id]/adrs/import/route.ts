import { importAdrsRest } from "@/server/api/rest/adr-import";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return importAdrsRest(await getSessionClaims(), id, request);
}
