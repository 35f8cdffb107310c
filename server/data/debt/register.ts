import type { DebtItemView } from "../../domain/debt/item";
import { NotFound } from "../refusal";
import { prisma, toMinor } from "../prisma-client";
import type { OrgScope } from "../scope";
import { debtItemView } from "./items";

// The consultant's register: the items, what prices them (the engagement's day rate and currency)
// and the objectives an item may be linked to, in one statement.

export interface DebtRegister {
  items: DebtItemView[];
  dayRateMinor: number | null;
  currency: string;
  objectives: { id: string; title: string }[];
}

export async function debtRegister(scope: OrgScope, engagementId: string): Promise<DebtRegister> {
  const engagement = await prisma().engagement.findFirst({
    where: { id: engagementId, organisationId: scope.organisationId },
    select: {
      currency: true,
      dayRateMinor: true,
      debtItems: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      objectives: { select: { id: true, painStatement: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!engagement) throw new NotFound("Engagement");
  return {
    items: engagement.debtItems.map(debtItemView),
    dayRateMinor: engagement.dayRateMinor === null ? null : toMinor(engagement.dayRateMinor),
    currency: engagement.currency,
    objectives: engagement.objectives.map((row) => ({ id: row.id, title: row.painStatement })),
  };
}
