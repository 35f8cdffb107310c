import { listInvoicesRest } from "@/server/api/rest/invoices";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return listInvoicesRest(await getSessionClaims(), request);
}
