// Every kind of in-app notice, written once (the catalog words each under "notifications.kind"):
// the data layer writes them, the procedures' output schema and the notice list read them.
export const NOTIFICATION_KINDS = [
  "approved",
  "changes_requested",
  "deemed",
  "awaiting_review",
  "sla_trigger",
  "roi_shared",
  "proposal_sent",
  "proposal_accepted",
  "proposal_declined",
  "maintenance_renewal_drafted",
  "maintenance_notice_given",
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
