import { appendAuditEvent, appendUserAuditEvent } from "../audit/chain";
import { transaction, type Tx } from "../prisma-client";
import { NotFound } from "../refusal";
import type { OrgScope } from "../scope";

export interface NewAccount {
  email: string;
  name: string;
  passwordHash: string;
  locale?: "en" | "zh-CN" | null;
}

/** Creates a consultancy with its owner; the first audit event starts the tenant's chain. */
export interface SellerDetails {
  legalName: string;
  taxId: string;
  address: string;
  paymentInstructions: string;
}

export async function createOrganisationWithOwner(input: {
  name: string;
  slug: string;
  locale: string;
  owner: NewAccount;
  seller?: SellerDetails;
}) {
  return transaction((tx) => insertOrganisationWithOwner(tx, input));
}

/** The same inside the caller's transaction (the first organisation, made from /setup). */
export async function insertOrganisationWithOwner(
  tx: Tx,
  input: { name: string; slug: string; locale: string; owner: NewAccount; seller?: SellerDetails },
) {
  const organisation = await tx.organisation.create({
    data: { name: input.name, slug: input.slug, locale: input.locale, ...input.seller },
  });
  const owner = await tx.user.create({
    data: { ...input.owner, organisationId: organisation.id, kind: "consultant" },
    select: { id: true },
  });
  await tx.membership.create({ data: { organisationId: organisation.id, userId: owner.id, role: "owner" } });
  await appendAuditEvent(tx, {
    organisationId: organisation.id,
    actorKind: "system",
    actorId: null,
    action: "organisation.created",
    entityType: "organisation",
    entityId: organisation.id,
    data: { name: input.name, ownerId: owner.id },
  });
  return { organisationId: organisation.id, ownerId: owner.id };
}

export interface NewClient {
  name: string;
  legalName?: string;
  taxId?: string;
  address?: string;
  billingEmail?: string;
}

export async function createClient(scope: OrgScope, input: NewClient): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const client = await tx.client.create({
      data: { ...input, organisationId: scope.organisationId },
      select: { id: true },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "client.created",
      entityType: "client",
      entityId: client.id,
      data: { name: input.name },
    });
    return client;
  });
}

/** Adds a portal user to one of the organisation's clients (never another tenant's client). */
export async function createClientUser(
  scope: OrgScope,
  input: NewAccount & { clientId: string; role: "approver" | "viewer" },
): Promise<{ id: string }> {
  return transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { id: input.clientId, organisationId: scope.organisationId },
      select: { id: true },
    });
    if (!client) throw new NotFound("Client");
    const { clientId, role, ...account } = input;
    const user = await tx.user.create({
      data: { ...account, organisationId: scope.organisationId, kind: "client" },
      select: { id: true },
    });
    await tx.clientUser.create({ data: { organisationId: scope.organisationId, clientId, userId: user.id, role } });
    await appendUserAuditEvent(tx, scope, {
      action: "client_user.created",
      entityType: "user",
      entityId: user.id,
      data: { clientId, role },
    });
    return user;
  });
}
