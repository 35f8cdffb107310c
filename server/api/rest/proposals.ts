import type { z } from "zod";
import { organisationLocale } from "../../data/organisation/settings";
import { decideProposal } from "../../data/proposal/decide";
import { listProposals, proposalDocumentSource } from "../../data/proposal/read";
import type { ProposalView } from "../../domain/proposal/proposal";
import { renderProposalPdf } from "../../services/pdf/proposal";
import { deliverOutbox, smtpConfigured } from "../../services/mail/deliver";
import type { SessionClaims } from "../../auth";
import { localeFor } from "../locale";
import { appOrigin } from "../origin";
import {
  ZAcceptBody,
  ZDeclineBody,
  ZProposalListQuery,
  ZProposalPdfQuery,
  type ZProposalDecided,
  type ZRestProposal,
} from "./contracts/proposals";
import { ZIdParams, parseRequest, queryOf } from "./contracts/shared";
import { readJsonBody } from "./json-body";
import { attachment, errorResponse, json, refused } from "./respond";
import { restScope } from "./session-scope";

// GET /api/v1/proposals, GET /api/v1/proposals/{id}/pdf, POST /api/v1/proposals/{id}/accept and
// /decline. A decision is the client approver's; a closed proposal answers 409 PROPOSAL_CLOSED
// with its reasons.

const MAX_DECISION_BODY_BYTES = 16 * 1024;

const restProposal = (p: ProposalView): z.infer<typeof ZRestProposal> => ({
  id: p.id,
  number: p.number,
  title: p.title,
  client: p.client,
  status: p.status,
  standing: p.standing,
  currency: p.currency,
  priceMinor: p.priceMinor,
  validUntil: p.validUntil,
  sentAt: p.sentAt,
  decidedAt: p.decidedAt,
  engagementId: p.engagementId,
});

export async function listProposalsRest(session: SessionClaims | null, request: Request): Promise<Response> {
  const query = parseRequest(ZProposalListQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const page = await listProposals(scope, query.data);
    return json({ proposals: page.items.map(restProposal), nextCursor: page.nextCursor });
  } catch (error) {
    return errorResponse(error);
  }
}

export async function proposalPdfRest(session: SessionClaims | null, id: string, request: Request): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const query = parseRequest(ZProposalPdfQuery, queryOf(request), "query");
  if (!query.ok) return query.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  try {
    const source = await proposalDocumentSource(scope, params.data.id);
    const lang =
      query.data.lang ??
      ("clientId" in scope
        ? await localeFor(session, request.headers.get("accept-language"))
        : await organisationLocale(scope));
    const bytes = await renderProposalPdf(source, lang);
    return attachment(new Uint8Array(bytes), {
      type: "application/pdf",
      filename: `proposal-${source.proposal.number.replace(/[^\w-]+/g, "_")}-${lang}.pdf`,
      length: bytes.length,
    });
  } catch (error) {
    return errorResponse(error);
  }
}

async function decideRest(
  session: SessionClaims | null,
  id: string,
  request: Request,
  decision: "accept" | "decline",
): Promise<Response> {
  const params = parseRequest(ZIdParams, { id }, "path");
  if (!params.ok) return params.response;
  const { scope, response } = await restScope(session);
  if (!scope) return response;
  if (!("clientId" in scope))
    return refused(403, "FORBIDDEN", ["only the client's approver accepts or declines a proposal"]);
  const body = await readJsonBody(request, MAX_DECISION_BODY_BYTES);
  if (!body.ok) return body.response;
  const parsed = parseRequest(decision === "accept" ? ZAcceptBody : ZDeclineBody, body.value, "body");
  if (!parsed.ok) return parsed.response;
  try {
    const decided = await decideProposal(
      scope,
      params.data.id,
      { decision, comment: parsed.data.comment },
      { origin: appOrigin(request), smtpConfigured: smtpConfigured() },
    );
    void deliverOutbox();
    const answer: z.infer<typeof ZProposalDecided> = {
      id: decided.id,
      status: decided.status === "accepted" ? "accepted" : "declined",
      engagementId: decided.engagementId,
    };
    return json(answer);
  } catch (error) {
    return errorResponse(error);
  }
}

export const acceptProposalRest = (session: SessionClaims | null, id: string, request: Request) =>
  decideRest(session, id, request, "accept");

export const declineProposalRest = (session: SessionClaims | null, id: string, request: Request) =>
  decideRest(session, id, request, "decline");
