import { appendUserAuditEvent } from "../audit/chain";
import { transaction } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

// What the client portal shows and allows for one engagement: whether viewers see amounts, and
// after how many days without a decision a verified milestone is deemed accepted (null: never).

export interface PortalSettings {
  hideAmountsFromViewers: boolean;
  deemedAcceptanceDays: number | null;
}

export async function updatePortalSettings(
  scope: OrgScope,
  engagementId: string,
  settings: PortalSettings,
  now = new Date(),
): Promise<PortalSettings> {
  return transaction(async (tx) => {
    const row = await tx.engagement.findFirst({
      where: { id: engagementId, organisationId: scope.organisationId },
      select: { id: true, hideAmountsFromViewers: true, deemedAcceptanceDays: true },
    });
    if (!row) throw new NotFound("Engagement");
    const before = {
      hideAmountsFromViewers: row.hideAmountsFromViewers,
      deemedAcceptanceDays: row.deemedAcceptanceDays,
    };
    if (
      before.hideAmountsFromViewers === settings.hideAmountsFromViewers &&
      before.deemedAcceptanceDays === settings.deemedAcceptanceDays
    )
      return before;
    // a new rule counts from now (server/domain/deemed-acceptance.ts): never retroactively
    const ruleChanged = before.deemedAcceptanceDays !== settings.deemedAcceptanceDays;
    const since = ruleChanged ? (settings.deemedAcceptanceDays === null ? null : now) : undefined;
    await tx.engagement.update({
      where: { id: row.id },
      data: { ...settings, ...(since !== undefined ? { deemedAcceptanceSince: since } : {}) },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "engagement.portal_settings_changed",
      entityType: "engagement",
      entityId: row.id,
      engagementId: row.id,
      before: { ...before },
      after: { ...settings, ...(ruleChanged ? { deemedAcceptanceSince: since?.toISOString() ?? null } : {}) },
    });
    return settings;
  });
}
