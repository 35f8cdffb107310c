import { createHash, randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import bcrypt from "bcryptjs";
import { databaseOnPglite, installDatabase, openDatabase, type Database } from "../db";
import type { SessionRole } from "../domain/roles";
import { prisma } from "./prisma-client";
import { recordEvidence } from "./evidence/record";
import { applyMigrations } from "./database/migrate";
import { resolveOrgScope } from "./scope";
import { seedOrganisations, type SeedOrganisation } from "./database/seed";
import { pgliteRunner, postgresRunner } from "./database/sql-runner";

// Real databases for integration tests: an in-memory PGlite, and a throwaway database on the
// PostgreSQL server named by TEST_DATABASE_URL. Both get the committed migrations.

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  database: Database;
  /** a connection string when kind is postgres (for tests that need their own connections) */
  url: string | null;
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  if (kind === "pglite") {
    const pglite = new PGlite();
    await applyMigrations(pgliteRunner(pglite, false));
    const database = databaseOnPglite(pglite);
    installDatabase(database);
    return { database, url: null, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `tollgate_test_${randomBytes(6).toString("hex")}`;
  const admin = await postgresRunner(adminUrl);
  await admin.exec(`CREATE DATABASE ${name}`);
  const url = withDatabase(adminUrl, name);
  const runner = await postgresRunner(url);
  try {
    await applyMigrations(runner);
  } finally {
    await runner.close();
  }
  const database = openDatabase({ kind: "postgres", url });
  installDatabase(database);
  return {
    database,
    url,
    async drop() {
      await database.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Seeds organisations with a cheap bcrypt cost: the tests exercise logic, not hashing strength. */
export function seedForTests(organisations: readonly SeedOrganisation[]) {
  return seedOrganisations(organisations, (password) => bcrypt.hash(password, 4));
}

/** The claims a fresh sign-in of `email` would put in its session. */
export async function sessionFor(email: string): Promise<{ userId: string; role: SessionRole; epoch: number }> {
  const user = await prisma().user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      sessionEpoch: true,
      membership: { select: { role: true } },
      clientUser: { select: { role: true } },
    },
  });
  const role = user.membership?.role ?? user.clientUser?.role;
  if (!role) throw new Error(`${email} has no role`);
  return { userId: user.id, role, epoch: user.sessionEpoch };
}

export async function idOf(
  table: "engagement" | "milestone" | "client",
  where: { title?: string; name?: string; key?: string },
) {
  if (table === "engagement")
    return (await prisma().engagement.findFirstOrThrow({ where: { title: where.title }, select: { id: true } })).id;
  if (table === "client")
    return (await prisma().client.findFirstOrThrow({ where: { name: where.name }, select: { id: true } })).id;
  return (
    await prisma().milestone.findFirstOrThrow({
      where: { key: where.key, engagement: { title: where.title } },
      select: { id: true },
    })
  ).id;
}

/** A digest of every row of every domain table: equal before and after means nothing changed. */
export async function databaseFingerprint(): Promise<string> {
  const tables = await prisma().$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
      AND table_name NOT IN ('_prisma_migrations', 'LoginAttempt')
    ORDER BY table_name`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await prisma().$queryRawUnsafe<{ digest: string | null }[]>(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name}" t`,
    );
    parts.push(`${name}:${rows[0]?.digest ?? ""}`);
  }
  return parts.join(";");
}

export async function setUserDeactivated(email: string, deactivated: boolean): Promise<void> {
  await prisma().user.update({ where: { email }, data: { deactivatedAt: deactivated ? new Date() : null } });
}

export async function setEngagementHidesAmounts(title: string, hide: boolean): Promise<void> {
  await prisma().engagement.updateMany({ where: { title }, data: { hideAmountsFromViewers: hide } });
}

export async function organisationIdOf(email: string): Promise<string> {
  return (await prisma().user.findUniqueOrThrow({ where: { email }, select: { organisationId: true } })).organisationId;
}

/** Points the process at a PostgreSQL that refuses connections; returns a function that undoes it. */
export function installUnreachableDatabase(): () => Promise<void> {
  // port 9 (discard) on loopback: nothing listens, the connection is refused
  const unreachable = openDatabase({ kind: "postgres", url: "postgresql://postgres@127.0.0.1:9/tollgate" });
  const previous = installDatabase(unreachable);
  return async () => {
    installDatabase(previous);
    await unreachable.close();
  };
}

/** Attaches evidence with a verifier verdict, as the evidence pipeline will (tests and benchmarks). */
export async function attachVerifiedEvidence(
  email: string,
  milestoneId: string,
  kind: string,
  verdict: "pass" | "fail",
  reasons: string[] = [],
): Promise<string> {
  const scope = await resolveOrgScope((await sessionFor(email)).userId);
  if (!scope) throw new Error(`${email} is not a consultant`);
  const sha256 = createHash("sha256")
    .update(`${milestoneId}:${kind}:${randomBytes(8).toString("hex")}`)
    .digest("hex");
  await recordEvidence(scope, {
    milestoneId,
    kind,
    sha256,
    source: "manual",
    verifications: [{ verifierKind: kind, verifierVersion: "test", params: {}, verdict, metrics: {}, reasons }],
  });
  return sha256;
}

export async function milestoneRow(milestoneId: string) {
  return prisma().milestone.findUniqueOrThrow({ where: { id: milestoneId }, include: { approvals: true } });
}

export async function countAuditEvents(action: string, entityId: string): Promise<number> {
  return prisma().auditEvent.count({ where: { action, entityId } });
}

export async function listEvidenceHashes(milestoneId: string): Promise<string[]> {
  const rows = await prisma().evidence.findMany({ where: { milestoneId }, select: { sha256: true } });
  return [...new Set(rows.map((r) => r.sha256))].sort();
}

export async function engagementAmounts(engagementId: string): Promise<{ feeMinor: bigint; sum: bigint }> {
  const engagement = await prisma().engagement.findUniqueOrThrow({
    where: { id: engagementId },
    include: { milestones: true },
  });
  return { feeMinor: engagement.feeMinor, sum: engagement.milestones.reduce((total, m) => total + m.amountMinor, 0n) };
}

export async function evidenceIdOf(sha256: string): Promise<string> {
  return (await prisma().evidence.findFirstOrThrow({ where: { sha256 }, select: { id: true } })).id;
}

/** A notice for a user, as a client's decision would leave it. */
export async function createNotificationFor(email: string, engagementTitle: string): Promise<string> {
  const user = await prisma().user.findUniqueOrThrow({ where: { email }, select: { id: true, organisationId: true } });
  const engagement = await prisma().engagement.findFirstOrThrow({
    where: { title: engagementTitle },
    select: { id: true },
  });
  const row = await prisma().notification.create({
    data: {
      organisationId: user.organisationId,
      userId: user.id,
      kind: "approved",
      engagementId: engagement.id,
      params: { milestone: "m", engagement: engagementTitle, who: "w", comment: "" },
    },
  });
  return row.id;
}

export async function clientUserIdOf(email: string): Promise<string> {
  return (await prisma().clientUser.findFirstOrThrow({ where: { user: { email } }, select: { id: true } })).id;
}

/** Every stored text of every table, to prove a secret is not among them. */
export async function databaseText(): Promise<string> {
  const tables = await prisma().$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`;
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await prisma().$queryRawUnsafe<{ t: string | null }[]>(
      `SELECT string_agg(t::text, '|') AS t FROM "${name}" t`,
    );
    parts.push(rows[0]?.t ?? "");
  }
  return parts.join("\n");
}

export async function outboxFor(email: string) {
  return prisma().outboxMessage.findMany({ where: { toEmail: email }, orderBy: { createdAt: "asc" } });
}

export async function notificationsFor(email: string) {
  return prisma().notification.findMany({ where: { user: { email } }, orderBy: { createdAt: "asc" } });
}

/** Moves when an engagement's deemed-acceptance rule was set (time passing, in tests). */
export async function setDeemedAcceptanceSince(engagementId: string, since: Date): Promise<void> {
  await prisma().engagement.update({ where: { id: engagementId }, data: { deemedAcceptanceSince: since } });
}

export async function setMilestoneVerifiedAt(milestoneId: string, verifiedAt: Date): Promise<void> {
  await prisma().milestone.update({ where: { id: milestoneId }, data: { verifiedAt } });
}

/** Tries to change an issued invoice behind every procedure's back (the database must refuse). */
export async function tryToAlterInvoice(
  invoiceId: string,
  data: { totalMinor?: bigint; number?: string },
): Promise<void> {
  await prisma().invoice.update({ where: { id: invoiceId }, data });
}
