import { setupRequest } from "@/server/api/setup";

export const dynamic = "force-dynamic";

export function POST(request: Request) {
  return setupRequest(request);
}
