import type { ContractOut } from "@/server/api/routers/maintenance/maintenance.schema";

// Where a contract stands for its reader, decided once for the consultant's tab and the portal.

export type ContractStanding = "notice-given" | "renews" | "ends";

export function standingOf(contract: Pick<ContractOut, "noticeGiven" | "nextRenewal">): ContractStanding {
  if (contract.noticeGiven) return "notice-given";
  return contract.nextRenewal ? "renews" : "ends";
}

/**
 * Why the reader cannot give notice today ("viewer", "tooLate"), or null when the button is offered.
 * Without a renewal to come (notice given, no auto-renew) there is nothing to give notice on: null,
 * and the standing line says when the contract ends.
 */
export function noticeBlocked(
  contract: Pick<ContractOut, "nextRenewal">,
  isApprover: boolean,
  today: string,
): "viewer" | "tooLate" | null {
  if (!contract.nextRenewal) return null;
  if (!isApprover) return "viewer";
  return today < contract.nextRenewal.noticeDate ? null : "tooLate";
}
