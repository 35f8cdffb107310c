import { ROI_DEFAULTS, ROI_LIMITS } from "../../domain/roi/inputs";
import { appendUserAuditEvent } from "../audit/chain";
import { visibleEngagement } from "../engagement/visible";
import { transaction, type Tx } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import type { OrgScope } from "../scope";
import { seedFromEngagementId } from "./inputs";
import { scheduleRoiSimulation } from "./report";

// The consultant's ROI settings: discount rate, horizon, seed and draws (RoiModel, created on the
// first change), the engagement's day rate, and the month each milestone's fee is planned for.

export interface RoiSettingsView {
  discountRateBp: number;
  horizonMonths: number;
  seed: number;
  draws: number;
  dayRateMinor: number | null;
}

export interface RoiSettingsChange {
  discountRateBp?: number;
  horizonMonths?: number;
  seed?: number;
  draws?: number;
  dayRateMinor?: number | null;
}

/** The ranges each setting must fall in; the reasons name each one that does not. */
export const ROI_SETTING_RANGES = {
  discountRateBp: { min: 0, max: ROI_LIMITS.maxDiscountRateBp },
  horizonMonths: { min: 1, max: ROI_LIMITS.maxHorizonMonths },
  seed: { min: 0, max: 2_147_483_647 },
  draws: { min: 100, max: ROI_LIMITS.maxDraws },
  dayRateMinor: { min: 0, max: ROI_LIMITS.maxDayRateMinor },
} as const;

function problems(change: RoiSettingsChange): string[] {
  const reasons: string[] = [];
  for (const [name, range] of Object.entries(ROI_SETTING_RANGES)) {
    const value = change[name as keyof RoiSettingsChange];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < range.min || value > range.max)
      reasons.push(`${name}: a whole number from ${range.min} to ${range.max}`);
  }
  return reasons;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

async function currentSettings(tx: Tx, engagementId: string): Promise<RoiSettingsView> {
  const engagement = await tx.engagement.findUniqueOrThrow({
    where: { id: engagementId },
    select: {
      dayRateMinor: true,
      roiModel: { select: { discountRateBp: true, horizonMonths: true, seed: true, draws: true } },
    },
  });
  return {
    discountRateBp: engagement.roiModel?.discountRateBp ?? ROI_DEFAULTS.discountRateBp,
    horizonMonths: engagement.roiModel?.horizonMonths ?? ROI_DEFAULTS.horizonMonths,
    seed: engagement.roiModel?.seed ?? seedFromEngagementId(engagementId),
    draws: engagement.roiModel?.draws ?? ROI_DEFAULTS.draws,
    dayRateMinor: engagement.dayRateMinor === null ? null : Number(engagement.dayRateMinor),
  };
}

export async function updateRoiSettings(
  scope: OrgScope,
  engagementId: string,
  change: RoiSettingsChange,
): Promise<RoiSettingsView> {
  const reasons = problems(change);
  if (reasons.length > 0) throw new DataRefusal("BAD_REQUEST", reasons);
  const after = await transaction(async (tx) => {
    await visibleEngagement(scope, engagementId, tx);
    const before = await currentSettings(tx, engagementId);
    const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined));
    const { dayRateMinor, ...model } = { ...before, ...given } as RoiSettingsView;
    const next: RoiSettingsView = { ...model, dayRateMinor: dayRateMinor ?? null };
    await tx.roiModel.upsert({
      where: { engagementId },
      create: { organisationId: scope.organisationId, engagementId, ...model },
      update: model,
    });
    if (change.dayRateMinor !== undefined && change.dayRateMinor !== before.dayRateMinor)
      await tx.engagement.update({
        where: { id: engagementId },
        data: { dayRateMinor: change.dayRateMinor === null ? null : BigInt(change.dayRateMinor) },
      });
    await appendUserAuditEvent(tx, scope, {
      action: "roi.settings_changed",
      entityType: "engagement",
      entityId: engagementId,
      engagementId,
      before: { ...before },
      after: { ...next },
    });
    return next;
  });
  await scheduleRoiSimulation(scope.organisationId, engagementId);
  return after;
}

/** Plans the month a milestone's fee is expected (YYYY-MM), or clears it (null). */
export async function planMilestone(scope: OrgScope, milestoneId: string, month: string | null): Promise<void> {
  if (month !== null && !MONTH.test(month)) throw new DataRefusal("BAD_REQUEST", ["month: a month, YYYY-MM"]);
  const engagementId = await transaction(async (tx) => {
    const milestone = await tx.milestone.findFirst({
      where: { id: milestoneId, organisationId: scope.organisationId },
      select: { id: true, engagementId: true, plannedOn: true },
    });
    if (!milestone) throw new NotFound("Milestone");
    const plannedOn = month === null ? null : new Date(`${month}-01T00:00:00Z`);
    await tx.milestone.update({ where: { id: milestone.id }, data: { plannedOn } });
    await appendUserAuditEvent(tx, scope, {
      action: "milestone.planned",
      entityType: "milestone",
      entityId: milestone.id,
      engagementId: milestone.engagementId,
      before: { plannedMonth: milestone.plannedOn ? milestone.plannedOn.toISOString().slice(0, 7) : null },
      after: { plannedMonth: month },
    });
    return milestone.engagementId;
  });
  await scheduleRoiSimulation(scope.organisationId, engagementId);
}
