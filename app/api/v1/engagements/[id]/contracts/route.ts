import { maintenanceContractsRest } from "@/server/api/rest/maintenance-contracts";
import { getSessionClaims } from "@/server/auth";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return maintenanceContractsRest(await getSessionClaims(), id);
}
