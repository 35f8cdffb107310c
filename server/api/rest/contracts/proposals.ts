import { z } from "zod";
import { ZLocale } from "../../../domain/locale";
import { ZProposalStanding, ZProposalStatus } from "../../../domain/proposal/proposal";
import { ZEntityId } from "../../../domain/schemas";
import { MAX_PROPOSAL_PAGE } from "../../../data/proposal/read";
import { ZIdParams, fileResponse, jsonResponse, refusalResponse, type RestOperation } from "./shared";

// The proposals (quotes) over REST: the list, the PDF, and the client approver's decision.

export const ZRestProposal = z.object({
  id: z.string(),
  number: z.string().meta({ description: "in the organisation's proposal series, e.g. Q-2026-0001" }),
  title: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  status: ZProposalStatus,
  standing: ZProposalStanding.meta({ description: "the status, or expired for a sent proposal past validUntil" }),
  currency: z.string().length(3),
  priceMinor: z.int().meta({ description: "the price before tax, integer minor units" }),
  validUntil: z.string().meta({ description: "YYYY-MM-DD: the last day it can be accepted (UTC)" }),
  sentAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  engagementId: z.string().nullable().meta({ description: "the engagement its acceptance created" }),
});

export const ZProposalListQuery = z.strictObject({
  cursor: ZEntityId.optional().meta({ description: "the nextCursor of the previous page" }),
  limit: z.coerce.number().int().min(1).max(MAX_PROPOSAL_PAGE).default(50),
  status: ZProposalStatus.optional(),
});

export const ZProposalList = z.object({ proposals: z.array(ZRestProposal), nextCursor: z.string().nullable() });

export const ZProposalPdfQuery = z.strictObject({
  lang: ZLocale.optional().meta({ description: "the PDF's language; by default the caller's" }),
});

export const ZAcceptBody = z.strictObject({ comment: z.string().max(2000).default("") });
export const ZDeclineBody = z.strictObject({ comment: z.string().trim().min(1, "say why").max(2000) });

export const ZProposalDecided = z.object({
  id: z.string(),
  status: z.enum(["accepted", "declined"]),
  engagementId: z.string().nullable(),
});

const decisionResponses = {
  "200": jsonResponse(ZProposalDecided, "Decided"),
  "400": refusalResponse("A bad id or body"),
  "401": refusalResponse("No session"),
  "403": refusalResponse("Not the client's approver (a viewer, or a consultant)"),
  "404": refusalResponse("Unknown proposal, or one of another client"),
  "409": refusalResponse("PROPOSAL_CLOSED: expired, declined, already accepted, superseded, withdrawn"),
  "413": refusalResponse("The body is too large"),
  "415": refusalResponse("The body is not JSON"),
} as const;

export const proposalOperations: RestOperation[] = [
  {
    operationId: "listProposals",
    method: "get",
    path: "/api/v1/proposals",
    summary: "Proposals, newest first",
    description:
      "Consultants see their organisation's proposals; a client's users see the proposals sent to their client.",
    query: ZProposalListQuery,
    responses: {
      "200": jsonResponse(ZProposalList, "A page of proposals"),
      "400": refusalResponse("A bad cursor, limit or status"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("A cursor the caller cannot see"),
    },
  },
  {
    operationId: "getProposalPdf",
    method: "get",
    path: "/api/v1/proposals/{id}/pdf",
    summary: "The proposal as PDF (English or Simplified Chinese)",
    params: ZIdParams,
    query: ZProposalPdfQuery,
    responses: {
      "200": fileResponse("application/pdf", "A PDF"),
      "400": refusalResponse("A bad id or language"),
      "401": refusalResponse("No session"),
      "404": refusalResponse("Unknown proposal, or one the caller may not see"),
    },
  },
  {
    operationId: "acceptProposal",
    method: "post",
    path: "/api/v1/proposals/{id}/accept",
    summary: "The client's approver accepts a sent proposal: the engagement is created from it",
    description: "Accepted at most once; the answer names the engagement created.",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZAcceptBody } },
    responses: decisionResponses,
  },
  {
    operationId: "declineProposal",
    method: "post",
    path: "/api/v1/proposals/{id}/decline",
    summary: "The client's approver declines a sent proposal, saying why",
    params: ZIdParams,
    requestBody: { content: { "application/json": ZDeclineBody } },
    responses: decisionResponses,
  },
];
