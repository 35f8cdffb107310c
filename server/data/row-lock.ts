import { Prisma } from "@prisma/client";
import type { Tx } from "./prisma-client";

// Writers that read, decide and write one row serialise on it: SELECT … FOR UPDATE, filtered by
// the organisation, so another tenant's row is "not there" rather than locked.

type LockedTable =
  "Engagement" | "Adr" | "Invoice" | "SlaClause" | "Proposal" | "MaintenanceContract" | "MaintenanceTerm";

/** Locks the organisation's row until commit; false when the organisation has no such row. */
export async function lockOrganisationRow(
  tx: Tx,
  table: LockedTable,
  id: string,
  organisationId: string,
): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>(
    Prisma.sql`SELECT id FROM ${Prisma.raw(`"${table}"`)}
      WHERE id = ${id} AND "organisationId" = ${organisationId} FOR UPDATE`,
  );
  return rows.length > 0;
}

/**
 * Serialises work on things that have no row to lock (a sign-in's account and address, the first
 * setup): a transaction-scoped advisory lock per key, taken in a fixed order so no two writers
 * deadlock.
 */
export async function lockKeys(tx: Tx, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}
