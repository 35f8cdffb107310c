import { Prisma, type DebtItem } from "@prisma/client";
import type { DebtImpact, DebtItemFields, DebtItemView } from "../../domain/debt/item";
import { appendAuditEvent } from "../audit/chain";
import type { Tx } from "../prisma-client";
import { DataRefusal } from "../refusal";
import type { TokenScope } from "../scope";
import { debtItemView, parseDebtFields } from "./items";

// A pipeline's import (an engagement API token, no user behind it): the same rows, revision and
// audit trail as a consultant's create and edit (./items.ts), written with the token as the
// actor. It only ever writes what an import sets: a new item's imported fields, or an item's
// effort and description.

export interface ImportWrite {
  source: string;
  title: string;
  description: string;
  impact: DebtImpact;
  days: number;
}

const days = (value: number) => new Prisma.Decimal(value.toFixed(2));

function fieldsOf(view: DebtItemView): DebtItemFields {
  const { id: _id, engagementId: _e, source: _s, revision: _r, createdAt: _c, updatedAt: _u, ...fields } = view;
  return fields;
}

const summary = (view: DebtItemView) => ({
  revision: view.revision,
  title: view.title,
  impact: view.impact,
  status: view.status,
  costPerQuarterLikelyMinor: view.costPerQuarterMinor.likely,
  fixDaysLikely: view.fixDays.likely,
});

async function record(tx: Tx, scope: TokenScope, row: DebtItem, action: string, before?: DebtItemView) {
  const view = debtItemView(row);
  await tx.debtItemRevision.create({
    data: {
      organisationId: row.organisationId,
      debtItemId: row.id,
      revision: row.revision,
      fields: fieldsOf(view) as unknown as Prisma.InputJsonValue,
      actorUserId: null,
    },
  });
  await appendAuditEvent(tx, {
    organisationId: scope.organisationId,
    actorKind: "api_token",
    actorId: scope.tokenId,
    action,
    entityType: "debt_item",
    entityId: row.id,
    engagementId: row.engagementId,
    ...(before ? { before: summary(before) } : {}),
    after: summary(view),
    data: { source: row.source },
  });
  return view;
}

export async function createImportedItem(tx: Tx, scope: TokenScope, item: ImportWrite): Promise<DebtItemView> {
  const point = { low: item.days, likely: item.days, high: item.days };
  const fields = parseDebtFields({ ...item, costPerQuarterMinor: 0, fixDays: point });
  const row = await tx.debtItem.create({
    data: {
      organisationId: scope.organisationId,
      engagementId: scope.engagementId,
      source: item.source,
      title: fields.title,
      description: fields.description,
      impact: fields.impact,
      costPerQuarterLowMinor: 0n,
      costPerQuarterLikelyMinor: 0n,
      costPerQuarterHighMinor: 0n,
      fixDaysLow: days(item.days),
      fixDaysLikely: days(item.days),
      fixDaysHigh: days(item.days),
    },
  });
  return record(tx, scope, row, "debt_item.created");
}

export async function updateImportedItem(
  tx: Tx,
  scope: TokenScope,
  current: DebtItemView,
  item: ImportWrite,
): Promise<DebtItemView> {
  parseDebtFields({ ...fieldsOf(current), description: item.description, fixDays: item.days });
  const { count } = await tx.debtItem.updateMany({
    where: { id: current.id, organisationId: scope.organisationId, revision: current.revision },
    data: {
      description: item.description,
      fixDaysLow: days(item.days),
      fixDaysLikely: days(item.days),
      fixDaysHigh: days(item.days),
      revision: current.revision + 1,
    },
  });
  if (count === 0)
    throw new DataRefusal("CONFLICT", [
      `the debt item from ${item.source} was changed during the import; import again`,
    ]);
  const row = await tx.debtItem.findUniqueOrThrow({ where: { id: current.id } });
  return record(tx, scope, row, "debt_item.edited", current);
}
