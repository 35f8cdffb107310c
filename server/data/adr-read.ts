import type { AdrContent, AdrStatus, ConsideredOption } from "../domain/adr/adr";
import { prisma } from "./client";
import type { ClientScope, OrgScope } from "./scope";

// An engagement's ADRs as the domain describes them. Consultants see every ADR; client users see
// the accepted ones (and those that replaced or were replaced by them stay linked by number).

function options(value: unknown): ConsideredOption[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((o) => {
    if (typeof o !== "object" || o === null) return [];
    const option = o as { title?: unknown; pros?: unknown; cons?: unknown };
    const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
    return typeof option.title === "string" ? [{ title: option.title, pros: strings(option.pros), cons: strings(option.cons) }] : [];
  });
}

/** The engagement's ADRs in number order, or null when the engagement is not the scope's to see. */
export async function listEngagementAdrs(scope: OrgScope | ClientScope, engagementId: string): Promise<{ engagementTitle: string; adrs: AdrContent[] } | null> {
  const client = "clientId" in scope;
  const engagement = await prisma().engagement.findFirst({
    where: { id: engagementId, organisationId: scope.organisationId, ...(client ? { clientId: scope.clientId, status: { not: "draft" } } : {}) },
    select: { title: true },
  });
  if (!engagement) return null;
  const rows = await prisma().adr.findMany({
    where: { engagementId, organisationId: scope.organisationId, ...(client ? { status: "accepted" } : {}) },
    orderBy: { number: "asc" },
    include: { supersededBy: { select: { number: true } }, supersedes: { select: { number: true } } },
  });
  return {
    engagementTitle: engagement.title,
    adrs: rows.map((row) => ({
      number: row.number,
      title: row.title,
      status: row.status as AdrStatus,
      date: row.decidedOn.toISOString().slice(0, 10),
      deciders: row.deciders,
      context: row.context,
      decisionDrivers: row.decisionDrivers.split("\n").map((d) => d.trim()).filter(Boolean),
      consideredOptions: options(row.consideredOptions),
      decisionOutcome: row.decisionOutcome,
      consequences: row.consequences,
      validation: row.validation,
      supersededBy: row.supersededBy?.number ?? null,
      supersedes: row.supersedes?.number ?? null,
    })),
  };
}
