import { createTRPCRouter } from "../../trpc";
import { attestAsClient } from "../milestone/attest";
import { transitionAsClient } from "../milestone/transition";
import { getPortalEngagement, listPortalEngagements } from "./engagements";
import { portalAdrRouter } from "../adr/router";
import { getPortalInvoice, listPortalInvoices } from "./invoices";
import { engagementApprovals, reviewMilestone } from "./review";

export const portalRouter = createTRPCRouter({
  engagement: createTRPCRouter({ list: listPortalEngagements, get: getPortalEngagement, approvals: engagementApprovals }),
  milestone: createTRPCRouter({ transition: transitionAsClient, review: reviewMilestone, attest: attestAsClient }),
  invoice: createTRPCRouter({ list: listPortalInvoices, get: getPortalInvoice }),
  adr: portalAdrRouter,
});
