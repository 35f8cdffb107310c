// The engagement's tabs, written once: the layout's tab bar and the pages' headings read this list.
// A new tab is one line here plus its page under app/(consultant)/engagements/[id]/<segment>/.

export const ENGAGEMENT_TABS = [
  { key: "overview", segment: "" },
  { key: "objectives", segment: "objectives" },
  { key: "milestones", segment: "milestones" },
  { key: "invoices", segment: "invoices" },
  { key: "decisions", segment: "decisions", alsoUnder: ["adrs"] },
  { key: "sla", segment: "sla" },
  { key: "maintenance", segment: "maintenance" },
  { key: "usage", segment: "usage" },
  { key: "debt", segment: "debt" },
  { key: "roi", segment: "roi" },
  { key: "audit", segment: "audit" },
] as const satisfies readonly { key: string; segment: string; alsoUnder?: readonly string[] }[];

export type EngagementTabKey = (typeof ENGAGEMENT_TABS)[number]["key"];

export function engagementTabHref(engagementId: string, segment: string): string {
  return segment ? `/engagements/${engagementId}/${segment}` : `/engagements/${engagementId}`;
}
