import type { DebtItemFields } from "../../domain/debt/item";
import type { Tx } from "../prisma-client";
import { DataRefusal } from "../refusal";

// A debt item links only to records of its own engagement. Another organisation's id reads
// exactly like an id that does not exist, so a refusal tells nothing about other tenants.

export class DebtRefusal extends DataRefusal<"NOT_FOUND" | "CONFLICT" | "UNPROCESSABLE"> {
  override name = "DebtRefusal";
}

type Links = Pick<DebtItemFields, "objectiveIds" | "adrIds" | "requirementIds" | "componentId">;

function missing(wanted: readonly string[], found: readonly { id: string }[]): string[] {
  const present = new Set(found.map((row) => row.id));
  return [...new Set(wanted)].filter((id) => !present.has(id));
}

/** Refuses (UNPROCESSABLE, one reason per field) links to anything outside the engagement. */
export async function checkDebtLinks(
  tx: Tx,
  organisationId: string,
  engagementId: string,
  links: Links,
): Promise<void> {
  const inEngagement = { organisationId, engagementId };
  // one statement per kind of link, and none for a kind the item does not use
  const objectives = links.objectiveIds.length
    ? await tx.objective.findMany({ where: { ...inEngagement, id: { in: links.objectiveIds } }, select: { id: true } })
    : [];
  const adrs = links.adrIds.length
    ? await tx.adr.findMany({ where: { ...inEngagement, id: { in: links.adrIds } }, select: { id: true } })
    : [];
  const requirements = links.requirementIds.length
    ? await tx.gateRequirement.findMany({
        where: { organisationId, milestone: { engagementId }, id: { in: links.requirementIds } },
        select: { id: true },
      })
    : [];
  const components = links.componentId
    ? await tx.systemComponent.findMany({ where: { ...inEngagement, id: links.componentId }, select: { id: true } })
    : [];
  const reasons: string[] = [];
  const report = (field: string, what: string, ids: string[]) => {
    if (ids.length) reasons.push(`${field}: no ${what} ${ids.join(", ")} in this engagement`);
  };
  report("objectiveIds", "objective", missing(links.objectiveIds, objectives));
  report("adrIds", "ADR", missing(links.adrIds, adrs));
  report("requirementIds", "gate requirement", missing(links.requirementIds, requirements));
  report("componentId", "component", links.componentId ? missing([links.componentId], components) : []);
  if (reasons.length) throw new DebtRefusal("UNPROCESSABLE", reasons);
}
