import { randomBytes } from "node:crypto";
import { DEFAULT_TOKEN_DAYS, formatToken, tokenExpiry, tokenHash } from "../../domain/api-token";
import { isEnded } from "../../domain/engagement-status";
import { appendUserAuditEvent } from "../audit/chain";
import { prisma, transaction } from "../prisma-client";
import { DataRefusal, NotFound } from "../refusal";
import { asTokenScope, type OrgScope, type TokenScope } from "../scope";

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const view = (row: {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiTokenView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export class ApiTokenRefusal extends DataRefusal<"NOT_FOUND" | "ENGAGEMENT_ENDED"> {
  override name = "ApiTokenRefusal";
}

/**
 * Creates an evidence token for one engagement, valid for `validDays`; the secret is answered once and never stored.
 */
export async function createApiToken(
  scope: OrgScope,
  engagementId: string,
  name: string,
  validDays = DEFAULT_TOKEN_DAYS,
  now = new Date(),
): Promise<{ token: string; view: ApiTokenView }> {
  return transaction(async (tx) => {
    const engagement = await tx.engagement.findFirst({
      where: { id: engagementId, organisationId: scope.organisationId },
      select: { id: true, status: true },
    });
    if (!engagement) throw new NotFound("Engagement");
    if (isEnded(engagement.status))
      throw new ApiTokenRefusal("ENGAGEMENT_ENDED", [
        `the engagement is ${engagement.status}: it takes no more evidence from pipelines`,
      ]);
    const prefix = randomBytes(6).toString("hex");
    const token = formatToken(prefix, randomBytes(32).toString("base64url"));
    const expiresAt = tokenExpiry(now, validDays);
    const row = await tx.apiToken.create({
      data: {
        organisationId: scope.organisationId,
        engagementId,
        name,
        prefix,
        tokenHash: tokenHash(token),
        scopes: ["evidence:write"],
        createdById: scope.userId,
        createdAt: now,
        expiresAt,
      },
    });
    await appendUserAuditEvent(tx, scope, {
      action: "api_token.created",
      entityType: "api_token",
      entityId: row.id,
      engagementId,
      data: { name, prefix, expiresAt: expiresAt.toISOString() },
    });
    return { token, view: view(row) };
  });
}

export async function listApiTokens(scope: OrgScope, engagementId: string): Promise<ApiTokenView[]> {
  const engagement = await prisma().engagement.findFirst({
    where: { id: engagementId, organisationId: scope.organisationId },
    select: { id: true },
  });
  if (!engagement) throw new NotFound("Engagement");
  const rows = await prisma().apiToken.findMany({
    where: { organisationId: scope.organisationId, engagementId },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(view);
}

export async function revokeApiToken(scope: OrgScope, tokenId: string): Promise<void> {
  return transaction(async (tx) => {
    const row = await tx.apiToken.findFirst({
      where: { id: tokenId, organisationId: scope.organisationId },
      select: { id: true, engagementId: true, revokedAt: true },
    });
    if (!row) throw new NotFound("API token");
    if (row.revokedAt) return;
    await tx.apiToken.update({ where: { id: row.id }, data: { revokedAt: new Date() } });
    await appendUserAuditEvent(tx, scope, {
      action: "api_token.revoked",
      entityType: "api_token",
      entityId: row.id,
      engagementId: row.engagementId,
    });
  });
}

// an unknown or spent token is no refusal: the request is simply not authenticated
/**
 * The scope a presented token grants, if it is known, unrevoked, unexpired and its engagement still open; records its
 * use.
 */
export async function resolveTokenScope(token: string): Promise<TokenScope | null> {
  const row = await prisma().apiToken.findUnique({
    where: { tokenHash: tokenHash(token) },
    select: {
      id: true,
      organisationId: true,
      engagementId: true,
      revokedAt: true,
      expiresAt: true,
      engagement: { select: { status: true } },
    },
  });
  // an ended engagement's tokens are revoked with it; the status is checked too, whatever a row says
  if (
    !row ||
    row.revokedAt ||
    !row.engagementId ||
    !row.engagement ||
    isEnded(row.engagement.status) ||
    (row.expiresAt && row.expiresAt <= new Date())
  )
    return null;
  await prisma().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  return asTokenScope({ organisationId: row.organisationId, engagementId: row.engagementId, tokenId: row.id });
}
