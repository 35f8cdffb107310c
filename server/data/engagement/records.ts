import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { createSlaClause } from "../sla/clauses";
import type { AdrPl } from "../../domain/adr/pl";
import type { DebtItemFieldsInput } from "../../domain/debt/item";
import { insertAdr } from "../adr/write";
import { ZObjectiveFields, type ObjectiveFieldsInput } from "../../domain/objective/objective";
import { insertObjectives } from "../objective/write";
import { createDebtItem } from "../debt/items";
import { appendUserAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// The professional record around an engagement: objectives, SLA clauses, ADRs and debt items.
// An objective names its source by what the records know (a milestone key and kind, a clause title).

/**
 * An objective's fields (server/domain/objective/objective.ts) with its source named by what the records
 * know: a gate requirement by milestone key and kind, or an SLA clause (of the same records) by title.
 */
export type NewObjective = Omit<ObjectiveFieldsInput, "source"> & {
  provenBy?: { milestoneKey: string; kind: string };
  measuredBy?: { slaClauseTitle: string };
};

/** An SLA clause's terms (server/domain/sla/terms.ts). */
export type NewSlaClause = SlaClauseTermsInput;

export interface NewAdr {
  number: number;
  title: string;
  status: "proposed" | "accepted" | "rejected" | "deprecated" | "superseded";
  decidedOn: string;
  deciders: string[];
  context: string;
  decisionDrivers?: string[];
  consideredOptions: { title: string; pros: string[]; cons: string[] }[];
  decisionOutcome: string;
  consequences: string;
  validation?: string;
  /** the number of the ADR (in the same records) that replaced this one */
  supersededBy?: number;
  /** the gate requirement whose verdict validates the decision, by milestone key and kind */
  validatedBy?: { milestoneKey: string; kind: string };
  /** the P&L account the decision hits and what it costs or saves */
  pl?: AdrPl;
}

/** A debt item's fields (server/domain/debt/item.ts); a single figure is a range of one point. */
export type NewDebtItem = DebtItemFieldsInput;

export interface EngagementRecords {
  objectives?: NewObjective[];
  slaClauses?: NewSlaClause[];
  adrs?: NewAdr[];
  debtItems?: NewDebtItem[];
}

export async function addEngagementRecords(
  scope: OrgScope,
  engagementId: string,
  records: EngagementRecords,
): Promise<void> {
  return transaction(async (tx) => {
    const engagement = await tx.engagement.findFirst({
      where: { id: engagementId, organisationId: scope.organisationId },
      select: { id: true },
    });
    if (!engagement) throw new NotFound("Engagement");
    const audit = (action: string, entityType: string, entityId: string, data: Record<string, string | number>) =>
      appendUserAuditEvent(tx, scope, { action, entityType, entityId, engagementId, data });

    // clauses first: an objective may read its actual from one of them
    for (const clause of records.slaClauses ?? []) await createSlaClause(scope, engagementId, clause, tx);
    for (const objective of records.objectives ?? []) {
      const { provenBy, measuredBy, ...rest } = objective;
      const source = provenBy
        ? await findRequirementId(tx, scope, engagementId, provenBy).then((id) =>
            id ? { kind: "requirement" as const, id } : null,
          )
        : measuredBy
          ? await findSlaClauseId(tx, scope, engagementId, measuredBy.slaClauseTitle).then((id) =>
              id ? { kind: "sla_clause" as const, id } : null,
            )
          : null;
      const fields = ZObjectiveFields.parse({ ...rest, source });
      const [id] = await insertObjectives(tx, scope.organisationId, engagementId, [fields]);
      await audit("objective.created", "objective", id!, {
        targetMetric: fields.target.metric,
        targetValue: fields.target.value,
      });
    }
    const adrIds = new Map<number, string>();
    for (const adr of records.adrs ?? []) {
      const draft = {
        title: adr.title,
        date: adr.decidedOn,
        deciders: adr.deciders,
        context: adr.context,
        decisionDrivers: adr.decisionDrivers ?? [],
        consideredOptions: adr.consideredOptions,
        decisionOutcome: adr.decisionOutcome,
        consequences: adr.consequences,
        validation: adr.validation ?? "",
      };
      const row = await insertAdr(tx, scope, engagementId, draft, {
        number: adr.number,
        status: adr.status,
        pl: adr.pl ?? null,
      });
      adrIds.set(adr.number, row.id);
      if (adr.validatedBy) {
        const requirementId = await findRequirementId(tx, scope, engagementId, adr.validatedBy);
        await tx.adr.update({ where: { id: row.id }, data: { validationRequirementId: requirementId } });
      }
    }
    for (const adr of records.adrs ?? []) {
      if (adr.supersededBy === undefined) continue;
      const replacement = adrIds.get(adr.supersededBy);
      if (!replacement)
        throw new Error(`ADR ${adr.number} is superseded by ADR ${adr.supersededBy}, which is not in the records`);
      await tx.adr.update({ where: { id: adrIds.get(adr.number)! }, data: { supersededById: replacement } });
    }
    for (const item of records.debtItems ?? []) await createDebtItem(scope, engagementId, item, { tx });
  });
}

async function findRequirementId(
  tx: Tx,
  scope: OrgScope,
  engagementId: string,
  ref: { milestoneKey: string; kind: string },
) {
  const requirement = await tx.gateRequirement.findFirst({
    where: { organisationId: scope.organisationId, kind: ref.kind, milestone: { engagementId, key: ref.milestoneKey } },
    select: { id: true },
  });
  return requirement?.id ?? null;
}

async function findSlaClauseId(tx: Tx, scope: OrgScope, engagementId: string, title: string) {
  const clause = await tx.slaClause.findFirst({
    where: { organisationId: scope.organisationId, engagementId, title, retiredAt: null },
    select: { id: true },
  });
  return clause?.id ?? null;
}
