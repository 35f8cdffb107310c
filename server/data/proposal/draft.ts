import type { Prisma } from "@prisma/client";
import { computePrice } from "../../domain/proposal/price";
import { ZProposalDraft, type ProposalDraft, type ProposalView } from "../../domain/proposal/proposal";
import {
  draftProblems,
  offerSnapshot,
  REVISABLE_STATUSES,
  todayIso,
  WITHDRAWABLE_STATUSES,
} from "../../domain/proposal/standing";
import { appendUserAuditEvent } from "../audit/chain";
import { readPackageIn } from "../package/read";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import { lockOrganisationRow } from "../row-lock";
import type { OrgScope } from "../scope";
import { nextProposalNumber } from "./number";
import { ProposalRefusal } from "./refusal";
import { PROPOSAL_SELECT, proposalView } from "./view";

// A consultant's proposals: made from a package (numbered at creation in their own series, the
// offer snapshotted, the price computed), revised into a new draft that supersedes the old one
// once it is sent, or withdrawn. Each change writes its audit event in its transaction.

const dateColumn = (iso: string) => new Date(`${iso}T00:00:00Z`);

function parseDraft(input: ProposalDraft): ProposalDraft {
  const parsed = ZProposalDraft.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new ProposalRefusal(
    "UNPROCESSABLE",
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "draft"}: ${issue.message}`),
  );
}

/** The proposal row, locked until commit, when it is the organisation's. */
export async function lockedProposal(tx: Tx, organisationId: string, id: string) {
  if (!(await lockOrganisationRow(tx, "Proposal", id, organisationId))) throw new NotFound("Proposal");
  return tx.proposal.findUniqueOrThrow({ where: { id }, select: PROPOSAL_SELECT });
}

async function writeProposal(
  tx: Tx,
  scope: OrgScope,
  input: ProposalDraft,
  now: Date,
  revisesId: string | null,
): Promise<ProposalView> {
  const draft = parseDraft(input);
  const client = await tx.client.findFirst({
    where: { id: draft.clientId, organisationId: scope.organisationId },
    select: { id: true },
  });
  if (!client) throw new NotFound("Client");
  const pkg = await readPackageIn(tx, scope.organisationId, draft.packageId);
  if (pkg.archived) throw new ProposalRefusal("UNPROCESSABLE", [`packageId: the package "${pkg.name}" is archived`]);
  const today = todayIso(now);
  const problems = draftProblems(draft, pkg, today);
  if (problems.length > 0)
    throw new ProposalRefusal(
      "UNPROCESSABLE",
      problems.map((problem) => `${problem.key}: ${problem.message}`),
    );
  const offer = offerSnapshot(draft, pkg);
  const price = computePrice(offer.pricing, offer.quantities, pkg.currency, "en");
  const { series, sequence, number } = await nextProposalNumber(tx, scope.organisationId, today);
  const row = await tx.proposal.create({
    data: {
      organisationId: scope.organisationId,
      clientId: client.id,
      packageId: pkg.id,
      number,
      series,
      sequence,
      title: draft.title,
      currency: pkg.currency,
      taxRateBp: draft.taxRateBp,
      paymentTermsDays: draft.paymentTermsDays,
      startDate: dateColumn(draft.startDate),
      validUntil: dateColumn(draft.validUntil),
      offer: offer as unknown as Prisma.InputJsonValue,
      priceMinor: BigInt(price.totalMinor),
      revisesId,
      createdByUserId: scope.userId,
    },
    select: PROPOSAL_SELECT,
  });
  await appendUserAuditEvent(tx, scope, {
    action: "proposal.created",
    entityType: "proposal",
    entityId: row.id,
    data: {
      number,
      title: draft.title,
      clientId: client.id,
      packageId: pkg.id,
      packageRevision: pkg.revision,
      currency: pkg.currency,
      priceMinor: price.totalMinor,
      validUntil: draft.validUntil,
      revisesId,
    },
  });
  return proposalView(row, now);
}

/** A new proposal (a draft) for a client of the organisation from one of its packages. */
export function createProposal(scope: OrgScope, draft: ProposalDraft, now = new Date()): Promise<ProposalView> {
  return transaction((tx) => writeProposal(tx, scope, draft, now, null));
}

/**
 * A revision: a new draft with its own number that names the proposal it revises. A draft, a sent
 * or a declined proposal may be revised, once; the revised one is superseded when the revision is
 * sent (until then the client can still decide it).
 */
export function reviseProposal(
  scope: OrgScope,
  proposalId: string,
  draft: ProposalDraft,
  now = new Date(),
): Promise<ProposalView> {
  return transaction(async (tx) => {
    const original = await lockedProposal(tx, scope.organisationId, proposalId);
    if (!REVISABLE_STATUSES.includes(original.status))
      throw new ProposalRefusal("NOT_EDITABLE", [`a ${original.status} proposal cannot be revised`]);
    if (original.revisedBy)
      throw new ProposalRefusal("NOT_EDITABLE", [`already revised by ${original.revisedBy.number}`]);
    if (draft.clientId !== original.client.id)
      throw new ProposalRefusal("UNPROCESSABLE", ["clientId: a revision is for the client of the proposal it revises"]);
    return writeProposal(tx, scope, draft, now, original.id);
  });
}

/** Takes a draft or a sent proposal back: the client can no longer accept it. */
export function withdrawProposal(scope: OrgScope, proposalId: string, now = new Date()): Promise<ProposalView> {
  return transaction(async (tx) => {
    const row = await lockedProposal(tx, scope.organisationId, proposalId);
    if (!WITHDRAWABLE_STATUSES.includes(row.status))
      throw new ProposalRefusal("NOT_EDITABLE", [`a ${row.status} proposal cannot be withdrawn`]);
    // a draft revision taken back no longer revises anything, so its original can be revised again
    const updated = await tx.proposal.update({
      where: { id: row.id },
      data: { status: "withdrawn", ...(row.status === "draft" ? { revisesId: null } : {}) },
      select: PROPOSAL_SELECT,
    });
    await appendUserAuditEvent(tx, scope, {
      action: "proposal.withdrawn",
      entityType: "proposal",
      entityId: row.id,
      data: { number: row.number, from: row.status },
    });
    return proposalView(updated, now);
  });
}
