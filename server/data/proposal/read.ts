import type { Prisma } from "@prisma/client";
import type { ProposalDocumentSource } from "../../domain/proposal/document";
import type { ProposalStatus, ProposalView } from "../../domain/proposal/proposal";
import { cursorArgs, pageOf, pageSize, type Page } from "../page";
import { prisma } from "../prisma-client";
import { NotFound } from "../refusal";
import type { ClientScope, OrgScope } from "../scope";
import { todayIso } from "../../domain/proposal/standing";
import { PROPOSAL_SELECT, proposalView, type ProposalReader } from "./view";

// Who sees which proposal: the organisation's consultants all of its proposals; a client's users
// the proposals of their client that were sent (never a draft, nor one withdrawn before sending).
// Anything else is "not found".

export const MAX_PROPOSAL_PAGE = 200;

export function visibleProposalFilter(scope: OrgScope | ClientScope): Prisma.ProposalWhereInput {
  if ("clientId" in scope)
    return { organisationId: scope.organisationId, clientId: scope.clientId, sentAt: { not: null } };
  return { organisationId: scope.organisationId };
}

const readerOf = (scope: OrgScope | ClientScope): ProposalReader => ("clientId" in scope ? "client" : "organisation");

export async function getProposal(scope: OrgScope | ClientScope, id: string): Promise<ProposalView> {
  const row = await prisma().proposal.findFirst({
    where: { AND: [{ id }, visibleProposalFilter(scope)] },
    select: PROPOSAL_SELECT,
  });
  if (!row) throw new NotFound("Proposal");
  return proposalView(row, new Date(), readerOf(scope));
}

/**
 * Newest first, `limit` at a time; `cursor` is the last id of the previous page. `open`: only the
 * proposals that can still be decided (sent, valid today).
 */
export async function listProposals(
  scope: OrgScope | ClientScope,
  options: { cursor?: string; limit: number; status?: ProposalStatus; open?: boolean },
): Promise<Page<ProposalView>> {
  const limit = pageSize(options.limit, MAX_PROPOSAL_PAGE);
  const open: Prisma.ProposalWhereInput = options.open
    ? { status: "sent", validUntil: { gte: new Date(`${todayIso(new Date())}T00:00:00Z`) } }
    : {};
  const where: Prisma.ProposalWhereInput = {
    AND: [visibleProposalFilter(scope), options.status ? { status: options.status } : {}, open],
  };
  if (options.cursor) {
    const start = await prisma().proposal.findFirst({
      where: { AND: [where, { id: options.cursor }] },
      select: { id: true },
    });
    if (!start) throw new NotFound("Cursor");
  }
  const rows = await prisma().proposal.findMany({
    where,
    select: PROPOSAL_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...cursorArgs(options.cursor, limit),
  });
  const reader = readerOf(scope);
  const now = new Date();
  return pageOf(rows, limit, (row) => proposalView(row, now, reader));
}

/** What the proposal's document prints: the proposal, the seller's and the client's details. */
export async function proposalDocumentSource(
  scope: OrgScope | ClientScope,
  id: string,
): Promise<ProposalDocumentSource> {
  const proposal = await getProposal(scope, id);
  const [seller, client] = await Promise.all([
    prisma().organisation.findUniqueOrThrow({
      where: { id: scope.organisationId },
      select: { name: true, legalName: true, address: true, taxId: true },
    }),
    prisma().client.findFirstOrThrow({
      where: { id: proposal.client.id, organisationId: scope.organisationId },
      select: { name: true, legalName: true, address: true },
    }),
  ]);
  return { proposal, seller, client };
}
