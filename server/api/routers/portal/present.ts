import { amountReaderOf, seesAmounts } from "../../../domain/amount-visibility";
import type { EngagementView } from "../../../data/engagement/read";
import type { ClientScope } from "../../../data/scope";
import type { PortalEngagementOut } from "./portal.schema";

/** Projects an engagement onto the portal's allow-list for this client user. */
export function presentForClient(scope: ClientScope, engagement: EngagementView): PortalEngagementOut {
  const showAmounts = seesAmounts(amountReaderOf(scope), engagement);
  return {
    id: engagement.id,
    title: engagement.title,
    clientName: engagement.client.name,
    currency: engagement.currency,
    feeMinor: showAmounts ? engagement.feeMinor : null,
    startDate: engagement.startDate,
    status: engagement.status,
    milestones: engagement.milestones.map((m) => ({
      id: m.id,
      key: m.key,
      title: m.title,
      kind: m.kind,
      shareBp: m.shareBp,
      amountMinor: showAmounts ? m.amountMinor : null,
      state: m.state,
    })),
  };
}
