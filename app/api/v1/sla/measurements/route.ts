import { postSlaMeasurements } from "@/server/api/rest/sla-measurements";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return postSlaMeasurements(await getSessionClaims(), request);
}
