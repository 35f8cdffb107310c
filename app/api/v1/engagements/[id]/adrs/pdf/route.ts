import { adrPdfRest } from "@/server/api/rest/adr-pdf";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return adrPdfRest(await getSessionClaims(), id, request);
}
