import { z } from "zod";
import { ENGAGEMENT_STATUSES } from "../../../domain/engagement-status";
import { ZMilestoneState } from "../../../domain/milestone";
import { ZIdParams, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// GET /api/v1/engagements[/{id}]

export const ZEngagementSummary = z.object({
  id: z.string(),
  title: z.string(),
  client: z.string().meta({ description: "client name" }),
  currency: z.string().meta({ description: "ISO 4217 code", example: "CNY" }),
  feeMinor: z.int().nullable().meta({
    description:
      "fee in integer minor units (CNY 1,000,000.00 is 100000000); null for portal viewers when amounts are hidden",
  }),
  startDate: z.iso.date(),
  status: z.enum(ENGAGEMENT_STATUSES),
});

export const ZRestMilestone = z.object({
  id: z.string(),
  key: z.string().meta({ description: "template keys: review, poc, delivery, upgrade" }),
  title: z.string(),
  shareBp: z.int().meta({ description: "share of the fee in basis points (10000 = 100%)" }),
  amountMinor: z.int().nullable().meta({ description: "amount in integer minor units" }),
  state: ZMilestoneState,
});

export const ZEngagementListResponse = z.object({ engagements: z.array(ZEngagementSummary) });
export const ZEngagementDetailResponse = ZEngagementSummary.extend({ milestones: z.array(ZRestMilestone) });

export const engagementOperations: RestOperation[] = [
  {
    operationId: "listEngagements",
    method: "get",
    path: "/api/v1/engagements",
    summary: "Engagements visible to the caller",
    description: "A consultant sees the organisation's engagements; a client user those of their own client.",
    responses: {
      "200": jsonResponse(ZEngagementListResponse, "The engagements"),
      "401": refusalResponse("No session"),
    },
  },
  {
    operationId: "getEngagement",
    method: "get",
    path: "/api/v1/engagements/{id}",
    summary: "One engagement with its milestones",
    params: ZIdParams,
    responses: {
      "200": jsonResponse(ZEngagementDetailResponse, "The engagement"),
      "400": refusalResponse("The id is not an id"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown id, or an engagement the caller may not see"),
    },
  },
];
