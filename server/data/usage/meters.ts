import type { Meter } from "@prisma/client";
import type { MeterInput, Tier } from "../../domain/usage/meter";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { isUniqueViolation } from "../idempotency";
import { prisma, toMinor, transaction } from "../prisma-client";
import { DataRefusal } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { meterTiers } from "./report";

// An engagement's usage meters. A meter's name is unique in its engagement (events name it); a
// meter counts from the moment it is created, so usage cannot be back-dated before it existed.

export interface MeterView {
  id: string;
  meter: string;
  unit: string;
  period: "month";
  timezone: string;
  freeQuantity: number;
  tiers: Tier[];
  /** ISO time: events before it are refused */
  activeFrom: string;
  createdAt: string;
}

export class MeterRefusal extends DataRefusal<"DUPLICATE_METER"> {
  override name = "MeterRefusal";
}

export function meterView(row: Meter): MeterView {
  return {
    id: row.id,
    meter: row.meter,
    unit: row.unit,
    period: "month",
    timezone: row.timezone,
    freeQuantity: toMinor(row.freeQuantity),
    tiers: meterTiers(row.tiers),
    activeFrom: row.activeFrom.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

const duplicate = (name: string) =>
  new MeterRefusal("DUPLICATE_METER", [`the engagement already has a meter named "${name}"`]);

/** `activeFrom`: when the meter starts counting (now unless given, e.g. a demo's back-dated meter). */
export async function createMeter(
  scope: OrgScope,
  engagementId: string,
  input: MeterInput,
  activeFrom?: Date,
): Promise<MeterView> {
  try {
    return await transaction(async (tx) => {
      await visibleEngagement(scope, engagementId, tx);
      const taken = await tx.meter.findUnique({
        where: { engagementId_meter: { engagementId, meter: input.meter } },
        select: { id: true },
      });
      if (taken) throw duplicate(input.meter);
      const row = await tx.meter.create({
        data: {
          organisationId: scope.organisationId,
          engagementId,
          meter: input.meter,
          unit: input.unit,
          period: input.period,
          timezone: input.timezone,
          freeQuantity: BigInt(input.freeQuantity),
          tiers: input.tiers,
          ...(activeFrom ? { activeFrom } : {}),
        },
      });
      const view = meterView(row);
      await appendUserAuditEvent(tx, scope, {
        action: "meter.created",
        entityType: "meter",
        entityId: row.id,
        engagementId,
        after: {
          meter: view.meter,
          unit: view.unit,
          period: view.period,
          timezone: view.timezone,
          freeQuantity: view.freeQuantity,
          tiers: view.tiers,
          activeFrom: view.activeFrom,
        },
      });
      return view;
    });
  } catch (error) {
    // two creations of one name at once: the unique index refuses the later one
    if (isUniqueViolation(error)) throw duplicate(input.meter);
    throw error;
  }
}

/** The engagement's meters by name (NotFound when the scope may not see the engagement). */
export async function listMeters(scope: OrgScope | ClientScope, engagementId: string): Promise<MeterView[]> {
  await visibleEngagement(scope, engagementId);
  const rows = await prisma().meter.findMany({
    where: { engagementId, organisationId: scope.organisationId },
    orderBy: [{ meter: "asc" }],
  });
  return rows.map(meterView);
}
