import { getSessionClaims } from "@/server/auth";
import { listEngagementsRest } from "@/server/api/rest/engagements";

export const dynamic = "force-dynamic";

export async function GET() {
  return listEngagementsRest(await getSessionClaims());
}
