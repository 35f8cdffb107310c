import { prisma, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope, TokenScope } from "../scope";

// The one check that an engagement is the scope's to see: the organisation's consultants see all
// of its engagements, a client's users their client's engagements once out of draft, a pipeline
// token its own engagement. Anything else is "not found", never "not yours".

export type EngagementReader = OrgScope | ClientScope | TokenScope;

/** The engagements the scope may see, as a filter (also usable on a relation). */
export function visibleEngagementFilter(scope: EngagementReader) {
  if ("tokenId" in scope) return { organisationId: scope.organisationId, id: scope.engagementId };
  if ("clientId" in scope)
    return { organisationId: scope.organisationId, clientId: scope.clientId, status: { not: "draft" as const } };
  return { organisationId: scope.organisationId };
}

export function visibleEngagementWhere(scope: EngagementReader, engagementId: string) {
  return { AND: [{ id: engagementId }, visibleEngagementFilter(scope)] };
}

export async function visibleEngagement(
  scope: EngagementReader,
  engagementId: string,
  tx?: Tx,
): Promise<{ id: string; title: string; currency: string; clientId: string; hideAmountsFromViewers: boolean }> {
  const engagement = await (tx ?? prisma()).engagement.findFirst({
    where: visibleEngagementWhere(scope, engagementId),
    select: { id: true, title: true, currency: true, clientId: true, hideAmountsFromViewers: true },
  });
  if (!engagement) throw new NotFound("Engagement");
  return engagement;
}
