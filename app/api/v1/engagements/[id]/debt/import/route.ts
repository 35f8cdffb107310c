import { importDebtRest } from "@/server/api/rest/debt-import";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return importDebtRest(await getSessionClaims(), id, request);
}
