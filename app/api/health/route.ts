import { healthResponse } from "@/server/api/rest/health";

export const dynamic = "force-dynamic";

export function GET() {
  return healthResponse();
}
