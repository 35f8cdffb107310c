import { postUsageRest } from "@/server/api/rest/usage";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return postUsageRest(await getSessionClaims(), request);
}
