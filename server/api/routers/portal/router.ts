import { createTRPCRouter } from "../../trpc";
import { attestAsClient } from "../milestone/attest";
import { transitionAsClient } from "../milestone/transition";
import { getPortalEngagement } from "./engagement-get";
import { listPortalEngagements } from "./engagement-list";
import { portalAdrRouter } from "../adr/router";
import { getPortalInvoice } from "./invoice-get";
import { listPortalInvoices } from "./invoice-list";
import { engagementApprovals } from "./engagement-approvals";
import { reviewMilestone } from "./milestone-review";
import { portalSlaRouter } from "../sla/router";
import { roiAsClient } from "./roi";
import { listPortalProposals } from "./proposal-list";
import { getPortalProposal } from "./proposal-get";
import { decidePortalProposal } from "./proposal-decide";
import { objectivesAsClient } from "./objectives";
import { portalMaintenanceRouter } from "./maintenance";
import { portalUsageRouter } from "./usage";

export const portalRouter = createTRPCRouter({
  engagement: createTRPCRouter({
    list: listPortalEngagements,
    get: getPortalEngagement,
    approvals: engagementApprovals,
  }),
  milestone: createTRPCRouter({ transition: transitionAsClient, review: reviewMilestone, attest: attestAsClient }),
  invoice: createTRPCRouter({ list: listPortalInvoices, get: getPortalInvoice }),
  adr: portalAdrRouter,
  sla: portalSlaRouter,
  roi: roiAsClient,
  proposals: listPortalProposals,
  proposal: getPortalProposal,
  decideProposal: decidePortalProposal,
  objectives: objectivesAsClient,
  maintenance: portalMaintenanceRouter,
  usage: portalUsageRouter,
});
