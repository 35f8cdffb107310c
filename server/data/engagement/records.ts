import type { SlaClauseTermsInput } from "../../domain/sla/terms";
import { createSlaClause } from "../sla/clauses";
import type { AdrPl } from "../../domain/adr/pl";
import type { DebtItemFieldsInput } from "../../domain/debt/item";
import { insertAdr } from "../adr/write";
import { createDebtItem } from "../debt/items";
import { appendUserAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// The professional record around an engagement: objectives, SLA clauses, ADRs and debt items.
// Decimal targets travel as strings so no float ever rounds them.

type Comparator = "lte" | "lt" | "gte" | "gt" | "eq";

export interface NewObjective {
  painStatement: string;
  observedBehaviour: string;
  observedValue?: string;
  targetMetric: string;
  targetComparator: Comparator;
  targetValue: string;
  targetUnit: string;
  /** what the pain costs the client a quarter, when known (an ROI benefit once the target is met) */
  costPerQuarterMinor?: number;
  /** gate requirement of this engagement that proves the target, by milestone key and kind */
  provenBy?: { milestoneKey: string; kind: string };
}

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
    const base = { organisationId: scope.organisationId, engagementId };
    const audit = (action: string, entityType: string, entityId: string, data: Record<string, string | number>) =>
      appendUserAuditEvent(tx, scope, { action, entityType, entityId, engagementId, data });

    for (const objective of records.objectives ?? []) {
      const { provenBy, ...fields } = objective;
      const requirementId = provenBy ? await findRequirementId(tx, scope, engagementId, provenBy) : null;
      const row = await tx.objective.create({ data: { ...base, ...fields, requirementId } });
      await audit("objective.created", "objective", row.id, {
        targetMetric: fields.targetMetric,
        targetValue: fields.targetValue,
      });
    }
    for (const clause of records.slaClauses ?? []) await createSlaClause(scope, engagementId, clause, tx);
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
