import type { Prisma } from "@prisma/client";
import type { ServicePackageFields, ServicePackageView } from "../../domain/proposal/package";
import { prisma, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// Packages are read whole: the pricing rule, milestones and SLA clauses are JSON columns written
// only through ZServicePackageFields (./write.ts), so they are read back as those fields.

export const PACKAGE_SELECT = {
  id: true,
  name: true,
  description: true,
  business: true,
  tier: true,
  currency: true,
  pricing: true,
  milestones: true,
  slaClauses: true,
  revision: true,
  archivedAt: true,
  updatedAt: true,
  _count: { select: { proposals: true } },
} satisfies Prisma.ServicePackageSelect;

export type PackageRow = Prisma.ServicePackageGetPayload<{ select: typeof PACKAGE_SELECT }>;

export function packageView(row: PackageRow): ServicePackageView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    business: row.business,
    tier: row.tier,
    currency: row.currency as ServicePackageFields["currency"],
    pricing: row.pricing as unknown as ServicePackageFields["pricing"],
    milestones: row.milestones as unknown as ServicePackageFields["milestones"],
    slaClauses: row.slaClauses as unknown as ServicePackageFields["slaClauses"],
    revision: row.revision,
    archived: row.archivedAt !== null,
    proposalCount: row._count.proposals,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A package of the organisation inside the caller's transaction (another organisation's: NotFound). */
export async function readPackageIn(tx: Tx, organisationId: string, id: string): Promise<ServicePackageView> {
  const row = await tx.servicePackage.findFirst({ where: { id, organisationId }, select: PACKAGE_SELECT });
  if (!row) throw new NotFound("Service package");
  return packageView(row);
}

export async function getPackage(scope: OrgScope, id: string): Promise<ServicePackageView> {
  return readPackageIn(prisma(), scope.organisationId, id);
}

/** The organisation's packages by name; archived ones only when asked for (the proposal form leaves them out). */
export async function listPackages(
  scope: OrgScope,
  { includeArchived }: { includeArchived: boolean },
): Promise<ServicePackageView[]> {
  const rows = await prisma().servicePackage.findMany({
    where: { organisationId: scope.organisationId, ...(includeArchived ? {} : { archivedAt: null }) },
    select: PACKAGE_SELECT,
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map(packageView);
}
