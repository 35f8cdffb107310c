import { listProposalsRest } from "@/server/api/rest/proposals";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return listProposalsRest(await getSessionClaims(), request);
}
