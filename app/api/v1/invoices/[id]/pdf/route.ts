import { invoicePdfRest } from "@/server/api/rest/invoices";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return invoicePdfRest(await getSessionClaims(), id);
}
