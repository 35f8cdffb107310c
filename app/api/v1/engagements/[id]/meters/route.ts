import { createMeterRest, listMetersRest } from "@/server/api/rest/meters";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return listMetersRest(await getSessionClaims(), id);
}

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return createMeterRest(await getSessionClaims(), id, request);
}
