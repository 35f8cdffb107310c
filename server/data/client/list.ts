import { prisma } from "../prisma-client";
import type { OrgScope } from "../scope";

export async function listOrgClients(scope: OrgScope): Promise<{ id: string; name: string }[]> {
  return prisma().client.findMany({
    where: { organisationId: scope.organisationId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
