import { createContract } from "../data/maintenance/write";
import type { OrgScope } from "../data/scope";

// The bank's annual maintenance after delivery: upgrade rights, quarterly rule updates and security
// fixes under the engagement's SLA clauses, renewed every year unless the bank gives 30 days'
// notice. The demo leaves delivery for a newcomer to walk to paid, so the contract starts on
// delivery's planned month (a contract created after a paid delivery starts on the day it was paid).

const DELIVERY_PLANNED = "2027-03-01";

export async function seedDemoMaintenance(
  owner: OrgScope,
  engagement: { id: string; milestones: { key: string; amountMinor: number }[] },
  clauseIds: string[],
): Promise<void> {
  const upgrade = engagement.milestones.find((m) => m.key === "upgrade");
  await createContract(owner, {
    engagementId: engagement.id,
    startsOn: DELIVERY_PLANNED,
    feeMinor: upgrade?.amountMinor,
    termMonths: 12,
    includes:
      "Upgrade channel for the synchroniser's v1 line; quarterly rule updates (chain forks, new token standards); " +
      "security fixes within the SLA's response times.",
    clauseIds,
    autoRenew: true,
    noticeDays: 30,
    releaseTagPattern: "v1.*",
  });
}
