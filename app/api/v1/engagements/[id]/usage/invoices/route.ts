import { issueUsageInvoiceRest } from "@/server/api/rest/usage-invoices";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return issueUsageInvoiceRest(await getSessionClaims(), id, request);
}
