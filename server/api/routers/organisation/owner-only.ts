import { refusalError } from "../../refusals";

/** Invoicing details are the owner's to change. */
export function ownerOnly(role: string): void {
  if (role !== "owner")
    throw refusalError("FORBIDDEN", ["Only the organisation's owner changes its invoicing details."]);
}
