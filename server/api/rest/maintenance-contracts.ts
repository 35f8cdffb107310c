import type { SessionClaims } from "../../auth";
import { listContracts } from "../../data/maintenance/read";
import { ZIdParams, parseRequest } from "./contracts/shared";
import { ZRestMaintenanceContracts } from "./contracts/maintenance";
import { errorResponse, json } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/engagements/{id}/contracts: for consultants and the engagement's client users; another
// tenant's engagement is not found.

export async function maintenanceContractsRest(session: SessionClaims | null, id: string): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const contracts = await listContracts(scope, params.data.id);
    return json(
      ZRestMaintenanceContracts.parse(
        contracts.map((contract) => ({
          ...contract,
          terms: contract.terms.map((term) => ({ ...term, invoiceId: term.invoice?.id ?? null })),
        })),
      ),
    );
  } catch (error) {
    return errorResponse(error);
  }
}
